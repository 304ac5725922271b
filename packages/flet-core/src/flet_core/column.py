"""Compatibility path: `flet_core.column` re-exports `Column` from `flet_core.layout`."""

from __future__ import annotations

from flet_core.layout import Column

__all__ = ["Column"]
