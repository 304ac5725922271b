"""Fixtures of the flet package tests: a clean FLET_* environment and small web apps."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator

import pytest

from flet.fastapi.flet_app_manager import app_manager

with warnings.catch_warnings():
    # Starlette >= 1.0 warns on import that its TestClient runs on httpx; the tests use it anyway.
    warnings.simplefilter("ignore")
    import starlette.testclient  # noqa: F401


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Starlette's TestClient (for WebSocket and lifespan tests) warns that it is built on httpx.
    for item in items:
        item.add_marker(pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`"))


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No FLET_* variable leaks in from the machine or from another test."""
    for name in list(os.environ):
        if name.startswith("FLET_") or name == "OAUTHLIB_INSECURE_TRANSPORT":
            monkeypatch.delenv(name)
    yield


@pytest.fixture(autouse=True)
def fresh_app_manager() -> Iterator[None]:
    """Every test starts with the shared app manager stopped and empty."""
    yield
    # the manager has no public reset: it lives as long as the process (SLF001: tests only)
    app_manager._hosts.clear()  # noqa: SLF001
    app_manager._started.clear()  # noqa: SLF001
    app_manager._running = False  # noqa: SLF001
    app_manager.clear_states()
