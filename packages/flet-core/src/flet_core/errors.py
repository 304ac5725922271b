"""Exceptions raised by flet_core.

FletError
├── NotOnPageError (also AssertionError, which 0.21 raised)
├── PageDisconnectedException (also a plain Exception subclass, as in 0.21)
├── FletTypeError (also TypeError)
├── ControlOnAnotherPageError
└── ProtocolError (also ValueError): a malformed frame from the client
    └── ClientRejectedError: a message the real client would throw away
"""

from __future__ import annotations

__all__ = [
    "ClientRejectedError",
    "ControlOnAnotherPageError",
    "FletError",
    "FletTypeError",
    "NotOnPageError",
    "PageDisconnectedException",
    "ProtocolError",
]


class FletError(Exception):
    """Base of every error raised by Flet itself."""


class NotOnPageError(FletError, AssertionError):
    """A control was used as if it were on a page (``update()``, methods) before being added."""


class PageDisconnectedException(FletError):
    """The page's session is closed; nothing can be sent to it any more."""


class FletTypeError(FletError, TypeError):
    """A value of the wrong type was given to a control."""


class ControlOnAnotherPageError(FletError):
    """A control that belongs to one page was added to another page."""


class ProtocolError(FletError, ValueError):
    """A frame that does not follow the wire protocol."""


class ClientRejectedError(ProtocolError):
    """A server message the 0.21.2 client would throw away (bad id, missing key, non-string value)."""
