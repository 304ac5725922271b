"""ft.app builds its web server with the cyclic garbage collector paused, and leaves it as it was."""

from __future__ import annotations

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
