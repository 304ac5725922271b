"""A link writes frames put on the loop at once, and only what has to wait in a writer task."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from flet_runtime.link import OVERFLOW_CLOSE_CODE, Link


class Transport:
    """Records frames; a frame named in ``gates`` waits for its event, one in ``broken`` raises."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.gates: dict[str, asyncio.Event] = {}
        self.broken: set[str] = set()
        self.broken_after_wait: set[str] = set()

    async def receive(self) -> str | None:
        return None

    async def send(self, frame: str) -> None:
        if frame in self.broken:
            raise ConnectionResetError("the peer is gone")
        gate = self.gates.get(frame)
        if gate is not None:
            await gate.wait()
            if frame in self.broken_after_wait:
                raise ConnectionResetError("the peer is gone")
        self.sent.append(frame)

    async def close(self, code: int = 1000) -> None:
        pass


async def settle(link: Link) -> None:
    for _ in range(200):
        if link.outbox.idle and (link.writer is None or link.writer.done()):
            return
        await asyncio.sleep(0.001)
    raise AssertionError("the link did not finish writing")


@pytest.mark.asyncio
async def test_a_frame_put_on_the_loop_is_written_within_put_without_a_task() -> None:
    transport = Transport()
    link = Link(transport, asyncio.get_running_loop())
    assert link.put("a") and link.put("b")
    assert transport.sent == ["a", "b"]  # nothing awaited in between
    assert link.writer is None and link.outbox.idle


@pytest.mark.asyncio
async def test_frames_behind_a_write_that_waits_keep_their_order() -> None:
    transport = Transport()
    gate = transport.gates["slow"] = asyncio.Event()
    link = Link(transport, asyncio.get_running_loop())
    link.put("first")
    link.put("slow")
    link.put("after")
    link.put("later")
    await asyncio.sleep(0.01)
    assert transport.sent == ["first"] and link.writer is not None and not link.outbox.idle
    gate.set()
    await settle(link)
    assert transport.sent == ["first", "slow", "after", "later"]
    link.put("again")  # the writer is gone: written at once again
    assert transport.sent[-1] == "again" and link.writer is None


@pytest.mark.asyncio
async def test_frames_from_threads_and_the_loop_leave_in_the_order_they_were_put() -> None:
    transport = Transport()
    gate = transport.gates["loop10"] = asyncio.Event()  # one write on the way has to wait
    link = Link(transport, asyncio.get_running_loop())
    lock = threading.Lock()
    order: list[str] = []

    def produce(name: str) -> None:
        for index in range(100):
            with lock:  # like the page lock: the order of put() is the order that counts
                frame = f"{name}{index}"
                order.append(frame)
                link.put(frame)

    threads = [threading.Thread(target=produce, args=(name,)) for name in "ab"]
    for thread in threads:
        thread.start()
    produce("loop")
    gate.set()
    for thread in threads:
        await asyncio.to_thread(thread.join)
    for _ in range(200):
        if len(transport.sent) == len(order):
            break
        await asyncio.sleep(0.005)
    assert transport.sent == order


@pytest.mark.asyncio
async def test_a_write_that_waits_past_the_stall_timeout_ends_the_link(caplog: pytest.LogCaptureFixture) -> None:
    transport = Transport()
    transport.gates["stuck"] = asyncio.Event()  # never set: the client stopped reading
    link = Link(transport, asyncio.get_running_loop(), stall_timeout=0.1)
    link.put("stuck")
    link.put("behind")
    with caplog.at_level(logging.WARNING, logger="flet"):
        await asyncio.sleep(0.3)
    assert link.ended and link.close_code == OVERFLOW_CLOSE_CODE and link.outbox.overflow_reason == "stall"
    assert not link.put("late")
    assert any("FLET_OUTBOX_STALL_TIMEOUT" in record.getMessage() for record in caplog.records)
    assert link.writer is not None
    link.writer.cancel()  # what the serving loop does once the link has ended
    await asyncio.wait([link.writer])
    assert transport.sent == []


@pytest.mark.asyncio
async def test_the_size_bound_still_holds_while_a_write_waits() -> None:
    transport = Transport()
    transport.gates["x" * 10] = asyncio.Event()
    link = Link(transport, asyncio.get_running_loop(), max_bytes=25)
    assert link.put("x" * 10)  # taken out, its send waits
    assert link.put("y" * 10) and link.put("z" * 10)  # 20 characters wait
    assert not link.put("w" * 10)  # 30 would wait
    assert link.ended and link.close_code == OVERFLOW_CLOSE_CODE and link.outbox.overflow_reason == "size"


@pytest.mark.asyncio
async def test_a_send_that_fails_at_once_ends_the_link_not_the_caller() -> None:
    transport = Transport()
    transport.broken.add("boom")
    link = Link(transport, asyncio.get_running_loop())
    link.put("ok")
    link.put("boom")  # no exception here: the page's update() is the caller
    assert link.ended and transport.sent == ["ok"]
    assert not link.put("after")


@pytest.mark.asyncio
async def test_a_send_that_fails_after_waiting_ends_the_link() -> None:
    transport = Transport()
    gate = transport.gates["boom"] = asyncio.Event()
    transport.broken_after_wait.add("boom")
    link = Link(transport, asyncio.get_running_loop())
    link.put("boom")
    link.put("behind")
    gate.set()
    await settle(link)
    assert link.ended and transport.sent == []


@pytest.mark.asyncio
async def test_cancelling_the_writer_cancels_the_write_that_waits() -> None:
    transport = Transport()
    transport.gates["slow"] = asyncio.Event()
    link = Link(transport, asyncio.get_running_loop())
    link.put("slow")
    await asyncio.sleep(0)
    writer = link.writer
    assert writer is not None
    link.end()
    writer.cancel()
    await asyncio.wait([writer])
    assert writer.cancelled() and transport.sent == []
