"""The tally app (apps/counter.py) exported with ft.app(export_asgi_app=True) under other ASGI servers."""

from __future__ import annotations

import importlib.util
import sys
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest

SERVERS = {
    "uvicorn": [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", "{port}", "exported:app"],
    "hypercorn": [sys.executable, "-m", "hypercorn", "--bind", "127.0.0.1:{port}", "exported:app"],
    "daphne": [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", "{port}", "exported:app"],
    "gunicorn": [
        sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:{port}", "--workers", "1",
        "-k", "uvicorn.workers.UvicornWorker", "exported:app",
    ],
    "granian": [
        sys.executable, "-m", "granian", "--interface", "asgi", "--host", "127.0.0.1", "--port", "{port}",
        "--workers", "1", "exported:app",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(SERVERS))
def test_the_exported_counter_works(name: str, serve: Callable[..., Any], flet_client: Any) -> None:
    if importlib.util.find_spec(name) is None:
        pytest.fail(f"{name} is not installed (nox -s integration installs it)")
    server = serve(SERVERS[name])
    html = urllib.request.urlopen(f"{server.url}/", timeout=10).read().decode()
    assert '<meta name="flet-websocket-endpoint-path" content="/ws">' in html
    with flet_client(f"ws://127.0.0.1:{server.port}/ws") as client:
        client.register()
        texts = lambda: [t.get("value") for t in client.of_type("text")]  # noqa: E731
        assert client.wait_for(lambda: texts() == ["0"])
        (button,) = client.of_type("floatingactionbutton")
        client.click(button["i"])
        assert client.wait_for(lambda: texts() == ["1"])
