"""Transform values: offsets, rotations and scales applied to a control when painted."""

from __future__ import annotations

from dataclasses import dataclass

from flet_core.alignment import Alignment

__all__ = ["Offset", "Rotate", "Scale"]


@dataclass
class Offset:
    """A displacement; for a control's `offset`, in multiples of its own width and height."""

    x: float
    y: float


@dataclass
class Rotate:
    """A clockwise rotation by `angle` radians around `alignment` (the centre if unset)."""

    angle: float
    alignment: Alignment | None = None


@dataclass
class Scale:
    """A scale factor, uniform (`scale`) or per axis, around `alignment`."""

    scale: float | None = None
    scale_x: float | None = None
    scale_y: float | None = None
    alignment: Alignment | None = None
