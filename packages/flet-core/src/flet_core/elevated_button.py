"""Compatibility path: `flet_core.elevated_button` re-exports `ElevatedButton` from `flet_core.material_buttons`."""

from __future__ import annotations

from flet_core.material_buttons import ElevatedButton

__all__ = ["ElevatedButton"]
