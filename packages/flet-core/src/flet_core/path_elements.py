"""Elements of a canvas path: the drawing commands `canvas.Path` strings together.

Upstream exposes these as classes nested in `canvas.Path` (`Path.MoveTo`, `Path.LineTo`, ...);
the canvas module attaches them there. Coordinates are canvas pixels and angles are radians.
Each element carries a fixed `type` field that tells the client which command it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flet_core.types import BorderRadiusValue

__all__ = [
    "Arc",
    "ArcTo",
    "Close",
    "CubicTo",
    "LineTo",
    "MoveTo",
    "Oval",
    "PathElement",
    "QuadraticTo",
    "Rect",
    "SubPath",
]


@dataclass
class PathElement:
    """Base of the path elements; use one of the concrete subclasses."""

    def __post_init__(self) -> None:
        if type(self) is PathElement:
            raise TypeError("PathElement is abstract; use MoveTo, LineTo, Arc, ... instead")


@dataclass
class MoveTo(PathElement):
    """Start a new sub-path at (x, y)."""

    x: float
    y: float
    type: str = field(default="moveto", kw_only=True)


@dataclass
class LineTo(PathElement):
    """A straight line from the current point to (x, y)."""

    x: float
    y: float
    type: str = field(default="lineto", kw_only=True)


@dataclass
class QuadraticTo(PathElement):
    """A conic curve to (x, y) with control point (cp1x, cp1y) and weight `w`."""

    cp1x: float
    cp1y: float
    x: float
    y: float
    w: float = 1
    """Curve weight: 1 is a quadratic Bezier, below 1 an ellipse, above 1 a hyperbola."""
    type: str = field(default="conicto", kw_only=True)


@dataclass
class CubicTo(PathElement):
    """A cubic Bezier curve to (x, y) with two control points."""

    cp1x: float
    cp1y: float
    cp2x: float
    cp2y: float
    x: float
    y: float
    type: str = field(default="cubicto", kw_only=True)


@dataclass
class SubPath(PathElement):
    """Another path's elements, added with their origin moved to (x, y)."""

    elements: list[PathElement]
    x: float
    y: float
    type: str = field(default="subpath", kw_only=True)


@dataclass
class Arc(PathElement):
    """An arc of the oval inscribed in a rectangle, as a new sub-path."""

    x: float
    y: float
    width: float
    height: float
    start_angle: float
    sweep_angle: float
    type: str = field(default="arc", kw_only=True)


@dataclass
class ArcTo(PathElement):
    """An elliptical arc from the current point to (x, y), as in SVG's arc command."""

    x: float
    y: float
    radius: float = 0
    rotation: float = 0
    """Rotation of the ellipse in degrees."""
    large_arc: bool = False
    clockwise: bool = True
    type: str = field(default="arcto", kw_only=True)


@dataclass
class Oval(PathElement):
    """The oval inscribed in a rectangle, as a new closed sub-path."""

    x: float
    y: float
    width: float
    height: float
    type: str = field(default="oval", kw_only=True)


@dataclass
class Rect(PathElement):
    """A rectangle, optionally with rounded corners, as a new closed sub-path."""

    x: float
    y: float
    width: float
    height: float
    border_radius: BorderRadiusValue = None
    type: str = field(default="rect", kw_only=True)


@dataclass
class Close(PathElement):
    """Close the current sub-path with a straight line back to its start."""

    type: str = field(default="close", kw_only=True)
