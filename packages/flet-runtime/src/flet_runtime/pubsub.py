"""Publish/subscribe between the sessions of one app: ``PubSubHub``, ``page.pubsub`` and backends.

The hub keeps this process's subscription tables and delivers every message to this
process's subscribers itself, at once. A *backend* carries each message to the app's other
processes and hands what they publish to :meth:`PubSubHub.deliver`; the built-in
``memory://`` backend has no other processes to reach. Other backends (``redis://``) are
found by URL scheme in the entry point group ``flet.pubsub_backends``.

``flet_core.pubsub.PubSubHub`` and ``PubSubClient`` (0.21's names) are the bases of the classes
here (with the deprecated ``*_async`` twins), and calling them makes these. Running a
subscriber is the job of a *runner*; the app host passes one that runs it in its session.
A hub made the 0.21 way, ``PubSubHub(loop, executor)``, runs subscribers through a
:class:`~flet_runtime.dispatch.Dispatcher` on that loop and executor (inline without one).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from flet_core import pubsub as core_pubsub
from flet_runtime import config, metrics
from flet_runtime.dispatch import Dispatcher

__all__ = [
    "ENTRY_POINT_GROUP",
    "MemoryBackend",
    "PubSubBackend",
    "PubSubClient",
    "PubSubHub",
    "PubSubMessage",
    "Runner",
    "load_backend",
]

logger = logging.getLogger("flet")

ENTRY_POINT_GROUP = "flet.pubsub_backends"

Runner = Callable[[str, Callable[..., Any], tuple[Any, ...]], None]
"""Runs one subscriber: ``runner(session_id, handler, args)``."""

Deliver = Callable[["PubSubMessage"], None]


@dataclass(frozen=True, slots=True)
class PubSubMessage:
    """One published message."""

    payload: Any
    """The object sent (passed by reference inside a process)."""
    topic: str | None = None
    """``None`` for the general channel (``send_all``/``send_others``)."""
    except_session_id: str | None = None
    """The sender's session id for ``send_others*``: that session does not receive it."""


@runtime_checkable
class PubSubBackend(Protocol):
    """Carries messages between the processes of an app; lives on the app host's event loop."""

    async def start(self, deliver: Deliver) -> None:
        """Begin carrying; call ``deliver`` on the loop for each message from another process.

        Returns promptly (a backend whose server is unreachable keeps trying in a task of
        its own); the host awaits it on its loop and cancels it at shutdown.
        """

    def publish(self, message: PubSubMessage) -> None:
        """Send ``message`` to the other processes; callable from any thread, never blocking.

        Raises :class:`TypeError` for a payload the backend cannot carry.
        """

    async def aclose(self) -> None:
        """Stop carrying: ``deliver`` is not called afterwards."""


class MemoryBackend:
    """``memory://``: one process, so there is nobody else to carry messages to."""

    def __init__(self, url: str = "memory://", *, channel: str = "flet:pubsub") -> None:
        self.url = url
        self.channel = channel

    async def start(self, deliver: Deliver) -> None:
        pass

    def publish(self, message: PubSubMessage) -> None:
        pass

    async def aclose(self) -> None:
        pass


def load_backend(url: str | None = None, *, channel: str = "flet:pubsub") -> PubSubBackend:
    """The backend for ``url`` (default: ``FLET_PUBSUB_URL``, else ``memory://``).

    An entry point's target is called as ``factory(url, channel=channel)``; ``channel`` keeps
    the messages of different apps sharing one server apart.
    """
    url = url or config.PUBSUB_URL.get()
    scheme = url.partition("://")[0].lower() if "://" in url else url.lower()
    if scheme == "memory":
        # flet-runtime's own backend (its registered entry point names this class): no scan of
        # every installed distribution's metadata on the first connection (about 4 ms of CPU)
        return MemoryBackend(url, channel=channel)
    from importlib.metadata import entry_points  # ~19 ms to import, where nothing else has

    points = entry_points(group=ENTRY_POINT_GROUP)
    for point in points:
        if point.name == scheme:
            try:
                factory = point.load()
            except ImportError as error:
                raise ImportError(
                    f"the {scheme!r} pubsub backend needs a package that is not installed ({error}); "
                    f"install it with: pip install 'flet[{scheme}]'"
                ) from error
            backend: PubSubBackend = factory(url, channel=channel)
            return backend
    known = sorted({point.name for point in points} | {"memory"})
    raise ValueError(
        f"no pubsub backend for {url!r}: install a package that registers {scheme!r} in the "
        f"{ENTRY_POINT_GROUP!r} entry point group (available: {', '.join(known)})"
    )


class _InlineExecutor(Executor):
    """Runs submitted work at once in the caller's thread (0.21's hub without an executor)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to the future's owner
            future.set_exception(error)
        return future


def _log_subscriber_error(error: BaseException) -> None:
    logger.error("A pubsub subscriber failed", exc_info=error)


class PubSubHub(core_pubsub.PubSubHub):
    """The subscriptions of one app's sessions in this process, and the delivery of messages."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop | None = None,
        executor: Executor | None = None,
        *,
        backend: PubSubBackend | None = None,
        runner: Runner | None = None,
    ) -> None:
        self._dispatcher = Dispatcher(loop, executor or _InlineExecutor()) if runner is None else None
        self._runner: Runner = runner or self._run_default
        self._lock = threading.Lock()
        self._subscribers: dict[str, Callable[..., Any]] = {}
        self._topic_subscribers: dict[str, dict[str, Callable[..., Any]]] = {}
        self._session_topics: dict[str, set[str]] = {}
        self._backend: PubSubBackend = backend or MemoryBackend()
        instruments = metrics.current()
        self._sent = instruments.pubsub_messages.labels("out")
        self._received = instruments.pubsub_messages.labels("in")

    @property
    def backend(self) -> PubSubBackend:
        return self._backend

    async def start(self) -> None:
        """Start the backend (the app host awaits this on its loop)."""
        await self._backend.start(self._deliver_from_backend)

    def _deliver_from_backend(self, message: PubSubMessage) -> None:
        self._received.inc()
        self.deliver(message)

    async def aclose(self) -> None:
        """Close the backend and drop every subscription."""
        try:
            await self._backend.aclose()
        finally:
            with self._lock:
                self._subscribers.clear()
                self._topic_subscribers.clear()
                self._session_topics.clear()

    # -- sending ------------------------------------------------------------------------------

    def _publish(self, message: PubSubMessage) -> None:
        self._backend.publish(message)  # first: a payload it cannot carry raises before anyone got it
        self._sent.inc()
        self.deliver(message)

    def send_all(self, message: Any) -> None:
        """Deliver to every session's general subscriber, the sender's included."""
        self._publish(PubSubMessage(message))

    def send_all_on_topic(self, topic: str, message: Any) -> None:
        """Deliver to every subscriber of ``topic``."""
        self._publish(PubSubMessage(message, topic))

    def send_others(self, except_session_id: str, message: Any) -> None:
        """Deliver to every general subscriber except the session ``except_session_id``."""
        self._publish(PubSubMessage(message, None, except_session_id))

    def send_others_on_topic(self, except_session_id: str, topic: str, message: Any) -> None:
        """Deliver to every subscriber of ``topic`` except the session ``except_session_id``."""
        self._publish(PubSubMessage(message, topic, except_session_id))

    # -- subscribing --------------------------------------------------------------------------

    def subscribe(self, session_id: str, handler: Callable[..., Any]) -> None:
        """Set the session's general subscriber ``handler(message)`` (replacing any earlier one)."""
        with self._lock:
            self._subscribers[session_id] = handler

    def subscribe_topic(self, session_id: str, topic: str, handler: Callable[..., Any]) -> None:
        """Set the session's subscriber ``handler(topic, message)`` of ``topic`` (replacing)."""
        with self._lock:
            self._topic_subscribers.setdefault(topic, {})[session_id] = handler
            self._session_topics.setdefault(session_id, set()).add(topic)

    def unsubscribe(self, session_id: str) -> None:
        """Remove the session's general subscriber."""
        with self._lock:
            self._subscribers.pop(session_id, None)

    def unsubscribe_topic(self, session_id: str, topic: str) -> None:
        """Remove the session's subscriber of ``topic``."""
        with self._lock:
            self._drop_topic(session_id, topic)
            topics = self._session_topics.get(session_id)
            if topics is not None:
                topics.discard(topic)
                if not topics:
                    del self._session_topics[session_id]

    def unsubscribe_all(self, session_id: str) -> None:
        """Remove every subscriber of the session, general and per topic."""
        with self._lock:
            self._subscribers.pop(session_id, None)
            for topic in self._session_topics.pop(session_id, set()):
                self._drop_topic(session_id, topic)

    def _drop_topic(self, session_id: str, topic: str) -> None:
        subscribers = self._topic_subscribers.get(topic)
        if subscribers is not None:
            subscribers.pop(session_id, None)
            if not subscribers:
                del self._topic_subscribers[topic]

    def subscriber_count(self) -> int:
        """How many subscriptions (general and per topic) the hub holds."""
        with self._lock:
            return len(self._subscribers) + sum(len(s) for s in self._topic_subscribers.values())

    def _run_default(self, session_id: str, handler: Callable[..., Any], args: tuple[Any, ...]) -> None:
        if self._dispatcher is not None:
            self._dispatcher.run(handler, args, _log_subscriber_error)

    # -- delivery -----------------------------------------------------------------------------

    def deliver(self, message: PubSubMessage) -> None:
        """Run this process's subscribers of ``message`` (for local sends and the backend)."""
        skip = message.except_session_id
        targets: list[tuple[str, Callable[..., Any], tuple[Any, ...]]]
        with self._lock:
            if message.topic is None:
                targets = [(s, h, (message.payload,)) for s, h in self._subscribers.items() if s != skip]
            else:
                subscribers = self._topic_subscribers.get(message.topic, {})
                targets = [(s, h, (message.topic, message.payload)) for s, h in subscribers.items() if s != skip]
        for session_id, handler, args in targets:
            self._runner(session_id, handler, args)


class PubSubClient(core_pubsub.PubSubClient):
    """``page.pubsub``: the hub's methods bound to one session."""

    __slots__ = ("_pubsub", "_session_id")  # one per session: no instance dict

    def __init__(self, pubsub: PubSubHub, session_id: str) -> None:
        self._pubsub = pubsub
        self._session_id = session_id

    def send_all(self, message: Any) -> None:
        """Send to every session's subscriber, this one's included."""
        self._pubsub.send_all(message)

    def send_all_on_topic(self, topic: str, message: Any) -> None:
        """Send to every subscriber of ``topic``, this session's included."""
        self._pubsub.send_all_on_topic(topic, message)

    def send_others(self, message: Any) -> None:
        """Send to every other session's subscriber."""
        self._pubsub.send_others(self._session_id, message)

    def send_others_on_topic(self, topic: str, message: Any) -> None:
        """Send to every other session's subscriber of ``topic``."""
        self._pubsub.send_others_on_topic(self._session_id, topic, message)

    def subscribe(self, handler: Callable[..., Any]) -> None:
        """Receive general messages with ``handler(message)``; replaces an earlier handler."""
        self._pubsub.subscribe(self._session_id, handler)

    def subscribe_topic(self, topic: str, handler: Callable[..., Any]) -> None:
        """Receive messages on ``topic`` with ``handler(topic, message)``; replaces an earlier one."""
        self._pubsub.subscribe_topic(self._session_id, topic, handler)

    def unsubscribe(self) -> None:
        self._pubsub.unsubscribe(self._session_id)

    def unsubscribe_topic(self, topic: str) -> None:
        self._pubsub.unsubscribe_topic(self._session_id, topic)

    def unsubscribe_all(self) -> None:
        self._pubsub.unsubscribe_all(self._session_id)
