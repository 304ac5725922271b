"""Every ``FLET_*`` environment variable that Flet reads at run time, declared and parsed here only.

Each setting is one :class:`Setting` in the table below: the variable's name, a parser, the one
default, and a line of documentation. Read a setting with :meth:`Setting.get` (its value, or its
default when the variable is unset) or :meth:`Setting.get_or` (its value, or the given argument:
where 0.21 let a set variable win over a function argument). Both read the environment on each
call, so ``flet run``, tests and a process manager can change it. An empty value counts as unset;
a value the parser refuses raises :class:`EnvironmentVariableError`, which names the variable,
the value and what was expected.

Adding a setting takes one declaration here (``NAME = _declare("FLET_NAME", parser, default,
"what it does")``) and one row in the flet-runtime README, which a test compares with
:func:`settings_table`. The build variables of flet-web-assets (``FLET_WEB_ASSETS_WHEEL``,
``FLET_WEB_ASSETS_CACHE``) and of flet-desktop (``FLET_DESKTOP_CLIENT_WHEEL``,
``FLET_DESKTOP_CACHE``, ``FLET_DESKTOP_PLATFORM``) are read by their build hooks, which cannot
import this package; their READMEs describe them. ``FLET_HIDE_WINDOW_ON_START`` is not read
here: ``flet`` writes it into the desktop client's environment.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flet_core.types import WebRenderer
from flet_runtime.errors import EnvironmentVariableError

__all__ = [
    "ALLOWED_ORIGINS",
    "ASSETS_DIR",
    "DEBUG",
    "DISPLAY_URL_PREFIX",
    "FORCE_WEB_SERVER",
    "FORWARDED_ALLOW_IPS",
    "LOG_INTERVAL",
    "LOG_LEVEL",
    "MAX_CLIENT_STATE",
    "MAX_FRAME_SIZE",
    "MAX_UPLOAD_SIZE",
    "METRICS",
    "METRICS_PATH",
    "OAUTH_CALLBACK_HANDLER_ENDPOINT",
    "OAUTH_STATE_TIMEOUT",
    "OUTBOX_MAX_BYTES",
    "OUTBOX_STALL_TIMEOUT",
    "PLATFORM",
    "PUBSUB_URL",
    "SECRET_KEY",
    "SERVER_IP",
    "SERVER_PORT",
    "SERVER_UDS_PATH",
    "SESSION_MAX_QUEUED",
    "SESSION_MAX_RUNNING",
    "SESSION_TIMEOUT",
    "SETTINGS",
    "TAKEOVER_PROBE_TIMEOUT",
    "THREAD_POOL_SIZE",
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
    "Parser",
    "Setting",
    "settings_table",
]

T = TypeVar("T")
D = TypeVar("D")
U = TypeVar("U")

_TRUE = frozenset({"true", "1", "yes"})


# -- parsers -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parser(Generic[T]):
    """Turns a variable's text into a value; ``convert`` raises ValueError for text it refuses."""

    expected: str
    """What a valid value looks like, for error messages and the settings table."""
    convert: Callable[[str], T]


def _text(value: str) -> str:
    return value


TEXT = Parser("any text", _text)
"""The value as given (0.21 used these verbatim)."""


def _flag(value: str) -> bool:
    return value.strip().lower() in _TRUE


FLAG = Parser("`true`, `1` or `yes` (any case) for on; any other value is off", _flag)
"""0.21's booleans: never an error, anything but true/1/yes means off."""


def integer(minimum: int, maximum: int | None = None, unit: str = "") -> Parser[int]:
    """A whole number within [minimum, maximum]."""
    bounds = f"{minimum} or more" if maximum is None else f"{minimum} to {maximum}"
    expected = f"a whole number{' of ' + unit if unit else ''}, {bounds}"

    def convert(value: str) -> int:
        number = int(value.strip())
        if number < minimum or (maximum is not None and number > maximum):
            raise ValueError(value)
        return number

    return Parser(expected, convert)


def seconds(minimum: float) -> Parser[float]:
    """A finite number of seconds (fractions allowed), minimum or more."""

    def convert(value: str) -> float:
        number = float(value.strip())
        if not math.isfinite(number) or number < minimum:
            raise ValueError(value)
        return number

    return Parser(f"a number of seconds, {minimum:g} or more", convert)


def _renderer(value: str) -> WebRenderer:
    return WebRenderer(value.strip().lower())


RENDERER = Parser("one of " + ", ".join(f"`{r.value}`" for r in WebRenderer), _renderer)


def _route(value: str) -> str:
    route = value.strip().strip("/")
    if not route:
        raise ValueError(value)
    return route


ROUTE = Parser("a URL path, such as `api/ws` (surrounding slashes are dropped)", _route)


def _log_level(value: str) -> str:
    level = value.strip().upper()
    if level not in logging.getLevelNamesMapping() or level == "NOTSET":
        raise ValueError(value)
    return level


def _url_path(value: str) -> str:
    path = value.strip()
    if not path.startswith("/") or any(c in path for c in "?# "):
        raise ValueError(value)
    return path


URL_PATH = Parser("an absolute URL path, such as `/metrics`", _url_path)


LOG_LEVELS = Parser("a logging level: `debug`, `info`, `warning`, `error` or `critical`", _log_level)


def _items(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(",") if item.strip())


ORIGINS = Parser("comma-separated origins such as `https://app.example:8443`, or `*` for any", _items)


def _addresses(value: str) -> tuple[str, ...]:
    items = _items(value)
    if items == ("none",):
        return ()
    for item in items:
        if item != "*":
            ipaddress.ip_network(item, strict=False)  # ValueError for anything else
    return items


ADDRESSES = Parser(
    "comma-separated IP addresses or networks (`10.0.0.0/8`), `*` for any, `none` for no one", _addresses
)


# -- settings ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Setting(Generic[T, D]):
    """One environment variable: its name, parser, default and documentation."""

    name: str
    parser: Parser[T]
    default: D
    """The value while the variable is unset; ``None`` where a function argument decides."""
    doc: str
    default_doc: str = ""
    """How the settings table shows the default, when not by its value."""

    def raw(self) -> str | None:
        """The variable's text, or ``None`` when it is unset or empty."""
        return os.environ.get(self.name) or None

    def get(self) -> T | D:
        """The parsed value, or the default when the variable is unset or empty."""
        return self.get_or(self.default)

    def get_or(self, fallback: U) -> T | U:
        """The parsed value when the variable is set, else ``fallback`` (a set variable wins)."""
        text = self.raw()
        if text is None:
            return fallback
        try:
            return self.parser.convert(text)
        except ValueError:
            raise EnvironmentVariableError(self.name, text, self.parser.expected) from None


SETTINGS: dict[str, Setting[Any, Any]] = {}
"""Every setting by variable name, in declaration order (the order of the settings table)."""


def _declare(name: str, parser: Parser[T], *, default: D, doc: str, default_doc: str = "") -> Setting[T, D]:
    if name in SETTINGS:
        raise RuntimeError(f"{name} is declared twice")
    declared = Setting(name, parser, default, doc, default_doc)
    SETTINGS[name] = declared
    return declared


# Serving: where and how ft.app listens (each wins over the matching ft.app argument).
FORCE_WEB_SERVER = _declare(
    "FLET_FORCE_WEB_SERVER",
    FLAG,
    default=False,
    doc="serve as a web app (on port 8000 unless a port is given) and open no browser; "
    "always on for a Linux host without a display",
)
SERVER_IP = _declare(
    "FLET_SERVER_IP",
    TEXT,
    default=None,
    doc="interface the server listens on",
    default_doc="`host` argument; all interfaces in web mode",
)
SERVER_PORT = _declare(
    "FLET_SERVER_PORT",
    integer(0, 65535),
    default=None,
    doc="TCP port the server listens on (0: any free port)",
    default_doc="`port` argument; 8000 in web mode",
)
WEB_APP_PATH = _declare(
    "FLET_WEB_APP_PATH",
    TEXT,
    default=None,
    doc="URL path the app is served under, used only when the `name` argument is empty",
    default_doc="`name` argument",
)
ASSETS_DIR = _declare(
    "FLET_ASSETS_DIR",
    TEXT,
    default=None,
    doc="folder served as the app's static assets",
    default_doc="`assets_dir` argument",
)
UPLOAD_DIR = _declare(
    "FLET_UPLOAD_DIR",
    TEXT,
    default=None,
    doc="folder uploads are stored in; setting it enables uploads",
    default_doc="`upload_dir` argument",
)
MAX_UPLOAD_SIZE = _declare(
    "FLET_MAX_UPLOAD_SIZE",
    integer(0, unit="bytes"),
    default=None,
    doc="largest upload accepted (0: unlimited)",
    default_doc="`max_upload_size` argument (unlimited)",
)
SECRET_KEY = _declare(
    "FLET_SECRET_KEY",
    TEXT,
    default=None,
    doc="key that signs upload URLs",
    default_doc="`secret_key` argument",
)
LOG_LEVEL = _declare(
    "FLET_LOG_LEVEL",
    LOG_LEVELS,
    default=None,
    doc="level of the `flet` loggers when the app configures no logging (set by `flet run -v`)",
    default_doc="no logging set up",
)
DISPLAY_URL_PREFIX = _declare(
    "FLET_DISPLAY_URL_PREFIX",
    TEXT,
    default=None,
    doc="set by `flet run`: print this prefix and the app's URL on stdout once it listens, and open no browser",
    default_doc="unset",
)
PLATFORM = _declare(
    "FLET_PLATFORM",
    TEXT,
    default=None,
    doc="set by a native shell embedding Python (`ios`, `android`...): the app is served on the desktop socket "
    "and no client is started",
    default_doc="unset",
)

# The desktop client (ft.app's desktop views, `flet run` without --web).
VIEW_PATH = _declare(
    "FLET_VIEW_PATH",
    TEXT,
    default=None,
    doc="folder holding a Flet desktop client build (its `flet` program) to run instead of flet-desktop's",
    default_doc="the installed flet-desktop",
)
SERVER_UDS_PATH = _declare(
    "FLET_SERVER_UDS_PATH",
    TEXT,
    default=None,
    doc="Unix socket a desktop client connects to (`flet run` sets it, so the window reconnects after a restart)",
    default_doc="a new name in the temporary folder",
)

# The web client's page (each wins over the matching argument).
WEB_PATH = _declare(
    "FLET_WEB_PATH",
    TEXT,
    default=None,
    doc="folder of a Flet web client build to serve instead of flet-web-assets' one",
    default_doc="the installed flet-web-assets",
)
WEB_RENDERER = _declare(
    "FLET_WEB_RENDERER",
    RENDERER,
    default=None,
    doc="Flutter renderer of the web client",
    default_doc="`web_renderer` argument (`canvaskit`)",
)
WEB_USE_COLOR_EMOJI = _declare(
    "FLET_WEB_USE_COLOR_EMOJI",
    FLAG,
    default=None,
    doc="load the colour emoji font (a set variable wins even when it says no)",
    default_doc="`use_color_emoji` argument (off)",
)
WEB_ROUTE_URL_STRATEGY = _declare(
    "FLET_WEB_ROUTE_URL_STRATEGY",
    TEXT,
    default=None,
    doc="`path` or `hash` URLs for page routes",
    default_doc="`route_url_strategy` argument (`path`)",
)

# Routes, relative to where the app is mounted.
WEBSOCKET_HANDLER_ENDPOINT = _declare(
    "FLET_WEBSOCKET_HANDLER_ENDPOINT", ROUTE, default="ws", doc="route of the WebSocket the client connects to"
)
UPLOAD_HANDLER_ENDPOINT = _declare("FLET_UPLOAD_HANDLER_ENDPOINT", ROUTE, default="upload", doc="route of uploads")
OAUTH_CALLBACK_HANDLER_ENDPOINT = _declare(
    "FLET_OAUTH_CALLBACK_HANDLER_ENDPOINT",
    ROUTE,
    default="oauth_callback",
    doc="route the OAuth provider redirects back to",
)

# Sessions and handlers.
SESSION_TIMEOUT = _declare(
    "FLET_SESSION_TIMEOUT",
    seconds(0),
    default=3600,
    doc="how long a disconnected session keeps its state before it expires (wins over `session_timeout_seconds`)",
)
OAUTH_STATE_TIMEOUT = _declare(
    "FLET_OAUTH_STATE_TIMEOUT",
    seconds(1),
    default=600,
    doc="how long a sign-in may take, from `page.login()` to the provider's redirect "
    "(wins over `oauth_state_timeout_seconds`)",
)
THREAD_POOL_SIZE = _declare(
    "FLET_THREAD_POOL_SIZE",
    integer(1, unit="threads"),
    default=128,
    doc="worker threads running sync handlers (a warning is logged when all are busy)",
)
DEBUG = _declare(
    "FLET_DEBUG",
    FLAG,
    default=False,
    doc="the browser's error box shows the text of an exception raised by `main` (otherwise a generic "
    "message; the traceback is always logged on the `flet` logger)",
)
PUBSUB_URL = _declare(
    "FLET_PUBSUB_URL",
    TEXT,
    default="memory://",
    doc="pubsub backend, by URL scheme: `memory://` (this process only), `redis://host:6379/0`, `rediss://…` "
    "or `unix:///path/redis.sock` (every process of the app, and OAuth states too; the `redis` extra), or a "
    "backend registered in the `flet.pubsub_backends` entry point group",
)

# Metrics.
METRICS = _declare(
    "FLET_METRICS",
    FLAG,
    default=False,
    doc="keep Prometheus metrics and serve them (the `metrics` extra); with several processes set "
    "`PROMETHEUS_MULTIPROC_DIR` too",
)
METRICS_PATH = _declare("FLET_METRICS_PATH", URL_PATH, default="/metrics", doc="path the metrics are served at")


# Limits on what one client can make the server do (the repository README, "Security").
MAX_FRAME_SIZE = _declare(
    "FLET_MAX_FRAME_SIZE",
    integer(1, unit="bytes"),
    default=1024 * 1024,
    doc="largest client frame, counted after decompression; a larger one closes the connection (1009)",
)
MAX_CLIENT_STATE = _declare(
    "FLET_MAX_CLIENT_STATE",
    integer(1, unit="bytes"),
    default=4 * 1024 * 1024,
    doc="values one client may keep written into its session; past it the connection is closed (1009)",
)
SESSION_MAX_RUNNING = _declare(
    "FLET_SESSION_MAX_RUNNING",
    integer(1, unit="handlers"),
    default=8,
    doc="sync handlers of one session running at once; the others wait in that session's own queue",
)
SESSION_MAX_QUEUED = _declare(
    "FLET_SESSION_MAX_QUEUED",
    integer(1, unit="handlers"),
    default=1000,
    doc="handlers waiting in one session's queue; past it the server stops reading that client for a while",
)
OUTBOX_MAX_BYTES = _declare(
    "FLET_OUTBOX_MAX_BYTES",
    integer(1, unit="bytes"),
    default=64 * 1024 * 1024,
    doc="frames waiting to be written to one client; past it the connection is dropped (1008)",
)
OUTBOX_STALL_TIMEOUT = _declare(
    "FLET_OUTBOX_STALL_TIMEOUT",
    seconds(0.1),
    default=30,
    doc="how long one write to a client may wait (it reads nothing) before the connection is dropped (1008)",
)
TAKEOVER_PROBE_TIMEOUT = _declare(
    "FLET_TAKEOVER_PROBE_TIMEOUT",
    seconds(0.1),
    default=3,
    doc="how long a connected tab has to answer before a reconnect presenting its session id takes it over",
)
ALLOWED_ORIGINS = _declare(
    "FLET_ALLOWED_ORIGINS",
    ORIGINS,
    default=(),
    doc="origins allowed to open the WebSocket besides the page's own host (wins over `allowed_origins`)",
    default_doc="none: the page's own host only",
)
FORWARDED_ALLOW_IPS = _declare(
    "FLET_FORWARDED_ALLOW_IPS",
    ADDRESSES,
    default=("127.0.0.1",),
    doc="proxies whose `X-Forwarded-Prefix` and `X-Forwarded-Host` headers are taken",
    default_doc="`127.0.0.1`",
)
LOG_INTERVAL = _declare(
    "FLET_LOG_INTERVAL",
    seconds(0),
    default=10,
    doc="seconds between two log lines about the same kind of client misbehaviour (the rest are counted)",
)


def _shown_default(setting: Setting[Any, Any]) -> str:
    if setting.default_doc:
        return setting.default_doc
    default = setting.default
    if isinstance(default, bool):
        return "on" if default else "off"
    return f"`{default}`"


def settings_table() -> str:
    """The Markdown table of every setting, as the flet-runtime README shows it."""
    rows = ["| variable | what it does | value | default |", "| --- | --- | --- | --- |"]
    for setting in SETTINGS.values():
        rows.append(f"| `{setting.name}` | {setting.doc} | {setting.parser.expected} | {_shown_default(setting)} |")
    return "\n".join(rows) + "\n"
