"""Chart decorations: grid lines, indicator lines and the shapes drawn at data points.

Each point shape carries a fixed `type` field that tells the client which shape it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flet_core.types import ColorValue

__all__ = [
    "ChartCirclePoint",
    "ChartCrossPoint",
    "ChartGridLines",
    "ChartPointLine",
    "ChartPointShape",
    "ChartSquarePoint",
]


@dataclass
class ChartGridLines:
    """Look of a chart's horizontal or vertical grid lines."""

    interval: float | None = None
    """Distance between lines, in data units."""
    color: ColorValue | None = None
    width: float | None = None
    dash_pattern: list[int] | None = None
    """Alternating dash and gap lengths; a solid line if unset."""


@dataclass
class ChartPointLine:
    """Look of the line drawn from a data point to the axis."""

    color: ColorValue | None = None
    width: float | None = None
    dash_pattern: list[int] | None = None
    """Alternating dash and gap lengths; a solid line if unset."""


@dataclass
class ChartPointShape:
    """Base of the data point shapes; use one of the concrete subclasses."""

    def __post_init__(self) -> None:
        if type(self) is ChartPointShape:
            raise TypeError("ChartPointShape is abstract; use ChartCirclePoint, ChartSquarePoint or ChartCrossPoint")


@dataclass
class ChartCirclePoint(ChartPointShape):
    """A data point drawn as a circle."""

    type: str = field(default="circle", kw_only=True)
    color: ColorValue | None = None
    radius: float | None = None
    stroke_color: ColorValue | None = None
    stroke_width: float | None = None


@dataclass
class ChartCrossPoint(ChartPointShape):
    """A data point drawn as an X."""

    type: str = field(default="cross", kw_only=True)
    color: ColorValue | None = None
    size: float | None = None
    width: float | None = None
    """Thickness of the cross's strokes."""


@dataclass
class ChartSquarePoint(ChartPointShape):
    """A data point drawn as a square."""

    type: str = field(default="square", kw_only=True)
    color: ColorValue | None = None
    size: float | None = None
    stroke_color: ColorValue | None = None
    stroke_width: float | None = None
