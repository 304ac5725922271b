"""Margin: empty space around a control's outside edges, and the helpers that build it.

Users write `ft.margin.all(10)`, `ft.margin.symmetric(horizontal=8)` or
`ft.margin.only(left=4)`. A bare number wherever a `MarginValue` is accepted means the same
margin on all four sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from flet_core._edges import EdgeInsets

__all__ = ["Margin", "all", "only", "symmetric"]


@dataclass
class Margin(EdgeInsets):
    """Space outside each of the four edges, in logical pixels."""


def all(value: float) -> Margin:
    """Margin of `value` on every side."""
    return Margin(left=value, top=value, right=value, bottom=value)


def symmetric(vertical: float = 0, horizontal: float = 0) -> Margin:
    """Margin of `vertical` above and below, and `horizontal` to the left and right."""
    return Margin(left=horizontal, top=vertical, right=horizontal, bottom=vertical)


def only(left: float = 0, top: float = 0, right: float = 0, bottom: float = 0) -> Margin:
    """Margin on the named sides only; the others get zero."""
    return Margin(left=left, top=top, right=right, bottom=bottom)
