"""Alignment: a point inside a rectangle, plus the nine named alignments.

`x` and `y` run from -1 (left/top edge) through 0 (centre) to 1 (right/bottom edge); values
beyond that range point outside the rectangle. Users write `ft.alignment.center`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Alignment",
    "bottom_center",
    "bottom_left",
    "bottom_right",
    "center",
    "center_left",
    "center_right",
    "top_center",
    "top_left",
    "top_right",
]


@dataclass
class Alignment:
    """A point in a rectangle, in units of half its width and height from the centre."""

    x: float
    y: float


top_left = Alignment(-1, -1)
top_center = Alignment(0, -1)
top_right = Alignment(1, -1)
center_left = Alignment(-1, 0)
center = Alignment(0, 0)
center_right = Alignment(1, 0)
bottom_left = Alignment(-1, 1)
bottom_center = Alignment(0, 1)
bottom_right = Alignment(1, 1)
