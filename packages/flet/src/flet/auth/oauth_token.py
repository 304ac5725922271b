"""``OAuthToken``: an access token with its expiry and refresh token, serialisable to JSON."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["OAuthToken"]


class OAuthToken:
    """What the provider's token endpoint granted; ``expires_at`` is a Unix time."""

    def __init__(
        self,
        access_token: str,
        scope: list[str] | None = None,
        token_type: str | None = None,
        expires_in: int | None = None,
        expires_at: float | None = None,
        refresh_token: str | None = None,
    ) -> None:
        self.access_token = access_token
        self.scope = scope
        self.token_type = token_type
        self.expires_in = expires_in
        self.expires_at = expires_at
        self.refresh_token = refresh_token

    def to_json(self) -> str:
        """Compact JSON of the six fields (what apps store to sign in again later)."""
        return json.dumps(
            {
                "access_token": self.access_token,
                "scope": self.scope,
                "token_type": self.token_type,
                "expires_in": self.expires_in,
                "expires_at": self.expires_at,
                "refresh_token": self.refresh_token,
            },
            separators=(",", ":"),
        )

    @staticmethod
    def from_json(data: str) -> OAuthToken:
        raw: dict[str, Any] = json.loads(data)
        return OAuthToken(
            access_token=raw["access_token"],
            scope=raw.get("scope"),
            token_type=raw.get("token_type"),
            expires_in=raw.get("expires_in"),
            expires_at=raw.get("expires_at"),
            refresh_token=raw.get("refresh_token"),
        )

    def __repr__(self) -> str:
        return f"OAuthToken(token_type={self.token_type!r}, scope={self.scope!r}, expires_at={self.expires_at!r})"
