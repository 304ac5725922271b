"""``View``, one route page of the navigator, and ``Offstage``, the page's overlay holder."""

from __future__ import annotations

from typing import Any

from flet_core._fields import control, prop, slot
from flet_core.adaptive_control import AdaptiveControl
from flet_core.control import Control
from flet_core.scrollable_control import ScrollableControl
from flet_core.types import CrossAxisAlignment, MainAxisAlignment

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
    appbar: Control | None = slot(default=None)
    bottom_appbar: Control | None = slot(default=None)
    floating_action_button: Control | None = slot(default=None)
    navigation_bar: Control | None = slot(default=None)
    drawer: Control | None = slot(n="start", default=None)
    end_drawer: Control | None = slot(n="end", default=None)
    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    floating_action_button_location: Any = None
    vertical_alignment: MainAxisAlignment = MainAxisAlignment.NONE
    horizontal_alignment: CrossAxisAlignment = CrossAxisAlignment.NONE
    spacing: int | float | None = None
    padding: Any = prop(default=None, json=True)
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
