"""``App``: a Flet app running in-process for a test, and ``open()``, the usual way in.

The app runs on a real :class:`~flet_runtime.AppHost` (sessions, dispatcher, outbox, pubsub,
wire encoding) and its tabs talk to it over in-memory connections with the frames a browser
would exchange, so what a test sees is what a browser would get. After every action the app
*settles*: the test continues once every handler the action started (sync or async, in any
session) has finished and every frame has reached its tab.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import Any, Protocol, TypedDict, Unpack

from flet.testing.client_calls import Answer, BrowserState
from flet.testing.errors import AppError, ClientRejectedFrameError, WaitTimeoutError
from flet.testing.query import screen
from flet.testing.tab import Tab
from flet.upload_signature import sign_upload_url
from flet_core.page import Page
from flet_runtime import AppHost

__all__ = ["App", "AppFactory", "AppOptions", "Main", "OpenOptions", "TabOptions", "open"]

Main = Callable[[Page], Any]
"""An app's session handler: ``main(page)``, plain or ``async``."""

DEFAULT_USER_AGENT = "Mozilla/5.0 (flet.testing)"
_TEST_SECRET_KEY = "flet.testing upload signing key"


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


class _ErrorLog(logging.Handler):
    """Collects the errors the runtime logs (an exception in main, a handler, a subscriber)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.errors: list[tuple[str, BaseException | None]] = []

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        self.errors.append((record.getMessage(), error))


class App:
    """A Flet app running in this process, and the browser tabs connected to it.

    Use it as an async context manager, or call :meth:`close`::

        async with App(main) as app:
            alice = await app.open_tab()
            bob = await app.open_tab()

    Args:
        main: the session handler, as given to ``ft.app``.
        timeout: how long actions wait for the app to become idle, in seconds.
        session_timeout: how long a disconnected session waits for its tab to come back.
        raise_app_errors: raise :class:`AppError` in the test when the app raises an
            exception; with ``False`` they are only collected in :attr:`errors`.
    """

    def __init__(
        self,
        main: Main,
        *,
        timeout: float = 5.0,
        session_timeout: float = 3600.0,
        raise_app_errors: bool = True,
    ) -> None:
        self.main = main
        self.timeout = timeout
        self.raise_app_errors = raise_app_errors
        self.host = AppHost(main, session_timeout=session_timeout, upload_signer=_sign_upload)
        """The runtime's host of the app's sessions."""
        self.tabs: list[Tab] = []
        """Every tab opened, in order."""
        self.errors: list[BaseException] = []
        """Every exception the app raised (in ``main``, handlers, subscribers), in order."""
        self._log = _ErrorLog()
        self._reported = 0
        self._started = False
        self._closed = False

    def __repr__(self) -> str:
        return f"<App {getattr(self.main, '__qualname__', self.main)} tabs={len(self.tabs)}>"

    async def __aenter__(self) -> App:
        await self.start()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.close(raise_errors=error is None)

    async def start(self) -> None:
        """Start the host (``open_tab`` does it too)."""
        if self._started:
            return
        if self._closed:
            raise RuntimeError("this App was closed; make a new one")
        self._started = True
        logging.getLogger("flet").addHandler(self._log)
        await self.host.start()

    async def open_tab(
        self,
        route: str = "/",
        *,
        width: float = 800,
        height: float = 600,
        platform: str = "linux",
        client_ip: str = "127.0.0.1",
        user_agent: str = DEFAULT_USER_AGENT,
        client_storage: dict[str, Any] | None = None,
        clipboard: str | None = None,
        answers: dict[str, Answer] | None = None,
    ) -> Tab:
        """Open a new browser tab on ``route``: a new session runs ``main``; returns once it is idle.

        Args:
            route: the route in the address bar.
            width: the page width the browser reports (also ``height``, ``platform``).
            client_storage: the browser's local storage (a dict of stored values); pass the same
                dict to several tabs to share it as tabs of one browser do.
            clipboard: the clipboard's text.
            answers: scripted answers to client method calls by method name, replacing the
                browser's behaviour (see :mod:`flet.testing.client_calls`).
        """
        __tracebackhide__ = True
        await self.start()
        browser = BrowserState({} if client_storage is None else client_storage, clipboard)
        tab = Tab(
            self,
            route=route,
            width=width,
            height=height,
            platform=platform,
            client_ip=client_ip,
            user_agent=user_agent,
            browser=browser,
            answers=answers,
        )
        self.tabs.append(tab)
        await tab._connect()  # noqa: SLF001  # the app opens, settles and closes the tabs it made
        await self.settle()
        return tab

    async def settle(self, timeout: float | None = None) -> None:
        """Wait until every handler has finished and every frame has reached its tab.

        The tabs' own reactions (the route echo, upload progress, ...) are sent and waited
        for too. Then the app's exceptions and rejected frames are raised, if any.
        """
        __tracebackhide__ = True
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        while True:
            try:
                await self.host.wait_idle(max(deadline - time.monotonic(), 0.0))
            except TimeoutError as error:
                raise WaitTimeoutError(
                    f"{error}. Actions wait for the handlers they start; run endless loops with "
                    f"page.run_task() and use wait_for() for them.\n\n{self._screens()}"
                ) from None
            if any(tab._in_transit for tab in self.tabs):  # noqa: SLF001  # see open_tab()
                if time.monotonic() > deadline:
                    raise WaitTimeoutError(f"frames were still in transit after {limit} s\n\n{self._screens()}")
                await asyncio.sleep(0)
                continue
            if not any([tab._react() for tab in self.tabs]):  # noqa: SLF001  # see open_tab()
                break
        self._check()

    def _check(self) -> None:
        __tracebackhide__ = True
        rejected = [error for tab in self.tabs for error in tab._problems()]  # noqa: SLF001  # see open_tab()
        if rejected:
            raise ClientRejectedFrameError(
                "the server sent frames the 0.21.2 client would throw away:\n"
                + "\n".join(f"  {error!r}" for error in rejected)
            )
        fresh = self._log.errors[self._reported :]
        self._reported = len(self._log.errors)
        self.errors.extend(error if error is not None else AppError(message) for message, error in fresh)
        if fresh and self.raise_app_errors:
            message, error = fresh[0]
            more = f" (and {len(fresh) - 1} more error(s), see app.errors)" if len(fresh) > 1 else ""
            text = f"{message}: {error!r}" if error is not None else message
            raise AppError(
                f"the app raised an exception{more}: {text}\n"
                f"(pass raise_app_errors=False to check on_error handling instead)\n\n{self._screens()}"
            ) from error

    def _screens(self) -> str:
        shown = [tab for tab in self.tabs if tab.connected] or self.tabs[:1]
        if len(shown) == 1:
            return screen(shown[0].tree)
        return "\n\n".join(
            f"Tab {index} (session {tab.session_id}): {screen(tab.tree)}" for index, tab in enumerate(shown)
        )

    async def close(self, *, raise_errors: bool = True) -> None:
        """End every session (``on_close`` handlers run) and disconnect every tab."""
        __tracebackhide__ = True
        if self._closed or not self._started:
            self._closed = True
            return
        self._closed = True
        try:
            await self.host.shutdown()
            for tab in self.tabs:
                await tab._client.disconnect()  # noqa: SLF001  # see open_tab()
        finally:
            logging.getLogger("flet").removeHandler(self._log)
        if raise_errors:
            self._check()


def _sign_upload(file_name: str, expires: int) -> str:
    """Upload URLs as ``ft.app`` makes them for an app at ``/`` (the tab records them, sends no HTTP)."""
    return sign_upload_url("/upload", file_name, expires, _TEST_SECRET_KEY)


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
