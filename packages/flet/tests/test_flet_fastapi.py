"""flet.fastapi.FastAPI: its lifespan and app_manager's start/shutdown; Flet WebSockets served directly."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import fastapi
import pytest
from starlette.exceptions import WebSocketException
from starlette.requests import Request
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

import flet.fastapi as flet_fastapi
from flet.fastapi import app_manager


def test_async_and_sync_startup_handlers_run_and_the_manager_starts() -> None:
    """UPSTREAM-BUG #35: async on_startup/on_shutdown handlers were never awaited."""
    calls: list[str] = []

    async def started() -> None:
        calls.append(f"async start, manager running={app_manager.running}")

    async def stopped() -> None:
        calls.append("async stop")

    app = flet_fastapi.FastAPI(on_startup=[started, lambda: calls.append("sync start")], on_shutdown=[stopped])
    with TestClient(app):
        assert app_manager.running
    assert calls == ["async start, manager running=True", "sync start", "async stop"]
    assert not app_manager.running


def test_a_lifespan_of_your_own_is_accepted() -> None:
    """UPSTREAM-BUG #35: lifespan= raised TypeError."""
    calls: list[str] = []

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[dict[str, str]]:
        calls.append(f"enter, manager running={app_manager.running}")
        yield {"answer": "42"}
        calls.append("exit")

    app = flet_fastapi.FastAPI(lifespan=lifespan)

    @app.get("/state")
    async def state(request: Request) -> str:
        return str(request.state.answer)

    with TestClient(app) as client:
        assert client.get("/state").json() == "42"
    assert calls == ["enter, manager running=True", "exit"]


def test_the_manager_starts_again_after_a_shutdown() -> None:
    """UPSTREAM-BUG #35: a second start() did nothing."""
    for _ in range(2):
        with TestClient(flet_fastapi.FastAPI()):
            assert app_manager.running
        assert not app_manager.running


def test_flet_apps_carry_no_api_docs() -> None:
    """UPSTREAM-BUG #21: /docs, /redoc and /openapi.json shadowed app routes."""
    client = TestClient(flet_fastapi.app(lambda page: None))
    for path in ("/docs", "/redoc", "/openapi.json"):
        response = client.get(path, headers={"accept": "text/html"})
        assert "swagger" not in response.text.lower() and "openapi" not in response.text.lower()
    assert client.get("/openapi.json", headers={"accept": "application/json"}).status_code == 404


def test_the_module_exports_the_documented_names() -> None:
    import flet.fastapi.app
    import flet.fastapi.flet_app
    import flet.fastapi.flet_app_manager
    import flet.fastapi.flet_fastapi
    import flet.fastapi.flet_oauth
    import flet.fastapi.flet_static_files
    import flet.fastapi.flet_upload
    import flet.fastapi.oauth_state
    import flet.fastapi.serve_fastapi_web_app

    assert set(flet_fastapi.__all__) >= {"FastAPI", "FletApp", "FletStaticFiles", "FletUpload", "FletOAuth", "app"}
    assert flet.fastapi.flet_app.DEFAULT_FLET_SESSION_TIMEOUT == 3600
    assert flet.fastapi.flet_app.DEFAULT_FLET_OAUTH_STATE_TIMEOUT == 600
    assert flet.fastapi.flet_oauth.FletOAuth is flet_fastapi.FletOAuth


def serve_recording(app: Any, url: str, seen: list[dict[str, Any]]) -> None:
    with TestClient(app) as client, client.websocket_connect(url) as ws:
        assert ws.receive_text() == "hello"
    assert seen, "the handler did not run"


def recorder(seen: list[dict[str, Any]]) -> Any:
    async def handler(websocket: WebSocket) -> None:
        await websocket.accept()
        scope = websocket.scope
        seen.append({"app": scope.get("app"), "path": websocket.url.path, "root": scope["root_path"]})
        await websocket.send_text("hello")
        await websocket.close()

    return handler


@pytest.mark.parametrize("outer_kind", ["flet", "fastapi"])
def test_a_flet_websocket_sees_the_scope_the_router_would_give_it(outer_kind: str) -> None:
    seen: list[dict[str, Any]] = []
    inner = flet_fastapi.FastAPI()
    inner.add_flet_websocket("/ws", recorder(seen))
    outer = flet_fastapi.FastAPI() if outer_kind == "flet" else fastapi.FastAPI()
    outer.mount("/apps/x", inner)
    serve_recording(outer, "/apps/x/ws", seen)
    assert seen == [{"app": inner, "path": "/apps/x/ws", "root": "/apps/x"}]


def test_middleware_of_the_user_still_sees_flet_websockets() -> None:
    seen: list[dict[str, Any]] = []
    passed: list[str] = []
    app = flet_fastapi.FastAPI()
    app.add_flet_websocket("/ws", recorder(seen))

    class Counting:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            passed.append(scope["type"])
            await self.inner(scope, receive, send)

    app.add_middleware(Counting)
    serve_recording(app, "/ws", seen)
    assert passed.count("websocket") == 1


def test_an_exception_handler_of_the_user_still_gets_what_a_flet_websocket_raises() -> None:
    caught: list[str] = []
    app = flet_fastapi.FastAPI()

    async def failing(websocket: WebSocket) -> None:
        await websocket.accept()
        raise WebSocketException(4001, "no")

    app.add_flet_websocket("/ws", failing)

    async def on_error(websocket: WebSocket, error: WebSocketException) -> None:
        caught.append(error.reason)
        await websocket.close(4002)

    app.add_exception_handler(WebSocketException, on_error)  # type: ignore[arg-type]
    with TestClient(app) as client, client.websocket_connect("/ws") as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_text()
    assert closed.value.code == 4002 and caught == ["no"]
