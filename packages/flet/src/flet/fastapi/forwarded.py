"""What the web layer takes from request headers a client controls: a proxy prefix and Origin.

``X-Forwarded-Prefix`` is honoured only when the peer is a trusted proxy
(``FLET_FORWARDED_ALLOW_IPS``: addresses or networks, ``*`` for any; default ``127.0.0.1``, as
uvicorn trusts ``X-Forwarded-*`` headers) and only when it is a plain absolute path: no scheme,
host, backslash, ``.``/``..`` segment, empty segment or control character. It applies to that
request alone (its ``<base href>``, its session's upload URLs); anything else is ignored.

The ``Origin`` of a WebSocket handshake must be the page's own host (``host[:port]`` compared
with ``Host``, or with ``X-Forwarded-Host`` from a trusted proxy), or one of
``FLET_ALLOWED_ORIGINS`` (``*``: any). A
handshake without ``Origin`` (not a browser: the desktop client, scripts) is let through: the
check stops other web pages from driving an app as the user, which is the browser's job to
report.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from flet_runtime import config
from flet_runtime.ratelog import RateLimitedLog

__all__ = ["allowed_origin", "forwarded_prefix", "sanitize_prefix", "trusted_proxy"]

logger = logging.getLogger("flet.fastapi")
_log = RateLimitedLog(logger)

_MAX_PREFIX = 256
_SEGMENT = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@%-]+")
_DEFAULT_PORTS = {"http": "80", "https": "443", "ws": "80", "wss": "443"}


def sanitize_prefix(value: str) -> str | None:
    """``value`` as a path prefix (``/a/b``, ``""`` for none), or None if it is not a plain path."""
    value = value.strip()
    if value in ("", "/"):
        return ""
    if len(value) > _MAX_PREFIX or not value.startswith("/") or value.startswith("//"):
        return None
    segments = value.strip("/").split("/")
    for segment in segments:
        if segment in (".", "..") or not _SEGMENT.fullmatch(segment) or "%2f" in segment.lower():
            return None
    return "/" + "/".join(segments)


@lru_cache(maxsize=16)
def _networks(allowed: tuple[str, ...]) -> tuple[bool, tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]]:
    networks = []
    for item in allowed:
        if item == "*":
            return True, ()
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"FLET_FORWARDED_ALLOW_IPS: {item!r} is not an IP address or network") from None
    return False, tuple(networks)


def trusted_proxy(client_host: str | None, allowed: Sequence[str] | None = None) -> bool:
    """Whether the peer ``client_host`` may tell the path prefix (``FLET_FORWARDED_ALLOW_IPS``)."""
    everyone, networks = _networks(tuple(config.FORWARDED_ALLOW_IPS.get() if allowed is None else allowed))
    if everyone:
        return True
    if not client_host:
        return False
    try:
        address = ipaddress.ip_address(client_host)
    except ValueError:
        return False  # a Unix socket path or a name: not a listed address
    return any(address in network for network in networks)


def forwarded_prefix(headers: Mapping[str, str], client_host: str | None) -> str:
    """The trusted, sanitised ``X-Forwarded-Prefix`` of one request, or ``""``."""
    raw = headers.get("x-forwarded-prefix")
    if raw is None:
        return ""
    if not trusted_proxy(client_host):
        _log.log(logging.DEBUG, "prefix-untrusted", "Ignored X-Forwarded-Prefix from an untrusted peer")
        return ""
    prefix = sanitize_prefix(raw)
    if prefix is None:
        _log.warning("prefix-invalid", "Ignored an X-Forwarded-Prefix that is not a plain path: %.80r", raw)
        return ""
    return prefix


def _origin_key(scheme: str, netloc: str) -> str | None:
    parts = urlsplit("//" + netloc)
    try:
        port = parts.port
    except ValueError:
        return None
    return f"{parts.hostname or ''}:{port if port is not None else _DEFAULT_PORTS.get(scheme, '')}"


def allowed_origin(
    headers: Mapping[str, str], allowed: Sequence[str] | None = None, client_host: str | None = None
) -> bool:
    """Whether a WebSocket handshake's ``Origin`` may open a session (see the module docs).

    Behind a trusted proxy (``client_host`` in ``FLET_FORWARDED_ALLOW_IPS``) that rewrites
    ``Host``, the page's host is its ``X-Forwarded-Host``.
    """
    origin = headers.get("origin")
    if origin is None:
        return True
    listed = tuple(config.ALLOWED_ORIGINS.get() if allowed is None else allowed)
    if "*" in listed:
        return True
    origin = origin.strip()
    if origin.rstrip("/").lower() in {item.rstrip("/").lower() for item in listed}:
        return True
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    hosts = [headers.get("host", "")]
    forwarded_host = headers.get("x-forwarded-host")
    if forwarded_host and trusted_proxy(client_host):
        hosts.append(forwarded_host.split(",")[0].strip())
    # Host has no scheme: a default port in it counts as the origin scheme's default
    mine = _origin_key(parts.scheme, parts.netloc)
    return mine is not None and any(host and mine == _origin_key(parts.scheme, host) for host in hosts)
