"""Menus: the menu bar and its items, submenus, and popup menus."""

from __future__ import annotations

from flet_core._fields import prop
from flet_core._style_states import per_state
from flet_core.buttons import ButtonStyle, MenuStyle
from flet_core.types import OffsetValue


class MenuBar:
    style: MenuStyle | None = prop(default=None, encode=per_state("side", "shape", "mouse_cursor"))


class MenuItemButton:
    style: ButtonStyle | None = prop(default=None, encode=per_state("padding", "side", "shape"))


class SubmenuButton:
    style: ButtonStyle | None = prop(default=None, encode=per_state("side", "shape"))
    menu_style: MenuStyle | None = prop(default=None, encode=per_state("side", "shape"))
    # the client reads `alignmentoffset`; upstream kept the value in Python only
    alignment_offset: OffsetValue = prop(default=None, json=True)
