"""Bytes on the wire, server to client, with permessage-deflate offered as a browser does.

A counting TCP relay sits between a protocol client (tools/bench/harness.py) and the served
app, so the figure is what crosses the network: the HTTP upgrade answer, WebSocket framing and
the (compressed or not) payloads. The JSON characters the client decoded are printed next to
it; those must not change between versions, only how they are packed.

    python tools/bench/wire_bytes.py                    # this checkout's flet
    python tools/bench/wire_bytes.py --python /tmp/upstream/bin/python

Workloads: the demo app's first render, the initial render of 10,000 Text, and 100 clicks of
the counter (each waiting for its update).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from harness import APPS, Client, connect_client, register, serving

DEMO = Path(__file__).resolve().parents[2] / "packages" / "flet" / "src" / "flet" / "demo.py"
CLICKS = 100


class Relay:
    """127.0.0.1:port -> the server's port, counting what the server sends."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.down = 0
        self.port = 0
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> Relay:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *_: object) -> None:
        assert self._server is not None
        self._server.close()

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        server_r, server_w = await asyncio.open_connection("127.0.0.1", self.target)

        async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, count: bool) -> None:
            try:
                while data := await reader.read(65536):
                    if count:
                        self.down += len(data)
                    writer.write(data)
                    await writer.drain()
            except ConnectionError:
                pass
            finally:
                writer.close()

        await asyncio.gather(pipe(client_r, server_w, False), pipe(server_r, client_w, True))


async def first_render(client: Client) -> int:
    characters = 0
    while True:
        raw = await client.raw()
        characters += len(raw.encode())
        if client.apply(raw) == "pageControlsBatch":
            return characters


async def texts_render(client: Client) -> int:
    characters = seen = 0
    while seen < 10_000:
        raw = await client.raw()
        characters += len(raw.encode())
        seen += raw.count('"t":"text"')
    return characters


async def counter_clicks(client: Client) -> int:
    characters = await first_render(client)
    button = client.find("iconbutton", icon="add")
    for _ in range(CLICKS):
        await client.click(button)
        while True:
            raw = await client.raw()
            characters += len(raw.encode())
            if client.apply(raw) == "pageControlsBatch":
                break
    return characters


async def measure(python: str, app: Path, run: Callable[[Client], Awaitable[int]]) -> tuple[int, int]:
    with serving(python, app) as server:
        async with Relay(server.port) as relay:
            client = Client(await connect_client(relay.port, True))
            await register(client.ws)
            characters = await run(client)
            await asyncio.sleep(0.3)  # anything else the server sends right after
            await client.close()
            return relay.down, characters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", default=sys.executable, help="the python serving the apps (default: this one)")
    args = parser.parse_args()
    workloads = (
        ("demo app, first render", DEMO, first_render),
        ("initial render of 10,000 Text", APPS / "texts.py", texts_render),
        (f"counter, first render + {CLICKS} clicks", APPS / "counter_sync.py", counter_clicks),
    )
    print("| workload | wire bytes, server to client | JSON bytes decoded |\n| --- | --- | --- |")
    for name, app, run in workloads:
        wire, characters = asyncio.run(measure(args.python, app, run))
        print(f"| {name} | {wire:,} | {characters:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
