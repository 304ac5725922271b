"""Flet for Python: ``import flet as ft`` gives the whole public API of Flet 0.21.

Everything flet_core exports is reachable here, plus ``ft.app``/``ft.app_async`` and the
app-view constants; like flet_core, names load on first use (PEP 562), so importing flet
does not import the catalog of controls.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import flet_core
from flet import version as _version

if TYPE_CHECKING:
    from flet import auth as auth
    from flet import utils as utils
    from flet import version as version
    from flet.app import (
        app as app,
    )
    from flet.app import (
        app_async as app_async,
    )

    # flet_core's names as type checkers see them: the names it imports eagerly, and its static view
    # of the lazy ones (which holds the app-view constants that flet.app re-exports)
    from flet_core import (
        AdaptiveControl as AdaptiveControl,
    )
    from flet_core import (
        AppLifecycleState as AppLifecycleState,
    )
    from flet_core import (
        AppLifecycleStateChangeEvent as AppLifecycleStateChangeEvent,
    )
    from flet_core import (
        ConstrainedControl as ConstrainedControl,
    )
    from flet_core import (
        Control as Control,
    )
    from flet_core import (
        ControlEvent as ControlEvent,
    )
    from flet_core import (
        Event as Event,
    )
    from flet_core import (
        EventHandler as EventHandler,
    )
    from flet_core import (
        FletError as FletError,
    )
    from flet_core import (
        KeyboardEvent as KeyboardEvent,
    )
    from flet_core import (
        LoginEvent as LoginEvent,
    )
    from flet_core import (
        OnScrollEvent as OnScrollEvent,
    )
    from flet_core import (
        OptionalNumber as OptionalNumber,
    )
    from flet_core import (
        Page as Page,
    )
    from flet_core import (
        PageDisconnectedException as PageDisconnectedException,
    )
    from flet_core import (
        PageMediaData as PageMediaData,
    )
    from flet_core import (
        Ref as Ref,
    )
    from flet_core import (
        RouteChangeEvent as RouteChangeEvent,
    )
    from flet_core import (
        ScrollableControl as ScrollableControl,
    )
    from flet_core import (
        View as View,
    )
    from flet_core import (
        ViewPopEvent as ViewPopEvent,
    )
    from flet_core._exports_typing import *  # noqa: F403

__version__ = _version.version

# names flet adds to flet_core's: (module, attribute) — attribute None means the module itself
_OWN: dict[str, tuple[str, str | None]] = {
    "app": ("flet.app", "app"),
    "app_async": ("flet.app", "app_async"),
    "WEB_BROWSER": ("flet.app", "WEB_BROWSER"),
    "FLET_APP": ("flet.app", "FLET_APP"),
    "FLET_APP_WEB": ("flet.app", "FLET_APP_WEB"),
    "FLET_APP_HIDDEN": ("flet.app", "FLET_APP_HIDDEN"),
    "auth": ("flet.auth", None),
    "utils": ("flet.utils", None),
}


# Run time only: type checkers read the imports above instead, so a misspelt `ft.Name` is an
# error for them, and a computed __all__ would hide those names from them.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        own = _OWN.get(name)
        if own is not None:
            module = importlib.import_module(own[0])
            value = module if own[1] is None else getattr(module, own[1])
        else:
            value = getattr(flet_core, name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(flet_core.__all__) | set(_OWN))

    __all__ = sorted(set(flet_core.__all__) | set(_OWN) | {"version"})
