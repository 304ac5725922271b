"""The few HTTP calls of the OAuth flow, over httpx (a dependency of flet; imported on first use)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from flet.version import version
from flet_core.errors import FletError

if TYPE_CHECKING:
    import httpx

__all__ = [
    "InsecureTransportError",
    "OAuthError",
    "check_transport",
    "get_json",
    "get_json_async",
    "post_form",
    "post_form_async",
]

TIMEOUT = 30.0


class OAuthError(FletError):
    """The provider refused a request or answered something unreadable."""


class InsecureTransportError(OAuthError):
    """An OAuth endpoint is plain ``http://`` and OAUTHLIB_INSECURE_TRANSPORT is not set."""


def check_transport(url: str) -> None:
    """Refuse plain HTTP endpoints unless OAUTHLIB_INSECURE_TRANSPORT is set (as 0.21 did)."""
    if urlsplit(url).scheme.lower() != "https" and not os.environ.get("OAUTHLIB_INSECURE_TRANSPORT"):
        raise InsecureTransportError(
            f"OAuth 2 requires https:// endpoints, got {url!r}; "
            "set OAUTHLIB_INSECURE_TRANSPORT=1 only to test against a local provider"
        )


def _httpx() -> Any:
    try:
        import httpx
    except ImportError:
        raise ImportError("signing in with OAuth needs httpx: pip install httpx (or reinstall flet)") from None
    return httpx


def _headers(access_token: str | None = None) -> dict[str, str]:
    headers = {"User-Agent": f"Flet/{version}", "Accept": "application/json"}
    if access_token is not None:
        headers["Authorization"] = f"Bearer {access_token}"
    return headers


def _decode(response: httpx.Response) -> Any:
    try:
        body: Any = response.json()
    except ValueError:
        body = dict(parse_qsl(response.text))  # GitHub answers form-encoded without Accept
    if response.status_code >= 400:
        detail = body.get("error_description") or body.get("error") if isinstance(body, dict) else None
        raise OAuthError(f"{response.request.url} answered {response.status_code}: {detail or response.text[:200]}")
    if isinstance(body, dict) and body.get("error"):
        raise OAuthError(str(body.get("error_description") or body["error"]))
    return body


def post_form(url: str, data: dict[str, str]) -> Any:
    check_transport(url)
    with _httpx().Client(timeout=TIMEOUT) as client:
        return _decode(client.post(url, data=data, headers=_headers()))


async def post_form_async(url: str, data: dict[str, str]) -> Any:
    check_transport(url)
    async with _httpx().AsyncClient(timeout=TIMEOUT) as client:
        return _decode(await client.post(url, data=data, headers=_headers()))


def get_json(url: str, access_token: str) -> Any:
    with _httpx().Client(timeout=TIMEOUT) as client:
        return _decode(client.get(url, headers=_headers(access_token)))


async def get_json_async(url: str, access_token: str) -> Any:
    async with _httpx().AsyncClient(timeout=TIMEOUT) as client:
        return _decode(await client.get(url, headers=_headers(access_token)))
