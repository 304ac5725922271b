"""``Authorization``: one sign-in with a provider: the authorization URL, the token, the user."""

from __future__ import annotations

import secrets
import time
from typing import Any
from urllib.parse import urlencode

from flet.auth import _http
from flet.auth.group import Group
from flet.auth.oauth_provider import OAuthProvider
from flet.auth.oauth_token import OAuthToken
from flet.auth.user import User

__all__ = ["Authorization"]


def _scope_list(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.split()
    return [str(item) for item in value]


def _token_from_response(body: Any, previous: OAuthToken | None = None) -> OAuthToken:
    if not isinstance(body, dict) or not body.get("access_token"):
        raise _http.OAuthError("the token endpoint answered without an access_token")
    expires_in = body.get("expires_in")
    expires_in = int(expires_in) if expires_in not in (None, "") else None
    refresh_token = body.get("refresh_token") or (previous.refresh_token if previous is not None else None)
    return OAuthToken(
        access_token=str(body["access_token"]),
        scope=_scope_list(body.get("scope")) or (previous.scope if previous is not None else None),
        token_type=body.get("token_type"),
        expires_in=expires_in,
        expires_at=time.time() + expires_in if expires_in is not None else None,
        refresh_token=refresh_token,
    )


class Authorization:
    """The state of one sign-in: ``provider``, requested ``scope``, ``token`` and ``user``.

    Pass a subclass as ``page.login(authorization=...)`` to change how users or groups are read.
    """

    def __init__(
        self, provider: OAuthProvider, fetch_user: bool, fetch_groups: bool, scope: list[str] | None = None
    ) -> None:
        self.provider = provider
        self.fetch_user = fetch_user
        self.fetch_groups = fetch_groups
        # A copy: 0.21 extended the caller's list in place.
        self.scope: list[str] = list(scope) if scope is not None else []
        self.state: str | None = None
        self.user: User | None = None
        self._token: OAuthToken | None = None
        wanted = list(provider.scopes)
        if fetch_user:
            wanted += provider.user_scopes
        if fetch_groups:
            wanted += provider.group_scopes
        for item in wanted:
            if item not in self.scope:
                self.scope.append(item)

    # -- the authorization URL -------------------------------------------------------------

    def get_authorization_data(self) -> tuple[str, str]:
        """The provider URL to send the user to, and the new ``state`` it carries."""
        _http.check_transport(self.provider.authorization_endpoint)
        self.state = secrets.token_urlsafe(16)
        params = {
            "response_type": "code",
            "client_id": self.provider.client_id,
            "redirect_uri": self.provider.redirect_url,
        }
        if self.scope:
            params["scope"] = " ".join(self.scope)
        params["state"] = self.state
        if self.provider.code_challenge:
            params["code_challenge"] = self.provider.code_challenge
            if self.provider.code_challenge_method:
                params["code_challenge_method"] = self.provider.code_challenge_method
        endpoint = self.provider.authorization_endpoint
        separator = "&" if "?" in endpoint else "?"
        return f"{endpoint}{separator}{urlencode(params)}", self.state

    # -- tokens --------------------------------------------------------------------------------

    def _code_request(self, code: str) -> dict[str, str]:
        data = {
            "grant_type": "authorization_code",
            "client_id": self.provider.client_id,
            "client_secret": self.provider.client_secret,
            "code": code,
            "redirect_uri": self.provider.redirect_url,
        }
        if self.provider.code_verifier:
            data["code_verifier"] = self.provider.code_verifier
        return data

    def _refresh_request(self, token: OAuthToken) -> dict[str, str]:
        return {
            "grant_type": "refresh_token",
            "refresh_token": token.refresh_token or "",
            "client_id": self.provider.client_id,
            "client_secret": self.provider.client_secret,
        }

    def _expired(self) -> OAuthToken | None:
        """The current token when it has expired and has a refresh token, else ``None``."""
        token = self._token
        if token is None or token.refresh_token is None or token.expires_at is None:
            return None
        return token if time.time() >= token.expires_at else None

    def request_token(self, code: str) -> None:
        """Exchange the authorization ``code`` for a token, then fetch the user and groups."""
        self._token = _token_from_response(_http.post_form(self.provider.token_endpoint, self._code_request(code)))
        self._fetch_user_and_groups()

    async def request_token_async(self, code: str) -> None:
        body = await _http.post_form_async(self.provider.token_endpoint, self._code_request(code))
        self._token = _token_from_response(body)
        await self._fetch_user_and_groups_async()

    def dehydrate_token(self, saved_token: str) -> None:
        """Sign in again with a token saved from ``token.to_json()`` (refreshed when expired)."""
        self._token = OAuthToken.from_json(saved_token)
        self._refresh_if_expired()
        self._fetch_user_and_groups()

    async def dehydrate_token_async(self, saved_token: str) -> None:
        self._token = OAuthToken.from_json(saved_token)
        await self._refresh_if_expired_async()
        await self._fetch_user_and_groups_async()

    def _refresh_if_expired(self) -> None:
        expired = self._expired()
        if expired is not None:
            body = _http.post_form(self.provider.token_endpoint, self._refresh_request(expired))
            self._token = _token_from_response(body, expired)

    async def _refresh_if_expired_async(self) -> None:
        expired = self._expired()
        if expired is not None:
            body = await _http.post_form_async(self.provider.token_endpoint, self._refresh_request(expired))
            self._token = _token_from_response(body, expired)

    @property
    def token(self) -> OAuthToken | None:
        """The current token, refreshed first when it has expired and can be refreshed."""
        self._refresh_if_expired()
        return self._token

    @property
    async def token_async(self) -> OAuthToken | None:
        await self._refresh_if_expired_async()
        return self._token

    # -- user and groups -----------------------------------------------------------------------

    def _user_from_json(self, raw: Any) -> User:
        if not isinstance(raw, dict):
            raise _http.OAuthError(f"{self.provider.user_endpoint} did not answer a JSON object")
        user_id = self.provider.user_id_fn(raw) if self.provider.user_id_fn is not None else raw.get("id")
        return User(raw, str(user_id))

    def _fetch_user_and_groups(self) -> None:
        token = self._token
        if token is None:
            return
        if self.fetch_user:
            if self.provider.user_endpoint is not None:
                self.user = self._user_from_json(_http.get_json(self.provider.user_endpoint, token.access_token))
            else:
                self.user = self.provider._fetch_user(token.access_token)  # noqa: SLF001  # 0.21's provider hooks, overridden by providers under these names
        if self.fetch_groups and self.user is not None:
            self.user.groups = list[Group](self.provider._fetch_groups(token.access_token))  # noqa: SLF001  # 0.21's provider hooks, overridden by providers under these names

    async def _fetch_user_and_groups_async(self) -> None:
        token = self._token
        if token is None:
            return
        if self.fetch_user:
            if self.provider.user_endpoint is not None:
                raw = await _http.get_json_async(self.provider.user_endpoint, token.access_token)
                self.user = self._user_from_json(raw)
            else:
                self.user = await self.provider._fetch_user_async(token.access_token)  # noqa: SLF001  # 0.21's provider hooks, overridden by providers under these names
        if self.fetch_groups and self.user is not None:
            self.user.groups = list[Group](await self.provider._fetch_groups_async(token.access_token))  # noqa: SLF001  # 0.21's provider hooks, overridden by providers under these names
