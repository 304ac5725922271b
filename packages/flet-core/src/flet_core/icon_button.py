"""Compatibility path: `flet_core.icon_button` re-exports `IconButton` from `flet_core.material_buttons`."""

from __future__ import annotations

from flet_core.material_buttons import IconButton

__all__ = ["IconButton"]
