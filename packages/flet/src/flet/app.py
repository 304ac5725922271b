"""``ft.app()`` and ``ft.app_async()``: run a Flet app in a desktop window or as a web server.

How the app is shown (Flet 0.21's decision, COMPAT, api.md §1.3):

1. FLET_FORCE_WEB_SERVER, or a Linux host without a display (no DISPLAY, no WAYLAND_DISPLAY,
   not WSL), forces web mode: the server blocks, port 8000 unless one was given, no browser.
2. ``view=FLET_APP`` (the default) and ``FLET_APP_HIDDEN`` serve the app on a local socket (a
   Unix socket, or ``tcp://localhost:<port>`` when a port is given or on Windows) and open the
   Flet desktop client on it (hidden: ``FLET_HIDE_WINDOW_ON_START=true``). The app ends when
   the window closes; SIGINT/SIGTERM close the window too. ``FLET_PLATFORM`` (a native shell
   embedding Python) serves the socket without starting a client.
3. ``view=FLET_APP_WEB`` serves the web app and opens the desktop client on its http URL.
4. ``view=WEB_BROWSER`` serves and opens the default browser (when there is a display and
   FLET_DISPLAY_URL_PREFIX, which ``flet run`` sets, is not set).
5. Without a desktop client (``pip install flet[desktop]``, or FLET_VIEW_PATH) the desktop
   views serve a web app and open it in the browser instead, with one log line saying so.
6. ``view=None`` serves without opening anything (0.21 crashed, UPSTREAM-BUG #5).
7. With FLET_DISPLAY_URL_PREFIX set, the URL (socket path or http URL) is printed as
   ``<prefix> <url>`` and ``flet run`` opens the window or browser itself.

Environment variables win over arguments, except FLET_WEB_APP_PATH, which applies only when
``name`` is empty (see :mod:`flet_runtime.config`). Without an explicit host the server listens on
all interfaces in web-server mode, and on 127.0.0.1 only when a desktop user opens the app in
their own browser (so a developer's app is not exposed to the network by surprise).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from flet import environment
from flet_core.errors import FletError
from flet_core.types import FLET_APP, FLET_APP_HIDDEN, FLET_APP_WEB, WEB_BROWSER, AppView, WebRenderer
from flet_runtime import config

if TYPE_CHECKING:
    from flet import desktop
    from flet.fastapi.flet_fastapi import FastAPI
    from flet.fastapi.serve_fastapi_web_app import RunningServer

# FastAPI and uvicorn are imported only when a web server is started: a desktop app starts
# its window without paying for them. Likewise flet.desktop (and ctypes) and webbrowser are
# imported only by the modes that open a window or a browser.
SessionHandler = Callable[[Any], Any]

__all__ = [
    "FLET_APP",
    "FLET_APP_HIDDEN",
    "FLET_APP_WEB",
    "WEB_BROWSER",
    "AppView",
    "WebRenderer",
    "app",
    "app_async",
]

logger = logging.getLogger("flet")

DEFAULT_WEB_SERVER_PORT = 8000

_DESKTOP_VIEWS = frozenset({AppView.FLET_APP, AppView.FLET_APP_HIDDEN, AppView.FLET_APP_WEB})


def _view(value: AppView | str | None) -> AppView | None:
    if value is None or isinstance(value, AppView):
        return value
    try:
        return AppView(value)
    except ValueError:
        choices = ", ".join(repr(v.value) for v in AppView)
        raise ValueError(f"view must be an AppView or one of {choices}, got {value!r}") from None


def _script_dir(export_asgi_app: bool) -> Path:
    """Where relative assets/upload folders are looked up."""
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller one-file bundle unpacks here
    if bundle:
        return Path(bundle)
    if export_asgi_app or not sys.argv or not sys.argv[0]:
        return Path.cwd()
    return Path(sys.argv[0]).resolve().parent


def _folder(
    value: str | os.PathLike[str] | None, setting: config.Setting[str, None], export_asgi_app: bool
) -> str | None:
    from_env = setting.get()
    if from_env is not None:
        return from_env  # used verbatim, as 0.21 did
    if value is None or str(value) == "":
        return None
    folder = Path(value).expanduser()
    return str(folder if folder.is_absolute() else _script_dir(export_asgi_app) / folder)


def _page_name(name: str) -> str:
    return name.strip("/") or (config.WEB_APP_PATH.get() or "").strip("/")


def _build(
    target: SessionHandler,
    name: str,
    assets_dir: str | os.PathLike[str] | None,
    upload_dir: str | os.PathLike[str] | None,
    web_renderer: WebRenderer | str | None,
    use_color_emoji: bool,
    route_url_strategy: str,
    export_asgi_app: bool,
) -> tuple[FastAPI, str]:
    with _collection_paused():
        from flet.fastapi.serve_fastapi_web_app import freeze_heap, get_fastapi_web_app

        page_name = _page_name(name)
        assets = _folder(assets_dir, config.ASSETS_DIR, export_asgi_app)
        uploads = _folder(upload_dir, config.UPLOAD_DIR, export_asgi_app)
        asgi_app = get_fastapi_web_app(
            target, page_name, assets, uploads, web_renderer, use_color_emoji, route_url_strategy
        )
        if not export_asgi_app:
            # served right away, and its start would freeze the heap anyway: frozen here, before
            # the collector is back, what the pause built is spared one more pass (~25M instructions)
            freeze_heap()
    return asgi_app, page_name


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (as it was before, on leaving).

    Importing the web server (FastAPI, pydantic, uvicorn) and building the app makes hundreds
    of thousands of objects, none of them garbage, and the collections their allocations
    trigger walk them again and again: pausing saves 20-30M of the ~1,650M instructions from
    process start to the first rendered session (callgrind, counter app).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@overload
def app(
    target: SessionHandler,
    name: str = "",
    host: str | None = None,
    port: int = 0,
    view: AppView | str | None = AppView.FLET_APP,
    assets_dir: str | os.PathLike[str] | None = "assets",
    upload_dir: str | os.PathLike[str] | None = None,
    web_renderer: WebRenderer | str = WebRenderer.CANVAS_KIT,
    use_color_emoji: bool = False,
    route_url_strategy: str = "path",
    *,
    export_asgi_app: Literal[True],
) -> FastAPI: ...
@overload
def app(
    target: SessionHandler,
    name: str = "",
    host: str | None = None,
    port: int = 0,
    view: AppView | str | None = AppView.FLET_APP,
    assets_dir: str | os.PathLike[str] | None = "assets",
    upload_dir: str | os.PathLike[str] | None = None,
    web_renderer: WebRenderer | str = WebRenderer.CANVAS_KIT,
    use_color_emoji: bool = False,
    route_url_strategy: str = "path",
    export_asgi_app: Literal[False] = False,
) -> None: ...
@overload
def app(
    target: SessionHandler,
    name: str = "",
    host: str | None = None,
    port: int = 0,
    view: AppView | str | None = AppView.FLET_APP,
    assets_dir: str | os.PathLike[str] | None = "assets",
    upload_dir: str | os.PathLike[str] | None = None,
    web_renderer: WebRenderer | str = WebRenderer.CANVAS_KIT,
    use_color_emoji: bool = False,
    route_url_strategy: str = "path",
    export_asgi_app: bool = False,
) -> FastAPI | None: ...
def app(
    target: SessionHandler,
    name: str = "",
    host: str | None = None,
    port: int = 0,
    view: AppView | str | None = AppView.FLET_APP,
    assets_dir: str | os.PathLike[str] | None = "assets",
    upload_dir: str | os.PathLike[str] | None = None,
    web_renderer: WebRenderer | str = WebRenderer.CANVAS_KIT,
    use_color_emoji: bool = False,
    route_url_strategy: str = "path",
    export_asgi_app: bool = False,
) -> FastAPI | None:
    """Run ``target`` (``main(page)``, sync or async) as a Flet app until the server stops.

    With ``export_asgi_app=True`` nothing runs: the ASGI app is returned for hypercorn,
    daphne, gunicorn with uvicorn workers, granian... (``host``, ``port`` and ``view`` are then
    ignored). Cannot be called from a running event loop: use ``await ft.app_async(...)``.
    A server that cannot start (port in use, bad address, bad FLET_* value) logs one error
    line and exits the process with status 1.
    """
    if export_asgi_app:
        asgi_app, _ = _build(
            target, name, assets_dir, upload_dir, web_renderer, use_color_emoji, route_url_strategy, True
        )
        return asgi_app
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        raise RuntimeError("ft.app() cannot run inside a running event loop; use `await ft.app_async(main)` there")
    try:
        asyncio.run(
            app_async(
                target,
                name=name,
                host=host,
                port=port,
                view=view,
                assets_dir=assets_dir,
                upload_dir=upload_dir,
                web_renderer=web_renderer,
                use_color_emoji=use_color_emoji,
                route_url_strategy=route_url_strategy,
            )
        )
    except (OSError, RuntimeError, environment.EnvironmentVariableError) as error:
        if not _is_startup_error(error):  # a DesktopClientError is a RuntimeError
            raise
        # Without logging configured, this reaches stderr through logging's last-resort handler.
        logger.error("Flet app could not start: %s", error)
        raise SystemExit(1) from None
    return None


async def app_async(
    target: SessionHandler,
    name: str = "",
    host: str | None = None,
    port: int = 0,
    view: AppView | str | None = AppView.FLET_APP,
    assets_dir: str | os.PathLike[str] | None = "assets",
    upload_dir: str | os.PathLike[str] | None = None,
    web_renderer: WebRenderer | str = WebRenderer.CANVAS_KIT,
    use_color_emoji: bool = False,
    route_url_strategy: str = "path",
) -> None:
    """``ft.app()`` for code already running an event loop; returns when the server stops.

    Raises:
        WebServerError: the server could not listen (``PortInUseError`` for a taken port).
        EnvironmentVariableError: a FLET_* variable holds an unusable value.
        DesktopClientError: the desktop client cannot start (a missing system library).
    """
    _configure_logging()
    chosen_view = _view(view)
    force_web = config.FORCE_WEB_SERVER.get() or environment.is_linux_server()
    port = config.SERVER_PORT.get_or(port)
    host = config.SERVER_IP.get_or(host)
    if force_web:
        chosen_view = AppView.WEB_BROWSER
        if port == 0:
            port = DEFAULT_WEB_SERVER_PORT
    embedded = config.PLATFORM.get() is not None
    program = None
    if chosen_view in _DESKTOP_VIEWS and not force_web and not embedded:
        from flet import desktop

        program = desktop.find_client()
        if program is None:
            logger.warning(
                "the Flet desktop client is not installed (pip install 'flet[desktop]'); serving the app "
                "as a web app and opening it in the browser instead"
            )
            chosen_view = AppView.WEB_BROWSER
    if not force_web and (embedded or chosen_view in {AppView.FLET_APP, AppView.FLET_APP_HIDDEN}):
        assets = _folder(assets_dir, config.ASSETS_DIR, False)
        await _serve_desktop(target, _page_name(name), port, chosen_view, assets, program)
        return
    if host is None and not force_web:
        host = "127.0.0.1"  # a desktop session: do not expose the app to the network unasked

    asgi_app, page_name = _build(
        target, name, assets_dir, upload_dir, web_renderer, use_color_emoji, route_url_strategy, False
    )
    server = await start_web_server(asgi_app, host, port)
    url = server.url(page_name)
    _announce(server, url)
    if chosen_view == AppView.WEB_BROWSER and not force_web and _may_open_browser():
        import webbrowser

        await asyncio.to_thread(webbrowser.open, url)
    if chosen_view == AppView.FLET_APP_WEB and program is not None and _url_prefix() is None:
        from flet import desktop

        client = desktop.DesktopClient(program, url)
        try:
            client.start()
            await _first_of(asyncio.shield(server.wait()), asyncio.to_thread(client.wait))
        finally:
            client.stop()
            await server.close()
        return
    await server.wait()


def _is_startup_error(error: BaseException) -> bool:
    """An error that means "the app could not start", to be shown as one line."""
    if isinstance(error, environment.EnvironmentVariableError):
        return True
    # these modules raised their errors only if they were imported
    desktop_module = sys.modules.get("flet.desktop")
    web_module = sys.modules.get("flet.fastapi.serve_fastapi_web_app")
    return (desktop_module is not None and isinstance(error, desktop_module.DesktopClientError)) or (
        web_module is not None and isinstance(error, web_module.WebServerError)
    )


async def start_web_server(asgi_app: Any, host: str | None, port: int, **options: Any) -> RunningServer:
    """:func:`flet.fastapi.serve_fastapi_web_app.start_web_server`, imported when first needed."""
    from flet.fastapi.serve_fastapi_web_app import start_web_server as start

    return await start(asgi_app, host, port, **options)


def _url_prefix() -> str | None:
    return config.DISPLAY_URL_PREFIX.get()


def _no_uploads(file_name: str, expires: int) -> str:
    raise FletError(
        "upload URLs exist only for web apps: in the desktop window the FilePicker returns local paths "
        "(e.files[i].path), which the app can read directly"
    )


async def _serve_desktop(
    target: SessionHandler, page_name: str, port: int, view: AppView | None, assets: str | None, program: Path | None
) -> None:
    """Socket mode: serve the app to one desktop client until its window closes or a signal comes."""
    from flet import desktop
    from flet_runtime import AppHost, SocketServer

    app_host = AppHost(target, upload_signer=_no_uploads, page_name=page_name)
    server = SocketServer(app_host, port=port)
    client: desktop.DesktopClient | None = None
    stop = asyncio.Event()
    preload: asyncio.Task[int] | None = None
    try:
        with _stop_signals(stop):
            await server.start()
            prefix = _url_prefix()
            if prefix is not None:
                print(f"{prefix} {server.url}", flush=True)  # `flet run` opens the window itself
            elif program is not None:
                client = desktop.DesktopClient(
                    program, server.url, hidden=view == AppView.FLET_APP_HIDDEN, assets_dir=assets
                )
                client.start()
            # the controls load while the client starts, not in the first render after it connects
            preload = asyncio.create_task(desktop.preload_controls(target, lambda: server.connections > 0))
            logger.info("Flet app has started on %s", server.url)
            if client is None:
                await stop.wait()
            else:
                await _first_of(stop.wait(), asyncio.to_thread(client.wait))
                status = None if stop.is_set() else client.wait()
                if status:  # 0 is a closed window
                    logger.warning("the Flet desktop client exited with status %d", status)
    finally:
        if preload is not None:
            preload.cancel()
        if client is not None:
            client.stop()
        await server.close()
        await app_host.shutdown()


async def _first_of(*waits: Any) -> Any:
    """Run the awaitables until one finishes; cancel the others; return its result."""
    tasks = [asyncio.ensure_future(wait) for wait in waits]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
    return next(iter(done)).result()


@contextlib.contextmanager
def _stop_signals(stop: asyncio.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set ``stop`` while inside (main thread only; elsewhere nothing changes)."""
    installed: list[signal.Signals] = []
    if threading.current_thread() is threading.main_thread():
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError, ValueError):  # not supported by this loop
                continue
            installed.append(sig)
    try:
        yield
    finally:
        for installed_signal in installed:
            asyncio.get_running_loop().remove_signal_handler(installed_signal)


def _configure_logging() -> None:
    level = config.LOG_LEVEL.get()
    if level is not None and not logging.getLogger().handlers:
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _may_open_browser() -> bool:
    return _url_prefix() is None and environment.has_display()


def _announce(server: RunningServer, url: str) -> None:
    prefix = config.DISPLAY_URL_PREFIX.get()
    if prefix is not None:
        print(f"{prefix} {url}", flush=True)  # the `flet run` handshake: one line on stdout
        return
    # The app's own output, like a server's banner: shown whatever the logging setup.
    print(f"Flet app is running at {url} (listening on {server.listening_on()})", flush=True)
    logger.info("Flet app has started; press Ctrl+C to stop it")
