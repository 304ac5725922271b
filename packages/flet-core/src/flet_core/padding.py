"""Padding: empty space inside a control's edges, and the helpers that build it.

Users write `ft.padding.all(10)`, `ft.padding.symmetric(horizontal=8)` or
`ft.padding.only(left=4)`. A bare number wherever a `PaddingValue` is accepted means the same
padding on all four sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from flet_core._edges import EdgeInsets

__all__ = ["Padding", "all", "only", "symmetric"]


@dataclass
class Padding(EdgeInsets):
    """Space inside each of the four edges, in logical pixels."""


def all(value: float) -> Padding:
    """Padding of `value` on every side."""
    return Padding(left=value, top=value, right=value, bottom=value)


def symmetric(vertical: float = 0, horizontal: float = 0) -> Padding:
    """Padding of `vertical` above and below, and `horizontal` to the left and right."""
    return Padding(left=horizontal, top=vertical, right=horizontal, bottom=vertical)


def only(left: float = 0, top: float = 0, right: float = 0, bottom: float = 0) -> Padding:
    """Padding on the named sides only; the others get zero."""
    return Padding(left=left, top=top, right=right, bottom=bottom)
