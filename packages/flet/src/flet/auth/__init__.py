"""OAuth 2 sign-in for Flet apps: providers, the authorization, its token and the user.

``page.login(provider)`` starts a sign-in; see :mod:`flet.auth.providers` for GitHub, Google,
Microsoft and Auth0. The HTTP calls use httpx, a dependency of flet.
"""

from __future__ import annotations

from flet.auth.authorization import Authorization
from flet.auth.group import Group
from flet.auth.oauth_provider import OAuthProvider
from flet.auth.oauth_token import OAuthToken
from flet.auth.user import User

__all__ = ["Authorization", "Group", "OAuthProvider", "OAuthToken", "User"]
