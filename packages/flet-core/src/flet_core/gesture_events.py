"""Typed events of `GestureDetector`: taps, long presses, drags, scales, hovers and scrolls.

Positions are logical pixels: ``local_*`` relative to the detector, ``global_*`` to the window.
The constructors take the client's short JSON keys (``lx``, ``gy``, ...), as in 0.21.
"""

from __future__ import annotations

from typing import Any, Self

from flet_core._typed_events import JsonEvent, to_float, to_int, to_optional_float
from flet_core.control_event import ControlEvent

__all__ = [
    "DragEndEvent",
    "DragStartEvent",
    "DragUpdateEvent",
    "HoverEvent",
    "LongPressEndEvent",
    "LongPressStartEvent",
    "MultiTapEvent",
    "ScaleEndEvent",
    "ScaleStartEvent",
    "ScaleUpdateEvent",
    "ScrollEvent",
    "TapEvent",
]


class TapEvent(JsonEvent):
    """A tap (or the press or release of one) and where it happened."""

    def __init__(self, lx: Any = 0, ly: Any = 0, gx: Any = 0, gy: Any = 0, kind: str = "") -> None:
        super().__init__("tap")
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)
        self.kind = kind
        """The pointer device: ``touch``, ``mouse``, ``stylus``, ``invertedStylus`` or ``unknown``."""


class MultiTapEvent(ControlEvent):
    """A tap with several fingers; ``correct_touches`` says whether the count was the expected one."""

    def __init__(self, correct_touches: bool) -> None:
        super().__init__("", "multi_tap", "")
        self.correct_touches = correct_touches

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Any, page: Any) -> Self:
        event = cls(data.lower() == "true")
        event.target, event.name, event.data = target, name, data
        event.control, event.page = control, page
        return event


class LongPressStartEvent(JsonEvent):
    """A long press began at this position."""

    def __init__(self, lx: Any = 0, ly: Any = 0, gx: Any = 0, gy: Any = 0) -> None:
        super().__init__("long_press_start")
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)


class LongPressEndEvent(JsonEvent):
    """A long press ended at this position, with the pointer's velocity at release."""

    def __init__(self, lx: Any = 0, ly: Any = 0, gx: Any = 0, gy: Any = 0, vx: Any = 0, vy: Any = 0) -> None:
        super().__init__("long_press_end")
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)
        self.velocity_x = to_float(vx)
        self.velocity_y = to_float(vy)


class DragStartEvent(JsonEvent):
    """A drag began at this position."""

    def __init__(self, lx: Any = 0, ly: Any = 0, gx: Any = 0, gy: Any = 0, kind: str = "", ts: Any = None) -> None:
        super().__init__("drag_start")
        self.kind = kind
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)
        self.timestamp: int | None = None if ts is None else to_int(ts)
        """Milliseconds since an arbitrary point, when the platform reports it."""


class DragUpdateEvent(JsonEvent):
    """The pointer moved during a drag, by ``delta_x``/``delta_y``, to this position."""

    def __init__(
        self,
        dx: Any = 0,
        dy: Any = 0,
        pd: Any = None,
        lx: Any = 0,
        ly: Any = 0,
        gx: Any = 0,
        gy: Any = 0,
        ts: Any = None,
    ) -> None:
        super().__init__("drag_update")
        self.delta_x = to_float(dx)
        self.delta_y = to_float(dy)
        self.primary_delta = to_optional_float(pd)
        """The movement along the drag's axis (horizontal and vertical drags only)."""
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)
        self.timestamp: int | None = None if ts is None else to_int(ts)


class DragEndEvent(JsonEvent):
    """A drag ended, with the pointer's velocity at release."""

    def __init__(self, pv: Any = None, vx: Any = 0, vy: Any = 0) -> None:
        super().__init__("drag_end")
        self.primary_velocity = to_optional_float(pv)
        """The velocity along the drag's axis (horizontal and vertical drags only)."""
        self.velocity_x = to_float(vx)
        self.velocity_y = to_float(vy)


class ScaleStartEvent(JsonEvent):
    """A scale (pinch) gesture began around this focal point."""

    def __init__(self, fpx: Any = 0, fpy: Any = 0, lfpx: Any = 0, lfpy: Any = 0, pc: Any = 0) -> None:
        super().__init__("scale_start")
        self.focal_point_x = to_float(fpx)
        self.focal_point_y = to_float(fpy)
        self.local_focal_point_x = to_float(lfpx)
        self.local_focal_point_y = to_float(lfpy)
        self.pointer_count = to_int(pc)


class ScaleUpdateEvent(JsonEvent):
    """A scale gesture changed: its focal point, scale factors and rotation."""

    def __init__(
        self,
        fpx: Any = 0,
        fpy: Any = 0,
        fpdx: Any = 0,
        fpdy: Any = 0,
        lfpx: Any = 0,
        lfpy: Any = 0,
        pc: Any = 0,
        hs: Any = 1,
        vs: Any = 1,
        s: Any = 1,
        r: Any = 0,
    ) -> None:
        super().__init__("scale_update")
        self.focal_point_x = to_float(fpx)
        self.focal_point_y = to_float(fpy)
        self.focal_point_delta_x = to_float(fpdx)
        self.focal_point_delta_y = to_float(fpdy)
        self.local_focal_point_x = to_float(lfpx)
        self.local_focal_point_y = to_float(lfpy)
        self.pointer_count = to_int(pc)
        self.horizontal_scale = to_float(hs)
        self.vertical_scale = to_float(vs)
        self.scale = to_float(s)
        self.rotation = to_float(r)
        """Rotation in radians since the gesture began."""


class ScaleEndEvent(JsonEvent):
    """A scale gesture ended, with the pointer count and the velocity at release."""

    def __init__(self, pc: Any = 0, vx: Any = 0, vy: Any = 0) -> None:
        super().__init__("scale_end")
        self.pointer_count = to_int(pc)
        self.velocity_x = to_float(vx)
        self.velocity_y = to_float(vy)


class HoverEvent(JsonEvent):
    """The mouse moved over, entered or left the detector."""

    def __init__(
        self,
        ts: Any = 0,
        kind: str = "",
        gx: Any = 0,
        gy: Any = 0,
        lx: Any = 0,
        ly: Any = 0,
        dx: Any = None,
        dy: Any = None,
    ) -> None:
        super().__init__("hover")
        self.timestamp = to_float(ts)
        self.kind = kind
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.delta_x = to_optional_float(dx)
        self.delta_y = to_optional_float(dy)


class ScrollEvent(JsonEvent):
    """The mouse wheel or trackpad scrolled over the detector."""

    def __init__(self, gx: Any = 0, gy: Any = 0, lx: Any = 0, ly: Any = 0, dx: Any = None, dy: Any = None) -> None:
        super().__init__("scroll")
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.scroll_delta_x = to_optional_float(dx)
        self.scroll_delta_y = to_optional_float(dy)
