"""FletApp over a WebSocket (Starlette's test client): sessions, page details, both signatures."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketState

import flet as ft
import flet.fastapi as flet_fastapi
from flet.fastapi import FletApp, app_manager
from flet.fastapi.flet_app import WebSocketTransport


def register(session_id: str = "", route: str = "/", media: str = "") -> str:
    payload = {
        "pageName": "",
        "pageRoute": route,
        "pageWidth": "800",
        "pageHeight": "600",
        "windowWidth": "",
        "windowHeight": "",
        "windowTop": "",
        "windowLeft": "",
        "isPWA": "false",
        "isWeb": "true",
        "isDebug": "false",
        "platform": "",
        "platformBrightness": "light",
        "media": media,
        "sessionId": session_id,
    }
    return json.dumps({"action": "registerWebClient", "payload": payload})


def click(control_id: str) -> str:
    payload = {"eventTarget": control_id, "eventName": "click", "eventData": ""}
    return json.dumps({"action": "pageEventFromWeb", "payload": payload})


def receive(ws: Any) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(ws.receive_text())
    return message


def added(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for m in message["payload"] if m["action"] == "addPageControls" for c in m["payload"]["controls"]]


class Recorder:
    """A session handler that records the page it was given and counts its runs."""

    def __init__(self) -> None:
        self.pages: list[Any] = []
        self.ran = threading.Event()

    def __call__(self, page: Any) -> None:
        self.pages.append(page)
        self.details = {
            "url": page.url,
            "name": page.name,
            "query": dict(page.query.to_dict),
            "media": page.media,
            "login": callable(getattr(page, "login", None)),
        }
        counter = ft.Text("0")

        def increment(_: Any) -> None:
            counter.value = str(int(counter.value or "0") + 1)
            counter.update()

        page.add(counter, ft.ElevatedButton("+", on_click=increment))
        self.ran.set()


def test_a_session_renders_and_answers_a_click() -> None:
    main = Recorder()
    with TestClient(flet_fastapi.app(main)) as client, client.websocket_connect("/ws") as ws:
        ws.send_text(register(route="/start?x=1"))
        reply = receive(ws)
        assert reply["action"] == "registerWebClient"
        session_id = reply["payload"]["session"]["id"]
        controls = added(receive(ws))
        text = next(c for c in controls if c["t"] == "text")
        button = next(c for c in controls if c["t"] == "elevatedbutton")
        ws.send_text(click(button["i"]))
        update = receive(ws)
        props = [p for m in update["payload"] for p in m["payload"].get("props", [])]
        assert {"i": text["i"], "value": "1"} in props
    assert len(session_id) == 16
    assert main.details["query"] == {"x": "1"}  # UPSTREAM-BUG #9: empty during main() in 0.21
    assert main.details["media"] is None  # UPSTREAM-BUG #30: media="" raised in 0.21
    assert main.details["url"].startswith("http://")  # UPSTREAM-BUG #10: it was ws://
    assert main.details["login"]


def test_a_reconnect_keeps_the_session_and_does_not_rerun_main() -> None:
    main = Recorder()
    with TestClient(flet_fastapi.app(main)) as client:
        with client.websocket_connect("/ws") as ws:
            ws.send_text(register())
            session_id = receive(ws)["payload"]["session"]["id"]
            receive(ws)
        with client.websocket_connect("/ws") as ws:
            ws.send_text(register(session_id))
            reply = receive(ws)
        assert reply["payload"]["session"]["id"] == session_id
        assert any(c.get("value") == "0" for c in reply["payload"]["session"]["controls"].values())
    assert len(main.pages) == 1


def test_a_mounted_app_knows_its_name_and_url() -> None:
    main = Recorder()
    host = flet_fastapi.FastAPI()
    host.mount("/sub-app", flet_fastapi.app(main))
    with TestClient(host) as client, client.websocket_connect("/sub-app/ws") as ws:
        ws.send_text(register())
        receive(ws)
        receive(ws)
    assert main.details["name"] == "sub-app"
    assert main.details["url"] == "http://testserver/sub-app"


@pytest.mark.parametrize("with_loop", [False, True])
def test_both_constructor_forms_work(with_loop: bool) -> None:
    """UPSTREAM-BUG #36: the documented FletApp(main) raised TypeError in 0.21."""
    main = Recorder()
    app = flet_fastapi.FastAPI()

    @app.websocket("/app1/ws")
    async def endpoint(websocket: WebSocket) -> None:
        if with_loop:
            await FletApp(asyncio.get_running_loop(), main, 60).handle(websocket)
        else:
            await FletApp(main, 60).handle(websocket)

    with TestClient(app) as client, client.websocket_connect("/app1/ws") as ws:
        ws.send_text(register())
        assert receive(ws)["action"] == "registerWebClient"
        receive(ws)
    assert main.details["name"] == "app1"


def test_a_first_argument_that_is_not_a_handler_is_refused() -> None:
    with pytest.raises(TypeError, match="session handler"):
        FletApp("main")  # type: ignore[call-overload]


def test_sessions_get_a_manager_even_when_nobody_started_it() -> None:
    """UPSTREAM-BUG #12: mounted into a plain FastAPI app, sessions never expired."""
    from fastapi import FastAPI

    main = Recorder()
    plain = FastAPI()
    plain.mount("/flet", flet_fastapi.app(main))
    with TestClient(plain) as client, client.websocket_connect("/flet/ws") as ws:
        ws.send_text(register())
        receive(ws)
        assert app_manager.running
        assert app_manager.session_count() == 1


@pytest.mark.asyncio
async def test_the_transport_reads_the_asgi_messages_and_keeps_the_sockets_state() -> None:
    """It awaits the server's ASGI receive itself, and marks the socket as Starlette's receive() would."""
    incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for message in (
        {"type": "websocket.connect"},
        {"type": "websocket.receive", "text": "hello"},
        {"type": "websocket.receive", "bytes": b"caf\xc3\xa9"},
        {"type": "websocket.disconnect", "code": 1001},
    ):
        incoming.put_nowait(message)
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "websocket", "path": "/ws", "headers": [], "query_string": b""}
    websocket = WebSocket(scope, incoming.get, send)
    await websocket.accept()
    transport = WebSocketTransport(websocket)
    assert await transport.receive() == "hello"
    assert await transport.receive() == "café"
    assert websocket.client_state is WebSocketState.CONNECTED
    assert await transport.receive() is None
    assert websocket.client_state is WebSocketState.DISCONNECTED
    assert await transport.receive() is None  # closed: the ASGI receive is not awaited again
    assert incoming.empty() and sent == [{"type": "websocket.accept", "subprotocol": None, "headers": []}]


@pytest.mark.asyncio
async def test_the_transport_ends_on_an_asgi_message_a_socket_does_not_get() -> None:
    incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    incoming.put_nowait({"type": "websocket.connect"})
    incoming.put_nowait({"type": "http.request"})

    async def send(message: dict[str, Any]) -> None:
        pass

    websocket = WebSocket({"type": "websocket", "path": "/ws", "headers": []}, incoming.get, send)
    await websocket.accept()
    transport = WebSocketTransport(websocket)
    assert await transport.receive() is None
    assert await transport.receive() is None
