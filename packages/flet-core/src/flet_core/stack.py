"""Compatibility path: `flet_core.stack` re-exports `Stack` from `flet_core.layout`."""

from __future__ import annotations

from flet_core.layout import Stack

__all__ = ["Stack"]
