"""Thousands of sessions created, used and expired leave nothing behind."""

from __future__ import annotations

import asyncio
import gc
import os
import time
import weakref
from typing import Any

import pytest

from flet_core.page import Page
from flet_runtime import MemoryClient


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.asyncio
async def test_two_thousand_sessions_leave_no_sessions_controls_tasks_or_memory(make_host: Any, ui: Any) -> None:
    pages: weakref.WeakSet[Page] = weakref.WeakSet()
    controls: weakref.WeakSet[Any] = weakref.WeakSet()
    tasks_at_start = len(asyncio.all_tasks())

    def build(page: Page) -> None:
        pages.add(page)
        label = ui.Text("0")

        def clicked(e: Any) -> None:
            label.value = "clicked"
            page.update()

        async def clicked_async(e: Any) -> None:
            clicked(e)

        page.session.set("key", "value")
        page.pubsub.subscribe(lambda message: None)
        page.pubsub.subscribe_topic("topic", lambda topic, message: None)
        page.on_close = lambda e: None
        handler = clicked if len(page.session_id) % 2 else clicked_async
        column = ui.Column(controls=[label, ui.TextField(value=""), ui.Button("go", on_click=handler)])
        controls.update([column, *column.controls])
        page.add(column)

    async def main_async(page: Page) -> None:
        build(page)

    def main(page: Page) -> None:
        if page.session_id[0] < "a":
            build(page)
        else:
            page.run_task(main_async, page)

    host = make_host(main, session_timeout=0)

    async def one_session() -> None:
        tab = MemoryClient(host)
        await tab.connect()
        await tab.wait_for(lambda: tab.find(type="elevatedbutton"))
        tab.type(tab.find_one(type="textfield")["i"], "typed")
        tab.click(tab.find_one(type="elevatedbutton")["i"])
        await tab.wait_for(lambda: tab.find(type="text", text="clicked"))
        await tab.disconnect()

    async def run(sessions: int) -> None:
        for _ in range(sessions // 50):
            await asyncio.gather(*(one_session() for _ in range(50)))
        for _ in range(500):  # expiry closes sessions in the background; the sweeper stays
            if host.session_count() == 0 and len(asyncio.all_tasks()) == tasks_at_start + 1:
                break
            await asyncio.sleep(0.01)
        assert host.session_count() == 0
        for _ in range(3):
            gc.collect()

    await run(600)  # warm up: thread pool, allocator arenas, caches
    assert len(pages) == len(controls) == 0
    rss_before = resident_bytes()
    started = time.monotonic()

    await run(2000)

    elapsed = time.monotonic() - started
    growth = resident_bytes() - rss_before
    print(f"2000 sessions in {elapsed:.1f} s, RSS growth {growth / 2**20:.2f} MB")
    assert len(pages) == 0
    assert len(controls) == 0
    assert len(asyncio.all_tasks()) == tasks_at_start + 1  # the expiry sweeper
    assert host.pubsub.subscriber_count() == 0
    assert growth < 10 * 2**20
