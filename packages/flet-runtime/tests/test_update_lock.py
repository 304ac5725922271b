"""The loop never waits for a page's update lock: a client's messages queue behind it, in order."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import pytest

from flet_core.page import Page
from flet_runtime import MemoryClient
from flet_runtime.memory_transport import registration
from flet_runtime.session import BACKLOG_LIMIT, Session

_QUEUED = "the client messages waiting for the update lock"


class Holder:
    """A "hold" button whose sync handler keeps the page's update lock until released (or 10 s)."""

    def __init__(self) -> None:
        self.holding = threading.Event()
        self.release = threading.Event()
        self.then: Any = None
        """Called inside the lock, after ``release``."""

    def handler(self, page: Page) -> Any:
        def hold(e: Any) -> None:
            with page.update_lock:
                self.holding.set()
                self.release.wait(10)
                if self.then is not None:
                    self.then()
                self.holding.clear()  # still inside the lock

        return hold


def lock_app(ui: Any, holder: Holder, seen: Any) -> Any:
    def main(page: Page) -> None:
        field = ui.TextField(value="start", on_change=lambda e: seen.add(("change", e.data, e.control.value)))
        count = ui.Text("0")

        def plus(e: Any) -> None:
            count.value = str(int(count.value or "0") + 1)
            page.update()

        page.add(
            field,
            count,
            ui.Button("hold", on_click=holder.handler(page)),
            ui.Button("plus", on_click=plus),
            ui.Button("mark", on_click=lambda e: seen.add("mark")),
        )

    return main


async def start(host: Any) -> MemoryClient:
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.find(text="mark"))
    return tab


async def hold_lock(tab: MemoryClient, holder: Holder) -> None:
    tab.click(tab.find_one(text="hold")["i"])
    await asyncio.get_running_loop().run_in_executor(None, holder.holding.wait, 5)
    assert holder.holding.is_set()


def session_of(host: Any, tab: MemoryClient) -> Session:
    session: Session = next(s for s in host.sessions() if s.id == tab.session_id)
    return session


def queued(session: Session) -> bool:
    return _QUEUED in " ".join(session.running_handlers().values())


@pytest.mark.asyncio
async def test_a_handler_holding_the_lock_does_not_stall_another_session(make_host: Any, ui: Any) -> None:
    holder, seen = Holder(), ui.Recorder()
    host = make_host(lock_app(ui, holder, seen))
    hog, other = await start(host), await start(host)
    await hold_lock(hog, holder)
    field = hog.find_one(type="textfield")["i"]
    hog.type(field, "typed")  # before the fix, the loop's thread waited for the lock here
    hog.click(hog.find_one(text="mark")["i"])
    await hog.wait_for(lambda: queued(session_of(host, hog)))
    other.click(other.find_one(text="plus")["i"])
    await other.wait_for(lambda: other.find(type="text", text="1"), timeout=3)
    assert holder.holding.is_set()  # the other session's round trip came while the lock was held
    assert seen.items == []  # the hog's messages wait behind the lock
    holder.release.set()
    await hog.wait_for(lambda: "mark" in seen)
    # the value was written before the change event was dispatched, which was before the click's
    assert seen.items == [("change", "typed", "typed"), "mark"]
    await host.wait_idle(5)
    assert not queued(session_of(host, hog))


@pytest.mark.asyncio
async def test_queued_props_and_events_are_applied_in_arrival_order(
    make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    applied: list[Any] = []
    apply_props, dispatch_event = Page.apply_client_props, Page.dispatch_event

    def record_props(page: Page, props: list[dict[str, str]]) -> None:
        applied.extend(("props", item.get("value")) for item in props)
        apply_props(page, props)

    def record_event(page: Page, target: str, name: str, data: str) -> None:
        if name != "click" or target == marks[0]:
            applied.append((name, data))
        dispatch_event(page, target, name, data)

    monkeypatch.setattr(Page, "apply_client_props", record_props)
    monkeypatch.setattr(Page, "dispatch_event", record_event)
    holder, seen = Holder(), ui.Recorder()
    host = make_host(lock_app(ui, holder, seen))
    tab = await start(host)
    marks = [tab.find_one(text="mark")["i"]]
    await hold_lock(tab, holder)
    applied.clear()
    field = tab.find_one(type="textfield")["i"]
    for text in ("a", "ab", "abc"):
        tab.type(field, text)
    tab.click(marks[0])
    await tab.wait_for(lambda: queued(session_of(host, tab)))
    await asyncio.sleep(0.05)
    assert applied == []
    holder.release.set()
    await tab.wait_for(lambda: "mark" in seen)
    await host.wait_idle(5)
    assert applied == [
        ("props", "a"),
        ("change", "a"),
        ("props", "ab"),
        ("change", "ab"),
        ("props", "abc"),
        ("change", "abc"),
        ("click", ""),
    ]
    changes = [item for item in seen.items if item != "mark"]
    assert sorted(change[1] for change in changes) == ["a", "ab", "abc"]
    page = session_of(host, tab).require_page()
    assert page.index[field].value == "abc"  # type: ignore[attr-defined]


@pytest.mark.asyncio
async def test_a_method_result_reaches_a_handler_that_waits_for_it_holding_the_lock(make_host: Any, ui: Any) -> None:
    """The result must not queue behind the lock its own caller holds (a deadlock until timeout)."""
    holder, seen = Holder(), ui.Recorder()
    answers: dict[str, Any] = {"clientStorage:get": json.dumps("stored")}
    host = make_host(lock_app(ui, holder, seen))
    tab = MemoryClient(host, answers=answers)
    await tab.connect()
    await tab.wait_for(lambda: tab.find(text="mark"))
    results: list[Any] = []

    def ask() -> None:
        page = session_of(host, tab).require_page()
        page.client_storage.wait_timeout = 3
        try:
            results.append(page.client_storage.get("k"))
        except Exception as error:
            results.append(error)

    holder.then = ask
    await hold_lock(tab, holder)
    field = tab.find_one(type="textfield")["i"]
    tab.type(field, "queued")  # the backlog is not empty when the answer comes
    await tab.wait_for(lambda: queued(session_of(host, tab)))
    holder.release.set()
    await tab.wait_for(lambda: ("change", "queued", "queued") in seen, timeout=2.5)
    assert results == ["stored"]
    assert [call["methodName"] for call in tab.calls] == ["clientStorage:get"]
    await host.wait_idle(5)


@pytest.mark.asyncio
async def test_a_limit_breach_found_in_the_backlog_closes_the_connection(
    make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_MAX_CLIENT_STATE", "10000")
    holder, seen = Holder(), ui.Recorder()
    host = make_host(lock_app(ui, holder, seen))
    tab = await start(host)
    await hold_lock(tab, holder)
    field = tab.find_one(type="textfield")["i"]
    tab.type(field, "x" * 20000)  # past FLET_MAX_CLIENT_STATE
    tab.click(tab.find_one(text="mark")["i"])  # never dispatched: it came after the breach
    await tab.wait_for(lambda: queued(session_of(host, tab)))
    assert tab.connected
    holder.release.set()
    await asyncio.wait_for(tab._serving, 3)  # type: ignore[arg-type]  # noqa: SLF001  # the serve task ends
    assert tab.transport is not None and tab.transport.close_code == 1009
    await host.wait_idle(5)
    assert seen.items == []
    session = session_of(host, tab)
    assert session.require_page().index[field].value == "start"  # type: ignore[attr-defined]
    assert host.session_count() == 1  # the session stays for a reconnect
    await tab.connect()
    tab.type(tab.find_one(type="textfield")["i"], "back")
    await tab.wait_for(lambda: ("change", "back", "back") in seen)


@pytest.mark.asyncio
async def test_a_full_backlog_stops_reading_that_client_and_loses_nothing(make_host: Any, ui: Any) -> None:
    holder, seen = Holder(), ui.Recorder()
    host = make_host(lock_app(ui, holder, seen))
    tab = await start(host)
    await hold_lock(tab, holder)
    field = tab.find_one(type="textfield")["i"]
    extra = 10
    for index in range(BACKLOG_LIMIT + extra):
        tab.update_props(field, value=str(index))
    tab.click(tab.find_one(text="mark")["i"])
    await tab.wait_for(lambda: queued(session_of(host, tab)))
    await asyncio.sleep(0.1)
    assert tab.transport is not None and tab.transport.in_transit >= extra  # left unread, in the "socket"
    assert tab.connected
    holder.release.set()
    await tab.wait_for(lambda: "mark" in seen)
    page = session_of(host, tab).require_page()
    assert page.index[field].value == str(BACKLOG_LIMIT + extra - 1)  # type: ignore[attr-defined]
    await host.wait_idle(5)


@pytest.mark.asyncio
async def test_events_in_the_backlog_count_against_the_lane_so_reading_stops_there(
    make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_SESSION_MAX_RUNNING", "1")
    monkeypatch.setenv("FLET_SESSION_MAX_QUEUED", "3")
    holder, seen = Holder(), ui.Recorder()
    host = make_host(lock_app(ui, holder, seen))
    tab = await start(host)
    await hold_lock(tab, holder)  # its handler takes the lane's one slot: room for 3 more
    clicks = 10
    for _ in range(clicks):
        tab.click(tab.find_one(text="mark")["i"])
    await tab.wait_for(lambda: queued(session_of(host, tab)))
    await asyncio.sleep(0.1)
    session = session_of(host, tab)
    assert session.events_full
    # 3 in the backlog, the 4th read and waiting for room, the rest still in the "socket"
    assert tab.transport is not None and tab.transport.in_transit == clicks - 4
    holder.release.set()
    await tab.wait_for(lambda: seen.items.count("mark") == clicks)
    await host.wait_idle(5)


@pytest.mark.asyncio
async def test_a_registration_again_while_the_lock_is_held_does_not_stall_another_session(
    make_host: Any, ui: Any
) -> None:
    holder, seen = Holder(), ui.Recorder()
    host = make_host(lock_app(ui, holder, seen))
    hog, other = await start(host), await start(host)
    await hold_lock(hog, holder)
    before = hog.registrations
    hog.send(registration(hog.session_id or ""))  # the same socket asks for its page again
    await asyncio.sleep(0.05)
    other.click(other.find_one(text="plus")["i"])
    await other.wait_for(lambda: other.find(type="text", text="1"), timeout=3)
    assert holder.holding.is_set()  # the other session's round trip came while the lock was held
    assert hog.registrations == before  # the answer waits for the lock
    holder.release.set()
    await hog.wait_for(lambda: hog.registrations > before)
    await host.wait_idle(5)
