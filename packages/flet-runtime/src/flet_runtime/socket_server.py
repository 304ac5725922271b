"""The desktop protocol: one Flet client over a local socket, served by the same ``AppHost``.

The Flet desktop client (and a native shell embedding Python) does not speak HTTP: it connects
to a Unix domain socket, or to ``tcp://localhost:<port>`` where Unix sockets are unavailable
(Windows) or a port was asked for. Each message either way is a 4-byte big-endian length
followed by that many bytes of UTF-8 JSON, the same envelope as the WebSocket frames. The
server takes one client at a time; a second connection while one is open is closed at once.

Everything past the framing is the web path's: :class:`SocketTransport` is a
:class:`~flet_runtime.transport.Transport`, handed to :meth:`AppHost.serve`, so sessions,
dispatch, the outbox and the update engine are the ones that serve browsers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import string
import struct
import sys
import tempfile
from pathlib import Path

from flet_runtime import config
from flet_runtime.host import AppHost

__all__ = [
    "MAX_FRAME_BYTES",
    "FrameTooLargeError",
    "SocketServer",
    "SocketTransport",
    "encode_frame",
    "read_frame",
]

logger = logging.getLogger("flet")

MAX_FRAME_BYTES = 256 * 1024 * 1024
"""The largest message either side may announce; a bigger length means a broken stream."""

_HEADER = struct.Struct(">I")
_NAME_ALPHABET = string.ascii_letters + string.digits


class FrameTooLargeError(ValueError):
    """A length prefix announced more than :data:`MAX_FRAME_BYTES`: the stream is not Flet's."""


def encode_frame(text: str) -> bytes:
    """One message as it goes over the socket: its UTF-8 length (4 bytes, big-endian), then it."""
    body = text.encode("utf-8")
    if len(body) > MAX_FRAME_BYTES:
        raise FrameTooLargeError(f"a frame of {len(body)} bytes is over the limit of {MAX_FRAME_BYTES}")
    return _HEADER.pack(len(body)) + body


async def read_frame(reader: asyncio.StreamReader) -> str | None:
    """The next message from ``reader``; ``None`` at the end of the stream (also mid-frame)."""
    try:
        header = await reader.readexactly(_HEADER.size)
        (size,) = _HEADER.unpack(header)
        if size > MAX_FRAME_BYTES:
            raise FrameTooLargeError(f"the peer announced a frame of {size} bytes (limit {MAX_FRAME_BYTES})")
        body = await reader.readexactly(size)
    except asyncio.IncompleteReadError:
        return None
    return body.decode("utf-8", errors="replace")


class SocketTransport:
    """:class:`~flet_runtime.transport.Transport` over a connected stream socket."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._closed = False

    async def receive(self) -> str | None:
        if self._closed:
            return None
        try:
            return await read_frame(self._reader)
        except (OSError, FrameTooLargeError) as error:
            logger.debug("Receiving from the desktop client failed: %r", error)
            return None

    async def send(self, frame: str) -> None:
        if self._closed:
            raise ConnectionError("the desktop client's socket is closed")
        self._writer.write(encode_frame(frame))
        await self._writer.drain()

    async def close(self, code: int = 1000) -> None:
        del code  # a stream socket has no close codes
        if self._closed:
            return
        self._closed = True
        self._writer.close()
        with contextlib.suppress(OSError, asyncio.CancelledError):
            await self._writer.wait_closed()


def _temporary_socket_path() -> str:
    name = "".join(secrets.choice(_NAME_ALPHABET) for _ in range(10))
    return str(Path(tempfile.gettempdir()) / f"flet-{name}.sock")


class SocketServer:
    """Listens on a local socket and serves each desktop client through ``host``.

    Args:
        host: the app's sessions; its ``page_url`` becomes this server's :attr:`url`.
        port: a TCP port on ``localhost``; ``0`` means a Unix socket (or, on Windows, a free
            TCP port).
        uds_path: the Unix socket's path; default ``FLET_SERVER_UDS_PATH``, else a new name in
            the temporary folder.
    """

    def __init__(self, host: AppHost, *, port: int = 0, uds_path: str | None = None) -> None:
        self.host = host
        self._port = port
        self._uds_path = uds_path
        self._server: asyncio.Server | None = None
        self._bound_path: str | None = None
        self._url = ""
        self._active: tuple[asyncio.Task[None], SocketTransport] | None = None
        self._connections = 0

    @property
    def url(self) -> str:
        """What the client is given: the socket's path, or ``tcp://localhost:<port>``."""
        if not self._url:
            raise RuntimeError("the socket server has not started yet: await start() first")
        return self._url

    @property
    def connections(self) -> int:
        """How many clients have been served (counting the one connected now)."""
        return self._connections

    async def start(self) -> None:
        """Bind the socket; :attr:`url` is valid afterwards."""
        if self._server is not None:
            return
        use_tcp = self._port > 0 or sys.platform == "win32" or not hasattr(asyncio, "start_unix_server")
        if use_tcp:
            # a free port is taken on one address: each address of "localhost" would get another
            bind_host = "localhost" if self._port > 0 else "127.0.0.1"
            self._server = await asyncio.start_server(self._accept, bind_host, self._port)
            port = self._server.sockets[0].getsockname()[1]
            self._url = f"tcp://localhost:{port}"
        else:
            path = self._uds_path or config.SERVER_UDS_PATH.get() or _temporary_socket_path()
            with contextlib.suppress(FileNotFoundError):
                if Path(path).is_socket():
                    os.unlink(path)  # a stale socket of a previous run (flet run restarts the app)
            self._server = await asyncio.start_unix_server(self._accept, path)
            self._bound_path = path
            self._url = path
        await self.host.start()
        self.host.page_url = self.host.page_url or self._url
        logger.debug("Desktop socket server listening on %s", self._url)

    async def close(self) -> None:
        """Stop listening, end the connected client's link and remove the socket file."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        active = self._active
        if active is not None:
            task, transport = active
            await transport.close()  # the host sees the end of the stream and lets the link go
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(task), 5.0)
        if server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 2.0)
        if self._bound_path is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._bound_path)
            self._bound_path = None

    async def __aenter__(self) -> SocketServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        transport = SocketTransport(reader, writer)
        if self._active is not None:
            logger.warning("A second desktop client tried to connect; the socket serves one client at a time")
            await transport.close()
            return
        task = asyncio.current_task()
        assert task is not None  # asyncio runs a coroutine callback of start_server as a task
        self._active = (task, transport)
        self._connections += 1
        try:
            await self.host.serve(transport, desktop=True)
        finally:
            self._active = None
            await transport.close()
