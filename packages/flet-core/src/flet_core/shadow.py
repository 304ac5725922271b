"""Box shadows cast by containers, cards and text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from flet_core.types import ColorValue, OffsetValue

__all__ = ["BoxShadow", "ShadowBlurStyle"]


class ShadowBlurStyle(Enum):
    """Style of the blur applied to a shadow."""

    NORMAL = "normal"
    SOLID = "solid"
    OUTER = "outer"
    INNER = "inner"


@dataclass
class BoxShadow:
    """A shadow behind a box: its size, blur, colour and displacement."""

    spread_radius: float | None = None
    """How far the shadow grows beyond the box before blurring."""
    blur_radius: float | None = None
    color: ColorValue | None = None
    offset: OffsetValue = None
    """Displacement of the shadow from the box, in logical pixels."""
    blur_style: ShadowBlurStyle = ShadowBlurStyle.NORMAL
