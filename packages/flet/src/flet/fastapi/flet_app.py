"""``FletApp``: the WebSocket endpoint, an adapter from a Starlette WebSocket to the session host.

Sessions, dispatch and the protocol live in ``flet_runtime.host.AppHost``; this module only
accepts the socket, adapts it to the runtime's ``Transport``, and gives each new page what
depends on the web server: its ``http(s)`` URL (not 0.21's ``ws://``, UPSTREAM-BUG #10), signed
upload URLs for the configured upload route (UPSTREAM-BUG #18) and ``page.login()``.

All ``FletApp`` objects built for the same session handler and mount share one host, so the
0.20 pattern of building one per connection keeps sessions across reconnects.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import socket
import struct
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, overload

from starlette.datastructures import URL, Headers
from starlette.websockets import WebSocket, WebSocketState

from flet.auth.page_login import LoginFlow, PageLogin
from flet.fastapi.compression import forget_handshake, lighten, server_protocol
from flet.fastapi.flet_app_manager import FletAppManager, app_manager
from flet.fastapi.forwarded import allowed_origin, forwarded_prefix, sanitize_prefix
from flet.fastapi.oauth_state import OAuthState
from flet.upload_signature import sign_upload_url
from flet_core.page import Page
from flet_runtime import config
from flet_runtime.ratelog import RateLimitedLog

__all__ = [
    "DEFAULT_FLET_OAUTH_STATE_TIMEOUT",
    "DEFAULT_FLET_SESSION_TIMEOUT",
    "FletApp",
    "WebSocketTransport",
]

logger = logging.getLogger("flet.fastapi")
_log = RateLimitedLog(logger)
# 1008 "policy violation": sent (as an HTTP 403 before the handshake completes) to a refused Origin
POLICY_VIOLATION_CLOSE_CODE = 1008

DEFAULT_FLET_SESSION_TIMEOUT = config.SESSION_TIMEOUT.default
DEFAULT_FLET_OAUTH_STATE_TIMEOUT = config.OAUTH_STATE_TIMEOUT.default

SessionHandler = Callable[[Page], Any]
"""An app's ``main(page)``: a plain or an ``async`` function of the session's page."""

_SHARED_USER_AGENT_MAX = 1024


@functools.lru_cache(maxsize=64)
def _shared_user_agent(text: str) -> str:
    """``text``, or an equal user agent returned before: a session keeps it for its whole life,
    and most share one of a few (one copy instead of ~0.2 KB per session). A bounded cache, not
    ``sys.intern``: clients choose the text."""
    return text


class WebSocketTransport:
    """``flet_runtime.transport.Transport`` over a Starlette WebSocket (text frames only)."""

    __slots__ = ("_closed", "_receive", "_received", "_websocket")  # one per session: no instance dict

    def __init__(self, websocket: WebSocket) -> None:
        self._websocket = websocket
        # The server's ASGI receive, awaited directly rather than through WebSocket.receive():
        # an idle connection waits in receive(), one coroutine less deep (~0.25 KB); the
        # socket's state is kept here as WebSocket.receive() would (the socket is accepted).
        self._receive = websocket._receive  # noqa: SLF001  # Starlette keeps ASGI receive private
        self._closed = False
        self._received = False

    async def receive(self) -> str | None:
        if self._closed:
            return None
        try:
            message = await self._receive()
        except Exception as error:  # the socket broke under us: same as a close
            logger.debug("WebSocket receive failed: %s", error)
            self._closed = True
            return None
        kind = message["type"]
        if kind != "websocket.receive":
            self._closed = True
            if kind == "websocket.disconnect":
                self._websocket.client_state = WebSocketState.DISCONNECTED
            else:  # what Starlette refuses too
                logger.debug("WebSocket receive got an unexpected ASGI message %r", kind)
            return None
        if not self._received:
            # The handshake is surely complete once a message is in (uvicorn's legacy protocol
            # negotiates after accept()), and nothing was sent yet: the server answers first.
            self._received = True
            protocol = server_protocol(self._websocket._send)  # noqa: SLF001  # Starlette keeps ASGI send private
            lighten(protocol)
            forget_handshake(protocol)
        text = message.get("text")
        if text is None and message.get("bytes") is not None:
            text = bytes(message["bytes"]).decode("utf-8", errors="replace")
        return text if text is not None else ""

    async def send(self, frame: str) -> None:
        if self._closed:
            return
        try:
            # the ASGI send itself, not WebSocket.send_text(): Starlette's checks of states this
            # class keeps cost ~1 µs of CPU per frame (two coroutines and a dict more)
            await self._websocket._send({"type": "websocket.send", "text": frame})  # noqa: SLF001  # Starlette keeps ASGI send private
        except Exception as error:  # the peer left; receive() reports the close
            logger.debug("WebSocket send failed: %s", error)
            self._closed = True

    async def close(self, code: int = 1000) -> None:
        if self._closed or self._websocket.application_state == WebSocketState.DISCONNECTED:
            self._closed = True
            return
        self._closed = True
        try:
            await self._websocket.close(code)
        except Exception as error:  # already closed by the peer
            logger.debug("WebSocket close failed: %s", error)

    def abort(self) -> bool:
        """Drop the TCP connection at once, unsent data and all; False if the server offers no way.

        Used when even the close frame cannot be written (a client that stopped reading): a
        graceful close would leave the socket in FIN-WAIT for minutes. ASGI has no abort, so
        this looks for the server's transport behind the send callable (uvicorn's protocols
        keep it as ``transport``); under other servers it does nothing.
        """
        self._closed = True
        transport = _server_transport(self._websocket._send)  # noqa: SLF001  # Starlette keeps ASGI send private
        if transport is None:
            return False
        sock = transport.get_extra_info("socket")
        if sock is not None:
            # linger 0: the kernel drops what is unsent and resets the connection, instead of
            # keeping an orphaned socket in FIN-WAIT-1 behind a zero receive window
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
        return True


def _server_transport(send: Any) -> Any:
    """The transport (asyncio's or uvloop's) of the server protocol behind ``send``, if found."""
    protocol = server_protocol(send)
    return None if protocol is None else protocol.transport


def _load_app_host() -> Any:
    try:
        from flet_runtime.host import AppHost
    except ImportError as error:
        raise RuntimeError(f"flet_runtime.host is not available ({error}); install flet-runtime") from error
    return AppHost


class FletApp:
    """Serves a Flet app's sessions over WebSocket connections.

    Accepts the 0.21 form ``FletApp(loop, session_handler, ...)`` and the documented
    ``FletApp(session_handler, ...)`` (UPSTREAM-BUG #36); the loop is not needed.
    FLET_SESSION_TIMEOUT and FLET_OAUTH_STATE_TIMEOUT win over the arguments.

    Args:
        upload_endpoint_path: absolute path of the upload route; default ``/<mount>/upload``
            (``upload_endpoint`` under the WebSocket's mount).
        proxy_path: path prefix a reverse proxy strips; prepended to upload URLs. Default: each
            connection's ``X-Forwarded-Prefix`` header, when it comes from a trusted proxy
            (``FLET_FORWARDED_ALLOW_IPS``) and is a plain path (``flet.fastapi.forwarded``).
        allowed_origins: origins (``https://host[:port]``) allowed to open the WebSocket besides
            the page's own host; ``["*"]`` allows any. ``FLET_ALLOWED_ORIGINS`` wins.
        websocket_endpoint: this route's path relative to the app's mount (``ws``).
        upload_endpoint: the upload route's path relative to the mount (``upload``).
    """

    @overload
    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        session_handler: SessionHandler,
        session_timeout_seconds: float = DEFAULT_FLET_SESSION_TIMEOUT,
        oauth_state_timeout_seconds: float = DEFAULT_FLET_OAUTH_STATE_TIMEOUT,
        upload_endpoint_path: str | None = None,
        secret_key: str | None = None,
        *,
        proxy_path: str | None = None,
        websocket_endpoint: str = "ws",
        upload_endpoint: str = "upload",
        manager: FletAppManager | None = None,
        allowed_origins: list[str] | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self,
        session_handler: SessionHandler,
        session_timeout_seconds: float = DEFAULT_FLET_SESSION_TIMEOUT,
        oauth_state_timeout_seconds: float = DEFAULT_FLET_OAUTH_STATE_TIMEOUT,
        upload_endpoint_path: str | None = None,
        secret_key: str | None = None,
        *,
        proxy_path: str | None = None,
        websocket_endpoint: str = "ws",
        upload_endpoint: str = "upload",
        manager: FletAppManager | None = None,
        allowed_origins: list[str] | None = None,
    ) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args and isinstance(args[0], asyncio.AbstractEventLoop):
            args = args[1:]
        kwargs.pop("loop", None)
        self._configure(*args, **kwargs)

    def _configure(
        self,
        session_handler: SessionHandler,
        session_timeout_seconds: float = DEFAULT_FLET_SESSION_TIMEOUT,
        oauth_state_timeout_seconds: float = DEFAULT_FLET_OAUTH_STATE_TIMEOUT,
        upload_endpoint_path: str | None = None,
        secret_key: str | None = None,
        *,
        proxy_path: str | None = None,
        websocket_endpoint: str = "ws",
        upload_endpoint: str = "upload",
        manager: FletAppManager | None = None,
        allowed_origins: list[str] | None = None,
    ) -> None:
        if not callable(session_handler):
            raise TypeError(f"FletApp needs the session handler (main) first, got {session_handler!r}")
        self.session_handler = session_handler
        self.session_timeout_seconds = config.SESSION_TIMEOUT.get_or(session_timeout_seconds)
        self.oauth_state_timeout_seconds = config.OAUTH_STATE_TIMEOUT.get_or(oauth_state_timeout_seconds)
        self.upload_endpoint_path = upload_endpoint_path
        self.secret_key = secret_key
        self.proxy_path = proxy_path
        self.websocket_endpoint = websocket_endpoint.strip("/") or "ws"
        self.upload_endpoint = upload_endpoint.strip("/") or "upload"
        self._manager = manager or app_manager
        self._login = PageLogin(self._register_oauth_state)
        if proxy_path is not None and sanitize_prefix("/" + proxy_path.lstrip("/")) is None:
            raise ValueError(f"proxy_path must be a plain absolute path such as '/apps/todo', got {proxy_path!r}")
        env_origins = config.ALLOWED_ORIGINS.get()
        self.allowed_origins = list(env_origins) if env_origins else list(allowed_origins or [])

    # -- per connection -----------------------------------------------------------------------

    def _mount_path(self, url: URL) -> str:
        """The app's path without surrounding slashes: the WebSocket path minus its endpoint."""
        path = url.path.strip("/")
        if path == self.websocket_endpoint:
            return ""
        if path.endswith("/" + self.websocket_endpoint):
            return path[: -len(self.websocket_endpoint) - 1]
        return path.rpartition("/")[0]

    def _connection(self, websocket: WebSocket) -> tuple[str, str, str, str, str] | None:
        """Page name, page URL, client address, user agent and proxy prefix; None: a refused origin.

        The request's URL and headers are read here and not kept: ``websocket.url`` and
        ``websocket.headers`` would stay cached on the socket for the connection's life.
        """
        url = URL(scope=websocket.scope)
        headers = Headers(scope=websocket.scope)
        page_name = self._mount_path(url)
        scheme = "https" if url.scheme in {"wss", "https"} else "http"
        page_url = f"{scheme}://{url.netloc}" + (f"/{page_name}" if page_name else "")
        client_ip = websocket.client.host if websocket.client is not None else ""
        if not allowed_origin(headers, self.allowed_origins, client_ip):
            _log.warning(
                "origin",
                "Refused a WebSocket from origin %.100r: not this page's host nor in FLET_ALLOWED_ORIGINS",
                headers.get("origin"),
            )
            return None
        if self.proxy_path is not None:
            proxy_prefix = sanitize_prefix("/" + self.proxy_path.lstrip("/")) or ""
        else:
            proxy_prefix = forwarded_prefix(headers, client_ip)
        user_agent = headers.get("user-agent", "")
        if len(user_agent) <= _SHARED_USER_AGENT_MAX:
            user_agent = _shared_user_agent(user_agent)
        return page_name, page_url, client_ip, user_agent, proxy_prefix

    async def handle(self, websocket: WebSocket) -> None:
        """Accept the WebSocket and serve its session until the client goes away."""
        connection = self._connection(websocket)
        if connection is None:
            await websocket.close(POLICY_VIOLATION_CLOSE_CODE)
            return
        page_name, page_url, client_ip, user_agent, proxy_prefix = connection
        del connection  # the frame lives as long as the connection
        host = self._host(page_name, page_url)
        await self._manager.ensure_host_started(host)
        await websocket.accept()
        transport = WebSocketTransport(websocket)
        try:
            await host.serve(
                transport,
                client_ip=client_ip,
                user_agent=user_agent,
                url_prefix=proxy_prefix,
                page_url=page_url,
            )
        finally:
            await transport.close()

    # -- the session host ---------------------------------------------------------------------

    def _host(self, page_name: str, page_url: str) -> Any:
        # not inline in handle(): the factory's closure cells would live in its frame, as long
        # as the connection
        return self._manager.host((self.session_handler, page_name), lambda: self._make_host(page_name, page_url))

    def _make_host(self, page_name: str, page_url: str) -> Any:
        upload_path = self.upload_endpoint_path or "/" + "/".join(p for p in (page_name, self.upload_endpoint) if p)
        secret_key = self.secret_key

        def sign(file_name: str, expires: int) -> str:
            # the proxy prefix belongs to each connection: the session puts it in front
            return sign_upload_url(upload_path, file_name, expires, secret_key)

        app_host = _load_app_host()
        return app_host(
            self.session_handler,
            session_timeout=float(self.session_timeout_seconds),
            upload_signer=sign,
            page_name=page_name,
            page_url=page_url,
            on_page_created=self._page_created,
        )

    def _page_created(self, page: Any) -> None:
        self._login.attach(page)

    def _register_oauth_state(
        self, state: str, flow: LoginFlow, complete_page_url: str | None, complete_page_html: str | None
    ) -> None:
        page = flow.page
        expires_at = datetime.now(UTC) + timedelta(seconds=self.oauth_state_timeout_seconds)
        session_id = str(getattr(page, "session_id", "")) if page is not None else ""
        record = OAuthState(session_id, expires_at, complete_page_url, complete_page_html, flow=flow)
        self._manager.store_state(state, record)
