"""Exceptions raised by flet_runtime (all are :class:`flet_core.errors.FletError`).

FletError
├── ClientDisconnectedError (also TimeoutError): the client left while a call waited
├── ClientMethodError: the client answered a method call with an error
└── LoopBlockingError (also RuntimeError): a waiting call made on the event loop thread
"""

from __future__ import annotations

from flet_core.errors import FletError

__all__ = ["ClientDisconnectedError", "ClientMethodError", "LoopBlockingError"]


class ClientDisconnectedError(FletError, TimeoutError):
    """The session's client is not connected, so a call that waits for it cannot be answered.

    It is a ``TimeoutError`` too: 0.21 apps caught that when the client never answered.
    """


class ClientMethodError(FletError):
    """The client reported an error for a method the server invoked."""


class LoopBlockingError(FletError, RuntimeError):
    """A call that blocks until the client answers was made on the event loop thread."""
