"""flet.fastapi.compression: permessage-deflate without a compressor kept per connection."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.extensions.permessage_deflate import PerMessageDeflate
from websockets.frames import CONT, Frame, Opcode

import flet as ft
import flet.fastapi as flet_fastapi
from flet.fastapi.compression import COMPRESS_MIN_SIZE, forget_handshake, lighten, server_protocol

REGISTER = json.dumps(
    {
        "action": "registerWebClient",
        "payload": {"pageName": "", "pageRoute": "/", "pageWidth": "800", "pageHeight": "600", "sessionId": ""},
    }
)


def deflate_pair() -> tuple[PerMessageDeflate, PerMessageDeflate]:
    """A server's extension as uvicorn negotiates it, and a browser's (both keep their context)."""
    server = PerMessageDeflate(False, False, 12, 12, {"memLevel": 5})
    client = PerMessageDeflate(False, False, 12, 12)
    return server, client


class Protocol:
    """What uvicorn's sans-I/O protocol looks like to ``lighten``."""

    class Conn:
        def __init__(self, extensions: list[Any]) -> None:
            self.extensions = extensions

    def __init__(self, extensions: list[Any]) -> None:
        self.conn = self.Conn(extensions)


def test_short_messages_go_uncompressed_and_long_ones_decode_with_the_clients_context() -> None:
    server, client = deflate_pair()
    assert lighten(Protocol([server]))
    assert not hasattr(server, "encoder")
    long_text = json.dumps([{"i": f"_{n}", "t": "text", "value": f"item {n}"} for n in range(40)]).encode()
    assert len(long_text) >= COMPRESS_MIN_SIZE
    for data in (b'{"action":"x"}', long_text, b"short again", long_text, long_text[:COMPRESS_MIN_SIZE]):
        sent = server.encode(Frame(Opcode.TEXT, data))
        compressed = len(data) >= COMPRESS_MIN_SIZE
        assert sent.rsv1 is compressed
        assert (sent.data == data) is not compressed
        # the client decodes every message with one decompressor, as a browser does
        assert client.decode(sent).data == data
        assert not hasattr(server, "encoder")  # made for the message, dropped after it


def test_a_fragmented_message_is_compressed_whole() -> None:
    server, client = deflate_pair()
    lighten(Protocol([server]))
    first = server.encode(Frame(Opcode.TEXT, b"a" * 10, fin=False))
    last = server.encode(Frame(CONT, b"b" * 10))
    assert first.rsv1 and not last.rsv1
    assert client.decode(first).data + client.decode(last).data == b"a" * 10 + b"b" * 10


def test_receiving_keeps_the_clients_context() -> None:
    server, client = deflate_pair()
    lighten(Protocol([server]))
    for _ in range(3):  # the client compresses with its context: later messages refer to earlier ones
        assert server.decode(client.encode(Frame(Opcode.TEXT, b'{"action":"pageEventFromWeb"}'))).data == (
            b'{"action":"pageEventFromWeb"}'
        )


def test_what_is_not_websockets_own_extension_is_left_alone() -> None:
    class Other(PerMessageDeflate):
        pass

    other = Other(False, False, 12, 12)
    assert not lighten(Protocol([other, object()]))
    assert type(other) is Other and hasattr(other, "encoder")
    assert not lighten(None)
    assert not lighten(object())


def test_forget_handshake_leaves_other_protocols_alone() -> None:
    class Elsewhere:  # shaped like uvicorn's sans-I/O protocol, from another module
        handshake_complete = True

        def __init__(self) -> None:
            self.request = object()
            self.response = object()

    protocol = Elsewhere()
    assert not forget_handshake(protocol)
    assert protocol.request is not None and protocol.response is not None
    assert not forget_handshake(None)
    assert not forget_handshake(object())


def test_the_protocol_is_found_behind_wrapped_send_callables() -> None:
    class Transport:
        def abort(self) -> None: ...

        def get_extra_info(self, name: str) -> None: ...

    class ServerProtocol:
        transport = Transport()

        async def send(self, message: Any) -> None: ...

    protocol = ServerProtocol()

    def wrap(inner: Any) -> Any:
        async def sender(message: Any) -> None:
            await inner(message)

        return sender

    assert server_protocol(protocol.send) is protocol
    assert server_protocol(wrap(wrap(protocol.send))) is protocol
    assert server_protocol(wrap(lambda message: None)) is None


# --- under uvicorn, with each of its websockets-based protocols ---------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@asynccontextmanager
async def serving(app: Any, ws: str) -> AsyncIterator[uvicorn.Server]:
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=free_port(), ws=ws, log_level="error", lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        yield server
    finally:
        server.should_exit = True
        await task


def record_frames(ws: ClientConnection) -> list[tuple[bool, int]]:
    """(compressed, payload bytes) of each text frame the client receives."""
    seen: list[tuple[bool, int]] = []
    (extension,) = ws.protocol.extensions
    decode = extension.decode

    def recording(frame: Frame, *, max_size: int | None = None) -> Frame:
        if frame.opcode is Opcode.TEXT:
            seen.append((frame.rsv1, len(frame.data)))
        return decode(frame, max_size=max_size)

    extension.decode = recording  # type: ignore[method-assign]
    return seen


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "ws",
    [
        "websockets-sansio",
        # uvicorn's older protocol, on websockets' legacy API (deprecated, still what some versions pick)
        pytest.param(
            "websockets",
            # websockets warns about it in several ways (DeprecationWarning), uvicorn in its own
            marks=[
                pytest.mark.filterwarnings("ignore::DeprecationWarning"),
                pytest.mark.filterwarnings("ignore:The `websockets` implementation is deprecated"),
            ],
        ),
    ],
)
async def test_a_session_under_uvicorn_sends_short_frames_plain_and_keeps_no_compressor(ws: str) -> None:
    def main(page: ft.Page) -> None:
        counter = ft.Text("0")

        def increment(_: Any) -> None:
            counter.value = str(int(counter.value or "0") + 1)
            page.update()

        page.add(counter, ft.ElevatedButton("+", on_click=increment), *(ft.Text(f"line {n}") for n in range(30)))

    async with (
        serving(flet_fastapi.app(main), ws) as server,
        connect(f"ws://127.0.0.1:{server.config.port}/ws", compression="deflate") as client,
    ):
        frames = record_frames(client)
        await client.send(REGISTER)
        json.loads(await client.recv())  # the registration answer
        batch = json.loads(await client.recv())
        controls = [c for m in batch["payload"] for c in m["payload"].get("controls", [])]
        button = next(c["i"] for c in controls if c["t"] == "elevatedbutton")
        text = next(c["i"] for c in controls if c["t"] == "text" and c.get("value") == "0")
        for n in range(1, 6):
            click = {"eventTarget": button, "eventName": "click", "eventData": ""}
            await client.send(json.dumps({"action": "pageEventFromWeb", "payload": click}))
            update = json.loads(await client.recv())
            props = [p for m in update["payload"] for p in m["payload"]["props"]]
            assert {"i": text, "value": str(n)} in props
        (connection,) = server.server_state.connections
        extensions = getattr(connection, "conn", connection).extensions
        assert [type(e).__name__ for e in extensions] == ["_LightDeflate"]
        assert not hasattr(extensions[0], "encoder")
    assert frames[1][0] is True  # the first render is long: compressed
    assert all(not compressed for compressed, _ in frames[2:])  # each click's update is short: as it is


class Recorded(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.mark.asyncio
async def test_under_uvicorns_sans_io_protocol_the_handshake_is_let_go_and_sessions_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The handshake's request and response go after the first message; talking and closing, from
    either side, go on as before, with nothing logged."""
    monkeypatch.setenv("FLET_MAX_FRAME_SIZE", "4096")

    def main(page: ft.Page) -> None:
        counter = ft.Text("0")

        def increment(_: Any) -> None:
            counter.value = str(int(counter.value or "0") + 1)
            page.update()

        page.add(counter, ft.ElevatedButton("+", on_click=increment))

    recorded = Recorded()
    loggers = [logging.getLogger(name) for name in ("uvicorn.error", "asyncio", "flet.fastapi", "flet_runtime")]
    for logger in loggers:
        logger.addHandler(recorded)
    try:
        async with serving(flet_fastapi.app(main), "websockets-sansio") as server:
            url = f"ws://127.0.0.1:{server.config.port}/ws"
            async with connect(url, compression=None) as client:
                (connection,) = server.server_state.connections
                request = connection.request  # kept until the first message is in
                assert len(request.headers) > 0 and connection.response is not None
                await client.send(REGISTER)
                json.loads(await client.recv())  # the registration answer
                batch = json.loads(await client.recv())
                controls = [c for m in batch["payload"] for c in m["payload"].get("controls", [])]
                button = next(c["i"] for c in controls if c["t"] == "elevatedbutton")
                text = next(c["i"] for c in controls if c["t"] == "text")
                assert connection.request is None and connection.response is None
                assert len(request.headers) == 0  # emptied: websockets' parser refers to it too
                click = {"eventTarget": button, "eventName": "click", "eventData": ""}
                await client.send(json.dumps({"action": "pageEventFromWeb", "payload": click}))
                update = json.loads(await client.recv())
                assert {"i": text, "value": "1"} in [p for m in update["payload"] for p in m["payload"]["props"]]
            # closed by the client above; by the server here (a frame above FLET_MAX_FRAME_SIZE)
            async with connect(url, compression=None) as client:
                await client.send(REGISTER)
                json.loads(await client.recv())
                await client.send("x" * 5000)
                with pytest.raises(ConnectionClosed) as closed:
                    while True:
                        await client.recv()
                assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
            # and one left open while the server shuts down
            client = await connect(url, compression=None)
            await client.send(REGISTER)
            json.loads(await client.recv())
        with pytest.raises(ConnectionClosed):
            while True:
                await client.recv()
    finally:
        for logger in loggers:
            logger.removeHandler(recorded)
    assert [record.getMessage() for record in recorded.records if record.levelno >= logging.ERROR] == []
