"""``ScrollableControl``: scrolling, scroll events and ``scroll_to``."""

from __future__ import annotations

import time
from typing import Any

from flet_core._deprecation import deprecated_twin
from flet_core._fields import control, event, prop
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.encoding import dumps, to_jsonable
from flet_core.types import ScrollMode

__all__ = ["OnScrollEvent", "ScrollableControl"]


class OnScrollEvent(ControlEvent):
    """A scroll notification: its kind (``event_type``), position and extents."""

    def __init__(
        self,
        t: str,
        p: float,
        minse: float,
        maxse: float,
        vd: float,
        sd: float | None = None,
        dir: str | None = None,  # the client's key
        os: float | None = None,
        v: float | None = None,
    ) -> None:
        super().__init__("", "onScroll", "")
        self.event_type = t
        self.pixels = p
        self.min_scroll_extent = minse
        self.max_scroll_extent = maxse
        self.viewport_dimension = vd
        self.scroll_delta = sd
        self.direction = dir
        self.overscroll = os
        self.velocity = v

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Any, page: Any) -> OnScrollEvent:
        raw = ControlEvent.json_data(data)
        keys = ("t", "p", "minse", "maxse", "vd", "sd", "dir", "os", "v")
        values = {k: raw[k] for k in keys if k in raw}
        values.setdefault("t", "")
        for k in ("p", "minse", "maxse", "vd"):
            values.setdefault(k, 0.0)
        event_obj = cls(**values)
        event_obj.target, event_obj.name, event_obj.data = target, name, data
        event_obj.control, event_obj.page = control, page
        return event_obj

    def __str__(self) -> str:
        return (
            f"{self.event_type}: pixels={self.pixels}, min_scroll_extent={self.min_scroll_extent}, "
            f"max_scroll_extent={self.max_scroll_extent}, viewport_dimension={self.viewport_dimension}, "
            f"scroll_delta={self.scroll_delta}, direction={self.direction}, overscroll={self.overscroll}, "
            f"velocity={self.velocity}"
        )


def _scroll_mode(value: Any) -> Any:
    if value is True:  # 0.21 took a bool too
        return ScrollMode.AUTO
    return None if value is False else value


@control(None)
class ScrollableControl(Control):
    """A control whose content can scroll."""

    scroll: ScrollMode | None = prop(default=None, convert=_scroll_mode)
    auto_scroll: bool | None = False
    reverse: bool | None = False
    # a plain default would make an `on_*` annotation an event; this one is a number
    on_scroll_interval: int | float | None = prop(default=None)
    on_scroll: EventHandler[OnScrollEvent] | None = event(OnScrollEvent, name="onScroll", default=None)

    def scroll_to(
        self,
        offset: float | None = None,
        delta: float | None = None,
        key: str | None = None,
        duration: int | None = None,
        curve: Any = None,
    ) -> None:
        """Scroll to an absolute ``offset`` (negative counts from the end), by ``delta``, or to ``key``."""
        params = {"offset": offset, "delta": delta, "key": key, "duration": duration, "curve": curve}
        command = {"n": "scroll_to", "i": str(time.time()), "p": to_jsonable(params)}
        self._set_attr("method", dumps(command))
        self.update()

    scroll_to_async = deprecated_twin(scroll_to)
