"""Placement options of popups, snack bars and expansion tiles."""

from __future__ import annotations

from enum import Enum

__all__ = ["PopupMenuPosition", "SnackBarBehavior", "TileAffinity"]


class PopupMenuPosition(Enum):
    """Where a popup menu opens relative to its button."""

    OVER = "over"
    UNDER = "under"


class SnackBarBehavior(Enum):
    """Whether a snack bar is fixed to the bottom or floats."""

    FIXED = "fixed"
    FLOATING = "floating"


class TileAffinity(Enum):
    """Where an expansion tile puts its expand icon."""

    LEADING = "leading"
    TRAILING = "trailing"
    PLATFORM = "platform"
