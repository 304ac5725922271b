"""AppHost: registration, sessions per tab, reconnects, expiry, second tabs, shutdown."""

from __future__ import annotations

import asyncio
import functools
import gc
import json
import logging
import time
import weakref
from typing import Any

import pytest

from flet_core.connection import Connection
from flet_core.page import Page
from flet_runtime import AppHost, MemoryClient, MemoryTransport, Transport
from flet_runtime.memory_transport import registration
from flet_runtime.ratelog import session_tag


@pytest.mark.asyncio
async def test_new_session_answers_with_the_page_then_main_renders(make_host: Any, ui: Any) -> None:
    calls: list[Page] = []
    host = make_host(ui.counter_app(calls))
    client = MemoryClient(host)
    await client.connect()
    first = json.loads(client.frames[0])
    assert first["action"] == "registerWebClient"
    assert list(first["payload"]["session"]["controls"]) == ["page"]
    assert len(first["payload"]["session"]["id"]) == 16
    page_attrs = first["payload"]["session"]["controls"]["page"]
    assert page_attrs["clientip"] == "127.0.0.1"
    assert page_attrs["clientuseragent"] == "MemoryClient"
    assert page_attrs["route"] == "/"
    await client.wait_for(lambda: client.find(type="elevatedbutton"))
    assert client.tree["page"]["title"] == "counter"
    assert len(calls) == 1 and calls[0].session_id == client.session_id
    assert host.session_count() == 1
    connection: Connection = host.sessions()[0]  # mypy checks the protocol statically
    transport: Transport = MemoryTransport()
    assert isinstance(connection, Connection) and isinstance(transport, Transport)


@pytest.mark.asyncio
async def test_a_click_updates_the_page(make_host: Any, ui: Any) -> None:
    host = make_host(ui.counter_app())
    client = MemoryClient(host)
    await client.connect()
    await client.wait_for(lambda: client.find(type="elevatedbutton"))
    client.click(client.find_one(type="elevatedbutton")["i"])
    await client.wait_for(lambda: client.find(type="textfield", text="1"))


@pytest.mark.asyncio
async def test_reload_restores_the_page_with_typed_text_and_fires_on_connect(make_host: Any, ui: Any) -> None:
    calls: list[Page] = []
    connects = ui.Recorder()

    def main(page: Page) -> None:
        ui.counter_app(calls)(page)
        page.on_connect = lambda e: connects.add(e.name)

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.find(type="textfield"))
    field_id = tab.find_one(type="textfield")["i"]
    tab.type(field_id, "41")
    tab.click(tab.find_one(type="elevatedbutton")["i"])
    await tab.wait_for(lambda: tab.find(type="textfield", text="42"))
    tab.type(field_id, "typed, not sent back")
    await tab.disconnect()
    assert host.session_count() == 1

    reloaded = MemoryClient(host)  # a reload: a fresh client tree, the stored id
    await reloaded.connect(tab.session_id)
    assert reloaded.session_id == tab.session_id
    assert reloaded.tree[field_id]["value"] == "typed, not sent back"
    assert reloaded.tree["page"]["title"] == "counter"
    await reloaded.wait_for(lambda: len(connects) == 1)
    assert len(calls) == 1  # main is not run again
    assert len(reloaded.frames) == 1  # the snapshot is all a reconnect gets


@pytest.mark.asyncio
async def test_reconnect_to_another_route_navigates(make_host: Any, ui: Any) -> None:
    routes = ui.Recorder()

    def main(page: Page) -> None:
        page.on_route_change = lambda e: routes.add((e.route, page.route))
        page.add(ui.Text("home"))

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect(route="/")
    await tab.wait_for(lambda: tab.find(text="home"))
    await tab.disconnect()
    await tab.connect(route="/store?x=1")
    await tab.wait_for(lambda: len(routes) == 1)
    assert routes.items == [("/store?x=1", "/store?x=1")]
    page = host.sessions()[0].page
    assert page is not None and page.query.get("x") == "1"


@pytest.mark.asyncio
async def test_a_second_tab_with_a_live_session_id_gets_its_own_session(make_host: Any, ui: Any) -> None:
    host = make_host(ui.counter_app())
    first = MemoryClient(host)
    await first.connect()
    await first.wait_for(lambda: first.find(type="elevatedbutton"))
    duplicate = MemoryClient(host)  # a duplicated tab copies the session id
    await duplicate.connect(first.session_id)
    assert duplicate.session_id != first.session_id
    assert host.session_count() == 2
    await duplicate.wait_for(lambda: duplicate.find(type="elevatedbutton"))
    # the first tab keeps its session and its updates
    first.click(first.find_one(type="elevatedbutton")["i"])
    await first.wait_for(lambda: first.find(type="textfield", text="1"))
    assert duplicate.find(type="textfield", text="0")


@pytest.mark.asyncio
async def test_a_known_id_from_another_browser_gets_a_new_session(make_host: Any, ui: Any) -> None:
    host = make_host(ui.counter_app())
    tab = MemoryClient(host, user_agent="Firefox")
    await tab.connect()
    await tab.disconnect()
    other = MemoryClient(host, user_agent="Chrome")
    await other.connect(tab.session_id)
    assert other.session_id != tab.session_id
    assert host.session_count() == 2


@pytest.mark.asyncio
async def test_an_unknown_id_starts_a_new_session(make_host: Any, ui: Any) -> None:
    host = make_host(ui.counter_app())
    tab = MemoryClient(host)
    await tab.connect("A9sO3Ify6L63kDBq")
    assert tab.session_id != "A9sO3Ify6L63kDBq"
    await tab.wait_for(lambda: tab.find(type="textfield", text="0"))


@pytest.mark.asyncio
async def test_expiry_unmounts_fires_on_close_and_frees_the_page(make_host: Any, ui: Any) -> None:
    seen = ui.Recorder()

    class Probe(ui.Text):  # type: ignore[misc]  # a user subclass of a test control
        def will_unmount(self) -> None:
            seen.add("will_unmount")

    def main(page: Page) -> None:
        page.on_close = lambda e: seen.add("on_close")
        page.add(ui.Column(controls=[Probe("probe")]))

    host = make_host(main, session_timeout=0.05)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.find(text="probe"))
    session = host.sessions()[0]
    page_ref = weakref.ref(session.page)
    del session
    await tab.disconnect()
    await tab.wait_for(lambda: host.session_count() == 0 and "on_close" in seen, timeout=3)
    assert seen.items.count("will_unmount") == 1
    for _ in range(50):
        gc.collect()
        if page_ref() is None:
            break
        await asyncio.sleep(0.01)
    assert page_ref() is None


@pytest.mark.asyncio
async def test_sessions_expire_without_start(make_host: Any, ui: Any) -> None:
    """Upstream defect #12: without app_manager.start() sessions never expired."""
    host = make_host(ui.counter_app(), session_timeout=0)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.disconnect()
    await tab.wait_for(lambda: host.session_count() == 0, timeout=2)


@pytest.mark.asyncio
async def test_session_timeout_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, ui: Any) -> None:
    monkeypatch.setenv("FLET_SESSION_TIMEOUT", "12.5")
    assert AppHost(ui.counter_app()).session_timeout == 12.5
    monkeypatch.delenv("FLET_SESSION_TIMEOUT")
    assert AppHost(ui.counter_app()).session_timeout == 3600
    monkeypatch.setenv("FLET_SESSION_TIMEOUT", "soon")
    with pytest.raises(ValueError, match="FLET_SESSION_TIMEOUT"):
        AppHost(ui.counter_app())


@pytest.mark.asyncio
async def test_a_reconnect_before_expiry_keeps_the_session(make_host: Any, ui: Any) -> None:
    host = make_host(ui.counter_app(), session_timeout=0.2)
    tab = MemoryClient(host)
    await tab.connect()
    sid = tab.session_id
    await tab.disconnect()
    await tab.connect()
    assert tab.session_id == sid
    await asyncio.sleep(0.4)
    assert host.session_count() == 1
    assert host.sessions()[0].connected


@pytest.mark.asyncio
async def test_malformed_frames_and_early_events_are_dropped(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture
) -> None:
    host = make_host(ui.counter_app())
    transport = MemoryTransport()
    serving = asyncio.get_running_loop().create_task(host.serve(transport))
    transport.push({"action": "pageEventFromWeb", "payload": {"eventTarget": "_1", "eventName": "click"}})
    transport.push("not json at all")
    transport.push({"action": "registerWebClient", "payload": "nope"})
    transport.push(registration())
    response = json.loads(await transport.next_frame() or "")
    assert response["action"] == "registerWebClient"
    transport.push({"action": "somethingNew", "payload": {}})
    transport.push({"action": "updateControlProps", "payload": {"props": [{"value": "no id"}]}})
    transport.push({"action": "pageEventFromWeb", "payload": {"eventTarget": "_404", "eventName": "click"}})
    transport.disconnect()
    await asyncio.wait_for(serving, 2)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert sum("malformed frame" in w for w in warnings) == 1  # rate-limited: one line per interval
    assert host.session_count() == 1


@pytest.mark.asyncio
async def test_main_crash_sends_a_generic_message(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FLET_DEBUG", raising=False)

    def main(page: Page) -> None:
        raise RuntimeError("secret database password")

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.tree.crash_message is not None)
    assert tab.tree.crash_message == "There was an error while processing your request."
    assert any("secret database password" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    assert any(session_tag(tab.session_id) in r.getMessage() for r in caplog.records)
    assert not any(str(tab.session_id) in r.getMessage() for r in caplog.records)  # the id re-attaches


@pytest.mark.asyncio
async def test_main_crash_shows_the_exception_with_flet_debug(make_host: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_DEBUG", "true")

    async def main(page: Page) -> None:
        raise RuntimeError("boom in main")

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.tree.crash_message is not None)
    assert tab.tree.crash_message == "There was an error while processing your request: boom in main"


@pytest.mark.asyncio
async def test_page_url_name_and_created_hook(make_host: Any, ui: Any) -> None:
    created: list[Page] = []
    host = make_host(
        ui.counter_app(), page_name="sub", page_url="http://127.0.0.1:8550/sub", on_page_created=created.append
    )
    tab = MemoryClient(host)
    await tab.connect()
    assert len(created) == 1
    page = created[0]
    assert (page.url, page.name) == ("http://127.0.0.1:8550/sub", "sub")
    assert page.session_id == tab.session_id
    assert page.session is not None and page.client_storage is not None and page.pubsub is not None


@pytest.mark.asyncio
async def test_shutdown_closes_every_session_once_and_does_not_wait_for_blocked_handlers(
    make_host: Any, ui: Any
) -> None:
    import threading

    closed = ui.Recorder()
    release = threading.Event()

    def main(page: Page) -> None:
        page.on_close = lambda e: closed.add(page.session_id)
        page.add(ui.Button("block", on_click=lambda e: release.wait(10)))

    host = make_host(main)
    tabs = [MemoryClient(host) for _ in range(3)]
    for tab in tabs:
        await tab.connect()
    for tab in tabs:
        await tab.wait_for(functools.partial(tab.find, type="elevatedbutton"))
    tabs[0].click(tabs[0].find_one(type="elevatedbutton")["i"])
    await asyncio.sleep(0.05)
    started = time.monotonic()
    await host.shutdown()
    await host.shutdown()
    assert time.monotonic() - started < 1.5
    assert sorted(closed.items) == sorted(str(tab.session_id) for tab in tabs)
    assert host.session_count() == 0
    for tab in tabs:
        await asyncio.wait_for(tab.disconnect(), 2)
        assert tab.transport is not None and tab.transport.close_code == 1001
    release.set()


@pytest.mark.asyncio
async def test_a_host_can_serve_again_after_shutdown(make_host: Any, ui: Any) -> None:
    host = make_host(ui.counter_app())
    tab = MemoryClient(host)
    await tab.connect()
    await host.shutdown()
    await tab.disconnect()
    again = MemoryClient(host)
    await again.connect()
    await again.wait_for(lambda: again.find(type="elevatedbutton"))
    assert host.session_count() == 1


@pytest.mark.asyncio
async def test_a_session_id_unknown_here_starts_a_new_session_logged_at_info(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """What a reconnect sees when a load balancer sends it to a process that never had its session."""
    caplog.set_level(logging.DEBUG, logger="flet")
    host = make_host(lambda page: page.add(ui.Text("fresh")))
    tab = MemoryClient(host)
    await tab.connect(session_id="fromAnotherWorkr")
    assert tab.session_id and tab.session_id != "fromAnotherWorkr"
    await tab.wait_for(lambda: tab.texts(type="text") == ["fresh"])
    (record,) = [r for r in caplog.records if session_tag("fromAnotherWorkr") in r.getMessage()]
    assert record.levelno == logging.INFO and "not known to this process" in record.getMessage()
    assert not [r for r in caplog.records if "fromAnotherWorkr" in r.getMessage()]  # ids re-attach: never logged
    assert record.exc_info is None
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
