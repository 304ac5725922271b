"""Compatibility path: `flet_core.row` re-exports `Row` from `flet_core.layout`."""

from __future__ import annotations

from flet_core.layout import Row

__all__ = ["Row"]
