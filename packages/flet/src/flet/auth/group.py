"""``Group``: a team or group the signed-in user belongs to, as the provider describes it."""

from __future__ import annotations

from typing import Any

__all__ = ["Group"]


class Group(dict[str, Any]):
    """The provider's group record (a ``dict``) with its display ``name``."""

    def __init__(self, kwargs: dict[str, Any], name: str) -> None:
        super().__init__(kwargs)
        self.name = name
