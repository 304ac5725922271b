"""Cupertino (iOS-style) inputs: checkbox, radio, switch, slider, text field, pickers, segments."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flet_core._aliases import alias
from flet_core._conversions import decode_datetime, to_datetime
from flet_core._fields import control, event, prop, slot
from flet_core.border import Border
from flet_core.constrained_control import ConstrainedControl
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.form_fields import TextField
from flet_core.gradients import Gradient
from flet_core.pickers import CupertinoDatePickerDateOrder, CupertinoDatePickerMode, CupertinoTimerPickerMode
from flet_core.shadow import BoxShadow
from flet_core.text_input import VisibilityMode
from flet_core.text_style import TextStyle
from flet_core.types import BlendMode, LabelPosition, PaddingValue

if TYPE_CHECKING:
    from flet_core.control import Control


__all__ = [
    "CupertinoCheckbox",
    "CupertinoDatePicker",
    "CupertinoPicker",
    "CupertinoRadio",
    "CupertinoSegmentedButton",
    "CupertinoSlider",
    "CupertinoSlidingSegmentedButton",
    "CupertinoSwitch",
    "CupertinoTextField",
    "CupertinoTimerPicker",
]


@control(
    "cupertinocheckbox",
    positional=(
        "label label_position value tristate autofocus check_color active_color inactive_color "
        "focus_color on_change on_focus on_blur ref key width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class CupertinoCheckbox(ConstrainedControl):
    """An iOS-style checkbox."""

    label: str | None = prop(default=None, kw_only=False)
    label_position: LabelPosition = LabelPosition.NONE
    value: bool | None = None
    tristate: bool | None = False
    autofocus: bool | None = False
    check_color: str | None = None
    active_color: str | None = None
    inactive_color: str | None = None
    focus_color: str | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinoradio",
    positional=(
        "label value label_position fill_color active_color inactive_color autofocus use_checkmark_style "
        "on_focus on_blur ref key width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class CupertinoRadio(ConstrainedControl):
    """An iOS-style radio button; part of a `RadioGroup`."""

    label: str | None = prop(default=None, kw_only=False)
    value: str | None = ""
    label_position: LabelPosition = LabelPosition.NONE
    fill_color: str | None = None
    active_color: str | None = None
    inactive_color: str | None = None
    autofocus: bool | None = False
    use_checkmark_style: bool | None = False
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinoswitch",
    positional=(
        "label value label_position active_color thumb_color track_color focus_color autofocus on_change "
        "on_focus on_blur ref key width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class CupertinoSwitch(ConstrainedControl):
    """An iOS-style switch."""

    label: str | None = prop(default=None, kw_only=False)
    value: bool | None = False
    label_position: LabelPosition = LabelPosition.NONE
    active_color: str | None = None
    thumb_color: str | None = prop(default=None, json=True)
    track_color: str | None = prop(default=None, json=True)
    focus_color: str | None = None
    autofocus: bool | None = False
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinoslider",
    positional=(
        "value min max divisions active_color thumb_color on_change on_change_start on_change_end "
        "on_focus on_blur ref key width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class CupertinoSlider(ConstrainedControl):
    """An iOS-style slider."""

    value: int | float | None = prop(default=None, kw_only=False)
    min: int | float | None = None
    max: int | float | None = None
    divisions: int | None = None
    active_color: str | None = None
    thumb_color: str | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_change_start: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_change_end: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    # the client has no rounding; upstream sent the text of Python's `round` function by default
    round: int | None = None


@control(
    "cupertinotextfield",
    positional=(
        "placeholder_text value placeholder_style gradient blend_mode shadow prefix_visibility_mode "
        "suffix_visibility_mode clear_button_semantics_label keyboard_type rtl multiline min_lines "
        "max_lines max_length password can_reveal_password read_only shift_enter text_align autofocus "
        "capitalization autocorrect enable_suggestions smart_dashes_type smart_quotes_type cursor_color "
        "cursor_width cursor_height cursor_radius show_cursor selection_color input_filter on_change "
        "on_submit on_focus on_blur text_size text_style border color bgcolor border_radius focused_color "
        "focused_bgcolor focused_border_width focused_border_color content_padding dense filled prefix "
        "suffix ref key width height expand expand_loose col opacity rotate scale offset aspect_ratio "
        "animate_opacity animate_size animate_position animate_rotation animate_scale animate_offset "
        "on_animation_end tooltip visible disabled data"
    ).split(),
)
class CupertinoTextField(TextField):
    """An iOS-style text field."""

    placeholder_text: str | None = prop(default=None, kw_only=False)
    # not positional here: upstream's first parameter is placeholder_text
    value: str | None = prop(default="")
    placeholder_style: TextStyle | None = prop(default=None, json=True)
    gradient: Gradient | None = prop(default=None, json=True)
    blend_mode: BlendMode = BlendMode.NONE
    shadow: BoxShadow | list[BoxShadow] | None = prop(default=None, json=True)
    prefix_visibility_mode: VisibilityMode | None = None
    suffix_visibility_mode: VisibilityMode | None = None
    clear_button_semantics_label: str | None = None
    # an iOS field draws a box border, where a Material field takes an input border style
    border: Border | None = prop(default=None, json=True)  # type: ignore[assignment]  # narrower field type


@control(
    "cupertinodatepicker",
    positional=(
        "value first_date last_date bgcolor minute_interval minimum_year maximum_year item_extent "
        "use_24h_format date_picker_mode date_order on_change ref key width height left top right bottom "
        "expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class CupertinoDatePicker(ConstrainedControl):
    """An iOS-style wheel picker of a date, a time or both."""

    value: datetime | str | None = prop(default=None, convert=to_datetime, decode=decode_datetime, kw_only=False)
    first_date: datetime | str | None = prop(default=None, convert=to_datetime, decode=decode_datetime)
    last_date: datetime | str | None = prop(default=None, convert=to_datetime, decode=decode_datetime)
    bgcolor: str | None = None
    minute_interval: int | None = 1
    # 0.21's constructor names them minimum_year and maximum_year
    minimum_year: int | None = alias("min_year")
    maximum_year: int | None = alias("max_year")
    item_extent: int | float | None = 32.0
    use_24h_format: bool | None = False
    date_picker_mode: CupertinoDatePickerMode | None = None
    date_order: CupertinoDatePickerDateOrder | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    max_year: int | None = prop(default=None, wire="maximumyear")
    # the client reads `minimumyear` and `maximumyear`; upstream sent `minyear` and `maxyear`
    min_year: int | None = prop(default=1, wire="minimumyear")


@control(
    "cupertinotimerpicker",
    positional=(
        "value second_interval minute_interval mode bgcolor on_change ref key width height left top right "
        "bottom expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data"
    ).split(),
)
class CupertinoTimerPicker(ConstrainedControl):
    """An iOS-style wheel picker of a duration."""

    value: int | None = prop(default=0, kw_only=False)
    second_interval: int | float | None = 1
    minute_interval: int | float | None = 1
    mode: CupertinoTimerPickerMode | None = None
    bgcolor: str | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinopicker",
    positional=(
        "controls item_extent selected_index bgcolor use_magnifier looping magnification squeeze "
        "diameter_ratio off_axis_fraction on_change ref key width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class CupertinoPicker(ConstrainedControl):
    """An iOS-style wheel of controls to pick one from."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    item_extent: int | float | None = None
    selected_index: int | None = 0
    bgcolor: str | None = None
    use_magnifier: bool | None = False
    looping: bool | None = False
    magnification: int | float | None = 1.0
    squeeze: int | float | None = 1.45
    diameter_ratio: int | float | None = 1.07
    off_axis_fraction: int | float | None = 0.0
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinosegmentedbutton",
    positional=(
        "controls selected_index selected_color unselected_color border_color padding on_change ref key "
        "width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class CupertinoSegmentedButton(ConstrainedControl):
    """An iOS-style row of mutually exclusive segments."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    selected_index: int | None = 0
    selected_color: str | None = None
    unselected_color: str | None = None
    border_color: str | None = None
    padding: PaddingValue = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinoslidingsegmentedbutton",
    positional=(
        "controls selected_index bgcolor thumb_color padding on_change ref key width height left top "
        "right bottom expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data"
    ).split(),
)
class CupertinoSlidingSegmentedButton(ConstrainedControl):
    """An iOS-style segmented control with a sliding thumb."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    selected_index: int | None = 0
    bgcolor: str | None = None
    thumb_color: str | None = None
    padding: PaddingValue = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
