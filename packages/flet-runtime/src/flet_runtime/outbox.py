"""The ordered, bounded queue of frames waiting to be written to one connection.

Frames are appended under a lock by whichever thread sends them (the page sends while it
holds its own lock, so the queue order is the order of the snapshot's changes). On the loop,
the owner writes them out at once (:meth:`Outbox.write_now`) for as long as the transport takes
them without waiting; only a write that has to wait (the client reads slowly) goes on in a
writer task, which drains the queue until it is empty. When the client stops reading, the
writer blocks and the queue grows. The outbox gives up and reports an overflow when what waits passes
its size bound (``FLET_OUTBOX_MAX_BYTES``), or when one write has waited longer than the stall
timeout (``FLET_OUTBOX_STALL_TIMEOUT``): a client that reads, however fast the app sends, never
trips either. The connection is then closed (the session keeps its state; the tab can reconnect).
The frame count bound is only a backstop against millions of tiny frames.
"""

from __future__ import annotations

import asyncio
import threading
import types
from collections.abc import Awaitable, Callable, Coroutine, Generator
from typing import Any

from flet_runtime import config

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_FRAMES", "DEFAULT_STALL_TIMEOUT", "Outbox"]

DEFAULT_MAX_FRAMES = 200_000
DEFAULT_MAX_BYTES: int = config.OUTBOX_MAX_BYTES.default
DEFAULT_STALL_TIMEOUT: float = config.OUTBOX_STALL_TIMEOUT.default


class Outbox:
    """Frames for one connection, in send order, bounded by a frame count and a size."""

    __slots__ = (  # one per session: no instance dict
        "_closed",
        "_frames",
        "_lock",
        "_loop",
        "_max_bytes",
        "_max_frames",
        "_on_overflow",
        "_on_ready",
        "_send_started",
        "_size",
        "_stall_timeout",
        "_waiter",
        "_wake_pending",
        "_watchdog",
        "_writing",
        "overflow_reason",
    )

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        on_overflow: Callable[[], None],
        *,
        max_frames: int = DEFAULT_MAX_FRAMES,
        max_bytes: int = DEFAULT_MAX_BYTES,
        stall_timeout: float = DEFAULT_STALL_TIMEOUT,
        on_ready: Callable[[], None] | None = None,
    ) -> None:
        self._loop = loop
        # called on the loop when frames wait and no drain_into() waits for them: the owner
        # writes them then (``write_now``, and a writer task if a write has to wait)
        self._on_ready = on_ready
        self._stall_timeout = stall_timeout
        self.overflow_reason = ""
        """Why the outbox gave up (``"size"`` or ``"stall"``), empty while it has not."""
        self._on_overflow = on_overflow
        self._max_frames = max_frames
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        # A list, and a future only while the writer waits, not a deque and an asyncio.Event
        # (each of those allocates a 500-byte block up front): ~1.5 KB less per idle connection.
        self._frames: list[str] = []
        self._size = 0
        self._wake_pending = False
        self._closed = False
        self._writing = 0
        self._waiter: asyncio.Future[None] | None = None
        # The stall timeout is one timer that checks on the write in progress, re-armed at most
        # once per timeout, not an asyncio.timeout() around each write (~4 us per frame).
        self._send_started: float | None = None
        self._watchdog: asyncio.TimerHandle | None = None

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def idle(self) -> bool:
        """Nothing is queued and nothing taken from the queue is still being written."""
        return not self._frames and not self._writing

    @property
    def queued_bytes(self) -> int:
        """Characters of the frames waiting to be written."""
        return self._size

    def __len__(self) -> int:
        return len(self._frames)

    def put(self, frame: str) -> bool:
        """Queue a frame (from any thread); False when the outbox is closed or just overflowed."""
        wake = False
        with self._lock:
            if self._closed:
                return False
            if len(self._frames) >= self._max_frames or self._size + len(frame) > self._max_bytes:
                self.overflow_reason = "size"
                self._closed = True
                self._frames.clear()
                self._size = 0
                overflow = True
            else:
                overflow = False
                self._frames.append(frame)
                self._size += len(frame)
                wake = not self._wake_pending
                self._wake_pending = True
        if overflow:
            self._call_on_loop(self._on_overflow)
        elif wake:
            self._call_on_loop(self._wake)
        return not overflow

    def _wake(self) -> None:
        """Let the writer go on (on the loop)."""
        waiter = self._waiter
        if waiter is not None:
            if not waiter.done():
                waiter.set_result(None)
        elif self._on_ready is not None and self._frames and not self._closed:
            self._on_ready()

    def _shut(self) -> None:
        """After close(), on the loop: the writer ends, the watchdog too."""
        self._wake()
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None

    def _call_on_loop(self, callback: Callable[[], None]) -> None:
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self._loop:
            callback()
        else:
            try:
                self._loop.call_soon_threadsafe(callback)
            except RuntimeError:
                pass  # the loop is closed: nobody is left to write to

    def _stalled(self) -> None:
        with self._lock:
            if self._closed:
                return
            self.overflow_reason = "stall"
            self._closed = True
            self._frames.clear()
            self._size = 0
        self._on_overflow()

    def close(self) -> None:
        """Drop what is queued and refuse new frames."""
        with self._lock:
            self._closed = True
            self._frames.clear()
            self._size = 0
        self._call_on_loop(self._shut)

    def write_now(self, send: Callable[[str], Coroutine[Any, Any, None]]) -> Coroutine[Any, Any, bool] | None:
        """Write what is queued, here and now, while ``send`` completes without waiting (on the loop).

        Call it only when no writer is at work (``drain_into`` or the rest returned before).
        A WebSocket send waits only when the client is slow to read, so a frame put on the loop
        normally leaves within ``put()``: no writer task and loop turn per burst (put and write
        of a frame 5.7 -> 3.9 µs of CPU; 4.6% fewer instructions per click of the async counter,
        tools/bench/event_path.py), and in a pubsub fan-out each session's update is on the
        wire as soon as its subscriber has run, not after all of them.

        Returns None when nothing is left to write; else the rest of the write: the send that had
        to wait, then the frames taken with it, for the caller to await in a writer task (its
        result is False once the outbox was closed). Raises what ``send`` raises.
        """
        while self._frames:  # a closed outbox holds none
            frames = self._take()
            for index, frame in enumerate(frames):
                if self._closed:  # by a failed send, or from another thread
                    break
                sending = send(frame)
                try:
                    waiting_on = sending.send(None)
                except StopIteration:
                    self._writing -= 1
                    continue
                except BaseException:
                    self._writing = 0
                    raise
                self._send_started = started = self._loop.time()
                if self._watchdog is None:
                    self._watchdog = self._loop.call_at(started + self._stall_timeout, self._watch)
                return self._finish(sending, waiting_on, frames[index + 1 :], send)
            self._writing = 0
        return None

    async def _finish(
        self,
        sending: Coroutine[Any, Any, None],
        waiting_on: object,
        rest: list[str],
        send: Callable[[str], Awaitable[None]],
    ) -> bool:
        """The write that ``write_now`` could not complete: that send, then ``rest``."""
        try:
            try:
                await _resumed(sending, waiting_on)
            finally:
                self._send_started = None
            self._writing -= 1
            return await self._write(rest, send)
        finally:
            self._writing = 0

    def _take(self) -> list[str]:
        with self._lock:
            frames, self._frames = self._frames, []
            self._size = 0
            self._wake_pending = False
            self._writing = len(frames)
            return frames

    async def drain_into(self, send: Callable[[str], Awaitable[None]], *, until_empty: bool = False) -> None:
        """Write frames with ``send`` as they come, until the outbox is closed (the writer task).

        With ``until_empty``, return as soon as nothing is queued (the next frames call ``on_ready``).
        """
        while not self._closed:
            if not self._frames:
                if until_empty:
                    return
                # No lost wake-up: put() wakes through the loop, which runs only once we wait.
                self._waiter = self._loop.create_future()
                try:
                    await self._waiter
                finally:
                    self._waiter = None
                continue
            try:
                if not await self._write(self._take(), send):
                    return
            finally:
                self._writing = 0

    async def _write(self, frames: list[str], send: Callable[[str], Awaitable[None]]) -> bool:
        """Send ``frames`` in order; False once the outbox is closed.

        A method of its own so that no frame stays referenced while the writer waits. A write
        that stalls is not interrupted here: the watchdog closes the outbox and reports the
        overflow, and the link's owner then cancels the writer.
        """
        loop = self._loop
        for frame in frames:
            if self._closed:  # closed while we were sending
                return False
            self._send_started = started = loop.time()
            if self._watchdog is None:
                self._watchdog = loop.call_at(started + self._stall_timeout, self._watch)
            try:
                await send(frame)
            finally:
                self._send_started = None
            self._writing -= 1
        return True

    def _watch(self) -> None:
        """The watchdog's round: give up on a write older than the stall timeout."""
        self._watchdog = None
        started = self._send_started
        if started is None or self._closed:
            return  # nothing is being written: armed again by the next write
        due = started + self._stall_timeout
        if self._loop.time() >= due:
            self._stalled()
        else:
            self._watchdog = self._loop.call_at(due, self._watch)


@types.coroutine
def _resumed(coroutine: Coroutine[Any, Any, None], waiting_on: object) -> Generator[Any, Any, None]:
    """Await ``coroutine``, which was started outside any task and suspended on ``waiting_on``.

    What the coroutine yields goes to the awaiting task, what the task sends or throws back
    (a future's completion, a cancellation) goes to the coroutine.
    """
    while True:
        try:
            value = yield waiting_on
        except BaseException as error:  # a cancellation of the task, handed on
            try:
                waiting_on = coroutine.throw(error)
            except StopIteration:
                return
        else:
            try:
                waiting_on = coroutine.send(value)
            except StopIteration:
                return
