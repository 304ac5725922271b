"""Selection inputs: checkboxes, radios, switches, sliders, search bars and segmented buttons."""

from __future__ import annotations

import time
from typing import Any

from flet_core._deprecation import deprecated_twin
from flet_core._fields import Prop, control, event, prop, slot
from flet_core._update_state import record
from flet_core.adaptive_control import AdaptiveControl
from flet_core.border import BorderSide
from flet_core.buttons import ButtonStyle, OutlinedBorder
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.encoding import as_plain, dumps
from flet_core.text_input import TextCapitalization
from flet_core.text_style import TextStyle
from flet_core.types import LabelPosition, MaterialState

__all__ = [
    "Checkbox",
    "Radio",
    "RadioGroup",
    "RangeSlider",
    "SearchBar",
    "Segment",
    "SegmentedButton",
    "Slider",
    "Switch",
]


class _CheckboxValue(Prop):
    """``Checkbox.value``: reads ``False`` while unset, ``None`` only for a tristate checkbox (as in 0.21)."""

    def __get__(self, obj: Control | None, owner: type) -> Any:
        if obj is None:
            return self
        values = record(obj).values
        value = values.get(self.name)
        if value is None and not values.get("tristate"):
            return False
        return value


def _checkbox_value() -> Any:
    return _CheckboxValue(
        default=None, wire=None, encode=as_plain, convert=None, decode=None, kw_only=True, eager=False
    )


@control(
    "checkbox",
    positional=(
        "label value label_position label_style tristate autofocus fill_color overlay_color check_color "
        "active_color hover_color focus_color on_change on_focus on_blur ref key width height left top "
        "right bottom expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data adaptive"
    ).split(),
)
class Checkbox(ConstrainedControl, AdaptiveControl):
    """A Material checkbox with an optional label; tristate when `tristate` is true."""

    label: str | None = prop(default=None, kw_only=False)
    value: bool | None = _checkbox_value()
    label_position: LabelPosition = LabelPosition.NONE
    label_style: TextStyle | None = prop(default=None, json=True)
    tristate: bool | None = False
    autofocus: bool | None = False
    fill_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    overlay_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    check_color: str | None = None
    active_color: str | None = None
    hover_color: str | None = None
    focus_color: str | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "radio",
    positional=(
        "label label_position label_style value autofocus fill_color active_color on_focus on_blur ref "
        "key width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data adaptive"
    ).split(),
)
class Radio(ConstrainedControl, AdaptiveControl):
    """A Material radio button; part of a `RadioGroup`."""

    label: str | None = prop(default=None, kw_only=False)
    label_position: LabelPosition = LabelPosition.NONE
    label_style: TextStyle | None = prop(default=None, json=True)
    value: str | None = ""
    autofocus: bool | None = False
    fill_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    active_color: str | None = None
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control("radiogroup", positional="content value on_change ref opacity visible disabled data".split())
class RadioGroup(Control):
    """Holds radio buttons and their selected value."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    value: str | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "switch",
    positional=(
        "label label_position label_style value autofocus active_color active_track_color focus_color "
        "inactive_thumb_color inactive_track_color thumb_color thumb_icon track_color adaptive on_change "
        "on_focus on_blur ref key width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class Switch(ConstrainedControl, AdaptiveControl):
    """A Material on/off switch with an optional label."""

    label: str | None = prop(default=None, kw_only=False)
    label_position: LabelPosition = LabelPosition.NONE
    label_style: TextStyle | None = prop(default=None, json=True)
    value: bool | None = False
    autofocus: bool | None = False
    active_color: str | None = None
    active_track_color: str | None = None
    focus_color: str | None = None
    inactive_thumb_color: str | None = None
    inactive_track_color: str | None = None
    thumb_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    thumb_icon: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    track_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "slider",
    positional=(
        "value label min max divisions round autofocus active_color inactive_color thumb_color on_change "
        "on_change_start on_change_end on_focus on_blur ref key width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data adaptive"
    ).split(),
)
class Slider(ConstrainedControl, AdaptiveControl):
    """A Material slider to select a value from a range."""

    value: int | float | None = prop(default=None, kw_only=False)
    label: str | None = None
    min: int | float | None = None
    max: int | float | None = None
    divisions: int | None = None
    round: int | None = None
    autofocus: bool | None = False
    active_color: str | None = None
    inactive_color: str | None = None
    thumb_color: str | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_change_start: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_change_end: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "rangeslider",
    positional=(
        "start_value end_value label min max divisions round active_color inactive_color overlay_color "
        "on_change on_change_start on_change_end ref key width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class RangeSlider(ConstrainedControl):
    """A Material slider with two thumbs that select a range."""

    start_value: float | None = prop(default=None, kw_only=False)
    end_value: float | None = None
    label: str | None = None
    min: int | float | None = None
    max: int | float | None = None
    divisions: int | None = None
    round: int | None = None
    active_color: str | None = None
    inactive_color: str | None = None
    overlay_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_change_start: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_change_end: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "searchbar",
    positional=(
        "controls value bar_leading bar_trailing bar_hint_text bar_bgcolor bar_overlay_color view_leading "
        "view_trailing view_elevation view_bgcolor view_hint_text view_side view_shape "
        "view_header_text_style view_hint_text_style divider_color full_screen capitalization on_tap "
        "on_submit on_change ref key width height expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class SearchBar(ConstrainedControl):
    """A Material search bar that opens a view of suggestions."""

    bar_leading: Control | None = slot(n="barLeading", default=None)
    value: str | None = ""
    view_leading: Control | None = slot(n="viewLeading", default=None)
    bar_trailing: list[Control] = slot(n="barTrailing", many=True, default=None)
    bar_hint_text: str | None = None
    bar_bgcolor: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    bar_overlay_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    view_trailing: list[Control] = slot(n="viewTrailing", many=True, default=None)
    controls: list[Control] = slot(n="controls", many=True, default=None, kw_only=False)
    view_elevation: int | float | None = None
    view_bgcolor: str | None = None
    view_hint_text: str | None = None
    view_side: BorderSide | None = prop(default=None, json=True)
    view_shape: OutlinedBorder | None = prop(default=None, json=True)
    view_header_text_style: TextStyle | None = prop(default=None, json=True)
    view_hint_text_style: TextStyle | None = prop(default=None, json=True)
    divider_color: str | None = None
    full_screen: bool | None = False
    capitalization: TextCapitalization = TextCapitalization.NONE
    on_tap: EventHandler[ControlEvent] | None = event(default=None)
    on_submit: EventHandler[ControlEvent] | None = event(default=None)
    on_change: EventHandler[ControlEvent] | None = event(default=None)

    def open_view(self) -> None:
        """Open the search view (the full list of suggestions)."""
        self._set_attr("method", dumps({"n": "openView", "i": str(time.time()), "p": {}}))
        self.update()

    def close_view(self, text: str = "") -> None:
        """Close the search view and put `text` in the bar."""
        self.value = text
        self._set_attr("method", dumps({"n": "closeView", "i": str(time.time()), "p": {"text": text}}))
        self.update()

    open_view_async = deprecated_twin(open_view)

    close_view_async = deprecated_twin(close_view)


@control(
    "segment",
    positional="value icon label ref expand expand_loose col opacity tooltip visible disabled data".split(),
)
class Segment(Control):
    """One segment of a `SegmentedButton`."""

    value: str | None = prop(default=None, kw_only=False)
    # keyword-only for type checkers, which take positional fields in declaration order: 0.21's
    # parameters are (value, icon, label), while label goes to the client first
    label: Control | None = slot(n="label", default=None)
    icon: Control | None = slot(n="icon", default=None, kw_only=False)


@control(
    "segmentedbutton",
    positional=(
        "segments ref key width height left top right bottom expand expand_loose col opacity rotate scale "
        "offset aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data style allow_empty_selection "
        "allow_multiple_selection selected selected_icon show_selected_icon on_change"
    ).split(),
)
class SegmentedButton(ConstrainedControl):
    """A Material row of segments to select one or more of."""

    segments: list[Segment] = slot(n="segment", many=True, default=None, kw_only=False)
    # upstream always sends a style, `{}` when none is set
    style: ButtonStyle | None = prop(default=ButtonStyle(), json=True, eager=True)
    allow_empty_selection: bool | None = False
    allow_multiple_selection: bool | None = False
    selected: set[str] | None = prop(default=None, json=True)
    selected_icon: Control | None = slot(n="selectedIcon", default=None)
    show_selected_icon: bool | None = True
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
