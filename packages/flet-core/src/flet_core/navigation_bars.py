"""App bars and navigation: app bars, navigation bars, drawers and rails, and tabs."""

from __future__ import annotations

from flet_core._fields import control, event, prop, slot
from flet_core.adaptive_control import AdaptiveControl
from flet_core.border import Border, BorderSide
from flet_core.buttons import OutlinedBorder
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.navigation import NavigationBarLabelBehavior, NavigationRailLabelType
from flet_core.types import BorderRadiusValue, ClipBehavior, MaterialState, NotchShape, PaddingValue, TabAlignment

__all__ = [
    "AppBar",
    "BottomAppBar",
    "NavigationBar",
    "NavigationDestination",
    "NavigationDrawer",
    "NavigationDrawerDestination",
    "NavigationRail",
    "NavigationRailDestination",
    "Tab",
    "Tabs",
]


@control(
    "appbar",
    positional=(
        "leading leading_width automatically_imply_leading title center_title toolbar_height color "
        "bgcolor elevation actions ref adaptive"
    ).split(),
)
class AppBar(AdaptiveControl):
    """The bar at the top of a view, with a leading control, title and actions."""

    leading: Control | None = slot(n="leading", default=None, kw_only=False)
    leading_width: int | float | None = None
    automatically_imply_leading: bool | None = True
    title: Control | None = slot(n="title", default=None)
    center_title: bool | None = False
    toolbar_height: int | float | None = None
    color: str | None = None
    bgcolor: str | None = None
    elevation: int | float | None = None
    actions: list[Control] = slot(n="action", many=True, default=None)


@control(
    "bottomappbar",
    positional=(
        "content surface_tint_color bgcolor shadow_color padding clip_behavior shape notch_margin "
        "elevation ref width height left top right bottom expand expand_loose col opacity rotate scale "
        "offset aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end visible disabled data"
    ).split(),
)
class BottomAppBar(ConstrainedControl):
    """The bar at the bottom of a view, often with a notch for a floating action button."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    surface_tint_color: str | None = None
    bgcolor: str | None = None
    shadow_color: str | None = None
    padding: PaddingValue = prop(default=None, json=True)
    clip_behavior: ClipBehavior | None = None
    shape: NotchShape | None = None
    notch_margin: int | float | None = None
    elevation: int | float | None = None


@control(
    "navigationdestination",
    positional="label icon icon_content selected_icon selected_icon_content ref tooltip".split(),
)
class NavigationDestination(Control):
    """One destination of a navigation bar."""

    label: str | None = prop(default=None, kw_only=False)
    icon: str | None = None
    icon_content: Control | None = slot(n="icon_content", default=None)
    selected_icon: str | None = None
    selected_icon_content: Control | None = slot(n="selected_icon_content", default=None)


@control(
    "navigationbar",
    positional=(
        "destinations selected_index bgcolor label_behavior elevation shadow_color indicator_color "
        "indicator_shape surface_tint_color border on_change ref width height left top right bottom "
        "expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end visible disabled "
        "data adaptive"
    ).split(),
)
class NavigationBar(ConstrainedControl, AdaptiveControl):
    """A Material bar of destinations at the bottom of a view."""

    destinations: list[NavigationDestination] = slot(many=True, default=None, kw_only=False)
    selected_index: int | None = 0
    bgcolor: str | None = None
    label_behavior: NavigationBarLabelBehavior | None = None
    elevation: int | float | None = None
    shadow_color: str | None = None
    indicator_color: str | None = None
    indicator_shape: OutlinedBorder | None = prop(default=None, json=True)
    surface_tint_color: str | None = None
    border: Border | None = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "navigationdrawerdestination",
    positional="label icon icon_content selected_icon selected_icon_content ref".split(),
)
class NavigationDrawerDestination(Control):
    """One destination of a navigation drawer."""

    label: str | None = prop(default=None, kw_only=False)
    icon: str | None = None
    icon_content: Control | None = slot(n="icon_content", default=None)
    selected_icon: str | None = None
    selected_icon_content: Control | None = slot(n="selected_icon_content", default=None)


@control(
    "navigationdrawer",
    positional=(
        "controls open selected_index bgcolor elevation indicator_color indicator_shape shadow_color "
        "surface_tint_color tile_padding on_change on_dismiss ref disabled visible data"
    ).split(),
)
class NavigationDrawer(Control):
    """A Material drawer of destinations that slides in from a side of the view."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    open: bool = prop(default=False, eager=True)
    selected_index: int | None = 0
    bgcolor: str | None = None
    elevation: int | float | None = None
    indicator_color: str | None = None
    indicator_shape: OutlinedBorder | None = prop(default=None, json=True)
    shadow_color: str | None = None
    surface_tint_color: str | None = None
    tile_padding: PaddingValue = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_dismiss: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "navigationraildestination",
    positional="icon icon_content selected_icon selected_icon_content label label_content padding ref".split(),
)
class NavigationRailDestination(Control):
    """One destination of a navigation rail."""

    icon: str | None = prop(default=None, kw_only=False)
    label_content: Control | None = slot(n="label_content", default=None)
    selected_icon: str | None = None
    icon_content: Control | None = slot(n="icon_content", default=None)
    label: str | None = None
    selected_icon_content: Control | None = slot(n="selected_icon_content", default=None)
    padding: PaddingValue = prop(default=None, json=True)


@control(
    "navigationrail",
    positional=(
        "destinations elevation selected_index extended label_type bgcolor indicator_color "
        "indicator_shape leading trailing min_width min_extended_width group_alignment on_change ref "
        "width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end visible disabled data"
    ).split(),
)
class NavigationRail(ConstrainedControl):
    """A Material rail of destinations along a side of the view."""

    leading: Control | None = slot(n="leading", default=None)
    elevation: int | float | None = None
    selected_index: int | None = 0
    extended: bool | None = False
    label_type: NavigationRailLabelType | None = None
    bgcolor: str | None = None
    indicator_color: str | None = None
    indicator_shape: OutlinedBorder | None = prop(default=None, json=True)
    trailing: Control | None = slot(n="trailing", default=None)
    destinations: list[NavigationRailDestination] = slot(many=True, default=None, kw_only=False)
    min_width: int | float | None = None
    min_extended_width: int | float | None = None
    group_alignment: int | float | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control("tab", positional="text content tab_content icon ref visible adaptive".split())
class Tab(AdaptiveControl):
    """One tab of `Tabs`: a label and the content it shows."""

    text: str | None = prop(default=None, kw_only=False)
    tab_content: Control | None = slot(n="tab_content", default=None)
    content: Control | None = slot(n="content", default=None, kw_only=False)
    icon: str | None = None


@control(
    "tabs",
    positional=(
        "ref key width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end visible disabled data tabs selected_index scrollable "
        "tab_alignment animation_duration divider_color indicator_color indicator_border_radius "
        "indicator_border_side indicator_padding indicator_tab_size label_color unselected_label_color "
        "overlay_color on_change adaptive"
    ).split(),
)
class Tabs(ConstrainedControl, AdaptiveControl):
    """A row of tabs and the content of the selected one."""

    tabs: list[Tab] = slot(many=True, default=None)
    selected_index: int | None = 0
    scrollable: bool | None = True
    tab_alignment: TabAlignment | None = None
    animation_duration: int | None = None
    divider_color: str | None = None
    indicator_color: str | None = None
    indicator_border_radius: BorderRadiusValue = prop(default=None, json=True)
    indicator_border_side: BorderSide | None = prop(default=None, json=True)
    indicator_padding: PaddingValue = prop(default=None, json=True)
    indicator_tab_size: bool | None = False
    label_color: str | None = None
    unselected_label_color: str | None = None
    overlay_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)
