"""Layout controls: rows, columns, stacks, scrolling lists and grids, dividers and page bodies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flet_core._aliases import alias
from flet_core._deprecation import deprecated_twin
from flet_core._fields import control, prop, slot
from flet_core.adaptive_control import AdaptiveControl
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.scrollable_control import ScrollableControl
from flet_core.transform import Offset
from flet_core.types import (
    ClipBehavior,
    CrossAxisAlignment,
    FloatingActionButtonLocation,
    MainAxisAlignment,
    PaddingValue,
    ResponsiveNumber,
)

if TYPE_CHECKING:
    from flet_core.cupertino import CupertinoAppBar, CupertinoNavigationBar
    from flet_core.material_buttons import FloatingActionButton
    from flet_core.navigation_bars import AppBar, BottomAppBar, NavigationBar, NavigationDrawer


__all__ = [
    "Column",
    "Divider",
    "GridView",
    "ListView",
    "Pagelet",
    "ResponsiveRow",
    "Row",
    "SafeArea",
    "Stack",
    "VerticalDivider",
]


@control(
    "column",
    positional=(
        "controls alignment horizontal_alignment spacing tight wrap run_spacing ref key width height left "
        "top right bottom expand expand_loose col opacity rotate scale offset aspect_ratio "
        "animate_opacity animate_size animate_position animate_rotation animate_scale animate_offset "
        "on_animation_end visible disabled data rtl scroll auto_scroll on_scroll_interval on_scroll "
        "adaptive"
    ).split(),
)
class Column(ConstrainedControl, ScrollableControl, AdaptiveControl):
    """Lays out its controls vertically."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    alignment: MainAxisAlignment = MainAxisAlignment.NONE
    horizontal_alignment: CrossAxisAlignment = CrossAxisAlignment.NONE
    spacing: int | float | None = None
    tight: bool | None = False
    wrap: bool | None = False
    run_spacing: int | float | None = None


@control(
    "row",
    positional=(
        "controls alignment vertical_alignment spacing tight wrap run_spacing scroll auto_scroll "
        "on_scroll_interval on_scroll ref key width height left top right bottom expand expand_loose col "
        "opacity rotate scale offset aspect_ratio animate_opacity animate_size animate_position "
        "animate_rotation animate_scale animate_offset on_animation_end visible disabled data rtl "
        "adaptive"
    ).split(),
)
class Row(ConstrainedControl, ScrollableControl, AdaptiveControl):
    """Lays out its controls horizontally."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    alignment: MainAxisAlignment = MainAxisAlignment.NONE
    vertical_alignment: CrossAxisAlignment = CrossAxisAlignment.NONE
    spacing: int | float | None = None
    tight: bool | None = False
    wrap: bool | None = False
    run_spacing: int | float | None = None


@control(
    "stack",
    positional=(
        "controls clip_behavior ref key width height left top right bottom expand expand_loose col "
        "opacity rotate scale offset aspect_ratio animate_opacity animate_size animate_position "
        "animate_rotation animate_scale animate_offset on_animation_end visible disabled data adaptive"
    ).split(),
)
class Stack(ConstrainedControl, AdaptiveControl):
    """Places its controls on top of each other."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    clip_behavior: ClipBehavior | None = None


@control(
    "listview",
    positional=(
        "controls horizontal spacing item_extent first_item_prototype divider_thickness padding "
        "auto_scroll reverse on_scroll_interval on_scroll ref key width height left top right bottom "
        "expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end visible disabled "
        "data adaptive"
    ).split(),
)
class ListView(ConstrainedControl, ScrollableControl, AdaptiveControl):
    """A scrolling list of controls."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    horizontal: bool | None = None
    spacing: int | float | None = None
    item_extent: int | float | None = None
    first_item_prototype: bool | None = None
    divider_thickness: int | float | None = None
    padding: PaddingValue = prop(default=None, json=True)


@control(
    "gridview",
    positional=(
        "controls horizontal runs_count max_extent spacing run_spacing child_aspect_ratio padding ref key "
        "width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end visible disabled data auto_scroll reverse on_scroll_interval "
        "on_scroll adaptive"
    ).split(),
)
class GridView(ConstrainedControl, ScrollableControl, AdaptiveControl):
    """A scrolling grid of controls."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    horizontal: bool | None = None
    runs_count: int | None = None
    max_extent: int | None = None
    spacing: int | float | None = None
    run_spacing: int | float | None = None
    child_aspect_ratio: int | float | None = None
    padding: PaddingValue = prop(default=None, json=True)


@control(
    "responsiverow",
    positional=(
        "controls columns alignment vertical_alignment spacing run_spacing rtl ref key width height left "
        "top right bottom expand expand_loose col opacity rotate scale offset aspect_ratio "
        "animate_opacity animate_size animate_position animate_rotation animate_scale animate_offset "
        "on_animation_end visible disabled data adaptive"
    ).split(),
)
class ResponsiveRow(ConstrainedControl, AdaptiveControl):
    """Lays out its controls in a 12-column grid that wraps on small screens."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    columns: ResponsiveNumber | None = prop(default=None, json=True)
    alignment: MainAxisAlignment = MainAxisAlignment.NONE
    vertical_alignment: CrossAxisAlignment = CrossAxisAlignment.NONE
    spacing: ResponsiveNumber | None = prop(default=None, json=True)
    run_spacing: ResponsiveNumber | None = prop(default=None, json=True)


@control(
    "safearea",
    positional=(
        "content key left top right bottom maintain_bottom_view_padding minimum ref width height expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data rtl adaptive"
    ).split(),
)
class SafeArea(ConstrainedControl, AdaptiveControl):
    """Insets its content so that the system UI does not cover it."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    left: bool | None = True
    top: bool | None = True
    right: bool | None = True
    bottom: bool | None = True
    maintain_bottom_view_padding: bool | None = False
    minimum: PaddingValue = prop(default=None, json=True)


@control("divider", positional="height thickness color ref opacity visible data".split())
class Divider(Control):
    """A thin horizontal line with padding on either side."""

    height: int | float | None = None
    thickness: int | float | None = None
    color: str | None = None


@control("verticaldivider", positional="width thickness color ref opacity visible data".split())
class VerticalDivider(Control):
    """A thin vertical line with padding on either side."""

    width: int | float | None = None
    thickness: int | float | None = None
    color: str | None = None


@control(
    "pagelet",
    positional=(
        "content appbar navigation_bar bottom_app_bar bottom_sheet drawer end_drawer "
        "floating_action_button floating_action_button_location bgcolor ref width height left top right "
        "bottom expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data key adaptive"
    ).split(),
)
class Pagelet(ConstrainedControl, AdaptiveControl):
    """A self-contained page area with its own app bar, drawers and bottom sheet."""

    appbar: AppBar | CupertinoAppBar | None = slot(n="appbar", default=None)
    content: Control | None = slot(n="content", default=None, kw_only=False)
    navigation_bar: NavigationBar | CupertinoNavigationBar | None = slot(n="navigationbar", default=None)
    # 0.21 accepts the bottom app bar under both names
    bottom_app_bar: BottomAppBar | None = alias("bottom_appbar")
    bottom_appbar: BottomAppBar | None = slot(n="bottomappbar", default=None)
    bottom_sheet: Control | None = slot(n="bottomsheet", default=None)
    drawer: NavigationDrawer | None = slot(n="drawer", default=None)
    end_drawer: NavigationDrawer | None = slot(n="enddrawer", default=None)
    floating_action_button_location: FloatingActionButtonLocation | Offset | tuple[float | int, float | int] | None = (
        None
    )
    bgcolor: str | None = None
    floating_action_button: FloatingActionButton | None = slot(n="floatingactionbutton", default=None)

    def show_drawer(self, drawer: NavigationDrawer) -> None:
        """Open `drawer` as this pagelet's start drawer."""
        self.drawer = drawer
        drawer.open = True
        self.update()

    def close_drawer(self) -> None:
        """Close the start drawer, if one is open."""
        if self.drawer is not None:
            self.drawer.open = False
            self.drawer.update()

    def show_end_drawer(self, end_drawer: NavigationDrawer) -> None:
        """Open `end_drawer` as this pagelet's end drawer."""
        self.end_drawer = end_drawer
        end_drawer.open = True
        self.update()

    def close_end_drawer(self) -> None:
        """Close the end drawer, if one is open."""
        if self.end_drawer is not None:
            self.end_drawer.open = False
            self.end_drawer.update()

    show_drawer_async = deprecated_twin(show_drawer)

    close_drawer_async = deprecated_twin(close_drawer)

    show_end_drawer_async = deprecated_twin(show_end_drawer)

    close_end_drawer_async = deprecated_twin(close_end_drawer)
