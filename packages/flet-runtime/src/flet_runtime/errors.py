"""Exceptions raised by flet_runtime (all are :class:`flet_core.errors.FletError`).

FletError
├── ClientDisconnectedError (also TimeoutError): the client left while a call waited
├── ClientMethodError: the client answered a method call with an error
├── EnvironmentVariableError (also ValueError): a FLET_* variable holds a value that cannot be used
└── LoopBlockingError (also RuntimeError): a waiting call made on the event loop thread
"""

from __future__ import annotations

from flet_core.errors import FletError

__all__ = ["ClientDisconnectedError", "ClientMethodError", "EnvironmentVariableError", "LoopBlockingError"]


class ClientDisconnectedError(FletError, TimeoutError):
    """The session's client is not connected, so a call that waits for it cannot be answered.

    It is a ``TimeoutError`` too: 0.21 apps caught that when the client never answered.
    """


class ClientMethodError(FletError):
    """The client reported an error for a method the server invoked."""


class EnvironmentVariableError(FletError, ValueError):
    """A FLET_* variable holds a value that cannot be used (see :mod:`flet_runtime.config`)."""

    def __init__(self, name: str, value: str, expected: str) -> None:
        super().__init__(f"{name}={value!r} cannot be used: expected {expected}")
        self.name = name
        self.value = value
        self.expected = expected

    def __reduce__(self) -> tuple[type[EnvironmentVariableError], tuple[str, str, str]]:
        return (type(self), (self.name, self.value, self.expected))


class LoopBlockingError(FletError, RuntimeError):
    """A call that blocks until the client answers was made on the event loop thread."""
