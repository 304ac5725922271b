"""Paint: how canvas shapes and text foregrounds are coloured, stroked and shaded.

Paint gradients differ from the container gradients in `gradients`: their positions are
`Offset`s in canvas pixels rather than alignments within a box.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

from flet_core.blur import Blur
from flet_core.gradients import GradientTileMode
from flet_core.types import BlendMode, ColorValue, OffsetValue

__all__ = [
    "Paint",
    "PaintGradient",
    "PaintLinearGradient",
    "PaintRadialGradient",
    "PaintSweepGradient",
    "PaintingStyle",
    "PointMode",
    "StrokeCap",
    "StrokeJoin",
]


class PaintingStyle(Enum):
    """Whether a shape is filled or stroked."""

    FILL = "fill"
    STROKE = "stroke"


class StrokeCap(Enum):
    """Shape drawn at the ends of open lines."""

    BUTT = "butt"
    ROUND = "round"
    SQUARE = "square"


class StrokeJoin(Enum):
    """Shape drawn where line segments meet."""

    MITER = "miter"
    ROUND = "round"
    BEVEL = "bevel"


class PointMode(Enum):
    """How a list of points is drawn: dots, line pairs or a polyline."""

    POINTS = "points"
    LINES = "lines"
    POLYGON = "polygon"


@dataclass
class PaintGradient:
    """Base of the paint gradients; use one of the concrete subclasses."""

    def __post_init__(self) -> None:
        if type(self) is PaintGradient:
            raise TypeError(
                "PaintGradient is abstract; use PaintLinearGradient, PaintRadialGradient or PaintSweepGradient"
            )


@dataclass
class PaintLinearGradient(PaintGradient):
    """Colours that change along the line from `begin` to `end`."""

    begin: OffsetValue
    end: OffsetValue
    colors: list[ColorValue]
    color_stops: list[float] | None = None
    """Where each colour sits along the gradient, from 0.0 to 1.0; evenly spread if unset."""
    tile_mode: GradientTileMode = GradientTileMode.CLAMP
    type: str = field(default="linear", kw_only=True)


@dataclass
class PaintRadialGradient(PaintGradient):
    """Colours that change outwards from `center` in rings up to `radius`."""

    center: OffsetValue
    radius: float
    colors: list[ColorValue]
    color_stops: list[float] | None = None
    tile_mode: GradientTileMode = GradientTileMode.CLAMP
    focal: OffsetValue = None
    focal_radius: float = 0.0
    type: str = field(default="radial", kw_only=True)


@dataclass
class PaintSweepGradient(PaintGradient):
    """Colours that change around `center` from `start_angle` to `end_angle` (radians)."""

    center: OffsetValue
    colors: list[ColorValue]
    color_stops: list[float] | None = None
    tile_mode: GradientTileMode = GradientTileMode.CLAMP
    start_angle: float = 0.0
    end_angle: float = math.tau
    rotation: float | None = None
    type: str = field(default="sweep", kw_only=True)


@dataclass
class Paint:
    """Colour, shader and stroke settings used to draw a shape or text."""

    color: ColorValue | None = None
    blend_mode: BlendMode | None = None
    blur_image: float | tuple[float, float] | Blur | None = None
    """Blur applied to what is drawn: one sigma, an `(x, y)` pair or a `Blur`."""
    anti_alias: bool | None = None
    gradient: PaintGradient | None = None
    """A shader that overrides `color`."""
    stroke_cap: StrokeCap | None = None
    stroke_join: StrokeJoin | None = None
    stroke_miter_limit: float | None = None
    stroke_width: float | None = None
    stroke_dash_pattern: list[float] | None = None
    """Alternating dash and gap lengths for stroked lines."""
    style: PaintingStyle | None = None
