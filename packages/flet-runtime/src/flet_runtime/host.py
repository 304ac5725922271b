"""``AppHost``: every session of one Flet app, and the serving of its connections.

A web server hands each WebSocket to :meth:`AppHost.serve` as a
:class:`~flet_runtime.transport.Transport`. The host answers the registration (a new session
runs ``main``; a known, disconnected one from the same client is re-attached with its whole
current page), feeds the client's messages to the session in order, and when the socket
closes keeps the session for ``session_timeout`` seconds before it expires.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import secrets
import string
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from flet_core import protocol
from flet_core.errors import ProtocolError
from flet_core.page import Page
from flet_runtime import config, metrics
from flet_runtime.client_input import MESSAGE_TOO_BIG_CLOSE_CODE, ClientLimitError
from flet_runtime.dispatch import Dispatcher, WorkerPool
from flet_runtime.link import GOING_AWAY_CLOSE_CODE, Link
from flet_runtime.outbox import DEFAULT_MAX_FRAMES
from flet_runtime.pubsub import PubSubBackend, PubSubClient, PubSubHub, load_backend
from flet_runtime.ratelog import RateLimitedLog, session_tag
from flet_runtime.session import Session, take_without_blocking
from flet_runtime.transport import Transport

__all__ = ["AppHost"]

logger = logging.getLogger("flet")

_ID_ALPHABET = string.ascii_letters + string.digits
_CLOSE_GRACE = 5.0  # how long on_close handlers may run before the session lets go of its page
_SHUTDOWN_GRACE = 2.0
_TRANSPORT_CLOSE_TIMEOUT = 2.0  # then the connection is dropped (Transport.abort, where there is one)


class AppHost:
    """All sessions of one Flet app (one session handler)."""

    def __init__(
        self,
        session_handler: Callable[[Page], Any],
        *,
        session_timeout: float | None = None,
        pool: WorkerPool | None = None,
        upload_signer: Callable[[str, int], str] | None = None,
        page_name: str = "",
        page_url: str = "",
        on_page_created: Callable[[Page], None] | None = None,
        pubsub_backend: PubSubBackend | None = None,
        outbox_max_frames: int = DEFAULT_MAX_FRAMES,
        outbox_max_bytes: int | None = None,
        outbox_stall_timeout: float | None = None,
        max_frame_size: int | None = None,
    ) -> None:
        self.session_handler = session_handler
        self.session_timeout = config.SESSION_TIMEOUT.get() if session_timeout is None else session_timeout
        self.upload_signer = upload_signer
        self.page_name = page_name
        self.page_url = page_url
        self.on_page_created = on_page_created
        self._given_pool = pool
        self._given_backend = pubsub_backend
        self._outbox_frames = outbox_max_frames
        self._outbox_bytes = config.OUTBOX_MAX_BYTES.get() if outbox_max_bytes is None else outbox_max_bytes
        self._outbox_stall = config.OUTBOX_STALL_TIMEOUT.get() if outbox_stall_timeout is None else outbox_stall_timeout
        self.max_frame_size = config.MAX_FRAME_SIZE.get() if max_frame_size is None else max_frame_size
        self.takeover_probe_timeout = config.TAKEOVER_PROBE_TIMEOUT.get()
        self._log = RateLimitedLog(logger)  # complaints about clients, rate-limited per app
        self._sessions: dict[str, Session] = {}
        self._links: set[Link] = set()
        self._background: set[asyncio.Task[Any]] = set()
        self._deadlines: list[tuple[float, int, str]] = []
        self._order = itertools.count()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pool: WorkerPool | None = None
        self._dispatcher: Dispatcher | None = None
        self._hub: PubSubHub | None = None
        self._hub_start: asyncio.Task[None] | None = None
        self._sweeper: asyncio.Task[None] | None = None
        self._wake: asyncio.Event | None = None
        self._metrics = metrics.current()
        self._metrics_task: asyncio.Task[None] | None = None

    # -- public API ---------------------------------------------------------------------------

    def session_count(self) -> int:
        """How many sessions are alive (connected or waiting for their client to come back)."""
        return len(self._sessions)

    def stats(self) -> dict[str, Any]:
        """Figures for the metrics: sessions open and connected, bytes queued, pubsub backend state."""
        hub = self._hub
        backend_state = None if hub is None else str(getattr(hub.backend, "state", "local"))
        return {
            "sessions_open": len(self._sessions),
            "sessions_connected": sum(1 for session in list(self._sessions.values()) if session.connected),
            "outbox_bytes": sum(link.outbox.queued_bytes for link in list(self._links)),
            "pubsub_backend_state": backend_state,
        }

    @property
    def pubsub(self) -> PubSubHub | None:
        """The hub shared by this app's sessions (``None`` until the host runs)."""
        return self._hub

    @property
    def pool(self) -> WorkerPool | None:
        """The worker pool running sync handlers (``None`` until the host runs)."""
        return self._pool

    def sessions(self) -> list[Session]:
        return list(self._sessions.values())

    async def wait_idle(self, timeout: float = 5.0) -> None:
        """Wait until no handler of any session runs and every frame they sent is written.

        Meant for tests. Handlers started while waiting (by a pubsub message, a route change,
        ...) are waited for too, and so are sessions being closed (their ``on_close``). Work
        started with ``page.run_task``/``run_thread`` or the app's own tasks and threads is
        not. Raises :class:`TimeoutError` naming what still runs after ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        spins = 0
        while True:
            running: dict[Future[None], str] = {}
            for session in list(self._sessions.values()):
                running |= session.running_handlers()
            remaining = deadline - time.monotonic()
            if running:
                if remaining > 0:
                    await asyncio.wait([asyncio.wrap_future(done) for done in running], timeout=remaining)
                    continue
                still = "; ".join(sorted(set(running.values())))
                raise TimeoutError(f"the app was still busy after {timeout} s: {still} had not finished")
            if self._background:  # sessions ending (their on_close handlers), connections closing
                if remaining > 0:
                    await asyncio.wait(list(self._background), timeout=remaining)
                    continue
                raise TimeoutError(f"sessions were still closing after {timeout} s")
            if all(link.outbox.idle for link in self._links):
                return
            if remaining <= 0:
                raise TimeoutError(f"the app's frames were still not written to the client after {timeout} s")
            spins += 1
            await asyncio.sleep(0 if spins < 100 else 0.001)  # the writer tasks run meanwhile

    async def start(self) -> None:
        """Start the expiry sweeper (``serve`` does it too, so sessions expire without this)."""
        self._bind()

    async def shutdown(self) -> None:
        """Close every session once: connections closed, on_close run, worker pool released."""
        if self._loop is None:
            return
        loop = self._loop
        self._loop = None
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
        if self._metrics_task is not None:
            self._metrics_task.cancel()
            self._metrics_task = None
        for link in list(self._links):
            link.end(GOING_AWAY_CLOSE_CODE)
        sessions = list(self._sessions.values())
        self._sessions.clear()
        self._deadlines.clear()
        hub = self._hub
        for session in sessions:
            if hub is not None:
                hub.unsubscribe_all(session.id)
        closing = [session.close(_SHUTDOWN_GRACE) for session in sessions]
        results = await asyncio.gather(*closing, return_exceptions=True)
        for error in results:
            if isinstance(error, Exception):
                logger.error("Closing a session failed", exc_info=error)
        if self._background:
            await asyncio.wait(list(self._background), timeout=_SHUTDOWN_GRACE)
        if hub is not None:
            await self._close_hub(hub)
        self._hub = None
        if self._given_pool is None and self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self._dispatcher = None
        logger.debug("App host on %r shut down (%d sessions closed)", loop, len(sessions))

    async def serve(
        self,
        transport: Transport,
        *,
        client_ip: str = "",
        user_agent: str = "",
        url_prefix: str = "",
        page_url: str | None = None,
        desktop: bool = False,
    ) -> None:
        """Serve one WebSocket connection until it closes (registration, events, reconnects).

        ``url_prefix`` is the path prefix of a trusted reverse proxy for this connection (the web
        layer checks it): the session's upload URLs start with it. ``page_url`` is the URL of the
        page as this connection asked for it (default: the host's ``page_url``). ``desktop``: the
        desktop client's local socket, whose registrations are answered as 0.21.2's socket server
        answers them: the session id is the one the client sent (``""`` from the desktop client),
        the page has no client address or user agent attributes (the app reads both as ``""``),
        and the answer is written as :func:`~flet_core.protocol.desktop_register_response` writes it.
        """
        loop = self._bind()
        link = Link(
            transport,
            loop,
            max_frames=self._outbox_frames,
            max_bytes=self._outbox_bytes,
            stall_timeout=self._outbox_stall,
            log=self._log,
        )
        link.url_prefix = url_prefix
        link.desktop = desktop
        if page_url is not None:
            link.page_url = page_url
        self._links.add(link)
        # The connection is read here, in the caller's task, not in a task of its own: Link.end
        # cancels this task's read (~0.5 KB less per idle connection than a reader task).
        serving = link.reader = asyncio.current_task()
        try:
            await self._read(link, client_ip, user_agent)
        except asyncio.CancelledError:
            # the read ended by Link.end is no failure; any other cancellation goes on
            if serving is None or not link.ended or serving.uncancel() > 0:
                raise
        except Exception:
            logger.exception("Serving a connection failed")
        finally:
            link.reader = None
            self._links.discard(link)
            link.end()
            writer = link.writer
            waits: set[asyncio.Future[Any]] = set()
            if writer is not None:
                writer.cancel()
                waits.add(writer)
            session = link.session
            if session is not None:
                self._detach(session, link)
            if link.close_code is not None:  # before the web layer's own close, so the code gets out
                # a client that stopped reading cannot take even the close frame: drop the connection
                closing = loop.create_task(
                    self._close_transport(transport, link.close_code, abort_first=link.outbox.overflow_reason != "")
                )
                self._background.add(closing)
                closing.add_done_callback(self._background.discard)
                waits.add(closing)
            if waits:
                await asyncio.wait(waits, timeout=_TRANSPORT_CLOSE_TIMEOUT + 1.0)

    # -- running --------------------------------------------------------------------------------

    def _bind(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if self._loop is loop:
            return loop
        if self._loop is not None:
            raise RuntimeError("an AppHost serves one event loop at a time; call shutdown() before moving it")
        self._loop = loop
        self._pool = self._given_pool or WorkerPool()
        self._dispatcher = Dispatcher(loop, self._pool)
        backend = self._given_backend or load_backend(channel=f"flet:pubsub:/{self.page_name}")
        self._hub = PubSubHub(backend=backend, runner=self._run_subscriber)
        self._hub_start = loop.create_task(self._start_hub(self._hub))
        self._wake = asyncio.Event()
        self._sweeper = loop.create_task(self._sweep(self._wake))
        if self._metrics.enabled:
            metrics.watch_host(self)
            self._metrics_task = loop.create_task(metrics.refresh_every())
        return loop

    @staticmethod
    async def _start_hub(hub: PubSubHub) -> None:
        try:
            await hub.start()
        except Exception:  # sessions still work, with pubsub inside this process
            logger.exception("Starting the pubsub backend %r failed", hub.backend)

    async def _close_hub(self, hub: PubSubHub) -> None:
        if self._hub_start is not None:
            self._hub_start.cancel()
            await asyncio.wait([self._hub_start])
            self._hub_start = None
        try:
            await hub.aclose()
        except Exception:
            logger.exception("Closing the pubsub backend %r failed", hub.backend)

    def _running(self) -> tuple[Dispatcher, PubSubHub]:
        if self._dispatcher is None or self._hub is None:
            raise RuntimeError("the AppHost is not running: serve() and start() start it")
        return self._dispatcher, self._hub

    def _in_background(self, coroutine: Any) -> None:
        task: asyncio.Task[Any] = asyncio.get_running_loop().create_task(coroutine)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _close_transport(self, transport: Transport, code: int, *, abort_first: bool = False) -> None:
        if abort_first and _abort(transport):
            return
        try:
            await asyncio.wait_for(transport.close(code), _TRANSPORT_CLOSE_TIMEOUT)
            return
        except TimeoutError:
            pass  # the close frame cannot go out: the client reads nothing
        except Exception as error:  # closing a dead socket may fail in many ways
            logger.debug("Closing a transport failed: %r", error)
            return
        _abort(transport)

    async def _read(self, link: Link, client_ip: str, user_agent: str) -> None:
        frame: str | None
        message: protocol.ClientMessage | None
        while True:
            # an idle connection waits here: its last frame (the registration, ~0.6 KB) and its
            # message are not kept alive while it waits
            frame = message = None
            try:
                frame = await link.transport.receive()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # a broken socket ends the connection
                logger.debug("Receiving from the client failed: %r", error)
                return
            if frame is None:
                return
            tag = link.session.tag if link.session is not None else "-"
            if _frame_size(frame, self.max_frame_size) > self.max_frame_size:
                self._log.warning(
                    "frame-size",
                    "Closing the connection of session %s: a frame is larger than FLET_MAX_FRAME_SIZE (%d bytes)",
                    tag,
                    self.max_frame_size,
                )
                link.end(MESSAGE_TOO_BIG_CLOSE_CODE)
                return
            try:
                message = protocol.decode_client_frame(frame)
            except ProtocolError as error:
                self._log.warning("malformed", "Dropped a malformed frame from session %s: %.200s", tag, error)
                continue
            if isinstance(message, protocol.RegisterRequest):
                page = self._page_of_registration(link, message)
                if page is None:
                    self._register(link, message, client_ip, user_agent)
                elif await take_without_blocking(page.update_lock, lambda: link.ended):
                    try:  # held on this thread: the re-registration's own takes of the lock go through
                        self._register(link, message, client_ip, user_agent)
                    finally:
                        page.update_lock.release()
                continue
            session = link.session
            if session is None:
                logger.debug("Ignored %s sent before registration", type(message).__name__)
                continue
            if isinstance(message, protocol.PageEvent) and session.events_full:
                await self._wait_for_room(link, session)  # back-pressure: the client waits in TCP
            if session.backlog_full_for(message):
                await session.wait_for_backlog_room(link)  # its messages wait for a handler's update
            if isinstance(message, protocol.PageEvent) and message.target == "page" and message.name == "close":
                self._expire(session)  # a desktop client closing its window ends the session now
                return
            self._metrics.events_received.inc()
            try:
                session.handle(message)
            except ClientLimitError as error:
                self._log.warning("client-limit", "Closing the connection of session %s: %s", session.tag, error)
                link.end(error.close_code)
                return
            except Exception:
                logger.warning("Handling a message of session %s failed", session.tag, exc_info=True)

    async def _wait_for_room(self, link: Link, session: Session) -> None:
        self._log.log(
            logging.INFO,
            "lane-full",
            "Session %s has FLET_SESSION_MAX_QUEUED handlers waiting; its events wait until some finish",
            session.tag,
        )
        delay = 0.001
        while session.events_full and not link.ended and not session.closed:
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.05)

    def _page_of_registration(self, link: Link, request: protocol.RegisterRequest) -> Page | None:
        """The existing page a registration would touch (resend or reattach), if any."""
        session = link.session
        if session is None:
            session = self._sessions.get(request.session_id)
        return None if session is None else session.page

    def _register(self, link: Link, request: protocol.RegisterRequest, client_ip: str, user_agent: str) -> None:
        key = (client_ip, user_agent)
        if link.desktop:
            details = request.page_attrs()
            unsent = {"clientip": client_ip, "clientuseragent": user_agent}
        else:
            details = request.page_attrs() | {"clientip": client_ip, "clientuseragent": user_agent}
            unsent = {}
        current = link.session
        if current is not None:
            if current.id == request.session_id and current.page is not None:
                current.page.apply_client_details(details, unsent=unsent)
                current.attach(link)  # the client asked again on the same socket: resend the page
                return
            self._detach(current, link)
            link.session = None
        if link.registering:
            logger.debug("Ignored a registration while the previous one on the socket is pending")
            return
        # the desktop client's id is "" (the one it was given): that session is its own too
        known = self._sessions.get(request.session_id) if request.session_id or link.desktop else None
        # another browser (or another address) never gets a session by presenting its id
        if known is None or known.closed or known.client_key != key:
            if request.session_id and known is None:
                # expired, or kept by another process (a reconnect that a load balancer sent elsewhere)
                logger.info(
                    "Session %s is not known to this process; starting a new session", session_tag(request.session_id)
                )
            if link.desktop:  # the desktop client names its session: a closed one goes first
                if known is not None:
                    self._expire(known)
                self._create(link, key, details, unsent, session_id=request.session_id)
            else:
                self._create(link, key, details, unsent)
        elif not known.connected:
            self._reattach(known, link, request, details, unsent)
        else:
            # The session's socket looks open: a duplicated tab, or the same tab back after its
            # old socket died unnoticed. The old socket is asked a harmless question: a live tab
            # answers and keeps its session (the newcomer gets a new one); silence means it is gone.
            link.registering = True
            self._in_background(self._take_over(known, link, request, details, key, unsent))

    async def _take_over(
        self,
        session: Session,
        link: Link,
        request: protocol.RegisterRequest,
        details: dict[str, str],
        key: tuple[str, str],
        unsent: dict[str, str],
    ) -> None:
        try:
            alive = await session.probe(self.takeover_probe_timeout)
        finally:
            link.registering = False
        if link.ended or link.session is not None or self._loop is None:
            return
        if alive or session.closed or self._sessions.get(session.id) is not session:
            logger.debug("Session %s is alive on another socket; the newcomer gets a new session", session.tag)
            self._create(link, key, details, unsent)
            return
        old = session.link
        if old is not None:
            self._log.log(
                logging.INFO,
                "takeover",
                "Session %s: its old socket did not answer; the new one takes over",
                session.tag,
            )
            old.end(GOING_AWAY_CLOSE_CODE)
            self._detach(session, old)
        self._reattach(session, link, request, details, unsent)

    def _create(
        self,
        link: Link,
        key: tuple[str, str],
        details: dict[str, str],
        unsent: dict[str, str],
        *,
        session_id: str | None = None,
    ) -> None:
        dispatcher, hub = self._running()
        session_id = self._new_id() if session_id is None else session_id
        session = Session(session_id, key, dispatcher, upload_signer=self.upload_signer, url_prefix=link.url_prefix)
        page = session.require_page()
        page.url = link.page_url if link.page_url is not None else self.page_url
        page.name = self.page_name
        page.pubsub = PubSubClient(hub, session_id)
        page.apply_client_details(details, unsent=unsent)
        if self.on_page_created is not None:
            try:
                self.on_page_created(page)
            except Exception:
                logger.exception("on_page_created failed for session %s", session.tag)
        self._sessions[session_id] = session
        session.attach(link)
        logger.debug("Session %s started", session.tag)
        session.start_main(self.session_handler)

    def _reattach(
        self,
        session: Session,
        link: Link,
        request: protocol.RegisterRequest,
        details: dict[str, str],
        unsent: dict[str, str],
    ) -> None:
        page = session.require_page()
        old_route = page.route
        page.apply_client_details(details, unsent=unsent)
        session.url_prefix = link.url_prefix
        session.attach(link)
        logger.debug("Session %s reconnected", session.tag)
        session.fire("connect")
        if request.page_route != old_route:
            try:
                page.go(request.page_route)
            except Exception:
                logger.exception("Navigating session %s to %r failed", session.tag, request.page_route)

    def _detach(self, session: Session, link: Link) -> None:
        if not session.detach(link, self.session_timeout):
            return
        if session.closed or self._sessions.get(session.id) is not session:
            return  # it is ending anyway
        deadline = session.expires_at
        if deadline is not None:
            heapq.heappush(self._deadlines, (deadline, next(self._order), session.id))
            if self._wake is not None:
                self._wake.set()
        logger.debug("Session %s disconnected", session.tag)
        session.fire("disconnect")

    def _new_id(self) -> str:
        while True:
            session_id = "".join(secrets.choice(_ID_ALPHABET) for _ in range(16))
            if session_id not in self._sessions:
                return session_id

    def _run_subscriber(self, session_id: str, handler: Callable[..., Any], args: tuple[Any, ...]) -> None:
        session = self._sessions.get(session_id)
        if session is not None and not session.closed:
            session.run_subscriber(handler, args)

    # -- expiry -----------------------------------------------------------------------------------

    async def _sweep(self, wake: asyncio.Event) -> None:
        while True:
            now = time.monotonic()
            while self._deadlines and self._deadlines[0][0] <= now:
                deadline, _, session_id = heapq.heappop(self._deadlines)
                session = self._sessions.get(session_id)
                # a session that came back (and maybe left again) has another deadline now
                if session is not None and session.expires_at == deadline:
                    self._expire(session)
            wake.clear()
            delay = self._deadlines[0][0] - now if self._deadlines else None
            try:
                await asyncio.wait_for(wake.wait(), delay)
            except TimeoutError:
                pass

    def _expire(self, session: Session) -> None:
        if self._sessions.pop(session.id, None) is None:
            return
        logger.debug("Session %s expired", session.tag)
        if self._hub is not None:
            self._hub.unsubscribe_all(session.id)
        self._in_background(session.close(_CLOSE_GRACE))


def _abort(transport: Transport) -> bool:
    """Drop the connection if the transport can (an optional ``abort()``); True if it did."""
    abort = getattr(transport, "abort", None)
    if not callable(abort):
        return False
    try:
        return bool(abort())
    except Exception as error:
        logger.debug("Aborting a transport failed: %r", error)
        return False


def _frame_size(frame: str, limit: int) -> int:
    """The frame's size in UTF-8 bytes, or a number above ``limit`` once that is certain."""
    if len(frame) > limit:
        return len(frame)
    if len(frame) * 4 <= limit or frame.isascii():
        return len(frame)
    return len(frame.encode("utf-8", "surrogatepass"))
