"""0.21's ``flet_core.pubsub`` names; publish/subscribe itself lives in flet-runtime.

``page.pubsub`` is a :class:`PubSubClient` and the hub behind it a :class:`PubSubHub`. Both are
implemented by ``flet_runtime.pubsub`` (its classes derive from these, so ``isinstance`` and
annotations written for 0.21 keep working), and calling ``PubSubHub(loop, executor)`` or
``PubSubClient(hub, session_id)`` here makes the runtime's. flet-core itself stays
standard-library only: flet-runtime is imported on that first call, never at import time.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Self

from flet_core._deprecation import deprecated_twin

__all__ = ["PubSubClient", "PubSubHub"]

_RUNTIME = "implemented by flet_runtime.pubsub"


class _MadeByTheRuntime:
    """Calling one of 0.21's classes here makes flet-runtime's class of the same name."""

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        if cls.__module__ == __name__:
            cls = _implementation(cls.__name__)
        instance: Self = object.__new__(cls)
        return instance


def _implementation(name: str) -> type[Any]:
    try:
        module = importlib.import_module("flet_runtime.pubsub")
    except ImportError as error:
        raise ImportError(
            f"flet_core.pubsub.{name} is implemented by flet-runtime, which is not installed "
            f"({error}); install flet (or flet-runtime)"
        ) from error
    implementation: type[Any] = getattr(module, name)
    return implementation


class PubSubHub(_MadeByTheRuntime):
    """The subscriptions of one app's sessions; see ``flet_runtime.pubsub.PubSubHub``."""

    __slots__ = ()

    def send_all(self, message: Any) -> None:
        """Deliver to every session's general subscriber, the sender's included."""
        raise NotImplementedError(_RUNTIME)

    def send_all_on_topic(self, topic: str, message: Any) -> None:
        """Deliver to every subscriber of ``topic``."""
        raise NotImplementedError(_RUNTIME)

    def send_others(self, except_session_id: str, message: Any) -> None:
        """Deliver to every general subscriber except the session ``except_session_id``."""
        raise NotImplementedError(_RUNTIME)

    def send_others_on_topic(self, except_session_id: str, topic: str, message: Any) -> None:
        """Deliver to every subscriber of ``topic`` except the session ``except_session_id``."""
        raise NotImplementedError(_RUNTIME)

    def subscribe(self, session_id: str, handler: Callable[..., Any]) -> None:
        """Set the session's general subscriber ``handler(message)`` (replacing any earlier one)."""
        raise NotImplementedError(_RUNTIME)

    def subscribe_topic(self, session_id: str, topic: str, handler: Callable[..., Any]) -> None:
        """Set the session's subscriber ``handler(topic, message)`` of ``topic`` (replacing)."""
        raise NotImplementedError(_RUNTIME)

    def unsubscribe(self, session_id: str) -> None:
        """Remove the session's general subscriber."""
        raise NotImplementedError(_RUNTIME)

    def unsubscribe_topic(self, session_id: str, topic: str) -> None:
        """Remove the session's subscriber of ``topic``."""
        raise NotImplementedError(_RUNTIME)

    def unsubscribe_all(self, session_id: str) -> None:
        """Remove every subscriber of the session, general and per topic."""
        raise NotImplementedError(_RUNTIME)

    send_all_async = deprecated_twin(send_all)
    send_all_on_topic_async = deprecated_twin(send_all_on_topic)
    send_others_async = deprecated_twin(send_others)
    send_others_on_topic_async = deprecated_twin(send_others_on_topic)
    subscribe_async = deprecated_twin(subscribe)
    subscribe_topic_async = deprecated_twin(subscribe_topic)
    unsubscribe_async = deprecated_twin(unsubscribe)
    unsubscribe_topic_async = deprecated_twin(unsubscribe_topic)
    unsubscribe_all_async = deprecated_twin(unsubscribe_all)


class PubSubClient(_MadeByTheRuntime):
    """``page.pubsub``: the hub bound to one session; see ``flet_runtime.pubsub.PubSubClient``."""

    __slots__ = ()

    def send_all(self, message: Any) -> None:
        """Send to every session's subscriber, this one's included."""
        raise NotImplementedError(_RUNTIME)

    def send_all_on_topic(self, topic: str, message: Any) -> None:
        """Send to every subscriber of ``topic``, this session's included."""
        raise NotImplementedError(_RUNTIME)

    def send_others(self, message: Any) -> None:
        """Send to every other session's subscriber."""
        raise NotImplementedError(_RUNTIME)

    def send_others_on_topic(self, topic: str, message: Any) -> None:
        """Send to every other session's subscriber of ``topic``."""
        raise NotImplementedError(_RUNTIME)

    def subscribe(self, handler: Callable[..., Any]) -> None:
        """Receive general messages with ``handler(message)``; replaces an earlier handler."""
        raise NotImplementedError(_RUNTIME)

    def subscribe_topic(self, topic: str, handler: Callable[..., Any]) -> None:
        """Receive messages on ``topic`` with ``handler(topic, message)``; replaces an earlier one."""
        raise NotImplementedError(_RUNTIME)

    def unsubscribe(self) -> None:
        """Stop receiving general messages."""
        raise NotImplementedError(_RUNTIME)

    def unsubscribe_topic(self, topic: str) -> None:
        """Stop receiving messages on ``topic``."""
        raise NotImplementedError(_RUNTIME)

    def unsubscribe_all(self) -> None:
        """Stop receiving anything."""
        raise NotImplementedError(_RUNTIME)

    send_all_async = deprecated_twin(send_all)
    send_all_on_topic_async = deprecated_twin(send_all_on_topic)
    send_others_async = deprecated_twin(send_others)
    send_others_on_topic_async = deprecated_twin(send_others_on_topic)
    subscribe_async = deprecated_twin(subscribe)
    subscribe_topic_async = deprecated_twin(subscribe_topic)
    unsubscribe_async = deprecated_twin(unsubscribe)
    unsubscribe_topic_async = deprecated_twin(unsubscribe_topic)
    unsubscribe_all_async = deprecated_twin(unsubscribe_all)
