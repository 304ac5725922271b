"""Borders: the line drawn on each side of a box, and the helpers that build one.

Users write `ft.border.all(2, "red")`, `ft.border.symmetric(vertical=side)` or
`ft.border.only(left=side)`, where `side` is a `BorderSide`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flet_core.types import ColorValue

__all__ = ["Border", "BorderSide", "all", "only", "symmetric"]


@dataclass
class BorderSide:
    """One side of a border: its width and colour."""

    width: float | None
    color: ColorValue | None = None

    def __wire__(self) -> object:
        # Short keys; an unset colour is sent as null rather than left out.
        return {"w": self.width, "c": self.color}


@dataclass
class Border:
    """The four sides of a box's border; a side left as None is not drawn."""

    top: BorderSide | None = None
    right: BorderSide | None = None
    bottom: BorderSide | None = None
    left: BorderSide | None = None

    def __wire__(self) -> object:
        # Short keys in left, top, right, bottom order; absent sides are sent as null.
        return {"l": self.left, "t": self.top, "r": self.right, "b": self.bottom}


def all(width: float | None = None, color: ColorValue | None = None) -> Border:
    """The same side, `width` wide in `color`, on all four edges."""
    return Border(
        top=BorderSide(width, color),
        right=BorderSide(width, color),
        bottom=BorderSide(width, color),
        left=BorderSide(width, color),
    )


def symmetric(vertical: BorderSide | None = None, horizontal: BorderSide | None = None) -> Border:
    """Side `vertical` on the top and bottom edges, `horizontal` on the left and right."""
    return Border(top=vertical, right=horizontal, bottom=vertical, left=horizontal)


def only(
    left: BorderSide | None = None,
    top: BorderSide | None = None,
    right: BorderSide | None = None,
    bottom: BorderSide | None = None,
) -> Border:
    """Sides on the named edges only."""
    return Border(top=top, right=right, bottom=bottom, left=left)
