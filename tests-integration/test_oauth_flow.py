"""page.login() end to end: a stand-in provider and the app, both real servers on loopback."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any


def uvicorn(app: str) -> list[str]:
    return [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", "{port}", app]


def test_sign_in_with_a_provider(serve: Callable[..., Any], flet_client: Any, kit: Any) -> None:
    provider = serve(uvicorn("fake_oauth_provider:app"))
    port = kit.free_port()
    env = kit.env(FAKE_PROVIDER_URL=provider.url, APP_URL=f"http://127.0.0.1:{port}", OAUTHLIB_INSECURE_TRANSPORT="1")
    app = serve(uvicorn("oauth_app:app"), port=port, env=env)
    with flet_client(f"ws://127.0.0.1:{app.port}/ws") as client:
        client.register()
        (button,) = client.wait_for(lambda: client.of_type("elevatedbutton"))
        client.click(button["i"])
        launch = None
        while launch is None:
            message = client.receive()
            if message["action"] == "invokeMethod" and message["payload"]["methodName"] == "launchUrl":
                launch = message["payload"]["arguments"]
        assert launch["web_window_name"] == "flet_oauth_signin"
        assert launch["url"].startswith(f"{provider.url}/authorize?response_type=code&client_id=cid")
        # The "popup": the provider redirects to the app's callback, which completes the sign-in.
        with urllib.request.urlopen(launch["url"], timeout=20) as popup:
            callback_url = popup.geturl()
            assert popup.status == 200
            assert "window.close()" in popup.read().decode()
        status = lambda: [t.get("value") for t in client.of_type("text")]  # noqa: E731
        assert client.wait_for(lambda: "Hello, octocat (583231)" in status())
    try:
        urllib.request.urlopen(callback_url, timeout=10)
        raise AssertionError("a replayed callback was accepted")
    except urllib.error.HTTPError as refused:
        assert refused.code == 400
        assert "already used" in refused.read().decode()
    (request,) = json.loads(urllib.request.urlopen(f"{provider.url}/token-requests", timeout=10).read())
    assert request["grant_type"] == "authorization_code"
    assert (request["client_id"], request["client_secret"]) == ("cid", "csecret")
    assert request["redirect_uri"] == f"http://127.0.0.1:{port}/oauth_callback"
    assert request["user_agent"].startswith("Flet/")
