"""``ConstrainedControl``: size, absolute position, transforms and implicit animations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flet_core._fields import control, event, prop
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler

if TYPE_CHECKING:
    from flet_core.types import AnimationValue, OffsetValue, RotateValue, ScaleValue

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
    rotate: RotateValue = prop(default=None, json=True)
    scale: ScaleValue = prop(default=None, json=True)
    offset: OffsetValue = prop(default=None, json=True)
    aspect_ratio: int | float | None = None
    animate_opacity: AnimationValue = prop(default=None, json=True)
    animate_size: AnimationValue = prop(default=None, json=True)
    animate_position: AnimationValue = prop(default=None, json=True)
    animate_rotation: AnimationValue = prop(default=None, json=True)
    animate_scale: AnimationValue = prop(default=None, json=True)
    animate_offset: AnimationValue = prop(default=None, json=True)
    on_animation_end: EventHandler[ControlEvent] | None = event(default=None)
