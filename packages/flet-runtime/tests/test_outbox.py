"""The outbox: frames leave in send order, from any thread; a client that stops reading is dropped."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import pytest

from flet_core.page import Page
from flet_runtime import MemoryClient, MemoryTransport
from flet_runtime.memory_transport import registration
from flet_runtime.outbox import Outbox


@pytest.mark.asyncio
async def test_frames_from_threads_leave_in_the_order_they_were_put() -> None:
    loop = asyncio.get_running_loop()
    outbox = Outbox(loop, lambda: None)
    sent: list[str] = []

    async def send(frame: str) -> None:
        sent.append(frame)
        if len(sent) % 7 == 0:
            await asyncio.sleep(0)

    writer = loop.create_task(outbox.drain_into(send))
    lock = threading.Lock()
    order: list[str] = []

    def produce(name: str) -> None:
        for index in range(200):
            with lock:  # like the page lock: the order of put() is the order that counts
                frame = f"{name}{index}"
                order.append(frame)
                outbox.put(frame)

    threads = [threading.Thread(target=produce, args=(name,)) for name in "abc"]
    for thread in threads:
        thread.start()
    produce("loop")
    for thread in threads:
        await asyncio.to_thread(thread.join)
    for _ in range(100):
        if len(sent) == len(order):
            break
        await asyncio.sleep(0.01)
    assert sent == order
    outbox.close()
    await asyncio.wait_for(writer, 1)


@pytest.mark.asyncio
async def test_the_bound_is_reported_once_and_the_outbox_closes() -> None:
    overflows: list[int] = []
    outbox = Outbox(asyncio.get_running_loop(), lambda: overflows.append(1), max_frames=3, max_bytes=1000)
    assert all(outbox.put("x") for _ in range(3))
    assert not outbox.put("x")
    assert not outbox.put("x")
    assert overflows == [1] and outbox.closed and len(outbox) == 0
    by_size = Outbox(asyncio.get_running_loop(), lambda: overflows.append(2), max_frames=100, max_bytes=10)
    assert by_size.put("12345")
    assert not by_size.put("123456")
    assert overflows == [1, 2]


@pytest.mark.asyncio
async def test_slow_writes_are_fine_and_one_write_past_the_stall_timeout_is_not() -> None:
    loop = asyncio.get_running_loop()
    overflows: list[str] = []
    outbox = Outbox(loop, lambda: overflows.append(outbox.overflow_reason), stall_timeout=0.2)
    sent: list[str] = []
    delays = {"slow": 0.12, "stuck": 10.0}

    async def send(frame: str) -> None:
        await asyncio.sleep(delays.get(frame.rstrip("0123456789"), 0))
        sent.append(frame)

    writer = loop.create_task(outbox.drain_into(send))
    for index in range(4):  # 0.48 s of writes in one go, none of them longer than 0.2 s
        outbox.put(f"slow{index}")
    await asyncio.sleep(0.6)
    assert sent == ["slow0", "slow1", "slow2", "slow3"] and not overflows
    await asyncio.sleep(0.3)  # idle longer than the timeout: nothing to complain about
    assert not overflows and outbox.idle
    outbox.put("stuck")
    outbox.put("after")
    await asyncio.sleep(0.35)
    assert overflows == ["stall"] and outbox.closed and len(outbox) == 0
    assert not outbox.put("late")
    writer.cancel()  # what the link's owner does once it hears of the overflow
    await asyncio.wait([writer])
    assert sent == ["slow0", "slow1", "slow2", "slow3"]


class StalledTransport(MemoryTransport):
    """A connection whose client stopped reading: once stalled, send() never completes."""

    def __init__(self) -> None:
        super().__init__()
        self.stalled = False

    async def send(self, frame: str) -> None:
        if self.stalled:
            await asyncio.Event().wait()
        await super().send(frame)


@pytest.mark.asyncio
async def test_a_client_that_stops_reading_is_disconnected(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def main(page: Page) -> None:
        label = ui.Text("0")

        def flood(e: Any) -> None:
            for index in range(100):
                label.value = str(index)
                page.update()

        page.add(label, ui.Button("flood", on_click=flood))

    host = make_host(main, outbox_max_frames=20)
    transport = StalledTransport()

    serving = asyncio.get_running_loop().create_task(
        host.serve(transport, client_ip="127.0.0.1", user_agent="MemoryClient")
    )
    transport.push(registration())
    frames = [await transport.next_frame() for _ in range(2)]  # the answer, then main's batch
    assert '"elevatedbutton"' in str(frames[1])
    button = next(c["i"] for c in _controls(frames[1]) if c["t"] == "elevatedbutton")
    transport.stalled = True
    transport.push({"action": "pageEventFromWeb", "payload": {"eventTarget": button, "eventName": "click"}})
    await asyncio.wait_for(serving, 3)
    assert transport.close_code == 1008
    (session,) = host.sessions()
    assert not session.connected  # kept for a reconnect
    assert any("FLET_OUTBOX_MAX_BYTES" in r.getMessage() for r in caplog.records)

    tab = MemoryClient(host)  # the tab comes back and gets the current page
    await tab.connect(session.id)
    assert tab.session_id == session.id
    await tab.wait_for(lambda: tab.find(type="text", text="99"))


def _controls(frame: Any) -> list[dict[str, Any]]:
    message = json.loads(frame)
    out: list[dict[str, Any]] = []
    for sub in message["payload"]:
        if sub["action"] == "addPageControls":
            out.extend(sub["payload"]["controls"])
    return out
