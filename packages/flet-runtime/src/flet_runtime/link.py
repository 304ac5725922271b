"""``Link``: one open client connection, its outbox, and the writing of the outbox out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from flet_runtime import metrics
from flet_runtime.outbox import DEFAULT_MAX_BYTES, DEFAULT_MAX_FRAMES, DEFAULT_STALL_TIMEOUT, Outbox
from flet_runtime.ratelog import RateLimitedLog
from flet_runtime.transport import Transport

if TYPE_CHECKING:
    from flet_runtime.session import Session

__all__ = ["Link"]

logger = logging.getLogger("flet")
_log = RateLimitedLog(logger)

# 1008 "policy violation": the client did not read its frames and the server gave up on it
OVERFLOW_CLOSE_CODE = 1008
# 1001 "going away": the server shuts down, or the session ended
GOING_AWAY_CLOSE_CODE = 1001


class Link:
    """A transport, the outbox feeding it, and the session it carries (once registered)."""

    __slots__ = (  # one per session: no instance dict
        "_log",
        "_loop",
        "_metrics",
        "close_code",
        "desktop",
        "ended",
        "outbox",
        "page_url",
        "reader",
        "registering",
        "session",
        "transport",
        "url_prefix",
        "writer",
    )

    def __init__(
        self,
        transport: Transport,
        loop: asyncio.AbstractEventLoop,
        *,
        max_frames: int = DEFAULT_MAX_FRAMES,
        max_bytes: int = DEFAULT_MAX_BYTES,
        stall_timeout: float = DEFAULT_STALL_TIMEOUT,
        log: RateLimitedLog | None = None,
    ) -> None:
        self.transport = transport
        self._log = log or _log
        self.session: Session | None = None
        self.close_code: int | None = None
        self.url_prefix = ""
        """Path prefix of a trusted reverse proxy for this connection (see ``AppHost.serve``)."""
        self.page_url: str | None = None
        """The page's URL as this connection asked for it; None: the host's (see ``AppHost.serve``)."""
        self.registering = False
        """A registration on this socket waits for the answer of another socket's tab."""
        self.desktop = False
        """The desktop client's local socket: registrations are answered as 0.21.2's socket server does."""
        self.ended = False
        """The link was stopped (:meth:`end`); the serving loop is winding it down."""
        # The task reading the transport (the one in AppHost.serve): end() cancels its read, which
        # ends the serving loop (no task and asyncio.Event per connection waiting on the end).
        self.reader: asyncio.Task[None] | None = None
        self.outbox = Outbox(
            loop,
            self._overflowed,
            max_frames=max_frames,
            max_bytes=max_bytes,
            stall_timeout=stall_timeout,
            on_ready=self._start_writer,
        )
        self._metrics = metrics.current()
        self._loop = loop
        # Frames are written as they are put on the loop; a task writes the outbox out only
        # while a write has to wait (a slow client), and ends once the outbox is empty: an idle
        # connection keeps no task waiting (~1 KB less per idle one).
        self.writer: asyncio.Task[None] | None = None

    def put(self, frame: str) -> bool:
        return self.outbox.put(frame)

    def end(self, close_code: int | None = None) -> None:
        """Stop this link: the serving loop notices, detaches the session and closes the transport."""
        if close_code is not None and self.close_code is None:
            self.close_code = close_code
        self.outbox.close()
        self.ended = True
        reader = self.reader
        if reader is not None and reader is not _current_task():  # the reader itself returns on its own
            reader.cancel()

    def _overflowed(self) -> None:
        tag = self.session.tag if self.session is not None else "-"
        if self.outbox.overflow_reason == "stall":
            why = "the client read nothing for FLET_OUTBOX_STALL_TIMEOUT seconds"
        else:
            why = "more than FLET_OUTBOX_MAX_BYTES waited to be written to the client"
        self._log.warning("outbox", "Closing the connection of session %s: %s", tag, why)
        self.end(OVERFLOW_CLOSE_CODE)

    async def _send(self, frame: str) -> None:
        await self.transport.send(frame)
        self._metrics.updates_sent.inc()
        self._metrics.bytes_sent.inc(len(frame))

    def _sender(self) -> Callable[[str], Coroutine[Any, Any, None]]:
        # without metrics, the transport's own send: a coroutine less per frame (~0.5 µs)
        return self._send if self._metrics.enabled else self.transport.send

    def _start_writer(self) -> None:
        """Frames wait (on the loop): write them now, and in a writer task what has to wait."""
        if self.writer is not None and not self.writer.done():
            return  # the writer takes them in its turn
        try:
            rest = self.outbox.write_now(self._sender())
        except Exception as error:
            self._send_failed(error)
            return
        if rest is not None:
            self.writer = self._loop.create_task(self._write(rest))

    async def _write(self, rest: Coroutine[Any, Any, bool]) -> None:
        try:
            if await rest:
                await self.outbox.drain_into(self._sender(), until_empty=True)
            self.writer = None  # done: an idle link keeps not even the finished task
        except asyncio.CancelledError:
            raise
        except Exception as error:
            self._send_failed(error)

    def _send_failed(self, error: Exception) -> None:
        """A broken socket ends the link, nothing more."""
        logger.debug("Sending to the client failed: %r", error)
        self.end()


def _current_task() -> asyncio.Task[object] | None:
    try:
        return asyncio.current_task()
    except RuntimeError:  # no loop runs in this thread
        return None
