"""Cross-process pubsub fan-out: 1,000 sessions over 2 processes on one Redis, beside 1 process in memory.

Each process runs an AppHost whose sessions subscribe with an async handler that sets a Text
and calls ``page.update()``; a session counts as updated when its update frame is handed to
its connection (a null transport that records the time). Clocks are compared with
``time.monotonic()``, which Linux shares between processes. Printed, for each setup:

* one ``send_all``: time until each session has it, p50 / p99 / max;
* a burst of ``--burst`` messages: CPU time per message in each process, and messages/s
  (and session updates/s) until every session had every message;
* Redis itself, without sessions: CPU per published message in the publishing process and
  per received message in the other one (what the backend adds to a publish).

    python tools/bench/pubsub_fanout.py                 # needs redis-server (Debian: redis-server)
    python tools/bench/pubsub_fanout.py --sessions 1000 --burst 50
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

REDIS_SERVER = "/usr/bin/redis-server"


class _NullTransport:
    """A connection that only notes when frames carrying a marker were sent."""

    def __init__(self, registration: str, arrivals: dict[str, list[float]]) -> None:
        self._registration: str | None = registration
        self._arrivals = arrivals
        self._closed = asyncio.Event()

    async def receive(self) -> str | None:
        if self._registration is not None:
            frame, self._registration = self._registration, None
            return frame
        await self._closed.wait()
        return None

    async def send(self, frame: str) -> None:
        start = frame.find("msg-")
        if start >= 0:
            now = time.monotonic()
            marker = frame[start : frame.find('"', start)]
            self._arrivals.setdefault(marker, []).append(now)

    async def close(self, code: int = 1000) -> None:
        self._closed.set()


def _text_class() -> Any:
    import flet_core

    return flet_core.Text


async def _serve(sessions: int, url: str, conn: Connection, *, sender: bool) -> None:
    import json

    from flet_runtime import AppHost, PubSubHub, load_backend
    from flet_runtime.memory_transport import registration

    text_class = _text_class()
    arrivals: dict[str, list[float]] = {}

    async def main(page: Any) -> None:
        text = text_class("")

        async def on_message(message: str) -> None:
            text.value = message
            page.update()

        page.pubsub.subscribe(on_message)
        page.add(text)

    host = AppHost(main, pubsub_backend=load_backend(url, channel="flet:bench"))
    transports = []
    tasks = []
    for _ in range(sessions):
        transport = _NullTransport(json.dumps(registration()), arrivals)
        transports.append(transport)
        tasks.append(asyncio.ensure_future(host.serve(transport)))
    while host.session_count() < sessions:
        await asyncio.sleep(0.01)
    await host.wait_idle(30)
    hub = host.pubsub
    assert hub is not None
    backend = hub.backend
    if hasattr(backend, "wait_connected"):
        await backend.wait_connected(10)
    conn.send("ready")

    async def wait_for(markers: list[str], timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while any(len(arrivals.get(m, ())) < sessions for m in markers):
            if time.monotonic() > deadline:
                raise TimeoutError(f"not every session got {markers[:3]}... within {timeout} s")
            await asyncio.sleep(0.0005)

    loop = asyncio.get_running_loop()
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command[0] == "one":
            marker = command[1]
            if sender:
                conn.send(("sent", time.monotonic()))
                hub.send_all(marker)
            await wait_for([marker])
            conn.send(("times", arrivals[marker]))
        elif command[0] == "burst":
            markers = command[1]
            cpu = time.process_time()
            began = time.monotonic()
            if sender:
                for marker in markers:
                    hub.send_all(marker)
            await wait_for(markers)
            conn.send(("burst", time.process_time() - cpu, began, time.monotonic()))
        elif command[0] == "raw":  # Redis alone: a hub without subscribers
            count = command[1]
            raw = PubSubHub(backend=load_backend(url, channel="flet:bench-raw"))
            await raw.start()
            if hasattr(raw.backend, "wait_connected"):
                await raw.backend.wait_connected(10)
            conn.send("raw-ready")
            await loop.run_in_executor(None, conn.recv)
            cpu = time.process_time()
            if sender:
                for n in range(count):
                    raw.send_all(f"raw {n}")
                while getattr(raw.backend, "published", count) < count:
                    await asyncio.sleep(0.001)
            else:
                while getattr(raw.backend, "received", count) < count:
                    await asyncio.sleep(0.001)
            conn.send(("raw", time.process_time() - cpu))
            await raw.aclose()
        else:
            break
    for transport in transports:
        await transport.close()
    await host.shutdown()
    for task in tasks:
        task.cancel()


def _process(sessions: int, url: str, conn: Connection, sender: bool) -> None:
    asyncio.run(_serve(sessions, url, conn, sender=sender))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(setup: str, processes: int, sessions: int, url: str, burst: int, raw: int) -> None:
    context = multiprocessing.get_context("spawn")
    pipes = []
    workers = []
    for index in range(processes):
        parent, child = context.Pipe()
        worker = context.Process(target=_process, args=(sessions // processes, url, child, index == 0), daemon=True)
        worker.start()
        pipes.append(parent)
        workers.append(worker)
    try:
        for pipe in pipes:
            assert pipe.recv() == "ready"
        latencies: list[float] = []
        for round_ in range(3):  # the first warms up; the others are measured
            marker = f"msg-one-{round_}"
            for pipe in pipes:
                pipe.send(("one", marker))
            sent_at = pipes[0].recv()[1]
            times = [t for pipe in pipes for t in pipe.recv()[1]]
            if round_:
                latencies += [(t - sent_at) * 1000 for t in times]
        markers = [f"msg-burst-{n}" for n in range(burst)]
        for pipe in pipes:
            pipe.send(("burst", markers))
        results = [pipe.recv() for pipe in pipes]
        elapsed = max(r[3] for r in results) - min(r[2] for r in results)
        cpu = [r[1] / burst * 1000 for r in results]
        print(f"\n{setup}: {sessions} sessions in {processes} process(es)")
        print(
            f"  one send_all, time until each session has it: p50 {statistics.median(latencies):.1f} ms, "
            f"p99 {_percentile(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms"
        )
        print(
            f"  burst of {burst}: {burst / elapsed:.0f} msgs/s, {burst * sessions / elapsed:,.0f} session updates/s; "
            "CPU per message: " + ", ".join(f"process {n} {value:.2f} ms" for n, value in enumerate(cpu))
        )
        if raw and processes > 1:
            for pipe in pipes:
                pipe.send(("raw", raw))
            for pipe in pipes:
                assert pipe.recv() == "raw-ready"
            for pipe in pipes:
                pipe.send("go")
            raw_cpu = [pipe.recv()[1] / raw * 1000 for pipe in pipes]
            print(
                f"  the backend alone ({raw} messages, no sessions): CPU per message "
                f"{raw_cpu[0]:.3f} ms publishing, {raw_cpu[1]:.3f} ms receiving"
            )
        for pipe in pipes:
            pipe.send(("stop",))
    finally:
        for worker in workers:
            worker.join(30)
            if worker.is_alive():
                worker.kill()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--burst", type=int, default=50, help="messages in the throughput round")
    parser.add_argument("--raw", type=int, default=5000, help="messages in the Redis-only round")
    options = parser.parse_args()
    if not os.access(REDIS_SERVER, os.X_OK):
        print(f"{REDIS_SERVER} is missing (Debian: apt-get install redis-server)", file=sys.stderr)
        return 1
    port = _free_port()
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "redis.conf"
        config.write_text(f'port {port}\nbind 127.0.0.1\ndir "{folder}"\nsave ""\nappendonly no\n', encoding="utf-8")
        redis = subprocess.Popen([REDIS_SERVER, str(config)], stdout=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, redis-server on port {port}")
            run("memory://", 1, options.sessions, "memory://", options.burst, 0)
            run("redis://", 2, options.sessions, f"redis://127.0.0.1:{port}/0", options.burst, options.raw)
        finally:
            os.kill(redis.pid, signal.SIGTERM)
            redis.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
