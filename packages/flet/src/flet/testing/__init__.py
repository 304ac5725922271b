"""Test Flet apps without a browser: run ``main`` in-process and drive it like a user.

::

    import flet as ft
    import flet.testing

    async def test_counter():
        async with flet.testing.open(main) as app:
            await app.click(type=ft.IconButton)
            assert app.find(type=ft.TextField).value == "1"

The app runs on the real runtime (sessions, handler dispatch, wire encoding); each tab is a
simulated 0.21.2 web client holding the control tree the browser would hold. pytest users get
the fixtures ``flet_app`` (async, with pytest-asyncio) and ``flet_app_sync`` from the plugin
this package registers. See the "Testing your app" section of the flet README.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flet.testing.app import App, AppFactory, AppOptions, Main, OpenOptions, TabOptions, open
    from flet.testing.client_calls import NO_ANSWER, Answer, BrowserState, ClientCall
    from flet.testing.errors import (
        AmbiguousControlError,
        AppError,
        ClientRejectedFrameError,
        ControlNotFoundError,
        ControlNotInteractableError,
        FletTestError,
        WaitTimeoutError,
    )
    from flet.testing.query import Element
    from flet.testing.snapshot import TEXT_ATTRS
    from flet.testing.sync import SyncApp, SyncAppFactory, SyncTab, open_sync, serve_sync
    from flet.testing.tab import PickedFile, Tab, Target, Upload

_EXPORTS = {
    "AmbiguousControlError": "flet.testing.errors",
    "Answer": "flet.testing.client_calls",
    "App": "flet.testing.app",
    "AppError": "flet.testing.errors",
    "AppFactory": "flet.testing.app",
    "AppOptions": "flet.testing.app",
    "BrowserState": "flet.testing.client_calls",
    "ClientCall": "flet.testing.client_calls",
    "ClientRejectedFrameError": "flet.testing.errors",
    "ControlNotFoundError": "flet.testing.errors",
    "ControlNotInteractableError": "flet.testing.errors",
    "Element": "flet.testing.query",
    "FletTestError": "flet.testing.errors",
    "Main": "flet.testing.app",
    "NO_ANSWER": "flet.testing.client_calls",
    "OpenOptions": "flet.testing.app",
    "PickedFile": "flet.testing.tab",
    "SyncApp": "flet.testing.sync",
    "SyncAppFactory": "flet.testing.sync",
    "SyncTab": "flet.testing.sync",
    "TEXT_ATTRS": "flet.testing.snapshot",
    "Tab": "flet.testing.tab",
    "TabOptions": "flet.testing.app",
    "Target": "flet.testing.tab",
    "Upload": "flet.testing.tab",
    "WaitTimeoutError": "flet.testing.errors",
    "open": "flet.testing.app",
    "open_sync": "flet.testing.sync",
    "serve_sync": "flet.testing.sync",
}
"""Public name -> the module defining it; imported on first use, so the pytest plugin stays cheap."""

__all__ = [
    "NO_ANSWER",
    "TEXT_ATTRS",
    "AmbiguousControlError",
    "Answer",
    "App",
    "AppError",
    "AppFactory",
    "AppOptions",
    "BrowserState",
    "ClientCall",
    "ClientRejectedFrameError",
    "ControlNotFoundError",
    "ControlNotInteractableError",
    "Element",
    "FletTestError",
    "Main",
    "OpenOptions",
    "PickedFile",
    "SyncApp",
    "SyncAppFactory",
    "SyncTab",
    "Tab",
    "TabOptions",
    "Target",
    "Upload",
    "WaitTimeoutError",
    "open",
    "open_sync",
    "serve_sync",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'flet.testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
