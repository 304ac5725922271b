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
        FLET_APP as FLET_APP,
    )
    from flet.app import (
        FLET_APP_HIDDEN as FLET_APP_HIDDEN,
    )
    from flet.app import (
        FLET_APP_WEB as FLET_APP_WEB,
    )
    from flet.app import (
        WEB_BROWSER as WEB_BROWSER,
    )
    from flet.app import (
        app as app,
    )
    from flet.app import (
        app_async as app_async,
    )
    # flet_core's names as type checkers see them: its static view of the lazy names, plus the
    # names it imports eagerly (a star import of flet_core itself would stop at its computed __all__)
    from flet_core import (
        AdaptiveControl as AdaptiveControl,
        AppLifecycleState as AppLifecycleState,
        AppLifecycleStateChangeEvent as AppLifecycleStateChangeEvent,
        ConstrainedControl as ConstrainedControl,
        Control as Control,
        ControlEvent as ControlEvent,
        Event as Event,
        EventHandler as EventHandler,
        FletError as FletError,
        KeyboardEvent as KeyboardEvent,
        LoginEvent as LoginEvent,
        OnScrollEvent as OnScrollEvent,
        OptionalNumber as OptionalNumber,
        Page as Page,
        PageDisconnectedException as PageDisconnectedException,
        PageMediaData as PageMediaData,
        Ref as Ref,
        RouteChangeEvent as RouteChangeEvent,
        ScrollableControl as ScrollableControl,
        View as View,
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


if not TYPE_CHECKING:  # type checkers read the imports above (`from flet import *` included)
    __all__ = sorted(set(flet_core.__all__) | set(_OWN) | {"version"})
