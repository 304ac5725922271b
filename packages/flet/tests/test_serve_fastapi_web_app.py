"""Binding the web server's socket: clear errors, real addresses (no server is started here)."""

from __future__ import annotations

import socket

import pytest

from flet.fastapi.serve_fastapi_web_app import PortInUseError, WebServerError, bind_socket, get_fastapi_web_app


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
