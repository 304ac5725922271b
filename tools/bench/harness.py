"""The bench suite's harness: a served app's process (CPU and memory from /proc) and protocol
clients that talk to it like browser tabs running the 0.21.2 web client."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

HERE = Path(__file__).resolve().parent
APPS = HERE / "apps"
sys.path.insert(0, str(HERE.parent))  # tools/, for compare.frames and testsupport
from compare.frames import REGISTER, SERVER, start_app, wait_listening  # noqa: E402
from testsupport.processes import free_port  # noqa: E402

__all__ = [
    "APPS",
    "FT_APP_SERVER",
    "SERVER",
    "TIMEOUT",
    "Client",
    "Cpu",
    "Server",
    "close_all",
    "connect_client",
    "free_port",
    "open_session",
    "open_sessions",
    "register",
    "serving",
    "serving_echo",
    "start_app",
    "stop",
    "wait_listening",
]

TIMEOUT = 60.0  # seconds any one frame may take before the workload fails

# The app served the way a developer runs it (`python app.py` calling ft.app(main)), in web-server
# mode: the other servers run the exported ASGI app under uvicorn.run (compare.frames.SERVER).
FT_APP_SERVER = """
import importlib.util, sys, flet as ft
spec = importlib.util.spec_from_file_location("app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["app"] = module
spec.loader.exec_module(module)
ft.app(module.main, port=int(sys.argv[2]))
"""


# --- the server process ------------------------------------------------------------------------


@dataclass(frozen=True)
class Cpu:
    """A reading of a process's CPU time: per live thread in ns (precise), and in clock ticks
    for the whole process (10 ms steps, but it keeps the time of threads that have exited)."""

    threads: dict[str, int]
    ticks: float


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int

    def cpu_seconds(self) -> float:
        """User + system CPU of the whole server process (all threads, exited ones too) so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime

    def cpu(self) -> Cpu:
        threads = {}
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                threads[task.name] = int((task / "schedstat").read_text().split()[0])
            except (FileNotFoundError, ProcessLookupError):  # the thread has just exited
                pass
        return Cpu(threads, self.cpu_seconds())

    def cpu_since(self, before: Cpu) -> float:
        """Seconds of CPU the server used since `before`: from the per-thread clocks, unless a thread
        that ran in between has gone (its time is then only in the tick count, which is used)."""
        now = self.cpu()
        precise = sum(ns - before.threads.get(tid, 0) for tid, ns in now.threads.items()) / 1e9
        ticked = now.ticks - before.ticks
        return precise if precise >= ticked - 0.02 - 0.01 * len(now.threads) else ticked

    def rss_bytes(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if match is None:
            raise RuntimeError(f"no VmRSS for pid {self.process.pid}")
        return int(match.group(1)) * 1024


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@contextmanager
def serving(python: str, app: Path) -> Iterator[Server]:
    """A flet app served by `python` on a free port; stopped (by its pid) on leaving."""
    port = free_port()
    process = start_app(python, app, port)
    try:
        wait_listening(process, port, timeout=60, poll=0.01)
        yield Server(process, port)
    finally:
        stop(process)


@contextmanager
def serving_echo(python: str) -> Iterator[Server]:
    port = free_port()
    process = subprocess.Popen([python, str(APPS / "echo.py"), str(port)])
    try:
        wait_listening(process, port, timeout=60, poll=0.01)
        yield Server(process, port)
    finally:
        stop(process)


# --- the protocol client -----------------------------------------------------------------------


def messages(frame: dict[str, Any]) -> list[dict[str, Any]]:
    """The messages of a frame: the batch's items, or the frame itself."""
    if frame.get("action") == "pageControlsBatch":
        return list(frame["payload"])
    return [frame]


@dataclass
class Client:
    """One browser tab as the server sees it: the socket and the control tree it was sent."""

    ws: ClientConnection
    controls: dict[str, dict[str, Any]] = field(default_factory=dict)
    _unparsed: list[str] = field(default_factory=list)
    _awaited: tuple[str, str] | None = None

    async def raw(self) -> str:
        data = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
        if not isinstance(data, str):
            raise RuntimeError("the server sent a binary frame; the 0.21.2 client accepts text only")
        return data

    def apply(self, raw: str) -> str:
        """Keep the tree the way the client would (added controls, changed properties)."""
        frame = json.loads(raw)
        for message in messages(frame):
            action, payload = message["action"], message["payload"]
            if action == "registerWebClient":
                if payload.get("error"):
                    raise RuntimeError(f"registration refused: {payload['error']}")
                self.controls = dict(payload["session"]["controls"])
            elif action == "addPageControls":
                for control in payload["controls"]:
                    self.controls[control["i"]] = dict(control)
            elif action == "updateControlProps":
                for props in payload["props"]:
                    self.controls.setdefault(props["i"], {}).update(props)
        return str(frame.get("action"))

    async def frame(self) -> str:
        """Receive and apply one frame; return its action."""
        return self.apply(await self.raw())

    def find(self, kind: str, **attributes: str) -> str:
        for control_id, control in self.controls.items():
            if control.get("t") == kind and all(control.get(k) == v for k, v in attributes.items()):
                return control_id
        raise LookupError(f"no {kind} {attributes} among the {len(self.controls)} controls received")

    async def click(self, control_id: str, data: str = "") -> None:
        event = {"eventTarget": control_id, "eventName": "click", "eventData": data}
        await self.ws.send(json.dumps({"action": "pageEventFromWeb", "payload": event}))

    async def batch(self) -> None:
        """Wait for the next pageControlsBatch (what one page.update() sends) and apply it."""
        while await self.frame() != "pageControlsBatch":
            pass

    async def until_value(self, control_id: str, value: str) -> float:
        """Receive frames until the control has that value; return the time the deciding frame was in."""
        while self.controls[control_id].get("value") != value:
            await self.frame()
        return time.perf_counter()

    async def arrival_of(self, control_id: str, value: str) -> float:
        """Like :meth:`until_value` for many clients at once: the time the frame naming ``value`` came in.

        The load generator must not be what is measured: with a hundred clients on one loop, parsing
        each frame (and a timeout task per receive, as ``asyncio.wait_for`` makes on 3.11) before the
        next client's frame is taken adds the generator's own CPU to the last arrival. So a frame is
        only stamped and kept here, recognised by its raw text; :meth:`settle` parses the kept frames
        afterwards and checks the value really arrived. The caller bounds the wait (``asyncio.timeout``).
        """
        needle = json.dumps(value)
        while True:
            raw = await self.ws.recv()
            arrived = time.perf_counter()
            if not isinstance(raw, str):
                raise RuntimeError("the server sent a binary frame; the 0.21.2 client accepts text only")
            self._unparsed.append(raw)
            if needle in raw:
                self._awaited = (control_id, value)
                return arrived

    def settle(self) -> None:
        """Apply the frames :meth:`arrival_of` kept; raise if the awaited value did not arrive with them."""
        frames, self._unparsed = self._unparsed, []
        for raw in frames:
            self.apply(raw)
        if self._awaited is not None:
            control_id, value = self._awaited
            self._awaited = None
            if self.controls[control_id].get("value") != value:
                raise RuntimeError(f"a frame mentioned {value!r} but did not set control {control_id} to it")

    async def close(self) -> None:
        await self.ws.close()


async def connect_client(port: int, compress: bool) -> ClientConnection:
    return await connect(
        f"ws://127.0.0.1:{port}/ws",
        compression="deflate" if compress else None,  # browsers offer permessage-deflate
        max_size=None,
        ping_interval=None,
        open_timeout=TIMEOUT,
        close_timeout=2,
    )


async def register(ws: ClientConnection) -> None:
    await ws.send(json.dumps(REGISTER))


async def open_session(port: int, compress: bool = True) -> Client:
    """Connect, register like a fresh tab, and return once the first render has arrived."""
    client = Client(await connect_client(port, compress))
    await register(client.ws)
    while await client.frame() != "pageControlsBatch":
        pass
    return client


async def open_sessions(port: int, count: int, compress: bool = True, parallel: int = 20) -> list[Client]:
    gate = asyncio.Semaphore(parallel)

    async def one() -> Client:
        async with gate:
            return await open_session(port, compress)

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def close_all(clients: list[Client]) -> None:
    await asyncio.gather(*(client.close() for client in clients), return_exceptions=True)
