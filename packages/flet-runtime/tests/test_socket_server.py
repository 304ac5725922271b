"""SocketServer: the desktop protocol (length-prefixed JSON over a Unix or TCP socket)."""

from __future__ import annotations

import asyncio
import json
import os
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flet_core.client_tree import ClientTree
from flet_core.encoding import dumps
from flet_core.page import Page
from flet_core.types import Brightness
from flet_runtime import AppHost, SocketServer
from flet_runtime.memory_transport import registration
from flet_runtime.socket_server import MAX_FRAME_BYTES, FrameTooLargeError, encode_frame, read_frame


class DesktopClient:
    """Speaks the desktop framing like the 0.21.2 desktop client, keeping a ClientTree."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.tree = ClientTree()
        self.messages: list[dict[str, Any]] = []

    @classmethod
    async def connect(cls, url: str) -> DesktopClient:
        if url.startswith("tcp://"):
            host, _, port = url.removeprefix("tcp://").rpartition(":")
            reader, writer = await asyncio.open_connection(host, int(port))
        else:
            reader, writer = await asyncio.open_unix_connection(url)
        return cls(reader, writer)

    async def send(self, message: dict[str, Any]) -> None:
        self.writer.write(encode_frame(dumps(message)))
        await self.writer.drain()

    async def register(self, session_id: str = "") -> None:
        message = registration(session_id, platform="linux")
        message["payload"] |= {"isWeb": "false", "windowWidth": "1280.0", "windowHeight": "720.0"}
        await self.send(message)
        await self.wait_for(lambda: self.tree.session_id is not None)

    async def click(self, control_id: str) -> None:
        await self.send(
            {
                "action": "pageEventFromWeb",
                "payload": {"eventTarget": control_id, "eventName": "click", "eventData": ""},
            }
        )

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> None:
        async def pump() -> None:
            while not predicate():
                frame = await read_frame(self.reader)
                if frame is None:
                    raise ConnectionError("the server closed the socket")
                message = json.loads(frame)
                self.messages.append(message)
                self.tree.apply(message)

        await asyncio.wait_for(pump(), timeout)

    def find(self, control_type: str) -> dict[str, Any]:
        return next(node for node in self.tree.walk() if node["t"] == control_type)

    async def close(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()


async def run_counter(client: DesktopClient) -> None:
    await client.register()
    await client.wait_for(lambda: any(node["t"] == "elevatedbutton" for node in client.tree.walk()))
    assert client.find("textfield")["value"] == "0"
    await client.click(client.find("elevatedbutton")["i"])
    await client.wait_for(lambda: client.find("textfield")["value"] == "1")


def test_frames_are_a_big_endian_length_then_utf8_json() -> None:
    frame = encode_frame('{"a":"é"}')
    assert frame[:4] == struct.pack(">I", 10) and frame[4:] == '{"a":"é"}'.encode()


@pytest.mark.asyncio
async def test_read_frame_returns_messages_then_none_at_the_end_even_mid_frame() -> None:
    reader = asyncio.StreamReader()
    reader.feed_data(encode_frame("one") + encode_frame("two") + struct.pack(">I", 5) + b"thr")
    reader.feed_eof()
    assert [await read_frame(reader), await read_frame(reader), await read_frame(reader)] == ["one", "two", None]


@pytest.mark.asyncio
async def test_read_frame_rejects_an_absurd_length() -> None:
    reader = asyncio.StreamReader()
    reader.feed_data(struct.pack(">I", MAX_FRAME_BYTES + 1))
    with pytest.raises(FrameTooLargeError, match="limit"):
        await read_frame(reader)


@pytest.mark.asyncio
async def test_counter_over_a_unix_socket_through_the_app_host(ui: Any, tmp_path: Path) -> None:
    host = AppHost(ui.counter_app())
    path = str(tmp_path / "app.sock")
    async with SocketServer(host, uds_path=path) as server:
        assert server.url == path and Path(path).is_socket()
        assert host.page_url == path
        client = await DesktopClient.connect(server.url)
        await run_counter(client)
        page = host.sessions()[0].require_page()
        assert page.web is False and page.window_width == 1280.0
        assert not page.client_ip and not page.client_user_agent
        await client.close()
    await host.shutdown()
    assert not os.path.exists(path)


@pytest.mark.asyncio
async def test_the_socket_path_comes_from_flet_server_uds_path_and_a_stale_socket_is_replaced(
    ui: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.sock"
    stale = await asyncio.start_unix_server(lambda r, w: None, str(path))
    stale.close()
    await stale.wait_closed()
    if not path.exists():  # some Pythons remove the file on close; leave one behind like a crash does
        import socket

        leftover = socket.socket(socket.AF_UNIX)
        leftover.bind(str(path))
        leftover.close()
    monkeypatch.setenv("FLET_SERVER_UDS_PATH", str(path))
    host = AppHost(ui.counter_app())
    async with SocketServer(host) as server:
        assert server.url == str(path)
        client = await DesktopClient.connect(server.url)
        await run_counter(client)
        await client.close()
    await host.shutdown()


@pytest.mark.asyncio
async def test_a_port_means_tcp_on_localhost(ui: Any) -> None:
    host = AppHost(ui.counter_app())
    async with SocketServer(host, port=0 if sys.platform == "win32" else _free_port()) as server:
        assert server.url.startswith("tcp://localhost:")
        client = await DesktopClient.connect(server.url)
        await run_counter(client)
        await client.close()
    await host.shutdown()


@pytest.mark.asyncio
async def test_one_client_at_a_time_and_a_reconnect_gets_its_session_back(ui: Any, tmp_path: Path) -> None:
    host = AppHost(ui.counter_app())
    async with SocketServer(host, uds_path=str(tmp_path / "one.sock")) as server:
        first = await DesktopClient.connect(server.url)
        await run_counter(first)
        session_id = first.tree.session_id
        assert session_id == ""  # the id the desktop client sent, as upstream answers it

        second = await DesktopClient.connect(server.url)
        assert await asyncio.wait_for(read_frame(second.reader), 5) is None  # closed straight away
        await second.close()
        assert host.session_count() == 1

        await first.close()
        await asyncio.wait_for(_until(lambda: not host.sessions()[0].connected), 5)
        again = await DesktopClient.connect(server.url)
        await again.register(session_id)
        assert again.tree.session_id == session_id
        assert again.find("textfield")["value"] == "1"  # the page as the first client left it
        assert server.connections == 2
        await again.close()
    await host.shutdown()


@pytest.mark.asyncio
async def test_closing_the_server_disconnects_the_client(ui: Any, tmp_path: Path) -> None:
    host = AppHost(ui.counter_app())
    server = SocketServer(host, uds_path=str(tmp_path / "c.sock"))
    await server.start()
    client = await DesktopClient.connect(server.url)
    await run_counter(client)
    await server.close()
    assert await asyncio.wait_for(read_frame(client.reader), 5) is None
    await client.close()
    await host.shutdown()


DESKTOP_REGISTRATION = json.loads((Path(__file__).parent / "data" / "desktop_registration.json").read_text())


@pytest.mark.asyncio
async def test_the_registration_answer_is_the_one_upstream_sends_the_desktop_client(tmp_path: Path) -> None:
    pages: list[Page] = []
    host = AppHost(pages.append)
    async with SocketServer(host, uds_path=str(tmp_path / "r.sock")) as server:
        reader, writer = await asyncio.open_unix_connection(server.url)
        writer.write(encode_frame(DESKTOP_REGISTRATION["request"]))
        answer = await asyncio.wait_for(read_frame(reader), 5)
        assert answer == DESKTOP_REGISTRATION["answer"]  # byte for byte
        await host.wait_idle()
        (page,) = pages
        # the app reads an empty session id, address and user agent, none of them sent to the client
        assert (page.session_id, page.client_ip, page.client_user_agent) == ("", "", "")
        assert page.platform_brightness == Brightness.LIGHT and page.window_width == 1280.0
        writer.close()
        await writer.wait_closed()
    await host.shutdown()


@pytest.mark.asyncio
async def test_a_desktop_session_keeps_the_id_its_client_sent_and_comes_back_under_it(ui: Any, tmp_path: Path) -> None:
    host = AppHost(ui.counter_app())
    async with SocketServer(host, uds_path=str(tmp_path / "id.sock")) as server:
        first = await DesktopClient.connect(server.url)
        await first.register("from-the-client")
        answer = first.messages[0]["payload"]
        assert answer["session"]["id"] == "from-the-client" and list(answer) == ["session", "error", "appInactive"]
        page_attrs = answer["session"]["controls"]["page"]
        assert "clientip" not in page_attrs and "clientuseragent" not in page_attrs
        assert page_attrs["platformBrightness"] == "light" and "platformbrightness" not in page_attrs
        await first.wait_for(lambda: any(node["t"] == "textfield" for node in first.tree.walk()))
        await first.click(first.find("elevatedbutton")["i"])
        await first.wait_for(lambda: first.find("textfield")["value"] == "1")
        # the client reports a dark theme (lowercase, as it does after registering), then comes back
        # reporting a light one: the answer has one brightness, the registration's, in its spelling
        dark = {"i": "page", "platformbrightness": "dark"}
        await first.send({"action": "updateControlProps", "payload": {"props": [dark]}})
        await first.close()
        await asyncio.wait_for(_until(lambda: not host.sessions()[0].connected), 5)
        again = await DesktopClient.connect(server.url)
        await again.register("from-the-client")
        page_attrs = again.messages[0]["payload"]["session"]["controls"]["page"]
        assert page_attrs["platformBrightness"] == "light" and "platformbrightness" not in page_attrs
        assert list(page_attrs)[:5] == ["i", "t", "p", "c", "route"] and page_attrs["c"]  # the view is there
        assert again.find("textfield")["value"] == "1" and host.session_count() == 1  # its page as it was
        await again.close()
    await host.shutdown()


def test_the_url_is_unknown_before_start(ui: Any) -> None:
    with pytest.raises(RuntimeError, match="start"):
        _ = SocketServer(AppHost(ui.counter_app())).url


async def _until(predicate: Callable[[], bool]) -> None:
    while not predicate():
        await asyncio.sleep(0.01)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
