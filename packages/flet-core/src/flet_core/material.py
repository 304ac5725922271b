"""Material surfaces and tiles: cards, chips, list tiles and expansion panels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flet_core._aliases import alias
from flet_core._fields import control, event, prop, slot
from flet_core.adaptive_control import AdaptiveControl
from flet_core.alignment import Alignment
from flet_core.buttons import OutlinedBorder
from flet_core.constrained_control import ConstrainedControl
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.placement import TileAffinity
from flet_core.text_style import TextStyle
from flet_core.types import ClipBehavior, CrossAxisAlignment, MarginValue, PaddingValue

if TYPE_CHECKING:
    from flet_core.control import Control


__all__ = ["Card", "Chip", "ExpansionPanel", "ExpansionPanelList", "ExpansionTile", "ListTile"]


@control(
    "card",
    positional=(
        "content margin elevation color shadow_color surface_tint_color shape ref width height left top "
        "right bottom expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data key adaptive"
    ).split(),
)
class Card(ConstrainedControl, AdaptiveControl):
    """A Material card: a panel with rounded corners and an elevation shadow."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    margin: MarginValue = prop(default=None, json=True)
    elevation: int | float | None = None
    color: str | None = None
    shadow_color: str | None = None
    surface_tint_color: str | None = None
    shape: OutlinedBorder | None = prop(default=None, json=True)


@control(
    "chip",
    positional=(
        "label leading selected selected_color elevation bgcolor show_checkmark check_color shadow_color "
        "shape padding delete_icon delete_icon_tooltip delete_icon_color disabled_color label_padding "
        "label_style selected_shadow_color autofocus on_click on_delete on_select on_focus on_blur ref "
        "width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data key"
    ).split(),
)
class Chip(ConstrainedControl):
    """A compact element with a label: an input, a choice, a filter or an action."""

    label: Control | None = slot(n="label", default=None, kw_only=False)
    leading: Control | None = slot(n="leading", default=None)
    selected: bool | None = prop(default=False, eager=True)
    selected_color: str | None = None
    elevation: int | float | None = None
    bgcolor: str | None = None
    show_checkmark: bool | None = None
    check_color: str | None = None
    shadow_color: str | None = None
    shape: OutlinedBorder | None = prop(default=None, json=True)
    padding: PaddingValue = prop(default=None, json=True)
    delete_icon: Control | None = slot(n="deleteIcon", default=None)
    delete_icon_tooltip: str | None = prop(default=None, wire="deletebuttontooltipmessage")
    delete_icon_color: str | None = None
    disabled_color: str | None = None
    label_padding: PaddingValue = prop(default=None, json=True)
    label_style: TextStyle | None = prop(default=None, json=True)
    selected_shadow_color: str | None = None
    autofocus: bool | None = False
    on_click: EventHandler[ControlEvent] | None = event(default=None)
    on_delete: EventHandler[ControlEvent] | None = event(default=None)
    on_select: EventHandler[ControlEvent] | None = event(default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "listtile",
    positional=(
        "content_padding bgcolor bgcolor_activated hover_color leading title subtitle trailing "
        "is_three_line selected dense autofocus toggle_inputs url url_target on_click on_long_press ref "
        "key width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data adaptive"
    ).split(),
)
class ListTile(ConstrainedControl, AdaptiveControl):
    """A Material list row with a title, subtitle and leading and trailing controls."""

    content_padding: PaddingValue = prop(default=None, json=True, kw_only=False)
    bgcolor: str | None = None
    bgcolor_activated: str | None = None
    hover_color: str | None = None
    leading: Control | None = slot(n="leading", default=None)
    title: Control | None = slot(n="title", default=None)
    subtitle: Control | None = slot(n="subtitle", default=None)
    trailing: Control | None = slot(n="trailing", default=None)
    is_three_line: bool | None = False
    selected: bool | None = False
    dense: bool | None = False
    autofocus: bool | None = False
    toggle_inputs: bool | None = False
    url: str | None = None
    url_target: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(default=None)
    on_long_press: EventHandler[ControlEvent] | None = event(default=None)


@control(
    "expansiontile",
    positional=(
        "controls title subtitle leading trailing controls_padding tile_padding affinity "
        "expanded_alignment expanded_cross_axis_alignment clip_behavior initially_expanded maintain_state "
        "text_color icon_color shape bgcolor collapsed_bgcolor collapsed_icon_color collapsed_text_color "
        "collapsed_shape on_change ref key width height left top right bottom expand expand_loose col "
        "opacity rotate scale offset aspect_ratio animate_opacity animate_size animate_position "
        "animate_rotation animate_scale animate_offset on_animation_end tooltip visible disabled data "
        "adaptive"
    ).split(),
)
class ExpansionTile(ConstrainedControl, AdaptiveControl):
    """A list tile that expands to show more controls."""

    controls: list[Control] = slot(n="controls", many=True, default=None, kw_only=False)
    leading: Control | None = slot(n="leading", default=None)
    title: Control | None = slot(n="title", default=None)
    subtitle: Control | None = slot(n="subtitle", default=None)
    trailing: Control | None = slot(n="trailing", default=None)
    controls_padding: PaddingValue = prop(default=None, json=True)
    tile_padding: PaddingValue = prop(default=None, json=True)
    affinity: TileAffinity | None = None
    expanded_alignment: Alignment | None = prop(default=None, json=True)
    expanded_cross_axis_alignment: CrossAxisAlignment = prop(
        default=CrossAxisAlignment.CENTER, wire="crossaxisalignment", eager=True
    )
    clip_behavior: ClipBehavior | None = None
    initially_expanded: bool | None = False
    maintain_state: bool | None = False
    text_color: str | None = None
    icon_color: str | None = None
    shape: OutlinedBorder | None = prop(default=None, json=True)
    bgcolor: str | None = None
    collapsed_bgcolor: str | None = None
    collapsed_icon_color: str | None = None
    collapsed_text_color: str | None = None
    collapsed_shape: OutlinedBorder | None = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(default=None)


@control(
    "expansionpanel",
    positional=(
        "header content bgcolor expanded can_tap_header ref key width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end visible disabled "
        "data adaptive"
    ).split(),
)
class ExpansionPanel(ConstrainedControl, AdaptiveControl):
    """One panel of an `ExpansionPanelList`: a header and content that expands."""

    header: Control | None = slot(n="header", default=None, kw_only=False)
    content: Control | None = slot(n="content", default=None)
    bgcolor: str | None = None
    expanded: bool | None = False
    can_tap_header: bool | None = False


@control(
    "expansionpanellist",
    positional=(
        "controls ref key width height left top right bottom expand expand_loose col opacity rotate scale "
        "offset aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end visible disabled data divider_color elevation "
        "expanded_header_padding expand_icon_color spacing on_change"
    ).split(),
)
class ExpansionPanelList(ConstrainedControl):
    """A list of panels that expand and collapse."""

    controls: list[ExpansionPanel] = slot(n="expansionpanel", many=True, default=None, kw_only=False)
    divider_color: str | None = None
    elevation: int | float | None = None
    expanded_header_padding: PaddingValue = prop(default=None, json=True)
    # 0.21's constructor names it expand_icon_color
    expand_icon_color: str | None = alias("expanded_icon_color")
    spacing: int | float | None = None
    on_change: EventHandler[ControlEvent] | None = event(default=None)
    expanded_icon_color: str | None = None
