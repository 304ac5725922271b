"""Compatibility path: `flet_core.gesture_detector` re-exports `GestureDetector` from `flet_core.interaction`."""

from __future__ import annotations

from flet_core.interaction import GestureDetector

__all__ = ["GestureDetector"]
