"""Gradients that fill a container's background: linear, radial and sweep.

Positions are `Alignment`s relative to the filled box. Each gradient carries a fixed `type`
field that tells the client which kind it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

from flet_core.alignment import Alignment
from flet_core.types import ColorValue

__all__ = ["Gradient", "GradientTileMode", "LinearGradient", "RadialGradient", "SweepGradient"]


class GradientTileMode(Enum):
    """How a gradient paints beyond its start and end."""

    CLAMP = "clamp"
    DECAL = "decal"
    MIRROR = "mirror"
    REPEATED = "repeated"


@dataclass
class Gradient:
    """Fields shared by every gradient; use one of the concrete subclasses."""

    colors: list[ColorValue]
    tile_mode: GradientTileMode = GradientTileMode.CLAMP
    rotation: float | None = None
    """Rotation of the gradient around the box's centre, in radians."""
    stops: list[float] | None = None
    """Where each colour sits along the gradient, from 0.0 to 1.0; evenly spread if unset."""

    def __post_init__(self) -> None:
        if type(self) is Gradient:
            raise TypeError("Gradient is abstract; use LinearGradient, RadialGradient or SweepGradient")


@dataclass
class LinearGradient(Gradient):
    """Colours that change along the line from `begin` to `end`."""

    begin: Alignment = field(default_factory=lambda: Alignment(-1, 0))
    end: Alignment = field(default_factory=lambda: Alignment(1, 0))
    type: str = field(default="linear", kw_only=True)


@dataclass
class RadialGradient(Gradient):
    """Colours that change outwards from `center` in concentric rings."""

    center: Alignment = field(default_factory=lambda: Alignment(0, 0))
    radius: float = 0.5
    """Radius of the outermost ring, as a fraction of the box's shorter side."""
    focal: Alignment | None = None
    focal_radius: float = 0.0
    type: str = field(default="radial", kw_only=True)


@dataclass
class SweepGradient(Gradient):
    """Colours that change around `center` like the hand of a clock."""

    center: Alignment = field(default_factory=lambda: Alignment(0, 0))
    start_angle: float = 0.0
    """Angle in radians where the first colour starts."""
    end_angle: float = math.tau
    """Angle in radians where the last colour ends."""
    type: str = field(default="sweep", kw_only=True)
