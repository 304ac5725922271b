"""Soak: many honest tabs clicking while a few hostile clients attack the same server.

    python tools/bench/soak.py [--sessions 500] [--events 20] [--hostile 0.05] [--python .venv/bin/python]

Starts a counter app under uvicorn (``--python``: an interpreter with this repository's flet
installed, by default the one running this script) on a free 127.0.0.1 port, with the default
limits. Honest tabs register, click ``+`` ``--events`` times one after another and check the
count they are shown after each click; hostile clients (``--hostile`` of all sessions) at the
same time flood malformed frames, click disabled and hidden buttons, send oversized frames,
click a blocking handler hundreds of times, or request floods they never read. It prints lost
updates (clicks an honest tab never saw counted), errors of honest tabs, p50/p99 click latency,
the guards that held, and the server's RSS before and after. Bounded: every client has a
deadline and the run stops after ``--timeout`` seconds. Needs ``websockets`` (a test extra).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tools/: the shared test support

from testsupport.client_tree import ClientTree
from testsupport.processes import free_port

APP = """
import threading
import time

import flet as ft
import flet.fastapi as flet_fastapi

guarded = {"bypassed": 0}


def main(page: ft.Page):
    counter = ft.Text("0")
    lock = threading.Lock()

    def add(e):
        with lock:
            counter.value = str(int(counter.value) + 1)
        counter.update()

    def bypass(e):
        guarded["bypassed"] += 1
        counter.value = "bypassed"
        counter.update()

    def block(e):
        time.sleep(1)

    def flood(e):
        for index in range(3000):
            counter.value = "x" * 500 + str(index)
            counter.update()

    page.add(
        counter,
        ft.ElevatedButton("+", on_click=add),
        ft.ElevatedButton("disabled", on_click=bypass, disabled=True),
        ft.ElevatedButton("hidden", on_click=bypass, visible=False),
        ft.ElevatedButton("block", on_click=block),
        ft.ElevatedButton("flood", on_click=flood),
    )


app = flet_fastapi.app(main)
"""


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    bypassed: int = 0
    hostile_done: int = 0
    hostile_failures: list[str] = field(default_factory=list)


def registration(session_id: str = "") -> str:
    fields = dict.fromkeys(("pageName", "windowWidth", "windowHeight", "windowTop", "windowLeft", "media"), "")
    payload = fields | {"pageRoute": "/", "pageWidth": "800", "pageHeight": "600", "sessionId": session_id}
    payload |= {"isPWA": "false", "isWeb": "true", "isDebug": "false", "platform": "linux"}
    payload |= {"platformBrightness": "light"}
    return json.dumps({"action": "registerWebClient", "payload": payload})


def click(control_id: str) -> str:
    payload = {"eventTarget": control_id, "eventName": "click", "eventData": ""}
    return json.dumps({"action": "pageEventFromWeb", "payload": payload})


class Tab(ClientTree):
    """The part of the web client a soak needs: the tree's texts and buttons."""

    def __init__(self, ws: ClientConnection) -> None:
        super().__init__()
        self.ws = ws

    async def open(self) -> None:
        await self.ws.send(registration())
        while not self.button("+"):
            await self.receive()

    def button(self, text: str) -> str | None:
        return next((c["i"] for c in self.controls.values() if c.get("text") == text), None)

    def counter(self) -> str | None:
        return next((c.get("value") for c in self.controls.values() if c.get("t") == "text"), None)

    async def receive(self, timeout: float = 30) -> None:
        self.apply(json.loads(await asyncio.wait_for(self.ws.recv(), timeout)))


async def honest(url: str, events: int, results: Results, deadline: float) -> None:
    try:
        async with connect(url, open_timeout=30, max_size=None) as ws:
            tab = Tab(ws)
            await tab.open()
            plus = tab.button("+")
            assert plus is not None
            for count in range(1, events + 1):
                started = time.monotonic()
                await ws.send(click(plus))
                while tab.counter() != str(count):
                    await tab.receive(timeout=max(0.1, deadline - time.monotonic()))
                results.latencies.append(time.monotonic() - started)
    except TimeoutError:  # its missing clicks count as lost updates
        results.errors.append("timeout")
    except (ConnectionClosed, OSError, AssertionError) as error:
        results.errors.append(type(error).__name__)


async def hostile(url: str, kind: str, results: Results) -> None:
    try:
        async with connect(url, open_timeout=30, max_size=None) as ws:
            tab = Tab(ws)
            await tab.open()
            if kind == "malformed":
                for index in range(2000):
                    await ws.send("{not json " + str(index))
            elif kind == "guards":
                for name in ("disabled", "hidden"):
                    target = next(c["i"] for c in tab.controls.values() if c.get("text") == name)
                    for _ in range(50):
                        await ws.send(click(target))
                plus = tab.button("+")
                props = {"props": [{"i": tab_id, "value": "hacked", "disabled": "false"} for tab_id in tab.controls]}
                await ws.send(json.dumps({"action": "updateControlProps", "payload": props}))
                await ws.send(click(str(plus)))
                while tab.counter() not in ("1", "bypassed"):
                    await tab.receive()
                if tab.counter() == "bypassed":
                    results.bypassed += 1
            elif kind == "oversized":
                for _ in range(5):
                    await ws.send(json.dumps({"action": "x", "payload": {"d": "0" * 4_000_000}}))
                    await asyncio.sleep(0.05)
            elif kind == "starve":
                target = str(tab.button("block"))
                for _ in range(300):
                    await ws.send(click(target))
                await asyncio.sleep(5)
            elif kind == "never_reads":
                target = str(tab.button("flood"))
                for _ in range(10):
                    await ws.send(click(target))
                await asyncio.sleep(10)  # and never read: the client library stops reading too
        results.hostile_done += 1
    except (ConnectionClosed, OSError, TimeoutError) as error:
        results.hostile_done += 1  # being cut off is the expected answer to most of these
        if kind == "guards":
            results.hostile_failures.append(f"{kind}: {type(error).__name__}")


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


async def run(args: argparse.Namespace, url: str) -> Results:
    results = Results()
    deadline = time.monotonic() + args.timeout
    hostile_count = round(args.sessions * args.hostile)
    kinds = ["malformed", "guards", "oversized", "starve", "never_reads"]
    jobs = [honest(url, args.events, results, deadline) for _ in range(args.sessions - hostile_count)]
    jobs += [hostile(url, kinds[index % len(kinds)], results) for index in range(hostile_count)]
    random.Random(1).shuffle(jobs)
    tasks = []
    for job in jobs:  # connections ramp up over about two seconds
        tasks.append(asyncio.create_task(job))
        await asyncio.sleep(2 / len(jobs))
    _, pending = await asyncio.wait(tasks, timeout=max(1.0, deadline - time.monotonic()))
    for task in pending:
        task.cancel()
    if pending:
        results.errors.append(f"{len(pending)} clients still running at the deadline")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--hostile", type=float, default=0.05)
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "soak_app.py").write_text(APP)
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("FLET_")}
        command = [args.python, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
        with open(Path(folder, "server.log"), "wb") as log:
            server = subprocess.Popen([*command, "soak_app:app"], cwd=folder, env=env, stdout=log, stderr=log)
        try:
            for _ in range(300):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            url = f"ws://127.0.0.1:{port}/ws"
            asyncio.run(run(argparse.Namespace(**{**vars(args), "sessions": 1}), url))  # warm up
            before = rss_mb(server.pid)
            started = time.monotonic()
            results = asyncio.run(run(args, url))
            elapsed = time.monotonic() - started
            time.sleep(2)
            after = rss_mb(server.pid)
            alive = server.poll() is None
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(10)
        output = Path(folder, "server.log").read_text(errors="replace")
    honest_count = args.sessions - round(args.sessions * args.hostile)
    expected = honest_count * args.events
    seen = len(results.latencies)
    lost = expected - seen
    latencies = sorted(results.latencies) or [float("nan")]
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    hostile_count = args.sessions - honest_count
    print(f"{honest_count} honest sessions x {args.events} clicks, {hostile_count} hostile, {elapsed:.1f} s")
    print(f"lost updates: {lost} of {expected}")
    print(f"errors of honest tabs: {len(results.errors)} {sorted(set(results.errors))}")
    print(f"click latency: p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
    print(f"guards bypassed: {results.bypassed}; hostile clients done: {results.hostile_done}")
    print(f"server RSS: {before:.0f} MB before, {after:.0f} MB after; alive: {alive}")
    print(f"server log: {output.count(chr(10))} lines, tracebacks: {output.count('Traceback')}")
    return 0 if alive and lost == 0 and not results.errors and not results.bypassed else 1


if __name__ == "__main__":
    sys.exit(main())
