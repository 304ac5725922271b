"""Compatibility path: `flet_core.alert_dialog` re-exports `AlertDialog` from `flet_core.dialogs`."""

from __future__ import annotations

from flet_core.dialogs import AlertDialog

__all__ = ["AlertDialog"]
