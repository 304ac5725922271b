"""``open()``, the usual way in, and the options of ``App`` and its tabs.

:class:`App` (a Flet app running in-process for a test) is defined in :mod:`flet.testing.tab`,
beside the tabs it opens, settles and closes, and is importable from here. The app runs on a
real :class:`~flet_runtime.AppHost` (sessions, dispatcher, outbox, pubsub, wire encoding) and
its tabs talk to it over in-memory connections with the frames a browser
would exchange, so what a test sees is what a browser would get. After every action the app
*settles*: the test continues once every handler the action started (sync or async, in any
session) has finished and every frame has reached its tab.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable
from typing import Any, Protocol, TypedDict, Unpack

from flet.testing.client_calls import Answer
from flet.testing.tab import App, Main, Tab

__all__ = ["App", "AppFactory", "AppOptions", "Main", "OpenOptions", "TabOptions", "open"]


class AppOptions(TypedDict, total=False):
    """Options of :class:`App` (and of ``open()``)."""

    timeout: float
    session_timeout: float
    raise_app_errors: bool


class TabOptions(TypedDict, total=False):
    """Options of :meth:`App.open_tab` (and of ``open()``)."""

    width: float
    height: float
    platform: str
    client_ip: str
    user_agent: str
    client_storage: dict[str, Any]
    clipboard: str | None
    answers: dict[str, Answer]


class OpenOptions(AppOptions, TabOptions, total=False):
    """Options of ``open()``: those of the app and those of its first tab."""


_APP_OPTIONS = frozenset(AppOptions.__optional_keys__)


@contextlib.asynccontextmanager
async def open(main: Main, route: str = "/", **options: Unpack[OpenOptions]) -> AsyncIterator[Tab]:
    """Run ``main`` in-process and open a browser tab on it; yields the tab once the app is idle.

    ``options`` are those of :class:`App` (``timeout``, ``session_timeout``,
    ``raise_app_errors``) and of :meth:`App.open_tab` (``width``, ``height``, ``client_storage``,
    ``answers``...). More tabs of the same app: ``await tab.app.open_tab()``.
    """
    __tracebackhide__ = True
    app_options: dict[str, Any] = {k: v for k, v in options.items() if k in _APP_OPTIONS}
    tab_options: dict[str, Any] = {k: v for k, v in options.items() if k not in _APP_OPTIONS}
    async with App(main, **app_options) as app:
        yield await app.open_tab(route, **tab_options)


class AppFactory(Protocol):
    """The ``flet_app`` fixture: ``tab = await flet_app(main, route="/", **options)``.

    Takes the arguments of :func:`open`; every app it opened is closed when the test ends.
    """

    def __call__(self, main: Main, route: str = "/", **options: Unpack[OpenOptions]) -> Awaitable[Tab]: ...
