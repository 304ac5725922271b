"""Text entry and drop-down fields, which share the decoration of `FormFieldControl`."""

from __future__ import annotations

from flet_core._fields import control, event, prop, slot
from flet_core._focusable import Focusable
from flet_core.adaptive_control import AdaptiveControl
from flet_core.alignment import Alignment
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.text_input import InputBorder, InputFilter, KeyboardType, TextCapitalization
from flet_core.text_style import TextStyle
from flet_core.types import BorderRadiusValue, PaddingValue, TextAlign, VerticalAlignment

__all__ = ["Dropdown", "FormFieldControl", "Option", "TextField"]


@control(None)
class FormFieldControl(ConstrainedControl):
    """Base of text and drop-down fields: label, borders, colours and helper texts."""

    text_size: int | float | None = None
    text_style: TextStyle | None = prop(default=None, json=True)
    text_vertical_align: VerticalAlignment | int | float | None = None
    label: str | None = None
    label_style: TextStyle | None = prop(default=None, json=True)
    icon: str | None = None
    border: InputBorder | None = None
    color: str | None = None
    bgcolor: str | None = None
    border_radius: BorderRadiusValue = prop(default=None, json=True)
    border_width: int | float | None = None
    border_color: str | None = None
    focused_color: str | None = None
    focused_bgcolor: str | None = None
    focused_border_width: int | float | None = None
    focused_border_color: str | None = None
    content_padding: PaddingValue = prop(default=None, json=True)
    dense: bool | None = None
    filled: bool | None = None
    hint_text: str | None = None
    hint_style: TextStyle | None = prop(default=None, json=True)
    helper_text: str | None = None
    helper_style: TextStyle | None = prop(default=None, json=True)
    counter_text: str | None = None
    counter_style: TextStyle | None = prop(default=None, json=True)
    error_text: str | None = None
    error_style: TextStyle | None = prop(default=None, json=True)
    prefix: Control | None = slot(n="prefix", default=None)
    prefix_icon: str | None = None
    prefix_text: str | None = None
    prefix_style: TextStyle | None = prop(default=None, json=True)
    suffix: Control | None = slot(n="suffix", default=None)
    suffix_icon: str | None = None
    suffix_text: str | None = None
    suffix_style: TextStyle | None = prop(default=None, json=True)

    def before_update(self) -> None:
        super().before_update()
        # a background colour only shows on a filled field
        if self.bgcolor is not None and self.filled is None:
            self.filled = True


@control(
    "textfield",
    positional=(
        "value keyboard_type multiline min_lines max_lines max_length password can_reveal_password "
        "read_only shift_enter text_align autofocus capitalization autocorrect enable_suggestions "
        "smart_dashes_type smart_quotes_type show_cursor cursor_color cursor_width cursor_height "
        "cursor_radius selection_color input_filter on_change on_submit on_focus on_blur text_size "
        "text_style text_vertical_align label label_style icon border color bgcolor border_radius "
        "border_width border_color focused_color focused_bgcolor focused_border_width "
        "focused_border_color content_padding dense filled hint_text hint_style helper_text helper_style "
        "counter_text counter_style error_text error_style prefix prefix_icon prefix_text prefix_style "
        "suffix suffix_icon suffix_text suffix_style ref key width height expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data rtl adaptive"
    ).split(),
)
class TextField(Focusable, FormFieldControl, AdaptiveControl):
    """A Material text field."""

    value: str | None = prop(default="", kw_only=False)
    keyboard_type: KeyboardType | None = None
    multiline: bool | None = False
    min_lines: int | None = None
    max_lines: int | None = None
    max_length: int | None = None
    password: bool | None = False
    can_reveal_password: bool | None = False
    read_only: bool | None = False
    shift_enter: bool | None = False
    text_align: TextAlign = TextAlign.NONE
    autofocus: bool | None = False
    capitalization: TextCapitalization = TextCapitalization.NONE
    autocorrect: bool | None = True
    enable_suggestions: bool | None = True
    smart_dashes_type: bool | None = True
    smart_quotes_type: bool | None = True
    show_cursor: bool | None = True
    cursor_color: str | None = None
    cursor_width: int | float | None = None
    cursor_height: int | float | None = None
    cursor_radius: int | float | None = None
    selection_color: str | None = None
    input_filter: InputFilter | None = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(default=None)
    on_submit: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control("dropdownoption", positional="key text visible disabled ref".split())
class Option(Control):
    """One choice of a `Dropdown`."""

    key: str | None = prop(default=None, kw_only=False)
    text: str | None = prop(default=None, kw_only=False)


@control(
    "dropdown",
    positional=(
        "value options alignment autofocus on_change on_focus on_blur text_size text_style label "
        "label_style icon border color bgcolor border_radius border_width border_color focused_color "
        "focused_bgcolor focused_border_width focused_border_color content_padding dense filled hint_text "
        "hint_style helper_text helper_style counter_text counter_style error_text error_style prefix "
        "prefix_icon prefix_text prefix_style suffix suffix_icon suffix_text suffix_style ref key width "
        "height expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data"
    ).split(),
)
class Dropdown(Focusable, FormFieldControl):
    """A Material drop-down field to pick one of its options."""

    value: str | None = prop(default=None, kw_only=False)
    options: list[Option] = slot(many=True, default=None)
    alignment: Alignment | None = prop(default=None, json=True)
    autofocus: bool | None = False
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)
