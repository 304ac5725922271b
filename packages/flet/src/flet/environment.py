"""The FLET_* environment variables: their names, how each is parsed, and host detection.

Precedence (COMPAT with Flet 0.21): a set variable wins over the matching argument, except
``FLET_WEB_APP_PATH``, which is used only when the ``name`` argument is empty. An empty value
counts as unset. A value that cannot be parsed raises :class:`EnvironmentVariableError`, which
names the variable, instead of a bare traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = [
    "ASSETS_DIR",
    "DISPLAY_URL_PREFIX",
    "FORCE_WEB_SERVER",
    "LOG_LEVEL",
    "MAX_UPLOAD_SIZE",
    "OAUTH_CALLBACK_HANDLER_ENDPOINT",
    "OAUTH_STATE_TIMEOUT",
    "PLATFORM",
    "SECRET_KEY",
    "SERVER_IP",
    "SERVER_PORT",
    "SESSION_TIMEOUT",
    "UPLOAD_DIR",
    "UPLOAD_HANDLER_ENDPOINT",
    "VIEW_PATH",
    "WEBSOCKET_HANDLER_ENDPOINT",
    "WEB_APP_PATH",
    "WEB_PATH",
    "WEB_RENDERER",
    "WEB_ROUTE_URL_STRATEGY",
    "WEB_USE_COLOR_EMOJI",
    "EnvironmentVariableError",
    "get_bool",
    "get_endpoint",
    "get_int",
    "get_str",
    "has_display",
    "is_linux_server",
]

FORCE_WEB_SERVER = "FLET_FORCE_WEB_SERVER"
SERVER_PORT = "FLET_SERVER_PORT"
SERVER_IP = "FLET_SERVER_IP"
ASSETS_DIR = "FLET_ASSETS_DIR"
UPLOAD_DIR = "FLET_UPLOAD_DIR"
MAX_UPLOAD_SIZE = "FLET_MAX_UPLOAD_SIZE"
SECRET_KEY = "FLET_SECRET_KEY"
WEB_APP_PATH = "FLET_WEB_APP_PATH"
SESSION_TIMEOUT = "FLET_SESSION_TIMEOUT"
OAUTH_STATE_TIMEOUT = "FLET_OAUTH_STATE_TIMEOUT"
WEB_RENDERER = "FLET_WEB_RENDERER"
WEB_USE_COLOR_EMOJI = "FLET_WEB_USE_COLOR_EMOJI"
WEB_ROUTE_URL_STRATEGY = "FLET_WEB_ROUTE_URL_STRATEGY"
WEBSOCKET_HANDLER_ENDPOINT = "FLET_WEBSOCKET_HANDLER_ENDPOINT"
UPLOAD_HANDLER_ENDPOINT = "FLET_UPLOAD_HANDLER_ENDPOINT"
OAUTH_CALLBACK_HANDLER_ENDPOINT = "FLET_OAUTH_CALLBACK_HANDLER_ENDPOINT"
PLATFORM = "FLET_PLATFORM"
DISPLAY_URL_PREFIX = "FLET_DISPLAY_URL_PREFIX"
VIEW_PATH = "FLET_VIEW_PATH"
WEB_PATH = "FLET_WEB_PATH"
LOG_LEVEL = "FLET_LOG_LEVEL"
"""Ours, set by ``flet run -v``: the ``flet`` loggers' level when the app configures no logging."""

_TRUE = frozenset({"true", "1", "yes"})


class EnvironmentVariableError(ValueError):
    """A FLET_* variable holds a value that cannot be used; the message names it."""


def get_str(name: str) -> str | None:
    """The variable's value, or ``None`` when it is unset or empty."""
    value = os.environ.get(name)
    return value if value else None


def get_bool(name: str) -> bool | None:
    """``true``/``1``/``yes`` (any case) is true, any other value false, unset ``None``."""
    value = get_str(name)
    if value is None:
        return None
    return value.strip().lower() in _TRUE


def get_int(name: str, *, minimum: int | None = None) -> int | None:
    """The variable as an integer, or ``None`` when unset."""
    value = get_str(name)
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        raise EnvironmentVariableError(f"{name} must be an integer, got {value!r}") from None
    if minimum is not None and number < minimum:
        raise EnvironmentVariableError(f"{name} must be at least {minimum}, got {value!r}")
    return number


def get_endpoint(name: str, default: str) -> str:
    """A route path relative to the app's mount, without surrounding slashes."""
    value = (get_str(name) or default).strip("/")
    if not value:
        raise EnvironmentVariableError(f"{name} must name a path such as {default!r}, got {os.environ[name]!r}")
    return value


def _is_wsl() -> bool:
    try:
        return "microsoft" in Path("/proc/version").read_text(encoding="utf-8", errors="replace").lower()
    except OSError:
        return False


def has_display() -> bool:
    """Whether a browser window could be shown: always off Linux, else X11 or Wayland is set."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or _is_wsl()


def is_linux_server() -> bool:
    """A Linux host without a display (and not WSL, iOS or Android): web mode is forced there."""
    if (get_str(PLATFORM) or "").lower() in {"ios", "android"}:
        return False
    return sys.platform.startswith("linux") and not has_display()
