"""Shared parsing for typed control events whose data is a JSON object.

The client sends such events with a compact JSON object as data (``{"lx":1,"ly":2}``). Each event
class takes those keys as its constructor arguments, as in 0.21 (``TapEvent(lx=1, ly=2, ...)``),
and :class:`JsonEvent` builds it from the wire: unknown keys are dropped, missing ones take the
constructor's defaults.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Self, cast

from flet_core.control_event import ControlEvent

__all__ = ["JsonEvent", "to_float", "to_int", "to_optional_float"]


def to_float(value: Any) -> float:
    """A number from the client as a float (``0.0`` when missing or not a number)."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def to_optional_float(value: Any) -> float | None:
    """A number from the client as a float, or ``None`` when the client sent none."""
    return None if value is None else to_float(value)


def to_int(value: Any) -> int:
    """A number from the client as an int (``0`` when missing or not a number)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@functools.cache
def _parameters(cls: Any) -> frozenset[str]:
    return frozenset(inspect.signature(cls).parameters)


class JsonEvent(ControlEvent):
    """Base of events built from a JSON object of constructor keyword arguments."""

    def __init__(self, name: str) -> None:
        super().__init__("", name, "")

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Any, page: Any) -> Self:
        raw = ControlEvent.json_data(data)
        accepted = _parameters(cast(Any, cls))
        event = cls(**{key: value for key, value in raw.items() if key in accepted})
        event.target, event.name, event.data = target, name, data
        event.control, event.page = control, page
        return event
