"""Every FLET_* variable of the 0.21 release notes: set it, and observe its effect."""

from __future__ import annotations

import asyncio
import json
import webbrowser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from starlette.testclient import TestClient

import flet as ft
import flet.app as flet_app_module
import flet.fastapi as flet_fastapi
from flet import desktop as desktop_module
from flet import environment
from flet.fastapi import FletApp, FletStaticFiles
from flet.upload_signature import sign_upload_url
from flet_runtime import AppHost, config


def nothing(page: Any) -> None:
    return None


def meta(html: str, name: str) -> str:
    start = html.index(f'<meta name="{name}" content="') + len(f'<meta name="{name}" content="')
    return html[start : html.index('"', start)]


# -- ft.app: how and where it serves ---------------------------------------------------------


class FakeServer:
    def __init__(self, host: str | None, port: int) -> None:
        self.host, self.port = host, port

    def url(self, page_name: str = "") -> str:
        return f"http://127.0.0.1:{self.port or 5555}" + (f"/{page_name}" if page_name else "")

    def listening_on(self) -> str:
        return "somewhere"

    async def wait(self) -> None:
        return None


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Runs ft.app_async without a server; records what it would have served and opened."""
    seen: dict[str, Any] = {"opened": []}

    async def start(asgi_app: Any, host: str | None, port: int, **_: Any) -> FakeServer:
        seen.update(app=asgi_app, host=host, port=port)
        return FakeServer(host, port)

    monkeypatch.setattr(flet_app_module, "start_web_server", start)
    monkeypatch.setattr(webbrowser, "open", lambda url: seen["opened"].append(url))
    return seen


def run(**options: Any) -> None:
    asyncio.run(flet_app_module.app_async(nothing, **options))


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(environment, "_is_wsl", lambda: False)


def test_headless_linux_serves_on_8000_on_all_interfaces_without_a_browser(headless: None, served: dict) -> None:
    run(view=ft.AppView.WEB_BROWSER)
    assert (served["host"], served["port"], served["opened"]) == (None, 8000, [])


def test_force_web_server_serves_on_8000_without_a_browser(desktop: None, served: dict, monkeypatch) -> None:
    monkeypatch.setenv("FLET_FORCE_WEB_SERVER", "true")
    run(view=ft.AppView.WEB_BROWSER)
    assert (served["host"], served["port"], served["opened"]) == (None, 8000, [])


def test_a_desktop_opens_the_browser_on_a_random_local_port(desktop: None, served: dict) -> None:
    run(view=flet_app_module.WEB_BROWSER)
    assert (served["host"], served["port"]) == ("127.0.0.1", 0)
    assert served["opened"] == ["http://127.0.0.1:5555"]


def test_without_a_desktop_client_the_desktop_view_falls_back_to_the_browser(
    desktop: None, served: dict, caplog, monkeypatch
) -> None:
    monkeypatch.setattr(desktop_module, "find_client", lambda: None)
    run()  # view=FLET_APP
    assert served["opened"] == ["http://127.0.0.1:5555"]
    assert "desktop client is not installed (pip install 'flet[desktop]')" in caplog.text


def test_view_none_serves_without_opening_anything(desktop: None, served: dict) -> None:
    """UPSTREAM-BUG #5: view=None crashed."""
    run(view=None)
    assert served["opened"] == []


def test_wayland_counts_as_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert not environment.is_linux_server()


def test_server_port_wins_over_the_argument(headless: None, served: dict, monkeypatch) -> None:
    monkeypatch.setenv("FLET_SERVER_PORT", "9123")
    run(port=7000)
    assert served["port"] == 9123


def test_a_bad_server_port_names_the_variable(headless: None, served: dict, monkeypatch) -> None:
    monkeypatch.setenv("FLET_SERVER_PORT", "eighty")
    with pytest.raises(environment.EnvironmentVariableError, match="FLET_SERVER_PORT"):
        run()


def test_server_ip_wins_over_the_argument(headless: None, served: dict, monkeypatch) -> None:
    monkeypatch.setenv("FLET_SERVER_IP", "127.0.0.2")
    run(host="0.0.0.0")
    assert served["host"] == "127.0.0.2"


def test_web_app_path_is_used_only_without_a_name(headless: None, served: dict, monkeypatch) -> None:
    monkeypatch.setenv("FLET_WEB_APP_PATH", "/apps/mine/")
    run()
    assert '<base href="/apps/mine/">' in TestClient(served["app"]).get("/apps/mine/").text
    run(name="given")
    assert '<base href="/given/">' in TestClient(served["app"]).get("/given/").text


def test_assets_dir_wins_over_the_argument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "hello.txt").write_text("from FLET_ASSETS_DIR")
    monkeypatch.setenv("FLET_ASSETS_DIR", str(tmp_path))
    exported = flet_app_module.app(nothing, assets_dir="elsewhere", export_asgi_app=True)
    assert TestClient(exported).get("/hello.txt").text == "from FLET_ASSETS_DIR"


def test_a_relative_assets_dir_is_resolved_not_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """UPSTREAM-BUG #25: flet.fastapi.app dropped a relative assets_dir."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.txt").write_text("relative")
    monkeypatch.chdir(tmp_path)
    assert TestClient(flet_fastapi.app(nothing, assets_dir="assets")).get("/a.txt").text == "relative"


# -- uploads -------------------------------------------------------------------------------------


def test_upload_dir_alone_enables_uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_UPLOAD_DIR", str(tmp_path))
    client = TestClient(flet_fastapi.app(nothing, secret_key="k"))
    assert client.put(sign_upload_url("/upload", "a.txt", 60, "k"), content=b"1").status_code == 200
    assert (tmp_path / "a.txt").read_bytes() == b"1"


def test_max_upload_size_wins_over_the_argument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_MAX_UPLOAD_SIZE", "3")
    client = TestClient(flet_fastapi.app(nothing, upload_dir=str(tmp_path), secret_key="k", max_upload_size=100))
    assert client.put(sign_upload_url("/upload", "a.txt", 60, "k"), content=b"1234").status_code == 413


def test_secret_key_signs_and_checks_uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_SECRET_KEY", "from-env")
    client = TestClient(flet_fastapi.app(nothing, upload_dir=str(tmp_path)))
    assert client.put(sign_upload_url("/upload", "a.txt", 60, None), content=b"1").status_code == 200


# -- sessions and OAuth states -------------------------------------------------------------------


def test_session_timeout_wins_over_the_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_SESSION_TIMEOUT", "42")
    assert FletApp(nothing, 3600).session_timeout_seconds == 42
    with TestClient(flet_fastapi.app(nothing, session_timeout_seconds=5)) as client:
        with client.websocket_connect("/ws") as ws:
            ws.send_text(json.dumps({"action": "registerWebClient", "payload": {"sessionId": ""}}))
            ws.receive_text()
            (host,) = flet_fastapi.app_manager._hosts.values()  # noqa: SLF001  # the host the app made, not exposed
            assert host.session_timeout == 42


def test_oauth_state_timeout_sets_the_state_expiry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_OAUTH_STATE_TIMEOUT", "1")
    assert FletApp(nothing, oauth_state_timeout_seconds=600).oauth_state_timeout_seconds == 1


# -- the web client shell ------------------------------------------------------------------------


def test_web_renderer_wins_over_the_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_WEB_RENDERER", "html")
    html = TestClient(flet_fastapi.app(nothing, web_renderer=ft.WebRenderer.CANVAS_KIT)).get("/").text
    assert '<script>webRenderer="html";</script>' in html


def test_a_bad_web_renderer_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_WEB_RENDERER", "skia")
    with pytest.raises(environment.EnvironmentVariableError, match="FLET_WEB_RENDERER"):
        FletStaticFiles()


@pytest.mark.parametrize(
    ("value", "argument", "expected"), [("true", False, "true"), ("1", False, "true"), ("no", True, "false")]
)
def test_use_color_emoji_wins_even_when_it_says_no(
    monkeypatch: pytest.MonkeyPatch, value: str, argument: bool, expected: str
) -> None:
    """UPSTREAM-BUG #24, kept for compatibility: a set variable wins over use_color_emoji=True."""
    monkeypatch.setenv("FLET_WEB_USE_COLOR_EMOJI", value)
    html = TestClient(flet_fastapi.app(nothing, use_color_emoji=argument)).get("/").text
    assert f"<script>useColorEmoji={expected};</script>" in html


def test_route_url_strategy_wins_over_the_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_WEB_ROUTE_URL_STRATEGY", "hash")
    html = TestClient(flet_fastapi.app(nothing, route_url_strategy="path")).get("/").text
    assert meta(html, "flet-route-url-strategy") == "hash"


# -- renamed endpoints ---------------------------------------------------------------------------


def test_websocket_endpoint_moves_the_route_and_tells_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """UPSTREAM-BUG #19: index.html kept advertising /ws."""
    monkeypatch.setenv("FLET_WEBSOCKET_HANDLER_ENDPOINT", "/api/socket/")
    host = flet_fastapi.FastAPI()
    host.mount("/sub", flet_fastapi.app(nothing))
    with TestClient(host) as client:
        assert meta(client.get("/sub/").text, "flet-websocket-endpoint-path") == "/sub/api/socket"
        with client.websocket_connect("/sub/api/socket") as ws:
            ws.send_text(json.dumps({"action": "registerWebClient", "payload": {"sessionId": ""}}))
            assert json.loads(ws.receive_text())["action"] == "registerWebClient"


def test_upload_endpoint_moves_the_route_and_the_signed_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """UPSTREAM-BUG #18: upload URLs kept pointing at /upload."""
    monkeypatch.setenv("FLET_UPLOAD_HANDLER_ENDPOINT", "files/in")
    urls: list[str] = []

    def main(page: Any) -> None:
        urls.append(page.get_upload_url("report.txt", 60))

    host = flet_fastapi.FastAPI()
    host.mount("/sub", flet_fastapi.app(main, upload_dir=str(tmp_path), secret_key="k"))
    with TestClient(host) as client:
        with client.websocket_connect("/sub/ws") as ws:
            ws.send_text(json.dumps({"action": "registerWebClient", "payload": {"sessionId": ""}}))
            ws.receive_text()
            for _ in range(100):
                if urls:
                    break
                asyncio.run(asyncio.sleep(0.02))
        (url,) = urls
        assert urlsplit(url).path == "/sub/files/in"
        assert dict(parse_qsl(urlsplit(url).query))["f"] == "report.txt"
        assert client.put(url, content=b"data").status_code == 200
    assert (tmp_path / "report.txt").read_bytes() == b"data"


def test_oauth_callback_endpoint_moves_the_route(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_OAUTH_CALLBACK_HANDLER_ENDPOINT", "auth/done")
    client = TestClient(flet_fastapi.app(nothing))
    assert "Sign-in link not valid" in client.get("/auth/done", params={"state": "x"}).text
    assert "Sign-in link not valid" not in client.get("/oauth_callback", headers={"accept": "text/html"}).text


def test_an_empty_endpoint_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_UPLOAD_HANDLER_ENDPOINT", "/")
    with pytest.raises(environment.EnvironmentVariableError, match="FLET_UPLOAD_HANDLER_ENDPOINT"):
        flet_fastapi.app(nothing)


@pytest.mark.parametrize(
    ("value", "expected"), [("TRUE", True), ("yes", True), ("1", True), ("no", False), ("", False)]
)
def test_booleans_read_like_0_21(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("FLET_FORCE_WEB_SERVER", value)
    assert config.FORCE_WEB_SERVER.get() is expected


def test_flet_and_the_runtime_read_the_session_timeout_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: FLET_SESSION_TIMEOUT=1.5 was accepted by flet-runtime and refused by flet."""
    monkeypatch.setenv("FLET_SESSION_TIMEOUT", "1.5")
    assert FletApp(nothing).session_timeout_seconds == 1.5
    assert AppHost(nothing).session_timeout == 1.5
    monkeypatch.setenv("FLET_SESSION_TIMEOUT", "soon")
    for make in (lambda: FletApp(nothing), lambda: AppHost(nothing)):
        with pytest.raises(environment.EnvironmentVariableError, match="FLET_SESSION_TIMEOUT='soon'"):
            make()


def test_the_defaults_are_the_settings_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    assert flet_fastapi.flet_app.DEFAULT_FLET_SESSION_TIMEOUT == config.SESSION_TIMEOUT.default == 3600
    assert flet_fastapi.flet_app.DEFAULT_FLET_OAUTH_STATE_TIMEOUT == config.OAUTH_STATE_TIMEOUT.default == 600
    assert FletApp(nothing).session_timeout_seconds == AppHost(nothing).session_timeout == 3600


def test_a_bad_log_level_stops_the_app_with_the_variable_named(
    headless: None, served: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_LOG_LEVEL", "loud")
    with pytest.raises(environment.EnvironmentVariableError, match="FLET_LOG_LEVEL='loud'"):
        run()
