"""Page-level event objects and the subscriber collections behind ``page.on_*``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

from flet_core._update_state import set_raw_attr
from flet_core.control_event import ControlEvent
from flet_core.types import AppLifecycleState

if TYPE_CHECKING:
    from flet_core.page import Page
    from flet_core.view import View

__all__ = [
    "AppLifecycleState",
    "AppLifecycleStateChangeEvent",
    "EventHandlers",
    "KeyboardEvent",
    "LoginEvent",
    "PaddingData",
    "PageMediaData",
    "RouteChangeEvent",
    "ViewPopEvent",
]


class RouteChangeEvent(ControlEvent):
    """The route changed; ``route`` is the new one."""

    def __init__(self, route: str) -> None:
        super().__init__("page", "route_change", route)
        self.route = route


class ViewPopEvent(ControlEvent):
    """The user asked to leave the top view; ``view`` is it (looked up by route, then by id)."""

    def __init__(self, view: View | None) -> None:
        super().__init__("page", "view_pop", "")
        self.view = view


class KeyboardEvent(ControlEvent):
    """A key went down: its Flutter label (``"A"``, ``"Enter"``) and the modifier keys."""

    def __init__(self, key: str, shift: bool, ctrl: bool, alt: bool, meta: bool) -> None:
        super().__init__("page", "keyboard_event", "")
        self.key = key
        self.shift = shift
        self.ctrl = ctrl
        self.alt = alt
        self.meta = meta

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Any, page: Any) -> KeyboardEvent:
        raw = ControlEvent.json_data(data)
        event = cls(
            str(raw.get("key", "")),
            bool(raw.get("shift", False)),
            bool(raw.get("ctrl", False)),
            bool(raw.get("alt", False)),
            bool(raw.get("meta", False)),
        )
        event.target, event.name, event.data, event.control, event.page = target, name, data, control, page
        return event


class AppLifecycleStateChangeEvent(ControlEvent):
    """The app's lifecycle state changed; ``state`` is the new :class:`AppLifecycleState`."""

    def __init__(self, e: ControlEvent) -> None:
        super().__init__(e.target, e.name, e.data, e.control, e.page)
        try:
            self.state: AppLifecycleState | None = AppLifecycleState(e.data)
        except ValueError:
            self.state = None

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Any, page: Any) -> AppLifecycleStateChangeEvent:
        return cls(ControlEvent(target, name, data, control, page))


class PaddingData:
    """Insets reported by the client (``top``, ``right``, ``bottom``, ``left``)."""

    def __init__(self, top: float = 0, right: float = 0, bottom: float = 0, left: float = 0) -> None:
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left

    @classmethod
    def from_dict(cls, data: Any) -> PaddingData:
        if not isinstance(data, dict):
            return cls()
        return cls(*(float(data.get(k, 0) or 0) for k in ("top", "right", "bottom", "left")))

    def __repr__(self) -> str:
        return f"Padding(top={self.top}, right={self.right}, bottom={self.bottom}, left={self.left})"


class PageMediaData(ControlEvent):
    """Safe-area paddings and insets of the client's view."""

    def __init__(self, padding: PaddingData, view_padding: PaddingData, view_insets: PaddingData) -> None:
        super().__init__("page", "mediaChange", "")
        self.padding = padding
        self.view_padding = view_padding
        self.view_insets = view_insets

    @classmethod
    def parse(cls, text: str | None) -> PageMediaData | None:
        """Read the client's ``media`` JSON; ``None`` when absent or unreadable."""
        if not text:
            return None
        try:
            raw = json.loads(text)
        except ValueError:
            return None
        if not isinstance(raw, dict):
            return None
        return cls(
            PaddingData.from_dict(raw.get("padding")),
            PaddingData.from_dict(raw.get("view_padding")),
            PaddingData.from_dict(raw.get("view_insets")),
        )

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Any, page: Any) -> ControlEvent:
        media = cls.parse(data) or cls(PaddingData(), PaddingData(), PaddingData())
        media.target, media.name, media.data, media.control, media.page = target, name, data, control, page
        return media

    def __str__(self) -> str:
        return (
            f"PageMediaData(padding={self.padding}, view_padding={self.view_padding}, view_insets={self.view_insets})"
        )


class LoginEvent(ControlEvent):
    """An OAuth login finished; ``error`` is ``None`` (or empty) on success."""

    def __init__(
        self,
        error: str | None,
        error_description: str | None,
        target: str = "page",
        name: str = "login",
        data: str = "",
        control: Any = None,
        page: Any = None,
    ) -> None:
        super().__init__(target, name, data, control, page)
        self.error = error
        self.error_description = error_description


_E = TypeVar("_E", bound=ControlEvent)


class EventHandlers(Generic[_E]):
    """The subscribers of one page event (of event class ``_E``); assigning to ``page.on_x`` adds one."""

    def __init__(self, on_change: Callable[[], None] | None = None) -> None:
        self._handlers: list[Callable[..., Any]] = []
        self._on_change = on_change

    def subscribe(self, handler: Callable[[_E], Any]) -> None:
        if handler is not None and handler not in self._handlers:
            self._handlers.append(handler)
            if self._on_change is not None:
                self._on_change()

    def unsubscribe(self, handler: Callable[[_E], Any]) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)
            if self._on_change is not None:
                self._on_change()

    def count(self) -> int:
        return len(self._handlers)

    def __iter__(self) -> Iterator[Callable[..., Any]]:
        return iter(list(self._handlers))

    def __bool__(self) -> bool:
        return bool(self._handlers)


class PageEvent(Generic[_E]):
    """Descriptor for a page ``on_*`` property: reading gives the subscribers, assigning adds one."""

    @overload
    def __init__(self: PageEvent[ControlEvent], event: str, *, flag: str | None = None) -> None: ...
    @overload
    def __init__(self, event: str, event_class: type[_E], flag: str | None = None) -> None: ...
    def __init__(self, event: str, event_class: type[ControlEvent] = ControlEvent, flag: str | None = None) -> None:
        self.event = event
        self.event_class: type[ControlEvent] = event_class
        self.flag = flag
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def handlers(self, page: Page) -> EventHandlers[_E]:
        table: dict[str, EventHandlers[Any]] = page.__dict__.setdefault("_page_handlers", {})
        handlers = table.get(self.event)
        if handlers is None:
            flag = self.flag
            on_change = None if flag is None else (lambda: set_raw_attr(page, flag, bool(table[self.event]) or None))
            handlers = table[self.event] = EventHandlers(on_change)
        return handlers

    @overload
    def __get__(self, page: None, owner: type) -> Self: ...
    @overload
    def __get__(self, page: Page, owner: type) -> EventHandlers[_E]: ...
    def __get__(self, page: Page | None, owner: type) -> Self | EventHandlers[_E]:
        if page is None:
            return self
        return self.handlers(page)

    def __set__(self, page: Page, handler: Callable[[_E], Any] | EventHandlers[_E] | None) -> None:
        if handler is None or isinstance(handler, EventHandlers):
            return  # 0.21: assigning None does not clear; `page.on_x += ...` style reassigns the collection
        self.handlers(page).subscribe(handler)
