"""Border radius: how much each corner of a box is rounded, and the helpers that build it.

Users write `ft.border_radius.all(8)` or `ft.border_radius.only(top_left=4)`. A bare number
wherever a `BorderRadiusValue` is accepted rounds all four corners alike.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BorderRadius", "all", "horizontal", "only", "vertical"]


@dataclass
class BorderRadius:
    """Radius of each corner, in logical pixels."""

    top_left: float
    top_right: float
    bottom_left: float
    bottom_right: float

    def __wire__(self) -> object:
        # The client reads two-letter keys, in this order.
        return {
            "bl": self.bottom_left,
            "br": self.bottom_right,
            "tl": self.top_left,
            "tr": self.top_right,
        }


def all(value: float) -> BorderRadius:
    """The same radius on every corner."""
    return BorderRadius(top_left=value, top_right=value, bottom_left=value, bottom_right=value)


def horizontal(left: float = 0, right: float = 0) -> BorderRadius:
    """Radius `left` on both left corners and `right` on both right corners."""
    return BorderRadius(top_left=left, top_right=right, bottom_left=left, bottom_right=right)


def vertical(top: float = 0, bottom: float = 0) -> BorderRadius:
    """Radius `top` on both top corners and `bottom` on both bottom corners."""
    return BorderRadius(top_left=top, top_right=top, bottom_left=bottom, bottom_right=bottom)


def only(top_left: float = 0, top_right: float = 0, bottom_left: float = 0, bottom_right: float = 0) -> BorderRadius:
    """Radius on the named corners only; the others stay square."""
    return BorderRadius(top_left=top_left, top_right=top_right, bottom_left=bottom_left, bottom_right=bottom_right)
