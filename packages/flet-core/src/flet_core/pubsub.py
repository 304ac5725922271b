"""Publish/subscribe between the sessions of one app: ``PubSubHub`` and ``page.pubsub``.

The hub keeps the subscription tables of this process and hands messages to a backend.
The backend carries each message to every process of the app (the in-process one here just
loops it back; the runtime registers others, such as Redis, under the entry point group
``flet.pubsub_backends``) and calls :meth:`PubSubHub.deliver` where it arrives. Running a
subscriber is the job of a *runner*: the runtime passes one that runs async handlers as tasks
and sync ones on its worker pool; without one the hub behaves like 0.21's (``loop`` for async
handlers, ``executor`` for sync ones, inline when there is no executor).
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from flet_core._deprecation import deprecated_twin
from flet_core.errors import FletError

__all__ = [
    "InProcessBackend",
    "PubSubBackend",
    "PubSubClient",
    "PubSubHub",
    "PubSubMessage",
    "Runner",
]

Runner = Callable[[str, Callable[..., Any], tuple[Any, ...]], None]
"""Runs one subscriber: ``runner(session_id, handler, args)``."""


@dataclass(frozen=True, slots=True)
class PubSubMessage:
    """One published message as backends carry it."""

    payload: Any
    """The object sent; the in-process backend passes it by reference."""
    topic: str | None = None
    """``None`` for the general channel (``send_all``/``send_others``)."""
    except_session_id: str | None = None
    """The sender's session id for ``send_others*``: that session does not receive it."""


@runtime_checkable
class PubSubBackend(Protocol):
    """Carries messages between the processes of an app."""

    def open(self, deliver: Callable[[PubSubMessage], None]) -> None:
        """Start carrying: call ``deliver`` (from any thread) for every message that arrives."""

    def publish(self, message: PubSubMessage) -> None:
        """Send a message to every process of the app, this one included."""

    def close(self) -> None:
        """Stop carrying; ``deliver`` is not called afterwards."""


class InProcessBackend:
    """A backend for one process: every published message is delivered at once, in place."""

    def __init__(self) -> None:
        self._deliver: Callable[[PubSubMessage], None] | None = None

    def open(self, deliver: Callable[[PubSubMessage], None]) -> None:
        self._deliver = deliver

    def publish(self, message: PubSubMessage) -> None:
        deliver = self._deliver
        if deliver is not None:
            deliver(message)

    def close(self) -> None:
        self._deliver = None


class PubSubHub:
    """The subscriptions of one app's sessions, and the delivery of messages to them."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop | None = None,
        executor: Any = None,
        *,
        backend: PubSubBackend | None = None,
        runner: Runner | None = None,
    ) -> None:
        self._loop = loop
        self._executor = executor
        self._runner: Runner = runner or self._run_default
        self._lock = threading.Lock()
        self._subscribers: dict[str, Callable[..., Any]] = {}
        self._topic_subscribers: dict[str, dict[str, Callable[..., Any]]] = {}
        self._session_topics: dict[str, set[str]] = {}
        self._backend: PubSubBackend = backend or InProcessBackend()
        self._backend.open(self.deliver)

    @property
    def backend(self) -> PubSubBackend:
        return self._backend

    def close(self) -> None:
        """Drop every subscription and close the backend."""
        self._backend.close()
        with self._lock:
            self._subscribers.clear()
            self._topic_subscribers.clear()
            self._session_topics.clear()

    # -- sending ------------------------------------------------------------------------------

    def send_all(self, message: Any) -> None:
        """Deliver to every session's general subscriber, the sender's included."""
        self._backend.publish(PubSubMessage(message))

    def send_all_on_topic(self, topic: str, message: Any) -> None:
        """Deliver to every subscriber of ``topic``."""
        self._backend.publish(PubSubMessage(message, topic))

    def send_others(self, except_session_id: str, message: Any) -> None:
        """Deliver to every general subscriber except the session ``except_session_id``."""
        self._backend.publish(PubSubMessage(message, None, except_session_id))

    def send_others_on_topic(self, except_session_id: str, topic: str, message: Any) -> None:
        """Deliver to every subscriber of ``topic`` except the session ``except_session_id``."""
        self._backend.publish(PubSubMessage(message, topic, except_session_id))

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

    # -- delivery -----------------------------------------------------------------------------

    def deliver(self, message: PubSubMessage) -> None:
        """Run this process's subscribers of ``message`` (called by the backend)."""
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

    def _run_default(self, session_id: str, handler: Callable[..., Any], args: tuple[Any, ...]) -> None:
        if inspect.iscoroutinefunction(handler) or inspect.iscoroutinefunction(getattr(handler, "__call__", None)):  # noqa: B004  # async __call__ objects
            if self._loop is None:
                raise FletError("PubSubHub needs an event loop to run async subscribers: PubSubHub(loop=...)")
            asyncio.run_coroutine_threadsafe(handler(*args), self._loop)
        elif self._executor is not None:
            self._executor.submit(handler, *args)
        else:
            handler(*args)

    send_all_async = deprecated_twin(send_all)
    send_all_on_topic_async = deprecated_twin(send_all_on_topic)
    send_others_async = deprecated_twin(send_others)
    send_others_on_topic_async = deprecated_twin(send_others_on_topic)
    subscribe_async = deprecated_twin(subscribe)
    subscribe_topic_async = deprecated_twin(subscribe_topic)
    unsubscribe_async = deprecated_twin(unsubscribe)
    unsubscribe_topic_async = deprecated_twin(unsubscribe_topic)
    unsubscribe_all_async = deprecated_twin(unsubscribe_all)


class PubSubClient:
    """``page.pubsub``: the hub's methods bound to one session."""

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

    send_all_async = deprecated_twin(send_all)
    send_all_on_topic_async = deprecated_twin(send_all_on_topic)
    send_others_async = deprecated_twin(send_others)
    send_others_on_topic_async = deprecated_twin(send_others_on_topic)
    subscribe_async = deprecated_twin(subscribe)
    subscribe_topic_async = deprecated_twin(subscribe_topic)
    unsubscribe_async = deprecated_twin(unsubscribe)
    unsubscribe_topic_async = deprecated_twin(unsubscribe_topic)
    unsubscribe_all_async = deprecated_twin(unsubscribe_all)
