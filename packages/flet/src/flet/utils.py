"""Small helpers apps import from ``flet.utils``: ``slugify``, ``Vector``, ``get_package_root_dir``."""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

__all__ = ["Vector", "get_package_root_dir", "slugify"]


def slugify(value: str) -> str:
    """A URL-friendly form of ``value``: ASCII, lowercase, words joined by ``-``."""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s]+", "-", text).strip("-_")


def get_package_root_dir() -> str:
    """The folder the ``flet`` package is installed in."""
    return str(Path(__file__).resolve().parent)


class Vector(complex):
    """A 2-D vector (x, y) with arithmetic, length and angle, built on ``complex``."""

    def __new__(cls, x: float | complex = 0.0, y: float = 0.0) -> Vector:
        if isinstance(x, complex):
            return super().__new__(cls, x.real, x.imag)
        return super().__new__(cls, x, y)

    @classmethod
    def polar(cls, angle: float, length: float) -> Vector:
        """The vector of the given ``angle`` (radians) and ``length``."""
        return cls(length * math.cos(angle), length * math.sin(angle))

    @property
    def x(self) -> float:
        return self.real

    @property
    def y(self) -> float:
        return self.imag

    @property
    def angle(self) -> float:
        return math.atan2(self.imag, self.real)

    @property
    def length(self) -> float:
        return abs(self)

    def with_x(self, x: float) -> Vector:
        return Vector(x, self.imag)

    def with_y(self, y: float) -> Vector:
        return Vector(self.real, y)

    def with_angle(self, angle: float) -> Vector:
        return Vector.polar(angle, abs(self))

    def with_length(self, length: float) -> Vector:
        return Vector.polar(self.angle, length)

    def __add__(self, other: complex) -> Vector:
        return Vector(complex(self) + other)

    def __sub__(self, other: complex) -> Vector:
        return Vector(complex(self) - other)

    def __mul__(self, other: complex) -> Vector:
        return Vector(complex(self) * other)

    def __truediv__(self, other: complex) -> Vector:
        return Vector(complex(self) / other)

    def __neg__(self) -> Vector:
        return Vector(-complex(self))

    def __repr__(self) -> str:
        return f"Vector({self.real}, {self.imag})"
