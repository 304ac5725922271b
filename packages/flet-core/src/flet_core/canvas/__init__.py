"""Canvas and the shapes it draws (`ft.canvas.Canvas`, `ft.canvas.Line`, ...)."""

from __future__ import annotations

from flet_core.canvas.canvas import Canvas, CanvasResizeEvent
from flet_core.canvas.shapes import Arc, Circle, Color, Fill, Line, Oval, Path, Points, Rect, Shadow, Shape, Text
from flet_core.painting import PointMode

__all__ = [
    "Arc",
    "Canvas",
    "CanvasResizeEvent",
    "Circle",
    "Color",
    "Fill",
    "Line",
    "Oval",
    "Path",
    "PointMode",
    "Points",
    "Rect",
    "Shadow",
    "Shape",
    "Text",
]
