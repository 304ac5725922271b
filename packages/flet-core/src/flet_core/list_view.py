"""Compatibility path: `flet_core.list_view` re-exports `ListView` from `flet_core.layout`."""

from __future__ import annotations

from flet_core.layout import ListView

__all__ = ["ListView"]
