"""``View``, one route page of the navigator, and ``Offstage``, the page's overlay holder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flet_core._fields import control, prop, slot
from flet_core.adaptive_control import AdaptiveControl
from flet_core.control import Control
from flet_core.scrollable_control import ScrollableControl
from flet_core.types import CrossAxisAlignment, MainAxisAlignment

if TYPE_CHECKING:  # the bars' classes, for the annotations only (they load with their families)
    from flet_core.cupertino import CupertinoAppBar, CupertinoNavigationBar
    from flet_core.material_buttons import FloatingActionButton
    from flet_core.navigation_bars import AppBar, BottomAppBar, NavigationBar, NavigationDrawer
    from flet_core.types import FloatingActionButtonLocation, OffsetValue, PaddingValue

__all__ = ["Offstage", "View"]


@control(
    "view",
    positional=(
        "route",
        "controls",
        "appbar",
        "bottom_appbar",
        "floating_action_button",
        "floating_action_button_location",
        "navigation_bar",
        "drawer",
        "end_drawer",
        "vertical_alignment",
        "horizontal_alignment",
        "spacing",
        "padding",
        "bgcolor",
        "scroll",
        "auto_scroll",
        "fullscreen_dialog",
        "on_scroll_interval",
        "on_scroll",
        "adaptive",
    ),
)
class View(ScrollableControl, AdaptiveControl):
    """A page of the navigator; the client tells its bars apart by their type, not by a name."""

    route: str | None = prop(default=None, kw_only=False)
    appbar: AppBar | CupertinoAppBar | None = slot(default=None)
    bottom_appbar: BottomAppBar | None = slot(default=None)
    floating_action_button: FloatingActionButton | None = slot(default=None)
    navigation_bar: NavigationBar | CupertinoNavigationBar | None = slot(default=None)
    drawer: NavigationDrawer | None = slot(n="start", default=None)
    end_drawer: NavigationDrawer | None = slot(n="end", default=None)
    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    floating_action_button_location: FloatingActionButtonLocation | OffsetValue = None
    vertical_alignment: MainAxisAlignment = MainAxisAlignment.NONE
    horizontal_alignment: CrossAxisAlignment = CrossAxisAlignment.NONE
    spacing: int | float | None = None
    padding: PaddingValue = prop(default=None, json=True)
    bgcolor: str | None = None
    fullscreen_dialog: bool | None = False


@control("offstage", positional=("visible", "disabled", "data"))
class Offstage(Control):
    """Holds the overlay and the page's dialog, snack bar, banner, bottom sheet and splash."""

    # children go out in this order (as upstream's): ids and `at` indices follow it
    controls: list[Control] = slot(many=True, default=None)
    banner: Control | None = slot(default=None)
    snack_bar: Control | None = slot(default=None)
    dialog: Control | None = slot(default=None)
    bottom_sheet: Control | None = slot(default=None)
    splash: Control | None = slot(default=None)
