"""The web server of ``ft.app``: binding its socket (clear errors, real addresses), its app, its start and stop."""

from __future__ import annotations

import asyncio
import gc
import socket
from typing import Any

import pytest
from starlette.testclient import TestClient

import flet.fastapi as flet_fastapi
from flet.fastapi import serve_fastapi_web_app
from flet.fastapi.serve_fastapi_web_app import (
    PortInUseError,
    WebServerError,
    bind_socket,
    get_fastapi_web_app,
    start_web_server,
)


def test_a_port_in_use_is_one_clear_error() -> None:
    """UPSTREAM-BUG #6: the URL was announced, then uvicorn failed."""
    taken = bind_socket("127.0.0.1", 0)
    taken.listen()
    port = taken.getsockname()[1]
    try:
        with pytest.raises(PortInUseError, match=f"port {port} is already in use"):
            bind_socket("127.0.0.1", port)
    finally:
        taken.close()


def test_port_zero_gives_a_real_port() -> None:
    sock = bind_socket("127.0.0.1", 0)
    try:
        assert sock.getsockname()[1] > 0
    finally:
        sock.close()


@pytest.mark.parametrize("host", [None, "", "*"])
def test_all_interfaces_is_one_dual_stack_socket(host: str | None) -> None:
    sock = bind_socket(host, 0)
    try:
        assert sock.family in (socket.AF_INET6, socket.AF_INET)
        assert sock.getsockname()[0] in ("::", "0.0.0.0")
    finally:
        sock.close()


def test_an_unknown_host_is_a_clear_error() -> None:
    with pytest.raises(WebServerError, match="unknown host"):
        bind_socket("no-such-host.invalid", 0)


def test_the_web_app_mounts_the_flet_app_under_its_name() -> None:
    outer = get_fastapi_web_app(lambda page: None, "/apps/x/", None, None, None, False, "path")
    assert [getattr(route, "path", None) for route in outer.routes][-1] == "/apps/x"
    assert outer.docs_url is None and outer.openapi_url is None


@pytest.fixture
def freezes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Calls of gc.freeze() (not made for real: that would last for the rest of the test run)."""
    calls: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1))
    monkeypatch.setattr(serve_fastapi_web_app, "_heap_frozen", False)
    return calls


def test_the_web_app_freezes_the_heap_at_its_start_once_per_process(freezes: list[int]) -> None:
    first = get_fastapi_web_app(lambda page: None, "", None, None, None, False, "path")
    assert freezes == []  # building it is not starting it
    with TestClient(first):
        assert freezes == [1]
    with TestClient(first):
        pass
    with TestClient(get_fastapi_web_app(lambda page: None, "x", None, None, None, False, "path")):
        pass
    assert freezes == [1]
    assert not serve_fastapi_web_app.freeze_heap()


def test_a_flet_app_in_the_users_own_fastapi_app_leaves_the_heap_alone(freezes: list[int]) -> None:
    user_app = flet_fastapi.FastAPI()
    user_app.mount("/flet", flet_fastapi.app(lambda page: None))
    with TestClient(user_app):
        pass
    with TestClient(flet_fastapi.app(lambda page: None)):
        pass
    assert freezes == []


async def hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "http":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"5")]})
        await send({"type": "http.response.body", "body": b"hello"})


@pytest.mark.asyncio
async def test_start_returns_once_the_server_answers_and_close_stops_it() -> None:
    server = await start_web_server(hello, "127.0.0.1", 0, log_level="error")
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        response = await asyncio.wait_for(reader.read(), 10)
        writer.close()
        assert response.startswith(b"HTTP/1.1 200") and response.endswith(b"hello")
    finally:
        await asyncio.wait_for(server.close(), 10)
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", server.port)
