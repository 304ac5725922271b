"""``OAuthProvider``: the endpoints, client credentials and scopes of one OAuth 2 provider."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flet.auth.group import Group
from flet.auth.user import User

__all__ = ["OAuthProvider"]


class OAuthProvider:
    """An OAuth 2 authorization-code provider; subclass it to fetch users or groups your way.

    With ``user_endpoint`` set, the user is fetched from it and ``user_id_fn(user_json)`` gives
    the id. Otherwise the ``_fetch_user`` hooks are asked (the default knows no user).
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        authorization_endpoint: str,
        token_endpoint: str,
        redirect_url: str,
        scopes: list[str] | None = None,
        user_scopes: list[str] | None = None,
        user_endpoint: str | None = None,
        user_id_fn: Callable[[dict[str, Any]], Any] | None = None,
        group_scopes: list[str] | None = None,
        code_challenge: str | None = None,
        code_challenge_method: str | None = None,
        code_verifier: str | None = None,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.authorization_endpoint = authorization_endpoint
        self.token_endpoint = token_endpoint
        self.redirect_url = redirect_url
        self.scopes = scopes if scopes is not None else []
        self.user_scopes = user_scopes if user_scopes is not None else []
        self.user_endpoint = user_endpoint
        self.user_id_fn = user_id_fn
        self.group_scopes = group_scopes if group_scopes is not None else []
        self.code_challenge = code_challenge
        self.code_challenge_method = code_challenge_method
        self.code_verifier = code_verifier

    def _fetch_user(self, access_token: str) -> User | None:
        return None

    async def _fetch_user_async(self, access_token: str) -> User | None:
        return self._fetch_user(access_token)

    def _fetch_groups(self, access_token: str) -> list[Group]:
        return []

    async def _fetch_groups_async(self, access_token: str) -> list[Group]:
        return self._fetch_groups(access_token)

    def _name(self) -> str:
        return type(self).__name__
