"""Exceptions raised by ``flet.testing``.

Every one is an :class:`AssertionError` too, so pytest reports it as a failed check, and its
message ends with the screen as the simulated browser holds it.

FletTestError (also AssertionError)
├── ControlNotFoundError (also LookupError): nothing on screen matches
├── AmbiguousControlError (also LookupError): several controls match where one was meant
├── ControlNotInteractableError: the control cannot take that action (disabled, not clickable)
├── AppError: the app raised an exception (in ``main``, a handler or a subscriber)
├── ClientRejectedFrameError: the server sent a frame the 0.21.2 client would throw away
└── WaitTimeoutError (also TimeoutError): a condition or the app's idleness did not come in time
"""

from __future__ import annotations

from flet_core.errors import FletError

__all__ = [
    "AmbiguousControlError",
    "AppError",
    "ClientRejectedFrameError",
    "ControlNotFoundError",
    "ControlNotInteractableError",
    "FletTestError",
    "WaitTimeoutError",
]


class FletTestError(FletError, AssertionError):
    """Base of the errors of ``flet.testing``: a check about the app under test failed."""


class ControlNotFoundError(FletTestError, LookupError):
    """No control on screen matches what was looked for."""


class AmbiguousControlError(FletTestError, LookupError):
    """Several controls match where exactly one was meant; narrow the query."""


class ControlNotInteractableError(FletTestError):
    """The control cannot take the action: it is disabled, or neither it nor a parent handles it."""


class AppError(FletTestError):
    """The app raised an exception while the test drove it."""


class ClientRejectedFrameError(FletTestError):
    """The server sent a frame that the 0.21.2 web client would throw away."""


class WaitTimeoutError(FletTestError, TimeoutError):
    """A condition did not become true, or the app did not become idle, in time."""
