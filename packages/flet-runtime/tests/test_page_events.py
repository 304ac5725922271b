"""Page events through a session: client events, server-generated ones, several subscribers."""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest

from flet_core.page import Page
from flet_core.page_events import AppLifecycleState
from flet_core.types import Brightness
from flet_core.view import View
from flet_runtime import MemoryClient


async def connected(make_host: Any, main: Any) -> MemoryClient:
    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    return tab


@pytest.mark.asyncio
async def test_route_change_updates_page_route_before_handlers_and_ignores_the_echo(make_host: Any, ui: Any) -> None:
    seen = ui.Recorder()

    def main(page: Page) -> None:
        page.on_route_change = lambda e: seen.add(("first", e.route, page.route, page.query.to_dict))
        page.on_route_change = lambda e: seen.add(("second", e.route))  # 0.21: assigning adds one
        page.add(ui.Button("go", on_click=lambda e: page.go("/store")))

    tab = await connected(make_host, main)
    await tab.wait_for(lambda: tab.find(type="elevatedbutton"))
    tab.update_props("page", route="/a?x=1")
    tab.event("page", "route_change", "/a?x=1")
    await tab.wait_for(lambda: len(seen) == 2)
    assert ("first", "/a?x=1", "/a?x=1", {"x": "1"}) in seen
    assert ("second", "/a?x=1") in seen

    tab.click(tab.find_one(type="elevatedbutton")["i"])  # page.go: handlers run once...
    await tab.wait_for(lambda: tab.tree["page"].get("route") == "/store" and len(seen) == 4)
    tab.update_props("page", route="/store")  # ...and the client's echo is ignored
    tab.event("page", "route_change", "/store")
    tab.update_props("page", route="/after")
    tab.event("page", "route_change", "/after")  # a marker, handled after the echo
    await tab.wait_for(lambda: len(seen) == 6)
    assert sorted(item[:2] for item in seen.items[4:]) == [("first", "/after"), ("second", "/after")]


@pytest.mark.asyncio
async def test_view_pop_finds_the_view_by_route(make_host: Any, ui: Any) -> None:
    popped = ui.Recorder()

    def main(page: Page) -> None:
        page.views.append(View(route="/store", controls=[ui.Text("store")]))
        page.on_view_pop = lambda e: popped.add(e.view.route if e.view is not None else None)
        page.update()

    tab = await connected(make_host, main)
    await tab.wait_for(lambda: tab.find(text="store"))
    tab.event("page", "view_pop", "/store")
    await tab.wait_for(lambda: popped.items == ["/store"])


@pytest.mark.asyncio
async def test_client_reported_page_events(make_host: Any, ui: Any) -> None:
    seen = ui.Recorder()

    def main(page: Page) -> None:
        page.on_resize = lambda e: seen.add(("resize", e.data, page.width, page.height))
        page.on_resize = lambda e: seen.add(("resize again", e.data))
        page.on_keyboard_event = lambda e: seen.add(("key", e.key, e.shift, e.ctrl))
        page.on_app_lifecycle_state_change = lambda e: seen.add(("lifecycle", e.state))
        page.on_media_change = lambda e: seen.add(("media", e.padding.top))
        page.on_platform_brightness_change = lambda e: seen.add(("brightness", e.data, page.platform_brightness))
        page.on_window_event = lambda e: seen.add(("window", e.data))
        page.on_error = lambda e: seen.add(("client error", e.data))
        page.update()

    tab = await connected(make_host, main)
    await tab.wait_for(lambda: tab.tree["page"].get("onkeyboardevent") == "true")
    tab.update_props("page", width="1024", height="700")
    tab.event("page", "resize", "1024,700")
    tab.event("page", "keyboard_event", json.dumps({"key": "A", "shift": True, "ctrl": False, "alt": False}))
    tab.event("page", "app_lifecycle_state_change", "resume")
    media = {"padding": {"top": 24, "right": 0, "bottom": 0, "left": 0}}
    tab.update_props("page", media=json.dumps(media))
    tab.event("page", "mediaChange", json.dumps(media))
    tab.update_props("page", platformbrightness="dark")
    tab.event("page", "platformBrightnessChange", "dark")
    tab.event("page", "window_event", "focus")
    tab.event("page", "error", "Unsupported operation: NaN.floor()")
    expected = {
        ("resize", "1024,700", 1024.0, 700.0),
        ("resize again", "1024,700"),
        ("key", "A", True, False),
        ("lifecycle", AppLifecycleState.RESUME),
        ("media", 24.0),
        ("brightness", "dark", Brightness.DARK),  # an enum, as 0.21 returned
        ("window", "focus"),
        ("client error", "Unsupported operation: NaN.floor()"),
    }
    await tab.wait_for(lambda: set(seen.items) == expected)


@pytest.mark.asyncio
async def test_connect_and_disconnect_are_server_events(make_host: Any, ui: Any) -> None:
    seen = ui.Recorder()

    def main(page: Page) -> None:
        page.on_connect = lambda e: seen.add("connect")
        page.on_disconnect = lambda e: seen.add("disconnect")
        page.on_disconnect = lambda e: seen.add("disconnect again")

    tab = await connected(make_host, main)
    await tab.wait_for(lambda: tab.host.sessions()[0].require_page().on_disconnect.count() == 2)
    assert len(seen) == 0  # not for the first connection
    await tab.disconnect()
    await tab.wait_for(lambda: sorted(seen.items) == ["disconnect", "disconnect again"])
    await tab.connect()
    await tab.wait_for(lambda: "connect" in seen)


@pytest.mark.asyncio
async def test_typed_values_are_applied_before_the_event_that_follows(make_host: Any, ui: Any) -> None:
    seen = ui.Recorder()

    def main(page: Page) -> None:
        field: Any = ui.TextField()
        field.on_change = lambda e: seen.add((e.data, field.value))
        page.add(field)

    tab = await connected(make_host, main)
    await tab.wait_for(lambda: tab.find(type="textfield"))
    field = tab.find_one(type="textfield")
    assert field["onchange"] == "true"
    for count, text in enumerate(["h", "he", "hel"], 1):
        tab.type(field["i"], text)
        await tab.wait_for(functools.partial(lambda n: len(seen) == n, count))
    assert seen.items == [("h", "h"), ("he", "he"), ("hel", "hel")]


@pytest.mark.asyncio
async def test_a_desktop_close_event_ends_the_session(make_host: Any, ui: Any) -> None:
    closed = ui.Recorder()

    def main(page: Page) -> None:
        page.on_close = lambda e: closed.add(page.session_id)

    tab = await connected(make_host, main)
    await tab.wait_for(lambda: tab.host.sessions()[0].require_page().on_close.count() == 1)
    tab.event("page", "close")
    await tab.wait_for(lambda: closed.items == [tab.session_id] and tab.host.session_count() == 0)
