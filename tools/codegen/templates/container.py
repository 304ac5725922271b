"""`Container`: a box with padding, decoration, background image and click events."""

from __future__ import annotations

from typing import Any

from flet_core._typed_events import JsonEvent, to_float


class ContainerTapEvent(JsonEvent):
    """A click on a container that has `on_click`, and where it happened."""

    def __init__(self, lx: Any = 0, ly: Any = 0, gx: Any = 0, gy: Any = 0) -> None:
        super().__init__("click")
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)
