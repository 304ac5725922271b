"""The four-sided value shared by ``Padding`` and ``Margin``."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EdgeInsets"]


@dataclass
class EdgeInsets:
    """A length for each of the four edges, in logical pixels."""

    left: float
    top: float
    right: float
    bottom: float

    def __wire__(self) -> object:
        # The client reads one-letter keys.
        return {"l": self.left, "t": self.top, "r": self.right, "b": self.bottom}
