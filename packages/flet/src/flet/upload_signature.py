"""Signed upload URLs: the 0.21.2 algorithm, so URLs stay valid across both implementations.

A URL is ``/<endpoint path>?f=<file name>&e=<expiry>&s=<signature>``: ``e`` is the UTC expiry
in ISO 8601 with microseconds, ``f`` and ``e`` are form-encoded together in that order, and

    key = HMAC-SHA256(secret, expiry)          # raw digest
    s   = hex(HMAC-SHA256(key, endpoint path without slashes + the f&e query))
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from flet_runtime import config

__all__ = [
    "MissingSecretKeyError",
    "SignedUpload",
    "UploadSignatureError",
    "resolve_secret_key",
    "sign_upload_url",
    "signature",
    "verify_upload",
]


class MissingSecretKeyError(Exception):
    """No secret key to sign upload URLs with (0.21 raised a plain ``Exception`` here)."""


class UploadSignatureError(ValueError):
    """An upload request whose query does not verify; ``status`` is the HTTP answer."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SignedUpload:
    """A verified upload request: the file name it may write and when the permission ends."""

    file_name: str
    expires_at: datetime


def resolve_secret_key(secret_key: str | None) -> str | None:
    """FLET_SECRET_KEY wins over the argument (COMPAT)."""
    return config.SECRET_KEY.get_or(secret_key)


def _query(file_name: str, expiry: str) -> str:
    return urlencode({"f": file_name, "e": expiry})


def signature(endpoint_path: str, query: str, expiry: str, secret_key: str) -> str:
    """The hex signature of an upload URL."""
    key = hmac.new(secret_key.encode(), expiry.encode(), hashlib.sha256).digest()
    return hmac.new(key, (endpoint_path.strip("/") + query).encode(), hashlib.sha256).hexdigest()


def sign_upload_url(
    endpoint_path: str,
    file_name: str,
    expires: int,
    secret_key: str | None,
    *,
    url_prefix: str = "",
    now: datetime | None = None,
) -> str:
    """A URL the browser may PUT ``file_name`` to during the next ``expires`` seconds.

    ``endpoint_path`` is the upload route's path as the server sees it (it is what gets signed);
    ``url_prefix`` is prepended for a reverse proxy that strips a path prefix.

    Raises:
        MissingSecretKeyError: neither ``secret_key`` nor FLET_SECRET_KEY is set.
    """
    secret = resolve_secret_key(secret_key)
    if not secret:
        raise MissingSecretKeyError(
            "Specify secret_key parameter or set FLET_SECRET_KEY environment variable to enable uploads."
        )
    expiry = ((now or datetime.now(UTC)) + timedelta(seconds=expires)).isoformat()
    query = _query(file_name, expiry)
    path = endpoint_path.strip("/")
    prefix = url_prefix.rstrip("/")
    return f"{prefix}/{path}?{query}&s={signature(path, query, expiry, secret)}"


def verify_upload(
    request_path: str,
    file_name: str | None,
    expiry: str | None,
    sent_signature: str | None,
    secret_key: str | None,
    *,
    now: datetime | None = None,
) -> SignedUpload:
    """Check an upload request's ``f``, ``e`` and ``s`` against the path it was sent to.

    Raises:
        UploadSignatureError: 400 for missing or malformed parameters, 403 for a signature that
            does not match (or no secret key configured) and for an expired URL.
    """
    if not file_name or not expiry or not sent_signature:
        raise UploadSignatureError(400, "the upload URL lacks its f, e or s parameter")
    try:
        expires_at = datetime.fromisoformat(expiry)
    except ValueError:
        raise UploadSignatureError(400, f"the upload URL's expiry {expiry!r} is not an ISO 8601 time") from None
    if expires_at.tzinfo is None:
        raise UploadSignatureError(400, f"the upload URL's expiry {expiry!r} has no time zone")
    secret = resolve_secret_key(secret_key)
    if not secret:
        raise UploadSignatureError(403, "uploads are disabled: the server has no secret key to check signatures")
    expected = signature(request_path, _query(file_name, expiry), expiry, secret)
    if not hmac.compare_digest(expected, sent_signature):
        raise UploadSignatureError(403, "the upload URL's signature is invalid")
    if (now or datetime.now(UTC)) >= expires_at:
        raise UploadSignatureError(403, "the upload URL has expired")
    return SignedUpload(file_name, expires_at)
