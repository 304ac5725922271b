"""Dialogs and overlays that open and close: alert dialogs, banners, sheets, snack bars, pickers."""

from __future__ import annotations

from datetime import datetime, time

from flet_core._conversions import decode_datetime, decode_time, encode_time, to_datetime, to_time
from flet_core._deprecation import deprecated_twin
from flet_core._fields import control, event, prop, slot
from flet_core.adaptive_control import AdaptiveControl
from flet_core.buttons import OutlinedBorder
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.gestures import DismissDirection
from flet_core.pickers import DatePickerEntryMode, DatePickerMode, TimePickerEntryMode
from flet_core.placement import SnackBarBehavior
from flet_core.text_input import KeyboardType
from flet_core.types import MainAxisAlignment, MarginValue, PaddingValue

__all__ = ["AlertDialog", "Banner", "BottomSheet", "DatePicker", "SnackBar", "TimePicker"]


@control(
    "alertdialog",
    positional=(
        "modal title content actions bgcolor elevation icon open title_padding content_padding "
        "actions_padding actions_alignment shape inset_padding semantics_label adaptive on_dismiss ref "
        "disabled visible data"
    ).split(),
)
class AlertDialog(AdaptiveControl):
    """A Material dialog with a title, content and actions; shown while `open` is true."""

    modal: bool = prop(default=False, eager=True, kw_only=False)
    title: Control | None = slot(n="title", default=None)
    icon: Control | None = slot(n="icon", default=None)
    content: Control | None = slot(n="content", default=None)
    bgcolor: str | None = None
    elevation: int | float | None = None
    actions: list[Control] = slot(n="action", many=True, default=None)
    open: bool = prop(default=False, eager=True)
    title_padding: PaddingValue = prop(default=None, json=True)
    content_padding: PaddingValue = prop(default=None, json=True)
    actions_padding: PaddingValue = prop(default=None, json=True)
    actions_alignment: MainAxisAlignment = MainAxisAlignment.NONE
    shape: OutlinedBorder | None = prop(default=None, json=True)
    inset_padding: PaddingValue = prop(default=None, json=True)
    semantics_label: str | None = None
    on_dismiss: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "banner",
    positional=(
        "open leading leading_padding content content_padding actions force_actions_below bgcolor ref "
        "disabled visible data"
    ).split(),
)
class Banner(Control):
    """A message with actions shown at the top of the page while `open` is true."""

    open: bool = prop(default=False, eager=True, kw_only=False)
    leading: Control | None = slot(n="leading", default=None)
    leading_padding: PaddingValue = prop(default=None, json=True)
    content: Control | None = slot(n="content", default=None)
    content_padding: PaddingValue = prop(default=None, json=True)
    actions: list[Control] = slot(n="action", many=True, default=None)
    force_actions_below: bool | None = False
    bgcolor: str | None = None
    modal: bool | None = False


@control(
    "bottomsheet",
    positional=(
        "content open elevation bgcolor dismissible enable_drag show_drag_handle use_safe_area "
        "is_scroll_controlled maintain_bottom_view_insets_padding on_dismiss ref disabled visible data"
    ).split(),
)
class BottomSheet(Control):
    """A panel that slides up from the bottom of the page while `open` is true."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    open: bool = prop(default=False, eager=True)
    elevation: int | float | None = None
    bgcolor: str | None = None
    dismissible: bool | None = True
    enable_drag: bool | None = False
    show_drag_handle: bool | None = False
    use_safe_area: bool | None = True
    is_scroll_controlled: bool | None = False
    maintain_bottom_view_insets_padding: bool | None = True
    on_dismiss: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "snackbar",
    positional=(
        "content open behavior dismiss_direction show_close_icon action action_color close_icon_color "
        "bgcolor duration margin padding width elevation on_action ref disabled visible data"
    ).split(),
)
class SnackBar(Control):
    """A short message at the bottom of the page, shown while `open` is true."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    open: bool = prop(default=False, eager=True)
    behavior: SnackBarBehavior | None = None
    dismiss_direction: DismissDirection | None = None
    show_close_icon: bool | None = prop(default=False, eager=True)
    action: str | None = None
    action_color: str | None = None
    close_icon_color: str | None = None
    bgcolor: str | None = None
    duration: int | None = None
    margin: MarginValue = prop(default=None, json=True)
    padding: PaddingValue = prop(default=None, json=True)
    width: int | float | None = None
    elevation: int | float | None = None
    on_action: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "datepicker",
    positional=(
        "open value first_date last_date current_date keyboard_type date_picker_mode "
        "date_picker_entry_mode help_text cancel_text confirm_text error_format_text error_invalid_text "
        "field_hint_text field_label_text switch_to_calendar_icon switch_to_input_icon on_change "
        "on_dismiss ref expand expand_loose col opacity tooltip visible disabled data"
    ).split(),
)
class DatePicker(Control):
    """A Material date picker dialog; opened by `pick_date()`."""

    open: bool = prop(default=False, eager=True, kw_only=False)
    value: datetime | str | None = prop(default=None, convert=to_datetime, decode=decode_datetime)
    first_date: datetime | str | None = prop(default=None, convert=to_datetime, decode=decode_datetime)
    last_date: datetime | str | None = prop(default=None, convert=to_datetime, decode=decode_datetime)
    current_date: datetime | str | None = prop(default=None, convert=to_datetime, decode=decode_datetime)
    keyboard_type: KeyboardType | None = None
    date_picker_mode: DatePickerMode | None = None
    date_picker_entry_mode: DatePickerEntryMode | None = None
    help_text: str | None = None
    cancel_text: str | None = None
    confirm_text: str | None = None
    error_format_text: str | None = None
    error_invalid_text: str | None = None
    field_hint_text: str | None = None
    field_label_text: str | None = None
    switch_to_calendar_icon: str | None = prop(default=None, wire="switchtocalendarentrymodeicon")
    switch_to_input_icon: str | None = prop(default=None, wire="switchtoinputentrymodeicon")
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_dismiss: EventHandler[ControlEvent] | None = event(flag=False, default=None)

    def pick_date(self) -> None:
        """Open the date picker dialog."""
        self.open = True
        self.update()

    pick_date_async = deprecated_twin(pick_date)


@control(
    "timepicker",
    positional=(
        "value open time_picker_entry_mode hour_label_text minute_label_text help_text cancel_text "
        "confirm_text error_invalid_text on_change on_dismiss ref expand expand_loose col opacity tooltip "
        "visible disabled data"
    ).split(),
)
class TimePicker(Control):
    """A Material time picker dialog; opened by `pick_time()`."""

    value: time | str | None = prop(
        default=None, convert=to_time, decode=decode_time, encode=encode_time, kw_only=False
    )
    open: bool = prop(default=False, eager=True)
    time_picker_entry_mode: TimePickerEntryMode | None = None
    hour_label_text: str | None = None
    minute_label_text: str | None = None
    help_text: str | None = None
    cancel_text: str | None = None
    confirm_text: str | None = None
    error_invalid_text: str | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_dismiss: EventHandler[ControlEvent] | None = event(flag=False, default=None)

    def pick_time(self) -> None:
        """Open the time picker dialog."""
        self.open = True
        self.update()

    pick_time_async = deprecated_twin(pick_time)
