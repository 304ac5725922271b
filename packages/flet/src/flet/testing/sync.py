"""The blocking facade for plain ``def`` tests: ``open_sync``, :class:`SyncApp`, :class:`SyncTab`.

The app and its tabs live on an event loop in a background thread; each method of the
facade runs the matching :class:`Tab`/:class:`App` method there and waits for it, so a
sync test reads like the async one without ``await``::

    with flet.testing.open_sync(main) as app:
        app.click("+")
        assert app.find(key="count").value == "1"
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import Future
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar, Unpack

from flet.testing.app import _APP_OPTIONS, App, AppOptions, Main, OpenOptions, TabOptions
from flet.testing.client_calls import BrowserState, ClientCall
from flet.testing.errors import FletTestError
from flet.testing.tab import Tab, Upload
from flet_core.client_tree import ClientTree
from flet_core.page import Page

__all__ = ["SyncApp", "SyncAppFactory", "SyncTab", "open_sync", "serve_sync"]

P = ParamSpec("P")
R = TypeVar("R")


class _LoopThread:
    """An event loop running in a daemon thread, and a way to run coroutines on it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="flet-testing-loop", daemon=True)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, R]) -> R:
        __tracebackhide__ = True
        if threading.current_thread() is self._thread:
            coroutine.close()
            raise RuntimeError("the sync facade cannot be used from the app's own loop; use the async Tab")
        return _result(asyncio.run_coroutine_threadsafe(coroutine, self.loop))

    def call(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run a plain function on the loop's thread (the tabs' trees change only there)."""
        __tracebackhide__ = True
        if threading.current_thread() is self._thread:
            return function(*args, **kwargs)
        done: Future[R] = Future()

        def run() -> None:
            __tracebackhide__ = True
            try:
                done.set_result(function(*args, **kwargs))
            except BaseException as error:  # handed to the waiting thread
                done.set_exception(error)

        self.loop.call_soon_threadsafe(run)
        return _result(done)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()
        self.loop.close()


def _result(done: Future[R]) -> R:
    __tracebackhide__ = True
    try:
        return done.result()
    except FletTestError as error:
        # the failure's message says it all; the frames of the loop thread would only hide it
        raise error.with_traceback(None)  # noqa: B904  # the same error, re-raised here


def _blocking(method: Callable[Concatenate[Tab, P], Coroutine[Any, Any, R]]) -> Callable[Concatenate[SyncTab, P], R]:
    def call(self: SyncTab, /, *args: P.args, **kwargs: P.kwargs) -> R:
        __tracebackhide__ = True
        return self._loop.run(method(self._tab, *args, **kwargs))

    call.__name__, call.__qualname__, call.__doc__ = method.__name__, f"SyncTab.{method.__name__}", method.__doc__
    return call


def _reading(method: Callable[Concatenate[Tab, P], R]) -> Callable[Concatenate[SyncTab, P], R]:
    def call(self: SyncTab, /, *args: P.args, **kwargs: P.kwargs) -> R:
        __tracebackhide__ = True
        return self._loop.call(method, self._tab, *args, **kwargs)

    call.__name__, call.__qualname__, call.__doc__ = method.__name__, f"SyncTab.{method.__name__}", method.__doc__
    return call


class SyncTab:
    """A :class:`Tab` for sync tests: the same methods, blocking instead of ``async``."""

    def __init__(self, tab: Tab, app: SyncApp, loop: _LoopThread) -> None:
        self._tab = tab
        self._loop = loop
        self.app = app
        """The app this tab is connected to (``app.open_tab()`` opens another)."""

    def __repr__(self) -> str:
        return repr(self._tab).replace("<Tab", "<SyncTab", 1)

    @property
    def tab(self) -> Tab:
        """The async tab behind this one (use it only on the app's loop)."""
        return self._tab

    @property
    def session_id(self) -> str | None:
        return self._tab.session_id

    @property
    def connected(self) -> bool:
        return self._tab.connected

    @property
    def route(self) -> str:
        return self._tab.route

    @property
    def title(self) -> str | None:
        return self._tab.title

    @property
    def tree(self) -> ClientTree:
        return self._tab.tree

    @property
    def page(self) -> Page:
        return self._tab.page

    @property
    def browser(self) -> BrowserState:
        return self._tab.browser

    @property
    def calls(self) -> list[ClientCall]:
        return self._tab.calls

    @property
    def uploads(self) -> list[Upload]:
        return self._tab.uploads

    calls_to = _reading(Tab.calls_to)
    find = _reading(Tab.find)
    find_all = _reading(Tab.find_all)
    sees = _reading(Tab.sees)
    should_see = _reading(Tab.should_see)
    should_not_see = _reading(Tab.should_not_see)
    snapshot = _reading(Tab.snapshot)

    click = _blocking(Tab.click)
    long_press = _blocking(Tab.long_press)
    type = _blocking(Tab.type)
    submit = _blocking(Tab.submit)
    set_value = _blocking(Tab.set_value)
    dismiss = _blocking(Tab.dismiss)
    send_event = _blocking(Tab.send_event)
    go = _blocking(Tab.go)
    back = _blocking(Tab.back)
    resize = _blocking(Tab.resize)
    lifecycle = _blocking(Tab.lifecycle)
    set_platform_brightness = _blocking(Tab.set_platform_brightness)
    press = _blocking(Tab.press)
    pick_files = _blocking(Tab.pick_files)
    choose_path = _blocking(Tab.choose_path)
    cancel_file_dialog = _blocking(Tab.cancel_file_dialog)
    wait_for = _blocking(Tab.wait_for)
    settle = _blocking(Tab.settle)
    disconnect = _blocking(Tab.disconnect)
    reconnect = _blocking(Tab.reconnect)


class SyncApp:
    """An :class:`App` for sync tests; its event loop runs in a background thread."""

    def __init__(self, app: App, loop: _LoopThread) -> None:
        self._app = app
        self._loop = loop
        self.tabs: list[SyncTab] = []

    def __repr__(self) -> str:
        return repr(self._app).replace("<App", "<SyncApp", 1)

    @property
    def app(self) -> App:
        """The async app behind this one."""
        return self._app

    @property
    def errors(self) -> list[BaseException]:
        return self._app.errors

    def open_tab(self, route: str = "/", **options: Unpack[TabOptions]) -> SyncTab:
        """Open another browser tab (the options of :meth:`App.open_tab`)."""
        tab = SyncTab(self._loop.run(self._app.open_tab(route, **options)), self, self._loop)
        self.tabs.append(tab)
        return tab

    def settle(self, timeout: float | None = None) -> None:
        self._loop.run(self._app.settle(timeout))

    def close(self, *, raise_errors: bool = True) -> None:
        self._loop.run(self._app.close(raise_errors=raise_errors))


@contextlib.contextmanager
def serve_sync(main: Main, **options: Unpack[AppOptions]) -> Iterator[SyncApp]:
    """Run ``main`` in-process on a background loop; yields the :class:`SyncApp` (no tab yet)."""
    loop = _LoopThread()
    try:

        async def start() -> App:
            app = App(main, **options)
            await app.start()
            return app

        app = SyncApp(loop.run(start()), loop)
        failed = False
        try:
            yield app
        except BaseException:
            failed = True
            raise
        finally:
            app.close(raise_errors=not failed)
    finally:
        loop.close()


@contextlib.contextmanager
def open_sync(main: Main, route: str = "/", **options: Unpack[OpenOptions]) -> Iterator[SyncTab]:
    """Like ``flet.testing.open`` for sync tests: yields a :class:`SyncTab` once the app is idle."""
    app_options: dict[str, Any] = {k: v for k, v in options.items() if k in _APP_OPTIONS}
    tab_options: dict[str, Any] = {k: v for k, v in options.items() if k not in _APP_OPTIONS}
    with serve_sync(main, **app_options) as app:
        yield app.open_tab(route, **tab_options)


class SyncAppFactory(Protocol):
    """The ``flet_app_sync`` fixture: ``tab = flet_app_sync(main, route="/", **options)``.

    Takes the arguments of :func:`open_sync`; every app it opened is closed when the test ends.
    """

    def __call__(self, main: Main, route: str = "/", **options: Unpack[OpenOptions]) -> SyncTab: ...
