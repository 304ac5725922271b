"""flet.fastapi.FastAPI's lifespan and app_manager's start/shutdown."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.requests import Request
from starlette.testclient import TestClient

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
