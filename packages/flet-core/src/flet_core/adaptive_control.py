"""``AdaptiveControl``: controls that can render their Cupertino variant on Apple platforms."""

from __future__ import annotations

from flet_core._fields import control
from flet_core.control import Control

__all__ = ["AdaptiveControl"]


@control(None)
class AdaptiveControl(Control):
    """A control with ``adaptive``: render the platform's own look (Cupertino on iOS/macOS)."""

    adaptive: bool | None = None
