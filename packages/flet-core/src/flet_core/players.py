"""Media players: audio, video and Lottie animations.

Audio and Video are driven by client methods; the getters wait for the client's answer (5 s by
default) and raise `TimeoutError` when it does not come.
"""

from __future__ import annotations

from flet_core._deprecation import deprecated_twin
from flet_core._fields import control, event, prop
from flet_core.alignment import Alignment
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.encoding import dumps
from flet_core.media import FilterQuality, PlaylistMode, ReleaseMode, VideoMedia, VideoSubtitleConfiguration
from flet_core.types import ImageFit

__all__ = ["Audio", "Lottie", "Video"]


def _milliseconds(result: str | None) -> int | None:
    """A duration or position answer: whole milliseconds as text, or nothing."""
    if result is None or result in {"", "null"}:
        return None
    return int(float(result))


class _MediaPlayer(Control):
    """What Audio and Video share: play, pause, seek and the duration and position queries."""

    def play(self) -> None:
        """Start playing."""
        self.invoke_method("play")

    def pause(self) -> None:
        """Pause playback."""
        self.invoke_method("pause")

    def seek(self, position_milliseconds: int) -> None:
        """Move the playback position."""
        self.invoke_method("seek", {"position": str(position_milliseconds)})

    def get_duration(self, wait_timeout: float | None = 5) -> int | None:
        """The length of the loaded media in milliseconds, once the client knows it."""
        return _milliseconds(self.invoke_method("get_duration", wait_for_result=True, wait_timeout=wait_timeout))

    async def get_duration_async(self, wait_timeout: float | None = 5) -> int | None:
        """The length of the loaded media in milliseconds, once the client knows it."""
        return _milliseconds(
            await self.invoke_method_async("get_duration", wait_for_result=True, wait_timeout=wait_timeout)
        )

    def get_current_position(self, wait_timeout: float | None = 5) -> int | None:
        """The playback position in milliseconds."""
        return _milliseconds(
            self.invoke_method("get_current_position", wait_for_result=True, wait_timeout=wait_timeout)
        )

    async def get_current_position_async(self, wait_timeout: float | None = 5) -> int | None:
        """The playback position in milliseconds."""
        return _milliseconds(
            await self.invoke_method_async("get_current_position", wait_for_result=True, wait_timeout=wait_timeout)
        )

    play_async = deprecated_twin(play)
    pause_async = deprecated_twin(pause)


@control(
    "audio",
    positional=(
        "src src_base64 autoplay volume balance playback_rate release_mode on_loaded on_duration_changed "
        "on_state_changed on_position_changed on_seek_complete ref data"
    ).split(),
)
class Audio(_MediaPlayer):
    """Plays an audio file or stream; controlled by its methods, it draws nothing."""

    src: str | None = prop(default=None, kw_only=False)
    src_base64: str | None = None
    autoplay: bool | None = False
    volume: int | float | None = None
    balance: int | float | None = None
    playback_rate: int | float | None = None
    release_mode: ReleaseMode | None = None
    on_loaded: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_duration_changed: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_state_changed: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_position_changed: EventHandler[ControlEvent] | None = event(default=None)
    on_seek_complete: EventHandler[ControlEvent] | None = event(flag=False, default=None)

    def resume(self) -> None:
        """Resume paused playback."""
        self.invoke_method("resume")

    def release(self) -> None:
        """Stop playback and free the player's resources; `play()` loads the source again."""
        self.invoke_method("release")

    resume_async = deprecated_twin(resume)

    release_async = deprecated_twin(release)

    seek_async = deprecated_twin(_MediaPlayer.seek)


@control(
    "video",
    positional=(
        "playlist title fit fill_color wakelock autoplay show_controls muted playlist_mode "
        "shuffle_playlist volume playback_rate alignment filter_quality "
        "pause_upon_entering_background_mode resume_upon_entering_foreground_mode aspect_ratio pitch "
        "subtitle_configuration on_loaded on_enter_fullscreen on_exit_fullscreen on_error ref key width "
        "height left top right bottom expand col opacity rotate scale offset animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class Video(_MediaPlayer, ConstrainedControl):
    """Plays a video or a playlist of videos."""

    # 0.21 sets the playlist once, at construction; playlist_add/remove keep it in step
    playlist: list[VideoMedia] | None = prop(default=None, json=True, kw_only=False)
    title: str | None = None
    fit: ImageFit | None = None
    fill_color: str | None = None
    wakelock: bool | None = True
    autoplay: bool | None = False
    show_controls: bool | None = True
    muted: bool | None = False
    playlist_mode: PlaylistMode | None = None
    shuffle_playlist: bool | None = False
    volume: int | float | None = None
    playback_rate: int | float | None = None
    alignment: Alignment | None = prop(default=None, json=True)
    filter_quality: FilterQuality | None = None
    pause_upon_entering_background_mode: bool | None = True
    resume_upon_entering_foreground_mode: bool | None = False
    pitch: int | float | None = None
    subtitle_configuration: VideoSubtitleConfiguration | None = prop(default=None, json=True)
    on_loaded: EventHandler[ControlEvent] | None = event(default=None)
    on_enter_fullscreen: EventHandler[ControlEvent] | None = event(default=None)
    on_exit_fullscreen: EventHandler[ControlEvent] | None = event(default=None)
    on_error: EventHandler[ControlEvent] | None = event(default=None)

    def play_or_pause(self) -> None:
        """Pause if playing, play if paused."""
        self.invoke_method("play_or_pause")

    def stop(self) -> None:
        """Stop playback and go back to the start of the playlist."""
        self.invoke_method("stop")

    def next(self) -> None:
        """Skip to the next video of the playlist."""
        self.invoke_method("next")

    def previous(self) -> None:
        """Go back to the previous video of the playlist."""
        self.invoke_method("previous")

    async def seek_async(self, position_milliseconds: int) -> None:
        """Move the playback position."""
        await self.invoke_method_async("seek", {"position": str(position_milliseconds)})

    def jump_to(self, media_index: int) -> None:
        """Play the playlist's video at `media_index`."""
        self.invoke_method("jump_to", {"media_index": str(media_index)})

    async def jump_to_async(self, media_index: int) -> None:
        """Play the playlist's video at `media_index`."""
        await self.invoke_method_async("jump_to", {"media_index": str(media_index)})

    def playlist_add(self, media: VideoMedia) -> None:
        """Append `media` to the playlist."""
        arguments = {
            "resource": media.resource or "",
            "http_headers": dumps(media.http_headers or {}),
            "extras": dumps(media.extras or {}),
        }
        self.invoke_method("playlist_add", arguments)
        # the playlist attribute follows, so a reconnecting client loads the same list
        self.playlist = [*(self.playlist or []), media]

    def playlist_remove(self, media_index: int) -> None:
        """Remove the playlist's video at `media_index`."""
        self.invoke_method("playlist_remove", {"media_index": str(media_index)})
        playlist = list(self.playlist or [])
        if 0 <= media_index < len(playlist):
            del playlist[media_index]
            self.playlist = playlist

    def is_playing(self, wait_timeout: float | None = 5) -> bool:
        """Whether a video is playing."""
        return self.invoke_method("is_playing", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    async def is_playing_async(self, wait_timeout: float | None = 5) -> bool:
        """Whether a video is playing."""
        result = await self.invoke_method_async("is_playing", wait_for_result=True, wait_timeout=wait_timeout)
        return result == "true"

    def is_completed(self, wait_timeout: float | None = 5) -> bool:
        """Whether the playlist has played to its end."""
        return self.invoke_method("is_completed", wait_for_result=True, wait_timeout=wait_timeout) == "true"

    async def is_completed_async(self, wait_timeout: float | None = 5) -> bool:
        """Whether the playlist has played to its end."""
        result = await self.invoke_method_async("is_completed", wait_for_result=True, wait_timeout=wait_timeout)
        return result == "true"

    play_or_pause_async = deprecated_twin(play_or_pause)

    stop_async = deprecated_twin(stop)

    next_async = deprecated_twin(next)

    previous_async = deprecated_twin(previous)

    playlist_add_async = deprecated_twin(playlist_add)

    playlist_remove_async = deprecated_twin(playlist_remove)


@control(
    "lottie",
    positional=(
        "src src_base64 repeat reverse animate background_loading filter_quality fit on_error ref key "
        "width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data rtl"
    ).split(),
)
class Lottie(ConstrainedControl):
    """Plays a Lottie animation."""

    src: str | None = prop(default=None, kw_only=False)
    src_base64: str | None = None
    repeat: bool | None = True
    reverse: bool | None = False
    animate: bool | None = True
    background_loading: bool | None = None
    filter_quality: FilterQuality | None = None
    fit: ImageFit | None = None
    on_error: EventHandler[ControlEvent] | None = event(default=None)
