"""flet_core: Flet's control model, page, wire protocol and update engine (standard library only).

The page model and base classes load at import; the catalog of controls, value types and the
large constant modules (icons, colors) load on first use (PEP 562), so ``import flet_core``
stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from flet_core.adaptive_control import AdaptiveControl
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control, OptionalNumber, Ref
from flet_core.control_event import ControlEvent, Event, EventHandler
from flet_core.errors import FletError, PageDisconnectedException
from flet_core.page import Page
from flet_core.page_events import (
    AppLifecycleState,
    AppLifecycleStateChangeEvent,
    KeyboardEvent,
    LoginEvent,
    PageMediaData,
    RouteChangeEvent,
    ViewPopEvent,
)
from flet_core.scrollable_control import OnScrollEvent, ScrollableControl
from flet_core.view import View

if TYPE_CHECKING:
    from flet_core._exports_typing import *  # noqa: F403  # what the lazy loader provides, for type checkers

__version__ = "0.21.2.post1"

_EAGER = [
    "AdaptiveControl",
    "AppLifecycleState",
    "AppLifecycleStateChangeEvent",
    "ConstrainedControl",
    "Control",
    "ControlEvent",
    "Event",
    "EventHandler",
    "FletError",
    "KeyboardEvent",
    "LoginEvent",
    "OnScrollEvent",
    "OptionalNumber",
    "Page",
    "PageDisconnectedException",
    "PageMediaData",
    "Ref",
    "RouteChangeEvent",
    "ScrollableControl",
    "View",
    "ViewPopEvent",
]


def _table() -> dict[str, str]:
    from flet_core._exports import EXPORTS

    return EXPORTS


def __getattr__(name: str) -> Any:
    target = _table().get(name) if not name.startswith("__") else None
    if target is None:
        raise AttributeError(f"module 'flet_core' has no attribute {name!r}")
    if target.startswith("module:"):
        value: Any = importlib.import_module(target.removeprefix("module:"))
    else:
        value = getattr(importlib.import_module(target), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_table()))


__all__ = sorted(set(_EAGER) | set(_table()))  # the lazy names are public too
