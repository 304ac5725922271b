"""`Canvas`: a drawing surface for shapes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flet_core._fields import control, event, slot
from flet_core._typed_events import JsonEvent, to_float
from flet_core.constrained_control import ConstrainedControl
from flet_core.control_event import EventHandler

if TYPE_CHECKING:
    from flet_core.canvas.shapes import Shape
    from flet_core.control import Control


__all__ = ["Canvas", "CanvasResizeEvent"]


class CanvasResizeEvent(JsonEvent):
    """The canvas got a new size."""

    def __init__(self, w: Any = 0, h: Any = 0) -> None:
        super().__init__("resize")
        self.width = to_float(w)
        self.height = to_float(h)


@control(
    "canvas",
    positional=(
        "shapes content resize_interval on_resize ref width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end visible disabled "
        "data"
    ).split(),
)
class Canvas(ConstrainedControl):
    """A surface that draws a list of shapes, optionally over a content control."""

    shapes: list[Shape] = slot(many=True, default=None, kw_only=False)
    content: Control | None = slot(n="content", default=None)
    resize_interval: int | float | None = None
    on_resize: EventHandler[CanvasResizeEvent] | None = event(CanvasResizeEvent, default=None)
