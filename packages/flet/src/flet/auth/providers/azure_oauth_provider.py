"""Microsoft Entra ID (Azure AD): the v2.0 endpoints of a tenant; the user comes from Graph."""

from __future__ import annotations

from flet.auth.oauth_provider import OAuthProvider

__all__ = ["AzureOAuthProvider"]


class AzureOAuthProvider(OAuthProvider):
    """Sign in with a Microsoft account of ``tenant`` (``common``: any tenant)."""

    def __init__(self, client_id: str, client_secret: str, redirect_url: str, tenant: str | None = "common") -> None:
        super().__init__(
            client_id=client_id,
            client_secret=client_secret,
            authorization_endpoint=f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
            token_endpoint=f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
            redirect_url=redirect_url,
            user_scopes=["user.read"],
            user_endpoint="https://graph.microsoft.com/v1.0/me",
            user_id_fn=lambda user: user["id"],
        )
        self.tenant = tenant
