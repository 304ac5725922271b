"""Second names for control fields, kept for 0.21 constructor parameters.

A few 0.21 constructors accept a parameter under another name than the attribute it sets
(`Pagelet(bottom_app_bar=...)` sets `bottom_appbar`). An alias field reads and writes the
field it names, so the constructor accepts it and nothing is stored twice.
"""

from __future__ import annotations

from typing import Any

from flet_core._fields import Field

__all__ = ["Alias", "alias"]


class Alias(Field):
    """A field that reads and writes another field of the same control."""

    __slots__ = ("target",)

    def __init__(self, target: str) -> None:
        super().__init__(kw_only=True)
        self.target = target

    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        return getattr(obj, self.target)

    def __set__(self, obj: Any, value: Any) -> None:
        setattr(obj, self.target, value)


def alias(target: str) -> Any:
    """Declare `name = alias("other")`: the constructor and attribute `name` set `other`."""
    return Alias(target)
