"""ft.app builds its web server with the cyclic garbage collector paused, and leaves it as it was;
a server it runs itself has the heap frozen before the collector is back."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import pytest

import flet.app as flet_app_module
import flet.fastapi.serve_fastapi_web_app as web_app_module


def nothing(page: Any) -> None:
    return None


@pytest.fixture
def collector_state() -> Iterator[None]:
    """Whatever a test does to the collector, the next test finds it enabled."""
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture
def seen_while_building(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """gc.isenabled() as get_fastapi_web_app (the build ft.app runs) saw it, once per build."""
    seen: list[bool] = []
    build = web_app_module.get_fastapi_web_app

    def spy(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return build(*args)

    monkeypatch.setattr(web_app_module, "get_fastapi_web_app", spy)
    return seen


@pytest.mark.usefixtures("collector_state")
@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_while_building_and_left_as_it_was(
    enabled: bool, seen_while_building: list[bool]
) -> None:
    if not enabled:
        gc.disable()
    app = flet_app_module.app(nothing, export_asgi_app=True)
    assert seen_while_building == [False]
    assert gc.isenabled() is enabled
    assert app.router.routes  # a real app was built


@pytest.mark.usefixtures("collector_state")
def test_a_failed_build_leaves_the_collector_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        assert not gc.isenabled()
        raise RuntimeError("cannot build")

    monkeypatch.setattr(web_app_module, "get_fastapi_web_app", broken)
    with pytest.raises(RuntimeError, match="cannot build"):
        flet_app_module.app(nothing, export_asgi_app=True)
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_state")
def test_collections_still_happen_after_the_build() -> None:
    flet_app_module.app(nothing, export_asgi_app=True)
    collections = gc.get_stats()[0]["collections"]
    kept = [[] for _ in range(10 * gc.get_threshold()[0])]  # live containers: what triggers a collection
    assert gc.get_stats()[0]["collections"] > collections
    assert len(kept) > 0


class FakeServer:
    port = 5555

    def url(self, page_name: str = "") -> str:
        return "http://127.0.0.1:5555"

    def listening_on(self) -> str:
        return "somewhere"

    async def wait(self) -> None:
        return None


@pytest.fixture
def freezes(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """gc.isenabled() at each gc.freeze() (not made for real: it would last for the rest of the run)."""
    calls: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(gc.isenabled()))
    monkeypatch.setattr(web_app_module, "_heap_frozen", False)
    return calls


@pytest.mark.usefixtures("collector_state")
def test_a_server_ft_app_runs_has_the_heap_frozen_before_the_collector_is_back(
    freezes: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def start(asgi_app: Any, host: str | None, port: int, **_: Any) -> FakeServer:
        assert freezes == [False]  # frozen once, while the collector was still paused
        return FakeServer()

    monkeypatch.setattr(flet_app_module, "start_web_server", start)
    monkeypatch.setenv("FLET_FORCE_WEB_SERVER", "true")
    asyncio.run(flet_app_module.app_async(nothing))
    assert freezes == [False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_state")
def test_an_exported_app_leaves_the_heap_to_its_server(freezes: list[bool]) -> None:
    flet_app_module.app(nothing, export_asgi_app=True)
    assert freezes == []
