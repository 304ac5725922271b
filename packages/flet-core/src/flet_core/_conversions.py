"""Converters and codecs for date and time fields (date pickers, time pickers).

The client exchanges dates as ISO 8601 text and times as ``HH:MM``. Assigning text to such a
field is accepted, as in 0.21, and stored parsed.
"""

from __future__ import annotations

import datetime
from typing import Any

from flet_core.errors import FletTypeError

__all__ = ["decode_datetime", "decode_time", "encode_time", "to_datetime", "to_time"]


def to_datetime(value: Any) -> datetime.datetime:
    """Accept a datetime, a date (at midnight) or ISO 8601 text."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        return decode_datetime(value)
    raise FletTypeError(f"expected a datetime, a date or ISO 8601 text, got {value!r} ({type(value).__name__})")


def decode_datetime(text: str) -> datetime.datetime:
    """Parse the client's ISO 8601 text (``2024-05-06T07:08:09.000``, a trailing ``Z`` allowed)."""
    return datetime.datetime.fromisoformat(text.strip().removesuffix("Z"))


def to_time(value: Any) -> datetime.time:
    """Accept a time or ``HH:MM[:SS]`` text."""
    if isinstance(value, datetime.time):
        return value
    if isinstance(value, str):
        return decode_time(value)
    raise FletTypeError(f"expected a time or HH:MM text, got {value!r} ({type(value).__name__})")


def decode_time(text: str) -> datetime.time:
    """Parse ``HH:MM`` (or ``HH:MM:SS``) text from the client."""
    return datetime.time.fromisoformat(text.strip())


def encode_time(value: Any) -> str | None:
    """Times go to the client as ``HH:MM``, the only form its time picker reads."""
    if value is None:
        return None
    return f"{value.hour:02d}:{value.minute:02d}"
