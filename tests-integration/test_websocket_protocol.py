"""FastAPI-hosted apps under a real uvicorn, driven by a protocol-level WebSocket client."""

from __future__ import annotations

import sys
import urllib.request
from collections.abc import Callable
from typing import Any

UVICORN = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", "{port}"]


def counter_value(client: Any) -> str | None:
    texts = client.of_type("text")
    return texts[0].get("value") if texts else None


def test_a_click_on_the_counter_comes_back_as_one(serve: Callable[..., Any], flet_client: Any) -> None:
    server = serve([*UVICORN, "counter:app"])
    with flet_client(f"ws://127.0.0.1:{server.port}/ws") as client:
        client.register()
        assert client.wait_for(lambda: counter_value(client) == "0")
        (button,) = client.of_type("floatingactionbutton")
        client.click(button["i"])
        assert client.wait_for(lambda: counter_value(client) == "1")
        session_id = client.session_id
    # A reload presents the same session id: the page comes back with its state, main() is not re-run.
    with flet_client(f"ws://127.0.0.1:{server.port}/ws") as client:
        reply = client.register(session_id)
        assert reply["payload"]["session"]["id"] == session_id
        assert counter_value(client) == "1"


def test_two_apps_under_one_server(serve: Callable[..., Any], flet_client: Any) -> None:
    server = serve([*UVICORN, "multi:app"])
    for path, text in (("", "Front desk"), ("/sub-app", "Back office")):
        with flet_client(f"ws://127.0.0.1:{server.port}{path}/ws") as client:
            client.register()
            assert client.wait_for(lambda text=text: any(t.get("value") == text for t in client.of_type("text")))
        html = urllib.request.urlopen(f"{server.url}{path}/", timeout=10).read().decode()
        assert f'<base href="{path}/">' in html


def test_flet_inside_an_existing_fastapi_app(serve: Callable[..., Any], flet_client: Any) -> None:
    server = serve([*UVICORN, "existing:app"])
    assert urllib.request.urlopen(f"{server.url}/api/status", timeout=10).read() == b'{"status":"up"}'
    with flet_client(f"ws://127.0.0.1:{server.port}/flet-app/ws") as client:
        client.register()
        assert client.wait_for(lambda: any(t.get("value") == "Flet next to an API" for t in client.of_type("text")))


def test_sync_and_async_handlers_both_run(serve: Callable[..., Any], flet_client: Any) -> None:
    server = serve([*UVICORN, "--factory", "mixed_factory:create"])
    with flet_client(f"ws://127.0.0.1:{server.port}/ws") as client:
        client.register()
        buttons = client.wait_for(
            lambda: client.of_type("elevatedbutton") if len(client.of_type("elevatedbutton")) == 2 else None
        )
        for button in buttons:
            client.click(button["i"])
        wanted = {"Handler clicked", "Async handler clicked"}
        assert client.wait_for(lambda: wanted <= {t.get("value") for t in client.of_type("text")})
