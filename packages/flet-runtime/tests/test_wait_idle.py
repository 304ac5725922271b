"""AppHost.wait_idle and what it builds on: running handlers, idle outboxes, frames in transit;
MemoryClient's scripted answers (errors, NO_ANSWER)."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

from flet_core.page import Page
from flet_runtime import MemoryClient
from flet_runtime.memory_transport import NO_ANSWER


async def settle(host: Any, *clients: MemoryClient) -> None:
    while True:
        await host.wait_idle()
        if not any(c.transport is not None and c.transport.in_transit for c in clients if c.connected):
            return
        await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_wait_idle_waits_for_sync_and_async_handlers_and_their_frames(make_host: Any, ui: Any) -> None:
    def main(page: Page) -> None:
        def slow(e: Any) -> None:
            time.sleep(0.05)
            page.add(ui.Text("sync done"))

        async def slower(e: Any) -> None:
            await asyncio.sleep(0.05)
            page.add(ui.Text("async done"))

        page.add(ui.Button("sync", on_click=slow), ui.Button("async", on_click=slower))

    host = make_host(main)
    client = MemoryClient(host)
    await client.connect()
    await settle(host, client)
    sync_button, async_button = (node["i"] for node in client.find(type="elevatedbutton"))
    client.click(sync_button)
    client.click(async_button)
    await settle(host, client)
    assert client.find(text="sync done") and client.find(text="async done")
    session = host.sessions()[0]
    assert session.running_handlers() == {}
    assert session.link is not None and session.link.outbox.idle


@pytest.mark.asyncio
async def test_running_handlers_name_what_runs_and_wait_idle_times_out(make_host: Any, ui: Any) -> None:
    release = threading.Event()

    def main(page: Page) -> None:
        def stuck(e: Any) -> None:
            release.wait(5)

        page.add(ui.Button("stuck", on_click=stuck))

    host = make_host(main)
    client = MemoryClient(host)
    await client.connect()
    await settle(host, client)
    client.click(client.find_one(type="elevatedbutton")["i"])
    await client.wait_for(lambda: host.sessions()[0].running_handlers())
    (what,) = host.sessions()[0].running_handlers().values()
    assert what.startswith("the 'click' handler ") and "stuck" in what
    with pytest.raises(TimeoutError, match=r"still busy after 0.05 s: the 'click' handler .*stuck"):
        await host.wait_idle(0.05)
    release.set()
    await host.wait_idle()
    assert host.sessions()[0].running_handlers() == {}


@pytest.mark.asyncio
async def test_main_and_pubsub_subscribers_count_as_running(make_host: Any, ui: Any) -> None:
    started = asyncio.Event()
    finish = asyncio.Event()

    async def main(page: Page) -> None:
        started.set()
        await finish.wait()
        page.add(ui.Text("ready"))

    host = make_host(main)
    client = MemoryClient(host)
    await client.connect()
    await started.wait()
    (what,) = host.sessions()[0].running_handlers().values()
    assert what.startswith("the session handler ") and "main" in what
    finish.set()
    await settle(host, client)
    assert client.find(text="ready")


@pytest.mark.asyncio
async def test_scripted_answers_can_fail_or_stay_silent(make_host: Any) -> None:
    results: list[str] = []

    async def main(page: Page) -> None:
        for _ in range(2):
            try:
                await page.get_clipboard_async(wait_timeout=0.05)
            except Exception as error:
                results.append(f"{type(error).__name__}: {error}")

    answers: list[Any] = [RuntimeError("paste_fail"), NO_ANSWER]
    host = make_host(main)
    client = MemoryClient(host, answers={"getClipboard": lambda call: answers.pop(0)})
    await client.connect()
    await settle(host, client)
    assert results == [
        "ClientMethodError: the client failed 'getClipboard': paste_fail",
        "TimeoutError: the client did not answer 'getClipboard' within 0.05 s",
    ]
    assert [call["methodName"] for call in client.calls] == ["getClipboard", "getClipboard"]
