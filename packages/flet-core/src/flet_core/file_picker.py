"""Compatibility path: `flet_core.file_picker` re-exports `FilePicker` from `flet_core.services`."""

from __future__ import annotations

from flet_core.services import FilePicker

__all__ = ["FilePicker"]
