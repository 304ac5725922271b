"""Event objects handed to handlers: ``Event`` and ``ControlEvent``."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

if TYPE_CHECKING:
    from flet_core.control import Control
    from flet_core.page import Page

__all__ = ["ControlEvent", "Event", "EventHandler"]


class Event:
    """What happened (``name``), to which control id (``target``), with the client's ``data``."""

    def __init__(self, target: str, name: str, data: str) -> None:
        self.target = target
        self.name = name
        self.data = data

    def __repr__(self) -> str:
        return f"{type(self).__name__}(target={self.target!r}, name={self.name!r}, data={self.data!r})"


class ControlEvent(Event):
    """An event with the control it happened to and the page it lives on."""

    def __init__(
        self,
        target: str,
        name: str,
        data: str,
        control: Control | None = None,
        page: Page | None = None,
    ) -> None:
        super().__init__(target, name, data)
        self.control: Any = control
        self.page: Any = page

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Control | None, page: Page | None) -> ControlEvent:
        """Build the event from what the client sent; typed subclasses parse ``data`` here."""
        return cls(target, name, data, control, page)

    @staticmethod
    def json_data(data: str) -> dict[str, Any]:
        """Parse JSON event data leniently: an empty or broken payload gives ``{}``."""
        if not data:
            return {}
        try:
            parsed = json.loads(data)
        except ValueError:
            return {}
        return parsed if isinstance(parsed, dict) else {}


E = TypeVar("E", bound=Event)

EventHandler: TypeAlias = Callable[[E], Any]
"""A sync or async callable taking one event argument (``EventHandler[ControlEvent]``)."""
