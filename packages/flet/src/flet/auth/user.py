"""``User``: the signed-in user's claims, as the provider's user endpoint returned them."""

from __future__ import annotations

from typing import Any

from flet.auth.group import Group

__all__ = ["User"]


class User(dict[str, Any]):
    """The provider's user record (a ``dict``) with the user's ``id`` and ``groups``."""

    def __init__(self, kwargs: dict[str, Any], id: str) -> None:  # 0.21 parameter name
        super().__init__(kwargs)
        self.id = id
        self.groups: list[Group] = []
