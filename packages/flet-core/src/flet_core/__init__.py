"""flet_core: Flet's control model, page, wire protocol and update engine (standard library only).

The page model and base classes load at import; the catalog of controls, value types and the
large constant modules (icons, colors) load on first use (PEP 562), so ``import flet_core``
stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from flet_core.adaptive_control import (
    AdaptiveControl as AdaptiveControl,
)
from flet_core.constrained_control import (
    ConstrainedControl as ConstrainedControl,
)
from flet_core.control import (
    Control as Control,
)
from flet_core.control import (
    OptionalNumber as OptionalNumber,
)
from flet_core.control import (
    Ref as Ref,
)
from flet_core.control_event import (
    ControlEvent as ControlEvent,
)
from flet_core.control_event import (
    Event as Event,
)
from flet_core.control_event import (
    EventHandler as EventHandler,
)
from flet_core.errors import (
    FletError as FletError,
)
from flet_core.errors import (
    PageDisconnectedException as PageDisconnectedException,
)
from flet_core.page import (
    Page as Page,
)
from flet_core.page_events import (
    AppLifecycleState as AppLifecycleState,
)
from flet_core.page_events import (
    AppLifecycleStateChangeEvent as AppLifecycleStateChangeEvent,
)
from flet_core.page_events import (
    KeyboardEvent as KeyboardEvent,
)
from flet_core.page_events import (
    LoginEvent as LoginEvent,
)
from flet_core.page_events import (
    PageMediaData as PageMediaData,
)
from flet_core.page_events import (
    RouteChangeEvent as RouteChangeEvent,
)
from flet_core.page_events import (
    ViewPopEvent as ViewPopEvent,
)
from flet_core.scrollable_control import (
    OnScrollEvent as OnScrollEvent,
)
from flet_core.scrollable_control import (
    ScrollableControl as ScrollableControl,
)
from flet_core.view import (
    View as View,
)

if TYPE_CHECKING:  # what the lazy loader provides, for type checkers
    from flet_core._exports_typing import *  # noqa: F403

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


# Run time only: type checkers read the imports above instead, so a misspelt name is an error
# for them, and a computed __all__ would hide those names from them.
if not TYPE_CHECKING:

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

    __all__ = sorted(set(_EAGER) | set(_table()))  # the lazy names are public too


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_table()))
