"""Settings read from the environment, in one place, with errors that name the variable.

| variable | meaning | default |
| --- | --- | --- |
| ``FLET_SESSION_TIMEOUT`` | seconds a disconnected session is kept before it expires | 3600 |
| ``FLET_THREAD_POOL_SIZE`` | worker threads for sync handlers (per app, unless shared) | 128 |
| ``FLET_DEBUG`` | ``true``/``1``/``yes``: show the exception text in the browser when ``main`` fails | off |
| ``FLET_PUBSUB_URL`` | pubsub backend: ``memory://`` or a URL whose scheme names an entry point | memory |
"""

from __future__ import annotations

import os

__all__ = [
    "DEFAULT_SESSION_TIMEOUT",
    "DEFAULT_THREAD_POOL_SIZE",
    "debug_errors",
    "pubsub_url",
    "session_timeout",
    "thread_pool_size",
]

DEFAULT_SESSION_TIMEOUT = 3600.0
DEFAULT_THREAD_POOL_SIZE = 128
_TRUE = frozenset({"1", "true", "yes", "on"})


def _number(name: str, default: float, *, minimum: float) -> float:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{name} must be a number of seconds, got {text!r}") from None
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum:g}, got {text!r}")
    return value


def session_timeout() -> float:
    """``FLET_SESSION_TIMEOUT``: how long a disconnected session keeps its state, in seconds."""
    return _number("FLET_SESSION_TIMEOUT", DEFAULT_SESSION_TIMEOUT, minimum=0)


def thread_pool_size() -> int:
    """``FLET_THREAD_POOL_SIZE``: how many threads run sync handlers at once."""
    text = os.environ.get("FLET_THREAD_POOL_SIZE", "").strip()
    if not text:
        return DEFAULT_THREAD_POOL_SIZE
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"FLET_THREAD_POOL_SIZE must be a whole number of threads (1 or more), got {text!r}")
    return int(text)


def debug_errors() -> bool:
    """``FLET_DEBUG``: whether the browser is shown the text of an exception raised by ``main``."""
    return os.environ.get("FLET_DEBUG", "").strip().lower() in _TRUE


def pubsub_url() -> str:
    """``FLET_PUBSUB_URL``: which pubsub backend carries messages (``memory://`` by default)."""
    return os.environ.get("FLET_PUBSUB_URL", "").strip() or "memory://"
