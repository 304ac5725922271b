"""The shapes a `Canvas` draws, in order: lines, rectangles, arcs, paths, text and more."""

from __future__ import annotations

from flet_core import path_elements as _elements
from flet_core._fields import prop
from flet_core.path_elements import PathElement
from flet_core.types import OffsetValue


class Path:
    # upstream sends an empty element list by default
    elements: list[PathElement] | None = prop(default=[], json=True, eager=True, kw_only=False)

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


class Points:
    points: list[OffsetValue] | None = prop(default=[], json=True, eager=True, kw_only=False)


class Shadow:
    path: list[PathElement] | None = prop(default=[], json=True, eager=True, kw_only=False)
