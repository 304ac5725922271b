"""Running a Flet app under uvicorn: what ``ft.app`` uses in web mode.

The listening socket is bound here, before uvicorn starts, so that

* a port in use is one clear :class:`PortInUseError` before anything is announced
  (UPSTREAM-BUG #6), and port 0 gives a free port without the bind-and-release race;
* the announced URL and addresses are the real ones read from the bound socket
  (UPSTREAM-BUG #40); "all interfaces" is one dual-stack socket (IPv4 and IPv6).

SIGINT and SIGTERM stop the server gracefully (a second one forces it), and ``ft.app`` then
returns normally, so the process exits with status 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import inspect
import logging
import signal
import socket
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import uvicorn

from flet.fastapi.app import app as flet_fastapi_app
from flet.fastapi.flet_app import SessionHandler
from flet.fastapi.flet_fastapi import FastAPI
from flet_core.types import WebRenderer
from flet_runtime import config as runtime_config

__all__ = [
    "PortInUseError",
    "RunningServer",
    "WebServerError",
    "WebServerHandle",
    "bind_socket",
    "get_fastapi_web_app",
    "serve_fastapi_web_app",
    "start_web_server",
    "uvicorn_log_level",
]

logger = logging.getLogger("flet")

_ALL_INTERFACES = (None, "", "*")

GRACEFUL_SHUTDOWN_SECONDS = 5
"""How long open connections get to finish after a stop signal before they are closed."""


class WebServerError(OSError):
    """The web server could not start; the message says why and what to change."""


class PortInUseError(WebServerError):
    """Another program listens on the requested port."""


def get_fastapi_web_app(
    session_handler: SessionHandler,
    page_name: str,
    assets_dir: str | None,
    upload_dir: str | None,
    web_renderer: WebRenderer | str | None,
    use_color_emoji: bool,
    route_url_strategy: str,
) -> FastAPI:
    """The ASGI app ``ft.app`` serves: the Flet app mounted at ``/<page_name>``, no API docs.

    Its start (the ASGI lifespan) freezes the heap built so far (:func:`freeze_heap`).
    """
    outer = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, lifespan=_frozen_heap)
    inner = flet_fastapi_app(
        session_handler,
        assets_dir=assets_dir,
        upload_dir=upload_dir,
        web_renderer=web_renderer or WebRenderer.AUTO,
        use_color_emoji=use_color_emoji,
        route_url_strategy=route_url_strategy,
    )
    outer.mount("/" + page_name.strip("/"), inner)
    return outer


_heap_frozen = False


def freeze_heap() -> bool:
    """``gc.freeze()``, once per process: what exists now is left out of garbage collections.

    By the time the server starts, the imported modules and the app (FastAPI, pydantic,
    flet_core's tables...) are hundreds of thousands of long-lived objects that every full
    collection walked again: 20-55 ms a pass, landing inside whatever the app was doing (a
    pubsub fan-out to 100 sessions takes ~8 ms). Sessions made later are collected as before.
    Returns whether this call froze it (False: an earlier one did).
    """
    global _heap_frozen  # one process-wide switch, as gc.freeze() itself is
    if _heap_frozen:
        return False
    _heap_frozen = True
    gc.freeze()
    return True


@contextlib.asynccontextmanager
async def _frozen_heap(app: Any) -> AsyncIterator[None]:
    del app
    freeze_heap()
    yield


def uvicorn_log_level() -> str:
    """uvicorn's level follows the ``flet`` logger's (WARNING unless the app configured logging)."""
    level = logging.getLogger("flet").getEffectiveLevel()
    names = {logging.DEBUG: "debug", logging.INFO: "info", logging.WARNING: "warning", logging.ERROR: "error"}
    return names.get(level, "critical")


def bind_socket(host: str | None, port: int) -> socket.socket:
    """A listening-ready TCP socket on ``host`` (all interfaces for ``None``, ``""`` or ``*``).

    Raises:
        PortInUseError: the port is taken.
        WebServerError: the address cannot be used (unknown host, not local, no permission).
    """
    where = f"{host or '*'}:{port}"
    try:
        if host in _ALL_INTERFACES:
            try:
                sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
                address: tuple[Any, ...] = ("::", port)
            except OSError:  # no IPv6 on this host
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                address = ("0.0.0.0", port)  # all interfaces is what was asked for
        else:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
            infos.sort(key=lambda info: info[0] != socket.AF_INET)  # IPv4 first for "localhost"
            family, kind, proto, _, address = infos[0]
            sock = socket.socket(family, kind, proto)
    except socket.gaierror as error:
        raise WebServerError(f"cannot listen on {where}: unknown host ({error.strerror})") from None
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise PortInUseError(
                f"cannot listen on {where}: port {port} is already in use; stop the program using it, or "
                "choose another port with port=... or FLET_SERVER_PORT"
            ) from None
        raise WebServerError(f"cannot listen on {where}: {error.strerror or error}") from None
    sock.set_inheritable(True)
    return sock


def _url_host(host: str | None, bound: str) -> str:
    if host in _ALL_INTERFACES or bound in {"0.0.0.0", "::"}:  # comparing, not binding
        return "127.0.0.1"
    shown = host or bound
    return f"[{shown}]" if ":" in shown else shown


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling (:class:`RunningServer` installs a gentler one),
    telling when it listens (``listening``) instead of being polled for ``started``."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.listening = asyncio.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self.listening.set()

    def install_signal_handlers(self) -> None:  # uvicorn < 0.29
        return

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # uvicorn >= 0.29 re-raises the signal afterwards
        yield


class RunningServer:
    """A uvicorn server on a socket bound by :func:`bind_socket`."""

    def __init__(self, server: _Server, sock: socket.socket, host: str | None) -> None:
        self.server = server
        self.socket = sock
        bound = sock.getsockname()
        self.port: int = bound[1]
        self.bound_host: str = bound[0]
        self.url_host = _url_host(host, self.bound_host)
        self.all_interfaces = host in _ALL_INTERFACES or self.bound_host in {"0.0.0.0", "::"}
        self._task: asyncio.Task[None] | None = None
        self._signals: list[int] = []

    def url(self, page_name: str = "") -> str:
        path = page_name.strip("/")
        return f"http://{self.url_host}:{self.port}" + (f"/{path}" if path else "")

    def listening_on(self) -> str:
        """The bound address(es), as a person would read them."""
        if self.all_interfaces:
            if self.socket.family == socket.AF_INET6:
                return f"all IPv4 and IPv6 interfaces, port {self.port}"
            return f"all IPv4 interfaces, port {self.port}"
        shown = f"[{self.bound_host}]" if ":" in self.bound_host else self.bound_host
        return f"{shown}:{self.port}"

    async def start(self) -> None:
        """Start serving; returns once the server accepts connections (or raises why it cannot)."""
        self._task = asyncio.ensure_future(self.server.serve(sockets=[self.socket]))
        self._install_signal_handlers()
        listening = asyncio.ensure_future(self.server.listening.wait())
        try:
            await asyncio.wait((self._task, listening), return_when=asyncio.FIRST_COMPLETED)
        finally:
            listening.cancel()
        if not self.server.started:
            self._remove_signal_handlers()
            if self._task.done():
                self._task.result()
            raise WebServerError("the web server stopped while starting (see the log above)")

    async def wait(self) -> None:
        """Wait until the server stops (a signal, or :meth:`close`)."""
        if self._task is None:
            return
        try:
            await self._task
        finally:
            self._remove_signal_handlers()

    async def close(self) -> None:
        self.server.should_exit = True
        await self.wait()

    def _install_signal_handlers(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, self._on_signal, sig)
            except (NotImplementedError, RuntimeError, ValueError):  # not supported by this loop
                continue
            self._signals.append(sig)

    def _remove_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        while self._signals:
            loop.remove_signal_handler(self._signals.pop())

    def _on_signal(self, sig: int) -> None:
        if self.server.should_exit:
            logger.warning("second %s: stopping now", signal.Signals(sig).name)
            self.server.force_exit = True
        else:
            logger.info("%s received: shutting down", signal.Signals(sig).name)
            self.server.should_exit = True


async def start_web_server(
    asgi_app: Any, host: str | None, port: int, *, log_level: str | None = None
) -> RunningServer:
    """Bind ``host:port`` and start uvicorn serving ``asgi_app``; returns once it is listening."""
    sock = bind_socket(host, port)
    bound = sock.getsockname()
    options: dict[str, Any] = {"log_level": log_level or uvicorn_log_level()}
    # uvicorn's own frame limit (16 MiB by default) made ours: an oversized frame is refused by
    # the WebSocket layer (close 1009) before it is assembled; the app checks it again anyway
    options["ws_max_size"] = runtime_config.MAX_FRAME_SIZE.get()
    if "timeout_graceful_shutdown" in inspect.signature(uvicorn.Config).parameters:  # uvicorn >= 0.24
        options["timeout_graceful_shutdown"] = GRACEFUL_SHUTDOWN_SECONDS
    config = uvicorn.Config(asgi_app, host=bound[0], port=bound[1], **options)
    running = RunningServer(_Server(config), sock, host)
    try:
        await running.start()
    except BaseException:
        sock.close()
        raise
    return running


class WebServerHandle:
    """What :func:`serve_fastapi_web_app` returns: the page URL and a way to stop the server."""

    def __init__(self, page_url: str, server: RunningServer) -> None:
        self.page_url = page_url
        self.server = server

    async def close(self) -> None:
        await self.server.close()


async def serve_fastapi_web_app(
    session_handler: SessionHandler,
    host: str | None,
    url_host: str | None,
    port: int,
    page_name: str,
    assets_dir: str | None,
    upload_dir: str | None,
    web_renderer: WebRenderer | str | None,
    use_color_emoji: bool,
    route_url_strategy: str,
    blocking: bool,
    on_startup: Callable[[str], Awaitable[Any] | Any] | None,
    log_level: str | None,
) -> WebServerHandle:
    """Serve ``session_handler`` under uvicorn; awaits the server's end when ``blocking``.

    ``url_host`` is accepted for 0.21 compatibility and ignored: the URL comes from the socket.
    """
    del url_host
    asgi_app = get_fastapi_web_app(
        session_handler, page_name, assets_dir, upload_dir, web_renderer, use_color_emoji, route_url_strategy
    )
    server = await start_web_server(asgi_app, host, port, log_level=log_level)
    handle = WebServerHandle(server.url(page_name), server)
    if on_startup is not None:
        result = on_startup(handle.page_url)
        if asyncio.iscoroutine(result):
            await result
    if blocking:
        await server.wait()
    return handle
