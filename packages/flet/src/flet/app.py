"""``ft.app()`` and ``ft.app_async()``: run a Flet app as a web server, or export it as ASGI.

How the app is shown (Flet 0.21's decision, COMPAT):

1. FLET_FORCE_WEB_SERVER, or a Linux host without a display (no DISPLAY, no WAYLAND_DISPLAY,
   not WSL), forces web mode: the server blocks, port 8000 unless one was given, no browser.
2. ``view=WEB_BROWSER`` serves and opens the default browser (when there is a display and
   FLET_DISPLAY_URL_PREFIX, which ``flet run`` sets, is not set).
3. The desktop views (``FLET_APP``, ``FLET_APP_HIDDEN``, ``FLET_APP_WEB``) need the Flutter
   desktop client, which this build does not ship: the app is served as a web app and opened
   in the browser instead, with one log line saying so.
4. ``view=None`` serves without opening anything (0.21 crashed, UPSTREAM-BUG #5).

Environment variables win over arguments, except FLET_WEB_APP_PATH, which applies only when
``name`` is empty (see :mod:`flet_runtime.config`). Without an explicit host the server listens on
all interfaces in web-server mode, and on 127.0.0.1 only when a desktop user opens the app in
their own browser (so a developer's app is not exposed to the network by surprise).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import webbrowser
from pathlib import Path
from typing import Literal, overload

from flet import environment
from flet.fastapi.flet_app import SessionHandler
from flet.fastapi.flet_fastapi import FastAPI
from flet.fastapi.serve_fastapi_web_app import (
    RunningServer,
    WebServerError,
    get_fastapi_web_app,
    start_web_server,
)
from flet_core.types import FLET_APP, FLET_APP_HIDDEN, FLET_APP_WEB, WEB_BROWSER, AppView, WebRenderer
from flet_runtime import config

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
    page_name = _page_name(name)
    assets = _folder(assets_dir, config.ASSETS_DIR, export_asgi_app)
    uploads = _folder(upload_dir, config.UPLOAD_DIR, export_asgi_app)
    asgi_app = get_fastapi_web_app(
        target, page_name, assets, uploads, web_renderer, use_color_emoji, route_url_strategy
    )
    return asgi_app, page_name


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
    except (WebServerError, environment.EnvironmentVariableError) as error:
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
    if config.PLATFORM.get() is not None and not force_web:
        logger.warning("FLET_PLATFORM is set, but this build has no embedded-client mode; serving a web app")
    if chosen_view in _DESKTOP_VIEWS and not force_web:
        logger.warning(
            "the Flet desktop client is not part of this build; serving the app as a web app "
            "and opening it in the browser instead"
        )
        chosen_view = AppView.WEB_BROWSER
    if host is None and not force_web:
        host = "127.0.0.1"  # a desktop session: do not expose the app to the network unasked

    asgi_app, page_name = _build(
        target, name, assets_dir, upload_dir, web_renderer, use_color_emoji, route_url_strategy, False
    )
    server = await start_web_server(asgi_app, host, port)
    url = server.url(page_name)
    _announce(server, url)
    if chosen_view == AppView.WEB_BROWSER and not force_web and _may_open_browser():
        await asyncio.to_thread(webbrowser.open, url)
    await server.wait()


def _configure_logging() -> None:
    level = config.LOG_LEVEL.get()
    if level is not None and not logging.getLogger().handlers:
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _may_open_browser() -> bool:
    return config.DISPLAY_URL_PREFIX.get() is None and environment.has_display()


def _announce(server: RunningServer, url: str) -> None:
    prefix = config.DISPLAY_URL_PREFIX.get()
    if prefix is not None:
        print(f"{prefix} {url}", flush=True)  # the `flet run` handshake: one line on stdout
        return
    # The app's own output, like a server's banner: shown whatever the logging setup.
    print(f"Flet app is running at {url} (listening on {server.listening_on()})", flush=True)
    logger.info("Flet app has started; press Ctrl+C to stop it")
