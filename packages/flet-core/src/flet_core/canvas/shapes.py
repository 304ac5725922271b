"""The shapes a `Canvas` draws, in order: lines, rectangles, arcs, paths, text and more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flet_core import path_elements as _elements
from flet_core._fields import control, prop, slot
from flet_core.alignment import Alignment
from flet_core.control import Control
from flet_core.painting import Paint, PointMode
from flet_core.path_elements import PathElement
from flet_core.text_style import TextStyle
from flet_core.types import BlendMode, BorderRadiusValue, OffsetValue, TextAlign

if TYPE_CHECKING:
    from flet_core.text import InlineSpan


__all__ = ["Arc", "Circle", "Color", "Fill", "Line", "Oval", "Path", "Points", "Rect", "Shadow", "Shape", "Text"]


@control(None)
class Shape(Control):
    """Base of the shapes a `Canvas` draws."""


@control(
    "arc",
    positional="x y width height start_angle sweep_angle use_center paint ref visible disabled data".split(),
)
class Arc(Shape):
    """An arc of the oval that fits the given rectangle."""

    x: int | float | None = prop(default=None, kw_only=False)
    y: int | float | None = prop(default=None, kw_only=False)
    width: int | float | None = prop(default=None, kw_only=False)
    height: int | float | None = prop(default=None, kw_only=False)
    start_angle: int | float | None = prop(default=None, kw_only=False)
    sweep_angle: int | float | None = prop(default=None, kw_only=False)
    use_center: bool | None = prop(default=False, kw_only=False)
    paint: Paint | None = prop(default=None, json=True, kw_only=False)


@control("circle", positional="x y radius paint ref visible disabled data".split())
class Circle(Shape):
    """A circle around a centre point."""

    x: int | float | None = prop(default=None, kw_only=False)
    y: int | float | None = prop(default=None, kw_only=False)
    radius: int | float | None = prop(default=None, kw_only=False)
    paint: Paint | None = prop(default=None, json=True, kw_only=False)


@control("color", positional="color blend_mode ref visible disabled data".split())
class Color(Shape):
    """Fills the whole canvas with a colour, combined by a blend mode."""

    color: str | None = prop(default=None, kw_only=False)
    blend_mode: BlendMode = prop(default=BlendMode.NONE, kw_only=False)


@control("fill", positional="paint ref visible disabled data".split())
class Fill(Shape):
    """Fills the whole canvas with a paint."""

    paint: Paint | None = prop(default=None, json=True, kw_only=False)


@control("line", positional="x1 y1 x2 y2 paint ref visible disabled data".split())
class Line(Shape):
    """A straight line between two points."""

    x1: int | float | None = prop(default=None, kw_only=False)
    y1: int | float | None = prop(default=None, kw_only=False)
    x2: int | float | None = prop(default=None, kw_only=False)
    y2: int | float | None = prop(default=None, kw_only=False)
    paint: Paint | None = prop(default=None, json=True, kw_only=False)


@control("oval", positional="x y width height paint ref visible disabled data".split())
class Oval(Shape):
    """An oval that fits the given rectangle."""

    x: int | float | None = prop(default=None, kw_only=False)
    y: int | float | None = prop(default=None, kw_only=False)
    width: int | float | None = prop(default=None, kw_only=False)
    height: int | float | None = prop(default=None, kw_only=False)
    paint: Paint | None = prop(default=None, json=True, kw_only=False)


@control("path", positional="elements paint ref visible disabled data".split())
class Path(Shape):
    """A path made of moves, lines, curves and closed sub-paths."""

    # upstream sends an empty element list by default
    elements: list[PathElement] | None = prop(default=[], json=True, eager=True, kw_only=False)
    paint: Paint | None = prop(default=None, json=True, kw_only=False)

    # 0.21 nests the path element types in the control: `Path.MoveTo(...)`
    MoveTo = _elements.MoveTo

    LineTo = _elements.LineTo

    QuadraticTo = _elements.QuadraticTo

    CubicTo = _elements.CubicTo

    SubPath = _elements.SubPath

    Arc = _elements.Arc

    ArcTo = _elements.ArcTo

    Oval = _elements.Oval

    Rect = _elements.Rect

    Close = _elements.Close

    PathElement = _elements.PathElement


@control("points", positional="points point_mode paint ref visible disabled data".split())
class Points(Shape):
    """A set of points, drawn as dots, line segments or a polygon."""

    points: list[OffsetValue] | None = prop(default=[], json=True, eager=True, kw_only=False)
    point_mode: PointMode | None = prop(default=None, kw_only=False)
    paint: Paint | None = prop(default=None, json=True, kw_only=False)


@control("rect", positional="x y width height border_radius paint ref visible disabled data".split())
class Rect(Shape):
    """A rectangle, optionally with rounded corners."""

    x: int | float | None = prop(default=None, kw_only=False)
    y: int | float | None = prop(default=None, kw_only=False)
    width: int | float | None = prop(default=None, kw_only=False)
    height: int | float | None = prop(default=None, kw_only=False)
    border_radius: BorderRadiusValue = prop(default=None, json=True, kw_only=False)
    paint: Paint | None = prop(default=None, json=True, kw_only=False)


@control("shadow", positional="path color elevation transparent_occluder ref visible disabled data".split())
class Shadow(Shape):
    """The shadow a path casts at an elevation."""

    path: list[PathElement] | None = prop(default=[], json=True, eager=True, kw_only=False)
    color: str | None = prop(default=None, kw_only=False)
    elevation: int | float | None = prop(default=None, kw_only=False)
    transparent_occluder: bool | None = prop(default=False, kw_only=False)


@control(
    "text",
    positional=(
        "x y text style spans alignment text_align max_lines max_width ellipsis rotate ref visible disabled data"
    ).split(),
)
class Text(Shape):
    """Text drawn on the canvas at a point."""

    x: int | float | None = prop(default=None, kw_only=False)
    y: int | float | None = prop(default=None, kw_only=False)
    text: str | None = prop(default=None, kw_only=False)
    style: TextStyle | None = prop(default=None, json=True, kw_only=False)
    spans: list[InlineSpan] = slot(many=True, default=None)
    alignment: Alignment | None = prop(default=None, json=True)
    text_align: TextAlign = TextAlign.NONE
    max_lines: int | None = None
    max_width: int | float | None = None
    ellipsis: str | None = None
    rotate: int | float | None = None
