"""Compatibility path: `flet_core.dropdown` re-exports `Dropdown`, `Option` from `flet_core.form_fields`."""

from __future__ import annotations

from flet_core.form_fields import Dropdown, Option

__all__ = ["Dropdown", "Option"]
