"""Accessibility options for screen-reader announcements."""

from __future__ import annotations

from enum import Enum

__all__ = ["Assertiveness"]


class Assertiveness(Enum):
    """How urgently a screen reader announces a message."""

    POLITE = "polite"
    ASSERTIVE = "assertive"
