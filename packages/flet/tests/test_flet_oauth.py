"""page.login() and the OAuth callback, with a stand-in token exchange (no network)."""

from __future__ import annotations

import json
import sys
import threading
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

import flet as ft
import flet.fastapi as flet_fastapi
from flet.auth import Authorization, OAuthProvider, OAuthToken, User
from flet.auth.page_login import LoginFlow
from flet.fastapi import app_manager
from flet.fastapi.oauth_state import OAuthState

PROVIDER = OAuthProvider(
    client_id="cid",
    client_secret="secret",
    authorization_endpoint="https://provider.test/authorize",
    token_endpoint="https://provider.test/token",
    redirect_url="https://app.test/oauth_callback",
    scopes=["read"],
)


class StandInAuthorization(Authorization):
    """Accepts the code "good" without asking a provider."""

    async def request_token_async(self, code: str) -> None:
        if code != "good":
            raise ValueError(f"the provider refused code {code!r}")
        self._token = OAuthToken("token-1", scope=["read"])
        self.user = User({"login": "octocat"}, "42")


def register() -> str:
    payload = {"pageRoute": "/profile", "isWeb": "true", "sessionId": "", "media": ""}
    return json.dumps({"action": "registerWebClient", "payload": payload})


def app_with_login(**login_options: Any) -> tuple[Any, list[Any]]:
    events: list[Any] = []
    logged_in = threading.Event()

    def main(page: Any) -> None:
        status = ft.Text("signed out")

        def on_login(event: Any) -> None:
            events.append((event.error, event.error_description, page.auth.user))
            status.value = "signed in" if event.error is None else f"failed: {event.error}"
            status.update()
            logged_in.set()

        page.on_login = on_login
        page.add(status)
        page.login(PROVIDER, authorization=StandInAuthorization, **login_options)

    return flet_fastapi.app(main), events


def state_of(ws: Any) -> str:
    while True:
        message = json.loads(ws.receive_text())
        if message["action"] == "invokeMethod" and message["payload"]["methodName"] == "launchUrl":
            arguments = message["payload"]["arguments"]
            assert arguments["web_window_name"] == "flet_oauth_signin"
            query = parse_qs(urlsplit(arguments["url"]).query)
            assert query["client_id"] == ["cid"]
            assert query["redirect_uri"] == ["https://app.test/oauth_callback"]
            assert query["scope"] == ["read"]
            return query["state"][0]


def texts(ws: Any) -> list[str]:
    message = json.loads(ws.receive_text())
    return [p.get("value", "") for m in message["payload"] for p in m["payload"].get("props", [])]


def test_a_callback_signs_the_page_in() -> None:
    app, events = app_with_login()
    with TestClient(app) as client, client.websocket_connect("/ws") as ws:
        ws.send_text(register())
        state = state_of(ws)
        response = client.get("/oauth_callback", params={"state": state, "code": "good"})
        assert response.status_code == 200
        assert "window.close()" in response.text
        assert "signed in" in texts(ws)
        replay = client.get("/oauth_callback", params={"state": state, "code": "good"})
        assert replay.status_code == 400
        assert "already used" in replay.text
    ((error, description, user),) = events
    assert (error, description) == (None, None)
    assert user.id == "42" and user["login"] == "octocat"


def test_a_failed_exchange_and_a_provider_error_reach_on_login() -> None:
    app, events = app_with_login()
    with TestClient(app) as client, client.websocket_connect("/ws") as ws:
        ws.send_text(register())
        client.get("/oauth_callback", params={"state": state_of(ws), "code": "bad"})
        assert any(text.startswith("failed: the provider refused") for text in texts(ws))
    app, events = app_with_login()
    with TestClient(app) as client, client.websocket_connect("/ws") as ws:
        ws.send_text(register())
        params = {"state": state_of(ws), "error": "access_denied", "error_description": "no"}
        assert client.get("/oauth_callback", params=params).status_code == 200
        assert "failed: access_denied" in texts(ws)
    assert events[-1][:2] == ("access_denied", "no")


def test_redirect_to_page_keeps_the_route() -> None:
    """UPSTREAM-BUG #33: the sync login redirected to the app root, dropping the route."""
    app, _ = app_with_login(redirect_to_page=True)
    with TestClient(app) as client, client.websocket_connect("/ws") as ws:
        ws.send_text(register())
        response = client.get("/oauth_callback", params={"state": state_of(ws), "code": "good"}, follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "https://app.test/profile"


def test_complete_page_html_is_the_answer() -> None:
    app, _ = app_with_login(complete_page_html="<p>Welcome back</p>")
    with TestClient(app) as client, client.websocket_connect("/ws") as ws:
        ws.send_text(register())
        assert client.get("/oauth_callback", params={"state": state_of(ws), "code": "good"}).text == (
            "<p>Welcome back</p>"
        )


def test_unknown_or_missing_states_get_a_400_page() -> None:
    """UPSTREAM-BUG #39: no 500s from the callback."""
    client = TestClient(flet_fastapi.app(lambda page: None))
    for params in ({}, {"state": "nope", "code": "x"}):
        response = client.get("/oauth_callback", params=params)
        assert response.status_code == 400
        assert response.headers["content-type"].startswith("text/html")


def test_a_state_whose_session_ended_gets_a_410_page() -> None:
    class GonePage:
        connection = None

    gone = GonePage()
    expires = datetime.now(UTC) + timedelta(minutes=1)
    app_manager.store_state("s1", OAuthState("x", expires, flow=LoginFlow(gone, Authorization(PROVIDER, True, False))))
    response = TestClient(flet_fastapi.app(lambda page: None)).get("/oauth_callback", params={"state": "s1"})
    assert response.status_code == 410


def test_scopes_are_merged_without_touching_the_callers_list() -> None:
    provider = OAuthProvider("c", "s", "https://a", "https://t", "https://r", scopes=["a"], user_scopes=["u"])
    mine = ["x", "a"]
    authorization = Authorization(provider, fetch_user=True, fetch_groups=False, scope=mine)
    assert authorization.scope == ["x", "a", "u"]
    assert mine == ["x", "a"]
    url, state = authorization.get_authorization_data()
    assert parse_qs(urlsplit(url).query)["state"] == [state]
    assert len(state) == 22


def test_tokens_round_trip_through_json() -> None:
    token = OAuthToken("abc", scope=["a", "b"], token_type="Bearer", expires_in=10, expires_at=12.5, refresh_token="r")
    assert token.to_json() == (
        '{"access_token":"abc","scope":["a","b"],"token_type":"Bearer","expires_in":10,'
        '"expires_at":12.5,"refresh_token":"r"}'
    )
    assert OAuthToken.from_json(token.to_json()).__dict__ == token.__dict__


def test_without_httpx_login_fails_before_the_provider_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    """No popup that says "Signed in" and then a failed exchange: the missing package is named first."""
    monkeypatch.setitem(sys.modules, "httpx", None)  # import httpx raises ImportError

    def main(page: Any) -> None:
        try:
            page.login(PROVIDER)
        except ImportError as error:
            page.add(ft.Text(f"cannot sign in: {error}"))

    with TestClient(flet_fastapi.app(main)) as client, client.websocket_connect("/ws") as ws:
        ws.send_text(register())
        methods: list[str] = []
        while True:
            message = json.loads(ws.receive_text())
            if message["action"] == "invokeMethod":
                methods.append(message["payload"]["methodName"])  # the popup opens: too late
                break
            if "cannot sign in" in json.dumps(message):
                break
    assert methods == []
    assert "pip install httpx" in json.dumps(message)
