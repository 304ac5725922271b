"""Headers a client controls: X-Forwarded-Prefix (trusted and sanitised, per request) and Origin."""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

import flet as ft
import flet.fastapi as flet_fastapi
from flet.fastapi.forwarded import allowed_origin, forwarded_prefix, sanitize_prefix, trusted_proxy


def register() -> str:
    fields = dict.fromkeys(("pageName", "windowWidth", "windowHeight", "windowTop", "windowLeft", "media"), "")
    payload = fields | {"pageRoute": "/", "pageWidth": "800", "pageHeight": "600", "sessionId": ""}
    return json.dumps({"action": "registerWebClient", "payload": payload})


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("", ""),
        ("/", ""),
        ("/app", "/app"),
        ("/a/b/", "/a/b"),
        ("/with-dash_and.dot~", "/with-dash_and.dot~"),
        ("https://evil.example", None),
        ("evil.example/x", None),
        ("//evil.example", None),
        ("/\\127.0.0.1:8572", None),
        ("/a/../b", None),
        ("/a/./b", None),
        ("/a//b", None),
        ("/a%2Fb", None),
        ("/a b", None),
        ("/a\x00b", None),
        ("/" + "x" * 300, None),
    ],
)
def test_only_plain_paths_are_prefixes(raw: str, clean: str | None) -> None:
    assert sanitize_prefix(raw) == clean


def test_trusted_proxies_by_address_network_or_star(monkeypatch: pytest.MonkeyPatch) -> None:
    assert trusted_proxy("127.0.0.1")  # the default, as uvicorn's forwarded_allow_ips
    assert not trusted_proxy("10.1.2.3")
    assert not trusted_proxy("testclient")
    assert trusted_proxy("10.1.2.3", ["10.0.0.0/8"])
    assert trusted_proxy("anything", ["*"])
    monkeypatch.setenv("FLET_FORWARDED_ALLOW_IPS", "none")
    assert not trusted_proxy("127.0.0.1")
    monkeypatch.setenv("FLET_FORWARDED_ALLOW_IPS", "not-an-ip")
    with pytest.raises(ValueError, match="FLET_FORWARDED_ALLOW_IPS"):
        trusted_proxy("127.0.0.1")


def test_a_prefix_counts_only_from_a_trusted_peer() -> None:
    headers = {"x-forwarded-prefix": "/edge"}
    assert forwarded_prefix(headers, "127.0.0.1") == "/edge"
    assert forwarded_prefix(headers, "192.0.2.7") == ""
    assert forwarded_prefix({"x-forwarded-prefix": "https://evil.example"}, "127.0.0.1") == ""


@pytest.mark.parametrize(
    ("origin", "host", "allowed", "ok"),
    [
        (None, "a.example", (), True),  # not a browser
        ("http://a.example", "a.example", (), True),
        ("http://a.example:80", "a.example", (), True),
        ("https://a.example", "a.example:443", (), True),
        ("http://127.0.0.1:8550", "127.0.0.1:8550", (), True),
        ("http://127.0.0.1:8551", "127.0.0.1:8550", (), False),
        ("http://evil.example", "a.example", (), False),
        ("null", "a.example", (), False),
        ("http://evil.example", "a.example", ("http://evil.example",), True),
        ("http://evil.example", "a.example", ("*",), True),
    ],
)
def test_origins(origin: str | None, host: str, allowed: tuple[str, ...], ok: bool) -> None:
    headers = {"host": host} | ({"origin": origin} if origin is not None else {})
    assert allowed_origin(headers, allowed) is ok


def test_behind_a_trusted_proxy_the_forwarded_host_is_the_pages_host() -> None:
    headers = {"origin": "https://app.example", "host": "127.0.0.1:8000", "x-forwarded-host": "app.example"}
    assert allowed_origin(headers, (), "127.0.0.1")
    assert not allowed_origin(headers, (), "203.0.113.9")  # anyone can send the header


def signing_app() -> Any:
    def main(page: ft.Page) -> None:
        page.add(ft.Text(page.get_upload_url("f.txt", 60)))

    return flet_fastapi.app(main, secret_key="k", upload_dir=".")


def first_text(ws: Any) -> str:
    assert json.loads(ws.receive_text())["action"] == "registerWebClient"
    batch = json.loads(ws.receive_text())
    controls = [c for m in batch["payload"] if m["action"] == "addPageControls" for c in m["payload"]["controls"]]
    return str(next(c for c in controls if c["t"] == "text")["value"])


def test_one_connection_cannot_choose_the_upload_url_of_others(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_FORWARDED_ALLOW_IPS", "*")  # even from a trusted peer
    with TestClient(signing_app()) as client:
        with client.websocket_connect("/ws", headers={"x-forwarded-prefix": "https://evil.example"}) as ws:
            ws.send_text(register())
            assert first_text(ws).startswith("/upload?")
        with client.websocket_connect("/ws", headers={"x-forwarded-prefix": "/proxied"}) as ws:
            ws.send_text(register())
            assert first_text(ws).startswith("/proxied/upload?")
        with client.websocket_connect("/ws") as ws:  # the prefix was that connection's only
            ws.send_text(register())
            assert first_text(ws).startswith("/upload?")


def test_an_untrusted_peer_cannot_set_the_prefix() -> None:
    with TestClient(signing_app()) as client:  # the test client's peer is "testclient"
        with client.websocket_connect("/ws", headers={"x-forwarded-prefix": "/proxied"}) as ws:
            ws.send_text(register())
            assert first_text(ws).startswith("/upload?")
        html = client.get("/", headers={"x-forwarded-prefix": "/proxied"}).text
        assert '<base href="/">' in html


@pytest.mark.parametrize("prefix", ["/\\127.0.0.1:8572", "https://evil.example", "//evil.example", "/a/../.."])
def test_a_bad_prefix_never_reaches_base_href(prefix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_FORWARDED_ALLOW_IPS", "*")
    with TestClient(signing_app()) as client:
        html = client.get("/", headers={"x-forwarded-prefix": prefix}).text
    assert '<base href="/">' in html


def test_a_websocket_from_another_origin_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with TestClient(signing_app()) as client:
        with pytest.raises(WebSocketDisconnect) as refused:
            with client.websocket_connect("/ws", headers={"origin": "http://evil.example"}) as ws:
                ws.receive_text()
        assert refused.value.code == 1008
        with client.websocket_connect("/ws", headers={"origin": "http://testserver"}) as ws:
            ws.send_text(register())
            assert first_text(ws)
        monkeypatch.setenv("FLET_ALLOWED_ORIGINS", "http://evil.example")
    with TestClient(signing_app()) as client:
        with client.websocket_connect("/ws", headers={"origin": "http://evil.example"}) as ws:
            ws.send_text(register())
            assert first_text(ws)


def test_nul_bytes_in_paths_are_404_and_400_not_500(tmp_path: Any) -> None:
    from flet.upload_signature import sign_upload_url

    def main(page: ft.Page) -> None:
        pass

    app = flet_fastapi.app(main, secret_key="k", upload_dir=str(tmp_path))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/a%00b.js").status_code == 404  # a file that cannot exist
        assert client.get("/%00").status_code == 200  # a deep link: the app's index.html
        url = sign_upload_url("/upload", "a\x00b.txt", 60, "k")
        response = client.put(url, content=b"data")
        assert response.status_code == 400
        assert "NUL" in response.text
