"""Compatibility path: `flet_core.textfield` re-exports `TextField` from `flet_core.form_fields`."""

from __future__ import annotations

from flet_core.form_fields import TextField

__all__ = ["TextField"]
