"""``ConstrainedControl``: size, absolute position, transforms and implicit animations."""

from __future__ import annotations

from typing import Any

from flet_core._fields import control, event, prop
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler

__all__ = ["ConstrainedControl"]


@control(None)
class ConstrainedControl(Control):
    """A control with a size, a position inside a Stack, transforms and animations."""

    key: str | None = None
    width: int | float | None = None
    height: int | float | None = None
    left: int | float | None = None
    top: int | float | None = None
    right: int | float | None = None
    bottom: int | float | None = None
    rotate: Any = prop(default=None, json=True)
    scale: Any = prop(default=None, json=True)
    offset: Any = prop(default=None, json=True)
    aspect_ratio: int | float | None = None
    animate_opacity: Any = prop(default=None, json=True)
    animate_size: Any = prop(default=None, json=True)
    animate_position: Any = prop(default=None, json=True)
    animate_rotation: Any = prop(default=None, json=True)
    animate_scale: Any = prop(default=None, json=True)
    animate_offset: Any = prop(default=None, json=True)
    on_animation_end: EventHandler[ControlEvent] | None = event(default=None)
