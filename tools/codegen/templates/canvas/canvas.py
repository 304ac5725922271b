"""`Canvas`: a drawing surface for shapes."""

from __future__ import annotations

from typing import Any

from flet_core._typed_events import JsonEvent, to_float


class CanvasResizeEvent(JsonEvent):
    """The canvas got a new size."""

    def __init__(self, w: Any = 0, h: Any = 0) -> None:
        super().__init__("resize")
        self.width = to_float(w)
        self.height = to_float(h)
