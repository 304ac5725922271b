"""flet_runtime.config: every FLET_* variable parsed in one place, with one error type."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest

from flet_core.types import WebRenderer
from flet_runtime import EnvironmentVariableError, config
from flet_runtime.errors import FletError

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(autouse=True)
def no_flet_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in config.SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("setting", "text", "value"),
    [
        (config.SERVER_PORT, "8550", 8550),
        (config.SERVER_PORT, " 0 ", 0),
        (config.MAX_UPLOAD_SIZE, "0", 0),
        (config.THREAD_POOL_SIZE, "7", 7),
        (config.SESSION_TIMEOUT, "1.5", 1.5),
        (config.SESSION_TIMEOUT, "0", 0.0),
        (config.OAUTH_STATE_TIMEOUT, "30", 30.0),
        (config.FORCE_WEB_SERVER, "TRUE", True),
        (config.FORCE_WEB_SERVER, "yes", True),
        (config.FORCE_WEB_SERVER, "1", True),
        (config.FORCE_WEB_SERVER, "no", False),
        (config.FORCE_WEB_SERVER, "on", False),  # 0.21 read only true/1/yes as on
        (config.DEBUG, "true", True),
        (config.WEB_RENDERER, "HTML", WebRenderer.HTML),
        (config.WEB_RENDERER, "canvaskit", WebRenderer.CANVAS_KIT),
        (config.WEBSOCKET_HANDLER_ENDPOINT, "/api/socket/", "api/socket"),
        (config.LOG_LEVEL, "debug", "DEBUG"),
        (config.SECRET_KEY, " kept verbatim ", " kept verbatim "),
        (config.PUBSUB_URL, "redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"),
    ],
)
def test_a_set_variable_is_parsed(
    monkeypatch: pytest.MonkeyPatch, setting: config.Setting[Any, Any], text: str, value: object
) -> None:
    monkeypatch.setenv(setting.name, text)
    assert setting.get() == value
    assert setting.get_or("the argument") == value


@pytest.mark.parametrize(
    ("setting", "text"),
    [
        (config.SERVER_PORT, "eighty"),
        (config.SERVER_PORT, "65536"),
        (config.SERVER_PORT, "-1"),
        (config.MAX_UPLOAD_SIZE, "1.5"),
        (config.THREAD_POOL_SIZE, "0"),
        (config.THREAD_POOL_SIZE, "lots"),
        (config.SESSION_TIMEOUT, "soon"),
        (config.SESSION_TIMEOUT, "-1"),
        (config.SESSION_TIMEOUT, "inf"),
        (config.SESSION_TIMEOUT, "nan"),
        (config.OAUTH_STATE_TIMEOUT, "0"),
        (config.WEB_RENDERER, "skia"),
        (config.UPLOAD_HANDLER_ENDPOINT, "/"),
        (config.LOG_LEVEL, "loud"),
        (config.LOG_LEVEL, "notset"),
    ],
)
def test_an_unusable_value_names_the_variable_the_value_and_what_was_expected(
    monkeypatch: pytest.MonkeyPatch, setting: config.Setting[Any, Any], text: str
) -> None:
    monkeypatch.setenv(setting.name, text)
    with pytest.raises(EnvironmentVariableError) as caught:
        setting.get()
    error = caught.value
    assert (error.name, error.value, error.expected) == (setting.name, text, setting.parser.expected)
    assert str(error) == f"{setting.name}={text!r} cannot be used: expected {setting.parser.expected}"
    assert isinstance(error, FletError) and isinstance(error, ValueError)


def test_the_error_survives_pickling() -> None:
    error = EnvironmentVariableError("FLET_SERVER_PORT", "x", "a port")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.name, copy.value, copy.expected, str(copy)) == (error.name, error.value, error.expected, str(error))


@pytest.mark.parametrize("setting", list(config.SETTINGS.values()), ids=list(config.SETTINGS))
@pytest.mark.parametrize("text", [None, ""])
def test_unset_or_empty_means_the_default_or_the_argument(
    monkeypatch: pytest.MonkeyPatch, setting: config.Setting[Any, Any], text: str | None
) -> None:
    if text is not None:
        monkeypatch.setenv(setting.name, text)
    assert setting.raw() is None
    assert setting.get() == setting.default
    sentinel = object()
    assert setting.get_or(sentinel) is sentinel


def test_one_default_per_setting() -> None:
    """The 0.21 defaults, each defined once (3600 used to be defined three times)."""
    defaults = {name: setting.default for name, setting in config.SETTINGS.items() if setting.default is not None}
    assert defaults == {
        "FLET_FORCE_WEB_SERVER": False,
        "FLET_WEBSOCKET_HANDLER_ENDPOINT": "ws",
        "FLET_UPLOAD_HANDLER_ENDPOINT": "upload",
        "FLET_OAUTH_CALLBACK_HANDLER_ENDPOINT": "oauth_callback",
        "FLET_SESSION_TIMEOUT": 3600,
        "FLET_OAUTH_STATE_TIMEOUT": 600,
        "FLET_THREAD_POOL_SIZE": 128,
        "FLET_DEBUG": False,
        "FLET_PUBSUB_URL": "memory://",
        "FLET_METRICS": False,
        "FLET_METRICS_PATH": "/metrics",
        "FLET_MAX_FRAME_SIZE": 1024 * 1024,
        "FLET_MAX_CLIENT_STATE": 4 * 1024 * 1024,
        "FLET_SESSION_MAX_RUNNING": 8,
        "FLET_SESSION_MAX_QUEUED": 1000,
        "FLET_OUTBOX_MAX_BYTES": 64 * 1024 * 1024,
        "FLET_OUTBOX_STALL_TIMEOUT": 30,
        "FLET_TAKEOVER_PROBE_TIMEOUT": 3,
        "FLET_ALLOWED_ORIGINS": (),
        "FLET_FORWARDED_ALLOW_IPS": ("127.0.0.1",),
        "FLET_LOG_INTERVAL": 10,
    }


def test_a_setting_is_declared_once() -> None:
    with pytest.raises(RuntimeError, match="FLET_DEBUG is declared twice"):
        config._declare("FLET_DEBUG", config.FLAG, default=False, doc="again")  # noqa: SLF001  the guard has no public entry
    assert all(name.startswith("FLET_") for name in config.SETTINGS)
    assert all(getattr(config, name.removeprefix("FLET_")) is s for name, s in config.SETTINGS.items())


def test_the_readme_lists_every_setting_as_declared() -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- settings table[^\n]*-->\n(.*?)<!-- end of settings table -->", text, re.DOTALL)
    assert match is not None, f"{README} has no settings table between its markers"
    assert match.group(1) == config.settings_table(), (
        "the README's settings table differs from the declarations: paste config.settings_table() into it"
    )
    for name in config.SETTINGS:
        assert f"| `{name}` |" in match.group(1)
