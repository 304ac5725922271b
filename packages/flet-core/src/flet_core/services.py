"""Non-visual controls that give access to device services; add them to `page.overlay`."""

from __future__ import annotations

import json
from typing import Any, Literal, Self

from flet_core._deprecation import deprecated_twin
from flet_core._fields import control, event, local, prop
from flet_core._typed_events import JsonEvent, to_optional_float
from flet_core.accessibility import Assertiveness
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.encoding import as_json
from flet_core.media import AudioEncoder
from flet_core.pickers import FilePickerFile, FilePickerFileType, FilePickerUploadFile

__all__ = [
    "AudioRecorder",
    "FilePicker",
    "FilePickerResultEvent",
    "FilePickerUploadEvent",
    "HapticFeedback",
    "SemanticsService",
    "ShakeDetector",
]


def _json_object(text: str | None) -> dict[str, Any]:
    """A JSON object answer from the client, or `{}`."""
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


class FilePickerResultEvent(JsonEvent):
    """The outcome of a file dialog: the picked `files`, or the chosen `path`; both None if cancelled."""

    def __init__(self, path: str | None = None, files: list[Any] | None = None) -> None:
        super().__init__("result")
        self.path = path
        """The folder picked by `get_directory_path()`, or the file chosen by `save_file()`."""
        self.files: list[FilePickerFile] | None = None
        """The files picked by `pick_files()`."""
        if files is not None:
            self.files = [item if isinstance(item, FilePickerFile) else FilePickerFile(**item) for item in files]

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Any, page: Any) -> Self:
        event = super().from_wire(target, name, data, control, page)
        if isinstance(control, FilePicker):
            control.result = event  # 0.21 keeps the last outcome on the picker
        return event


class FilePickerUploadEvent(JsonEvent):
    """Progress of one upload started by `upload()`: a fraction from 0 to 1, or an error."""

    def __init__(self, file_name: str = "", progress: Any = None, error: str | None = None) -> None:
        super().__init__("upload")
        self.file_name = file_name
        self.progress = to_optional_float(progress)
        self.error = error


@control("filepicker", positional="on_result on_upload ref visible disabled data".split())
class FilePicker(Control):
    """Opens the platform's dialogs to pick files or a folder, or save a file; uploads files."""

    on_result: EventHandler[FilePickerResultEvent] | None = event(FilePickerResultEvent, flag=False, default=None)
    on_upload: EventHandler[FilePickerUploadEvent] | None = event(FilePickerUploadEvent, flag=False, default=None)
    allow_multiple: bool | None = False
    allowed_extensions: list[str] | None = prop(default=None, json=True)
    dialog_title: str | None = None
    file_name: str | None = None
    file_type: FilePickerFileType | None = None
    initial_directory: str | None = None
    result: FilePickerResultEvent | None = local(default=None)
    state: Literal["pickFiles", "saveFile", "getDirectoryPath"] | None = None

    def before_update(self) -> None:
        # the client expects an upload list from the start; upstream sends "[]"
        if self._get_attr("upload") is None:
            self._set_attr("upload", "[]", dirty=False)

    def pick_files(
        self,
        dialog_title: str | None = None,
        initial_directory: str | None = None,
        file_type: FilePickerFileType = FilePickerFileType.ANY,
        allowed_extensions: list[str] | None = None,
        allow_multiple: bool | None = False,
    ) -> None:
        """Open the dialog to pick one file (or several); `on_result` gets the outcome."""
        self.state = "pickFiles"
        self.dialog_title = dialog_title
        self.initial_directory = initial_directory
        self.file_type = file_type
        self.allowed_extensions = allowed_extensions
        self.allow_multiple = allow_multiple
        self.update()

    def save_file(
        self,
        dialog_title: str | None = None,
        file_name: str | None = None,
        initial_directory: str | None = None,
        file_type: FilePickerFileType = FilePickerFileType.ANY,
        allowed_extensions: list[str] | None = None,
    ) -> None:
        """Open the dialog to choose where to save a file (desktop only); `on_result` gets the path."""
        self.state = "saveFile"
        self.dialog_title = dialog_title
        self.file_name = file_name
        self.initial_directory = initial_directory
        self.file_type = file_type
        self.allowed_extensions = allowed_extensions
        self.update()

    def get_directory_path(self, dialog_title: str | None = None, initial_directory: str | None = None) -> None:
        """Open the dialog to pick a folder (desktop only); `on_result` gets the path."""
        self.state = "getDirectoryPath"
        self.dialog_title = dialog_title
        self.initial_directory = initial_directory
        self.update()

    def upload(self, files: list[FilePickerUploadFile]) -> None:
        """Upload picked files to their URLs (see `page.get_upload_url`); `on_upload` reports progress."""
        self._set_attr("upload", as_json(list(files)))
        self.update()

    pick_files_async = deprecated_twin(pick_files)

    save_file_async = deprecated_twin(save_file)

    get_directory_path_async = deprecated_twin(get_directory_path)

    upload_async = deprecated_twin(upload)


@control("hapticfeedback", positional="ref data".split())
class HapticFeedback(Control):
    """Makes the device vibrate or give haptic feedback."""

    def heavy_impact(self) -> None:
        """A strong haptic collision impact."""
        self.invoke_method("heavy_impact")

    def light_impact(self) -> None:
        """A light haptic collision impact."""
        self.invoke_method("light_impact")

    def medium_impact(self) -> None:
        """A medium haptic collision impact."""
        self.invoke_method("medium_impact")

    def vibrate(self) -> None:
        """A short vibration."""
        self.invoke_method("vibrate")

    heavy_impact_async = deprecated_twin(heavy_impact)

    light_impact_async = deprecated_twin(light_impact)

    medium_impact_async = deprecated_twin(medium_impact)

    vibrate_async = deprecated_twin(vibrate)


@control(
    "shakedetector",
    positional=(
        "minimum_shake_count shake_slop_time_ms shake_count_reset_time_ms shake_threshold_gravity on_shake ref data"
    ).split(),
)
class ShakeDetector(Control):
    """Reports when the user shakes the device."""

    minimum_shake_count: int | None = prop(default=None, kw_only=False)
    shake_slop_time_ms: int | None = None
    shake_count_reset_time_ms: int | None = None
    shake_threshold_gravity: int | float | None = None
    on_shake: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control("semanticsservice", positional="ref data".split())
class SemanticsService(Control):
    """Sends announcements to the platform's accessibility services."""

    def announce_message(
        self, message: str, rtl: bool = False, assertiveness: Assertiveness = Assertiveness.POLITE
    ) -> None:
        """Have the screen reader announce `message`."""
        # the client compares rtl with lowercase "true"
        arguments = {"message": message, "rtl": "true" if rtl else "false", "assertiveness": assertiveness.value}
        self.invoke_method("announce_message", arguments)

    def announce_tooltip(self, message: str) -> None:
        """Have the screen reader announce `message` as a tooltip."""
        self.invoke_method("announce_tooltip", {"message": message})

    announce_message_async = deprecated_twin(announce_message)

    announce_tooltip_async = deprecated_twin(announce_tooltip)


@control(
    "audiorecorder",
    positional=(
        "audio_encoder suppress_noise cancel_echo auto_gain channels_num sample_rate bit_rate on_state_changed ref data"
    ).split(),
)
class AudioRecorder(Control):
    """Records audio from the microphone to a file."""

    audio_encoder: AudioEncoder | None = prop(default=None, kw_only=False)
    suppress_noise: bool | None = False
    cancel_echo: bool | None = False
    auto_gain: bool | None = False
    channels_num: int | float | None = prop(default=None, wire="channels")
    sample_rate: int | float | None = None
    bit_rate: int | float | None = None
    on_state_changed: EventHandler[ControlEvent] | None = event(flag=False, default=None)

    def start_recording(self, output_path: str | None = None) -> None:
        """Start recording to `output_path` (required everywhere but on the web)."""
        self.invoke_method("start_recording", {"outputPath": output_path} if output_path else None)

    def stop_recording(self, wait_timeout: float | None = 5) -> str | None:
        """Stop recording; returns where the recording is (a path, or a blob URL on the web)."""
        return self.invoke_method("stop_recording", wait_for_result=True, wait_timeout=wait_timeout)

    async def stop_recording_async(self, wait_timeout: float | None = 10) -> str | None:
        """Stop recording; returns where the recording is (a path, or a blob URL on the web)."""
        return await self.invoke_method_async("stop_recording", wait_for_result=True, wait_timeout=wait_timeout)

    def pause_recording(self) -> None:
        """Pause the recording."""
        self.invoke_method("pause_recording")

    def resume_recording(self) -> None:
        """Resume a paused recording."""
        self.invoke_method("resume_recording")

    def is_recording(self, wait_timeout: float | None = 5) -> bool:
        """Whether a recording is in progress."""
        return self.invoke_method("is_recording", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    async def is_recording_async(self, wait_timeout: float | None = 5) -> bool:
        """Whether a recording is in progress."""
        return await self.invoke_method_async("is_recording", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    def is_paused(self, wait_timeout: float | None = 5) -> bool:
        """Whether the recording is paused."""
        return self.invoke_method("is_paused", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    async def is_paused_async(self, wait_timeout: float | None = 5) -> bool:
        """Whether the recording is paused."""
        return await self.invoke_method_async("is_paused", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    def is_supported_encoder(self, encoder: AudioEncoder, wait_timeout: float | None = 5) -> bool:
        """Whether the platform can record with `encoder`."""
        result = self.invoke_method(
            "is_supported_encoder", {"encoder": encoder.value}, wait_for_result=True, wait_timeout=wait_timeout
        )
        return result == "true"

    async def is_supported_encoder_async(self, encoder: AudioEncoder, wait_timeout: float | None = 5) -> bool:
        """Whether the platform can record with `encoder`."""
        result = await self.invoke_method_async(
            "is_supported_encoder", {"encoder": encoder.value}, wait_for_result=True, wait_timeout=wait_timeout
        )
        return result == "true"

    def has_permission(self, wait_timeout: float | None = 10) -> bool:
        """Whether the app may use the microphone (asks the user when needed)."""
        return self.invoke_method("has_permission", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    async def has_permission_async(self, wait_timeout: float | None = 10) -> bool:
        """Whether the app may use the microphone (asks the user when needed)."""
        result = await self.invoke_method_async("has_permission", wait_for_result=True, wait_timeout=wait_timeout)
        return result == "true"

    def get_input_devices(self, wait_timeout: float | None = 5) -> dict[str, Any]:
        """The available input devices, by id."""
        return _json_object(self.invoke_method("get_input_devices", wait_for_result=True, wait_timeout=wait_timeout))

    async def get_input_devices_async(self, wait_timeout: float | None = 5) -> dict[str, Any]:
        """The available input devices, by id."""
        result = await self.invoke_method_async("get_input_devices", wait_for_result=True, wait_timeout=wait_timeout)
        return _json_object(result)

    start_recording_async = deprecated_twin(start_recording)

    pause_recording_async = deprecated_twin(pause_recording)

    resume_recording_async = deprecated_twin(resume_recording)
