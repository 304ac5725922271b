"""Gaussian blur settings, used by `Container.blur` and `Paint.blur_image`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["Blur", "BlurTileMode"]


class BlurTileMode(Enum):
    """What a blur samples beyond the edge of its input."""

    CLAMP = "clamp"
    DECAL = "decal"
    MIRROR = "mirror"
    REPEATED = "repeated"


@dataclass
class Blur:
    """A Gaussian blur with separate horizontal and vertical strengths."""

    sigma_x: float
    sigma_y: float
    tile_mode: BlurTileMode = BlurTileMode.CLAMP
