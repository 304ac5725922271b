"""GitHub: user from ``/user`` plus the primary e-mail from ``/user/emails``; groups are teams."""

from __future__ import annotations

from typing import Any

from flet.auth import _http
from flet.auth.group import Group
from flet.auth.oauth_provider import OAuthProvider
from flet.auth.user import User

__all__ = ["GitHubOAuthProvider"]

_API = "https://api.github.com"


def _with_primary_email(user: Any, emails: Any) -> User:
    if not isinstance(user, dict):
        raise _http.OAuthError("GitHub's /user did not answer a JSON object")
    if isinstance(emails, list):
        primary = next((e for e in emails if isinstance(e, dict) and e.get("primary")), None)
        if primary is not None:
            user["email"] = primary.get("email")
    return User(user, str(user.get("id")))


def _teams(teams: Any) -> list[Group]:
    if not isinstance(teams, list):
        return []
    return [Group(team, str(team.get("name"))) for team in teams if isinstance(team, dict)]


class GitHubOAuthProvider(OAuthProvider):
    """Sign in with GitHub (an OAuth app's client id and secret)."""

    def __init__(self, client_id: str, client_secret: str, redirect_url: str) -> None:
        super().__init__(
            client_id=client_id,
            client_secret=client_secret,
            authorization_endpoint="https://github.com/login/oauth/authorize",
            token_endpoint="https://github.com/login/oauth/access_token",
            redirect_url=redirect_url,
            user_scopes=["read:user", "user:email"],
            group_scopes=["read:org"],
        )

    def _fetch_user(self, access_token: str) -> User | None:
        user = _http.get_json(f"{_API}/user", access_token)
        return _with_primary_email(user, _http.get_json(f"{_API}/user/emails", access_token))

    async def _fetch_user_async(self, access_token: str) -> User | None:
        user = await _http.get_json_async(f"{_API}/user", access_token)
        return _with_primary_email(user, await _http.get_json_async(f"{_API}/user/emails", access_token))

    def _fetch_groups(self, access_token: str) -> list[Group]:
        return _teams(_http.get_json(f"{_API}/user/teams", access_token))

    async def _fetch_groups_async(self, access_token: str) -> list[Group]:
        return _teams(await _http.get_json_async(f"{_API}/user/teams", access_token))
