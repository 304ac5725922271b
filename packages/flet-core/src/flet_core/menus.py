"""Menus: the menu bar and its items, submenus, and popup menus."""

from __future__ import annotations

from flet_core._fields import control, event, prop, slot
from flet_core._focusable import Focusable
from flet_core._style_states import per_state
from flet_core.buttons import ButtonStyle, MenuStyle
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.placement import PopupMenuPosition
from flet_core.types import ClipBehavior, OffsetValue

__all__ = ["MenuBar", "MenuItemButton", "PopupMenuButton", "PopupMenuItem", "SubmenuButton"]


@control(
    "menubar",
    positional="controls clip_behavior style ref expand expand_loose col opacity visible disabled data".split(),
)
class MenuBar(Control):
    """A horizontal bar of menus."""

    controls: list[Control] = slot(many=True, default=None, kw_only=False)
    clip_behavior: ClipBehavior | None = None
    style: MenuStyle | None = prop(default=None, encode=per_state("side", "shape", "mouse_cursor"))


@control(
    "menuitembutton",
    positional=(
        "content close_on_click focus_on_hover leading trailing clip_behavior style on_click on_hover "
        "on_focus on_blur ref key width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class MenuItemButton(Focusable, ConstrainedControl):
    """One item of a menu."""

    leading: Control | None = slot(n="leading", default=None)
    close_on_click: bool | None = True
    focus_on_hover: bool | None = True
    trailing: Control | None = slot(n="trailing", default=None)
    content: Control | None = slot(n="content", default=None, kw_only=False)
    clip_behavior: ClipBehavior | None = None
    style: ButtonStyle | None = prop(default=None, encode=per_state("padding", "side", "shape"))
    on_click: EventHandler[ControlEvent] | None = event(default=None)
    on_hover: EventHandler[ControlEvent] | None = event(default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "submenubutton",
    positional=(
        "content controls leading trailing clip_behavior menu_style style alignment_offset on_open "
        "on_close on_hover on_focus on_blur ref key width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class SubmenuButton(Focusable, ConstrainedControl):
    """A menu item that opens a submenu of controls."""

    controls: list[Control] = slot(n="controls", many=True, default=None)
    leading: Control | None = slot(n="leading", default=None)
    trailing: Control | None = slot(n="trailing", default=None)
    content: Control | None = slot(n="content", default=None, kw_only=False)
    clip_behavior: ClipBehavior | None = None
    menu_style: MenuStyle | None = prop(default=None, encode=per_state("side", "shape"))
    style: ButtonStyle | None = prop(default=None, encode=per_state("side", "shape"))
    # the client reads `alignmentoffset`; upstream kept the value in Python only
    alignment_offset: OffsetValue = prop(default=None, json=True)
    on_open: EventHandler[ControlEvent] | None = event(default=None)
    on_close: EventHandler[ControlEvent] | None = event(default=None)
    on_hover: EventHandler[ControlEvent] | None = event(default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "popupmenubutton",
    positional=(
        "content items icon menu_position on_cancelled ref key width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class PopupMenuButton(ConstrainedControl):
    """A button that opens a menu of items."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    items: list[PopupMenuItem] = slot(many=True, default=None)
    icon: str | None = None
    menu_position: PopupMenuPosition | None = None
    on_cancelled: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control("popupmenuitem", positional="text icon checked content on_click data ref disabled".split())
class PopupMenuItem(Control):
    """One item of a popup menu, or a divider when it has no content."""

    text: str | None = prop(default=None, kw_only=False)
    icon: str | None = None
    checked: bool | None = None
    content: Control | None = slot(n="content", default=None)
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)
