"""``Session``: one browser tab's page, kept across reconnects, and its link to the client.

The session is the page's :class:`flet_core.connection.Connection`: frames go to the outbox
of the link it is attached to (and are dropped while it is disconnected: the registration
snapshot resynchronises the client), handlers go to the dispatcher, and client method calls
wait on :class:`~flet_runtime.calls.PendingCalls`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import Executor, Future
from typing import Any, TypeGuard

from flet_core import protocol
from flet_core.control_event import ControlEvent
from flet_core.errors import FletError, PageDisconnectedException
from flet_core.method_results import InvokeMethodResults
from flet_core.page import Page
from flet_runtime import config
from flet_runtime.calls import PendingCalls, blocking_call_message
from flet_runtime.client_input import ClientInputGuard, ClientLimitError
from flet_runtime.dispatch import Dispatcher, Lane
from flet_runtime.errors import ClientDisconnectedError, ClientMethodError, LoopBlockingError
from flet_runtime.link import Link
from flet_runtime.ratelog import RateLimitedLog, session_tag

__all__ = ["BACKLOG_LIMIT", "CRASH_MESSAGE", "Session", "take_without_blocking"]

logger = logging.getLogger("flet")
_log = RateLimitedLog(logger)

CRASH_MESSAGE = "There was an error while processing your request"
"""What the browser shows when ``main`` raises (with ``: <exception>`` under ``FLET_DEBUG``)."""

_QUIET_ERRORS = (PageDisconnectedException, ClientDisconnectedError)
# A method every 0.21.2 client answers at once and that changes nothing: asks whether a key exists.
_PROBE_METHOD = "clientStorage:containskey"
_PROBE_ARGUMENTS = {"key": "flet-session-probe"}
BACKLOG_LIMIT = 64
"""Client messages a session keeps while its page's update lock is held by a handler; at this
many the host stops reading that client until some are applied (they wait in the socket)."""
# How often a session with a backlog tries the lock again: from 0.2 ms, doubling up to 5 ms (a
# message waits at most ~5 ms past the lock's release; a lock held 1 s costs ~200 quick retries).
_RETRY_FIRST, _RETRY_MOST = 0.0002, 0.005

_Held = tuple[protocol.UpdateProps | protocol.PageEvent, Link | None]


class _Run:
    """One handler of a session, from its dispatch until it has finished."""

    __slots__ = ("event", "handler", "kind", "registry", "waiter")

    def __init__(self, registry: _Running, kind: str, handler: Callable[..., Any], event: str | None) -> None:
        self.registry, self.kind, self.handler, self.event = registry, kind, handler, event
        self.waiter: Future[None] | None = None
        """Made only when someone waits for this handler (``wait_idle``, ``close``)."""

    def describe(self) -> str:
        kind = self.kind if self.event is None else f"the {self.event!r} handler"
        return f"{kind} {_name_of(self.handler)}"

    def finished(self) -> None:
        self.registry.finish(self)


class _Running:
    """The handlers a session has running; futures to wait on them are made only on demand.

    A dispatch registers a :class:`_Run` (a few slots) rather than a future per handler: a
    ``concurrent.futures.Future`` costs a condition and two locked callbacks per event.
    """

    __slots__ = ("_lock", "_runs")  # one per session: no instance dict

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: dict[_Run, None] = {}

    def start(self, kind: str, handler: Callable[..., Any], event: str | None = None) -> _Run:
        run = _Run(self, kind, handler, event)
        with self._lock:
            self._runs[run] = None
        return run

    def finish(self, run: _Run) -> None:
        with self._lock:
            self._runs.pop(run, None)
            waiter = run.waiter
        if waiter is not None:
            waiter.set_result(None)

    def waiters(self, runs: list[_Run] | None = None) -> dict[Future[None], str]:
        """A future for each of ``runs`` (default: all) still running, with what it is."""
        waiting: dict[Future[None], str] = {}
        with self._lock:
            for run in list(self._runs) if runs is None else runs:
                if run in self._runs:
                    if run.waiter is None:
                        run.waiter = Future()
                    waiting[run.waiter] = run.describe()
        return waiting


@contextlib.contextmanager
def _holding_update_lock(page: Page) -> Iterator[None]:
    # Page.update() takes the page's lock while it diffs and sends. Holding it while we take the
    # snapshot and queue the registration response means no batch can fall between the two
    # (sent twice, or lost).
    with page.update_lock:
        yield


class Session:
    """A tab's page and what it needs from the server, across reconnects until it expires."""

    __slots__ = (  # one per session: no instance dict
        "_backlog",
        "_calls",
        "_closed",
        "_closing",
        "_dispatcher",
        "_guard",
        "_lane",
        "_link",
        "_running",
        "_tasks",
        "_upload_signer",
        "client_key",
        "expires_at",
        "id",
        "page",
        "tag",
        "url_prefix",
    )

    def __init__(
        self,
        session_id: str,
        client_key: tuple[str, str],
        dispatcher: Dispatcher,
        *,
        upload_signer: Callable[[str, int], str] | None = None,
        url_prefix: str = "",
    ) -> None:
        self.id = session_id
        self.tag = session_tag(session_id)
        """A short non-secret name of the session for logs (the id re-attaches a session)."""
        self.client_key = client_key
        self.url_prefix = url_prefix
        """Path prefix of a trusted reverse proxy, put before this session's upload URLs."""
        self.expires_at: float | None = None
        """Monotonic deadline while disconnected, ``None`` while connected."""
        self._dispatcher = dispatcher
        self._upload_signer = upload_signer
        self._link: Link | None = None
        self._calls = PendingCalls()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._running = _Running()
        self._closing: list[_Run] | None = None
        self._closed = False
        self._lane = Lane()
        self._guard = ClientInputGuard(self.tag)
        self._backlog: deque[_Held] | None = None
        """Client messages that found the page's update lock held, in arrival order (see :meth:`handle`)."""
        self.page: Page | None = Page(self, session_id)

    def __repr__(self) -> str:
        state = "closed" if self._closed else "connected" if self.connected else "disconnected"
        return f"<Session {self.tag} {state}>"

    # -- the Connection protocol of flet_core -------------------------------------------------

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._dispatcher.loop

    @property
    def executor(self) -> Executor:
        return self._dispatcher.pool

    def send(self, frame: str) -> None:
        link = self._link
        if link is not None:
            link.put(frame)

    def dispatch(self, handler: Callable[..., Any], event: Any) -> None:
        run = self._running.start("", handler, getattr(event, "name", "?"))
        if self._closing is not None:
            self._closing.append(run)
        self._dispatcher.run(
            handler, (event,), lambda error: self._handler_failed(event, error), self._tasks, self._lane, run.finished
        )

    def invoke_method(
        self,
        control_id: str,
        method_name: str,
        arguments: dict[str, str] | None,
        wait_for_result: bool,
        timeout: float | None,
    ) -> str | None:
        if not wait_for_result:
            self.send(self._call_frame(uuid.uuid4().hex, control_id, method_name, arguments))
            return None
        if self._dispatcher.on_loop_thread():
            raise LoopBlockingError(blocking_call_message(method_name))
        method_id, future = self._start_call(control_id, method_name, arguments)
        try:
            outcome = future.result(timeout)
        except ClientDisconnectedError:
            raise
        except TimeoutError:
            raise TimeoutError(f"the client did not answer {method_name!r} within {timeout} s") from None
        finally:
            self._calls.forget(method_id)
        return _result(method_name, outcome)

    async def invoke_method_async(
        self,
        control_id: str,
        method_name: str,
        arguments: dict[str, str] | None,
        wait_for_result: bool,
        timeout: float | None,
    ) -> str | None:
        if not wait_for_result:
            self.send(self._call_frame(uuid.uuid4().hex, control_id, method_name, arguments))
            return None
        method_id, future = self._start_call(control_id, method_name, arguments)
        try:
            outcome = await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except ClientDisconnectedError:
            raise
        except TimeoutError:
            raise TimeoutError(f"the client did not answer {method_name!r} within {timeout} s") from None
        finally:
            self._calls.forget(method_id)
        return _result(method_name, outcome)

    @staticmethod
    def _call_frame(method_id: str, control_id: str, method_name: str, arguments: dict[str, str] | None) -> str:
        return protocol.encode(protocol.invoke_method(method_id, method_name, control_id, arguments))

    def _start_call(
        self, control_id: str, method_name: str, arguments: dict[str, str] | None
    ) -> tuple[str, Future[InvokeMethodResults]]:
        method_id = uuid.uuid4().hex
        future = self._calls.open(method_id)
        link = self._link
        # registered before the check: a disconnect from here on fails the future
        if link is None or not link.put(self._call_frame(method_id, control_id, method_name, arguments)):
            self._calls.forget(method_id)
            raise ClientDisconnectedError(
                f"the client of session {self.tag} is not connected, so {method_name!r} cannot be answered"
            )
        return method_id, future

    def run_task(self, handler: Callable[..., Coroutine[Any, Any, Any]], *args: Any, **kwargs: Any) -> Future[Any]:
        return self._dispatcher.run_task(handler, args, kwargs, self._tasks)

    def run_thread(self, handler: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        def call() -> None:
            handler(*args, **kwargs)

        self._dispatcher.run(call, (), lambda error: self._failed(f"thread {handler!r}", error), self._tasks)

    def get_upload_url(self, file_name: str, expires: int) -> str:
        if self._upload_signer is None:
            raise FletError(
                "uploads are not configured: give the app a secret key (FLET_SECRET_KEY) so upload URLs can be signed"
            )
        url = self._upload_signer(file_name, expires)
        return self.url_prefix.rstrip("/") + url if url.startswith("/") else url

    # -- state --------------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._link is not None

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def link(self) -> Link | None:
        return self._link

    @property
    def pending_calls(self) -> int:
        return len(self._calls)

    @property
    def task_count(self) -> int:
        return len(self._tasks)

    @property
    def lane(self) -> Lane:
        """This session's share of the worker pool (``FLET_SESSION_MAX_RUNNING``)."""
        return self._lane

    @property
    def client_state_bytes(self) -> int:
        """Bytes of values the client wrote into this session (``FLET_MAX_CLIENT_STATE``)."""
        return self._guard.stored_bytes

    async def probe(self, timeout: float) -> bool:
        """Whether the connected client answers a harmless method call within ``timeout`` s."""
        if self._link is None:
            return False
        try:
            await self.invoke_method_async("", _PROBE_METHOD, _PROBE_ARGUMENTS, True, timeout)
        except ClientMethodError:
            return True  # it answered, if with an error
        except TimeoutError:  # ClientDisconnectedError too
            return False
        return True

    def running_handlers(self) -> dict[Future[None], str]:
        """Handlers of this session that have not finished yet, each with what it is.

        Counts ``main``, event handlers (page events included) and pubsub subscribers, from
        the moment they are dispatched; not work started with ``run_task``/``run_thread``.
        :meth:`AppHost.wait_idle` waits on these.
        """
        return self._running.waiters()

    def attach(self, link: Link) -> None:
        """Make ``link`` this session's connection; its first frame is the registration answer."""
        page = self.require_page()
        with _holding_update_lock(page):
            answer = protocol.desktop_register_response if link.desktop else protocol.register_response
            frame = protocol.encode(answer(self.id, page.snapshot))
            self._link = link
            link.put(frame)
        link.session = self
        self.expires_at = None
        page.expires_at = None

    def detach(self, link: Link, timeout: float) -> bool:
        """The link ended: keep the state for ``timeout`` s; False if ``link`` was not current."""
        if self._link is not link:
            return False
        self._link = None
        self._calls.fail_all(ClientDisconnectedError(f"the client of session {self.tag} disconnected"))
        if self._closed:
            return True
        self.expires_at = time.monotonic() + timeout
        page = self.require_page()
        page.expires_at = time.time() + timeout
        return True

    def require_page(self) -> Page:
        page = self.page
        if page is None:
            raise PageDisconnectedException(f"session {self.tag} has ended")
        return page

    # -- running the app ------------------------------------------------------------------------

    def start_main(self, main: Callable[[Page], Any]) -> None:
        run = self._running.start("the session handler", main)
        self._dispatcher.run(main, (self.require_page(),), self._main_failed, self._tasks, self._lane, run.finished)

    def run_subscriber(self, handler: Callable[..., Any], args: tuple[Any, ...]) -> None:
        """Run a pubsub subscriber of this session."""
        run = self._running.start("the pubsub subscriber", handler)
        self._dispatcher.run(
            handler,
            args,
            lambda error: self._failed(f"pubsub subscriber {handler!r}", error),
            None,
            self._lane,
            run.finished,
        )

    def handle(self, message: protocol.UpdateProps | protocol.PageEvent) -> None:
        """Apply one client message (in arrival order; props before the event that follows them).

        Only what the 0.21.2 client could have sent is taken (``flet_runtime.client_input``).
        Called on the loop's thread, which never waits for the page's update lock: when a handler
        holds it (a long ``page.update()``), the message joins this session's backlog, applied by
        a task as soon as the lock is free, and every later message of the session queues behind
        it. Method results never queue: the handler holding the lock may be waiting for one.

        Raises:
            ClientLimitError: the client went past ``FLET_MAX_CLIENT_STATE`` (when the message
                was queued, the task ends the connection instead).
        """
        page = self.require_page()
        # _is_method_result() written out: every message passes here, and the call cost ~5 % of
        # handle()'s ~4 µs (process_time of an in-process loop of handle() calls)
        if (
            isinstance(message, protocol.PageEvent)
            and message.name == "invoke_method_result"
            and message.target == "page"
        ):
            self._calls.resolve(message.data)
            return
        backlog = self._backlog
        if backlog is None:
            lock = page.update_lock
            if lock.acquire(False):  # the common case: nobody holds it
                try:
                    self._apply(page, message)
                finally:
                    lock.release()
                return
            backlog = self._backlog = deque()
            run = self._running.start("the client messages waiting for the update lock", self._drain)
            task = self.loop.create_task(self._drain(page, backlog, run))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        backlog.append((message, self._link))

    @property
    def events_full(self) -> bool:
        """Whether the host should stop reading this client's events: no room left in the lane,
        counting the events of the backlog (they take their places once the lock is free)."""
        backlog = self._backlog
        if backlog is None:
            return self._lane.full
        events = sum(1 for message, _ in backlog if isinstance(message, protocol.PageEvent))
        return events >= self._lane.room

    def backlog_full_for(self, message: protocol.ClientMessage) -> bool:
        """Whether ``message`` would join a backlog already at :data:`BACKLOG_LIMIT` messages."""
        backlog = self._backlog
        return backlog is not None and len(backlog) >= BACKLOG_LIMIT and not _is_method_result(message)

    async def wait_for_backlog_room(self, link: Link) -> None:
        """Wait until the backlog is below :data:`BACKLOG_LIMIT`, ``link`` ended or the session closed."""
        delay = _RETRY_FIRST
        while (backlog := self._backlog) is not None and len(backlog) >= BACKLOG_LIMIT:
            if link.ended or self._closed:
                return
            await asyncio.sleep(delay)
            delay = min(delay * 2, _RETRY_MOST)

    def _apply(self, page: Page, message: protocol.UpdateProps | protocol.PageEvent) -> None:
        """Apply a client message; the caller holds the page's update lock."""
        # The event is dispatched under the lock too: resolving a route change takes it again.
        if isinstance(message, protocol.UpdateProps):
            props = self._guard.filter_props(page, message.props)
            if props:
                page.apply_client_props(props)
        elif self._guard.accepts_event(page, message.target):
            page.dispatch_event(message.target, message.name, message.data)

    async def _drain(self, page: Page, backlog: deque[_Held], run: _Run) -> None:
        """Apply the backlog in order, each message once the lock is free (and, for an event, the lane)."""
        lock = page.update_lock
        delay = _RETRY_FIRST
        try:
            while backlog and not self._closed:
                message, link = backlog[0]
                # an event waits for room in the lane, as the host waits before handing one over
                if not (isinstance(message, protocol.PageEvent) and self._lane.full) and lock.acquire(blocking=False):
                    backlog.popleft()
                    try:
                        self._apply(page, message)
                    except ClientLimitError as error:
                        self._limit_breached(backlog, link, error)
                    except Exception:
                        logger.warning("Handling a message of session %s failed", self.tag, exc_info=True)
                    finally:
                        lock.release()
                    delay = _RETRY_FIRST
                    continue
                await asyncio.sleep(delay)
                delay = min(delay * 2, _RETRY_MOST)
        finally:
            self._backlog = None  # on the loop's thread, like handle(): nothing joined since the check
            run.finished()

    def _limit_breached(self, backlog: deque[_Held], link: Link | None, error: ClientLimitError) -> None:
        """End the connection a queued message came on, as the host does; its later messages go too."""
        _log.warning("client-limit", "Closing the connection of session %s: %s", self.tag, error)
        if link is None:
            return
        link.end(error.close_code)
        kept = [held for held in backlog if held[1] is not link]
        backlog.clear()
        backlog.extend(kept)

    def fire(self, name: str) -> None:
        """Run the page's handlers of a server-side page event (``connect``, ``disconnect``)."""
        page = self.page
        if page is not None and not self._closed:
            page.dispatch_event("page", name, "")

    # -- failures -------------------------------------------------------------------------------

    def _main_failed(self, error: BaseException) -> None:
        if isinstance(error, _QUIET_ERRORS):
            logger.debug("Session %s: main() stopped: %r", self.tag, error)
            return
        logger.error("Unhandled exception in main() of session %s", self.tag, exc_info=error)
        text = f"{CRASH_MESSAGE}: {error}" if config.DEBUG.get() else f"{CRASH_MESSAGE}."
        self.send(protocol.encode(protocol.session_crashed(text)))

    def _handler_failed(self, event: Any, error: BaseException) -> None:
        name = getattr(event, "name", "?")
        target = getattr(event, "control", None) or getattr(event, "target", "?")
        self._failed(f"{name!r} handler of {target!r}", error, report=not (name == "error" and target is self.page))

    def _failed(self, what: str, error: BaseException, *, report: bool = True) -> None:
        if isinstance(error, _QUIET_ERRORS):
            logger.debug("Session %s: %s stopped: %r", self.tag, what, error)
            return
        logger.error("Unhandled exception in the %s (session %s)", what, self.tag, exc_info=error)
        page = self.page
        if not report or page is None or self._closed:
            return
        event = ControlEvent("page", "error", str(error), page, page)
        for handler in page.on_error:
            run = self._running.start("the on_error handler", handler)
            self._dispatcher.run(
                handler, (event,), lambda e: self._failed("on_error handler", e, report=False), on_done=run.finished
            )

    # -- the end ----------------------------------------------------------------------------------

    async def close(self, grace: float) -> None:
        """End the session: unmount everything, run on_close (up to ``grace`` s), drop all references."""
        if self._closed:
            return
        self._closed = True
        link, self._link = self._link, None
        if link is not None:
            link.end()
        self._calls.fail_all(ClientDisconnectedError(f"session {self.tag} has ended"))
        page = self.page
        running = list(self._tasks)
        self._closing = []
        if page is not None:
            try:
                page.close()
            except Exception:
                logger.exception("Closing the page of session %s failed", self.tag)
        closing, self._closing = self._closing, None
        for task in running:
            task.cancel()
        waiters = self._running.waiters(closing) if closing else {}
        if waiters:
            await asyncio.wait([asyncio.wrap_future(done) for done in waiters], timeout=grace)
        if page is not None:
            page.session.clear()  # the session's values go with it
        self.page = None


async def take_without_blocking(lock: Any, given_up: Callable[[], bool]) -> bool:
    """Take a page's update ``lock`` on the loop's thread without blocking it: try, and sleep
    between tries (the backlog's retry pace) while a handler's update holds it; False once
    ``given_up()`` (checked before each sleep).

    A registration that resends or reattaches a page writes its details and snapshot under that
    lock; waiting for it in the thread would stall every session of the process.
    """
    delay = _RETRY_FIRST
    while not lock.acquire(blocking=False):
        if given_up():
            return False
        await asyncio.sleep(delay)
        delay = min(delay * 2, _RETRY_MOST)
    return True


def _is_method_result(message: protocol.ClientMessage) -> TypeGuard[protocol.PageEvent]:
    """An answer to ``invokeMethod``: it never waits for the page's update lock (see ``Session.handle``)."""
    return (
        isinstance(message, protocol.PageEvent) and message.target == "page" and message.name == "invoke_method_result"
    )


def _name_of(handler: Callable[..., Any]) -> str:
    while isinstance(handler, functools.partial):
        handler = handler.func
    return str(getattr(handler, "__qualname__", None) or repr(handler))


def _result(method_name: str, outcome: InvokeMethodResults) -> str | None:
    if outcome.error:
        raise ClientMethodError(f"the client failed {method_name!r}: {outcome.error}")
    return outcome.result
