"""Auth0: the ``/authorize``, ``/oauth/token`` and ``/userinfo`` endpoints of a domain."""

from __future__ import annotations

from flet.auth.oauth_provider import OAuthProvider

__all__ = ["Auth0OAuthProvider"]


class Auth0OAuthProvider(OAuthProvider):
    """Sign in with an Auth0 application of ``domain`` (e.g. ``example.eu.auth0.com``)."""

    def __init__(self, domain: str, client_id: str, client_secret: str, redirect_url: str) -> None:
        super().__init__(
            client_id=client_id,
            client_secret=client_secret,
            authorization_endpoint=f"https://{domain}/authorize",
            token_endpoint=f"https://{domain}/oauth/token",
            redirect_url=redirect_url,
            scopes=["offline_access"],
            user_scopes=["openid", "profile", "email"],
            user_endpoint=f"https://{domain}/userinfo",
            user_id_fn=lambda user: user["sub"],
        )
        self.domain = domain
