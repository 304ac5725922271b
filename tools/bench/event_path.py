"""One event's path through the runtime, in process: CPU per click round trip, no WebSocket.

An app of tools/bench/apps (default: the sync counter) runs on an ``AppHost`` whose
connections are in-memory transports; each client clicks the "+" button in a closed loop
(click, wait for the update frame). Printed per repetition: CPU µs per click of the whole
process (``time.process_time``: loop, worker threads, the stand-in clients) and wall µs per
click, and the worker threads started. What the suite's counter rows add on top is the
WebSocket layer (uvicorn, Starlette, permessage-deflate) and the kernel.

    python tools/bench/event_path.py                          # counter_sync, 1 client
    python tools/bench/event_path.py --app counter_async --clients 100 --clicks 100
    python tools/bench/event_path.py --profile tottime        # cProfile of the last repetition (loop thread)
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import importlib.util
import json
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flet_runtime import AppHost
from flet_runtime.memory_transport import registration

APPS = Path(__file__).resolve().parent / "apps"


class _Transport:
    """The server's side of an in-memory connection; frames to the client go to a queue."""

    def __init__(self) -> None:
        self.incoming: asyncio.Queue[str | None] = asyncio.Queue()
        self.outgoing: asyncio.Queue[str] = asyncio.Queue()

    async def receive(self) -> str | None:
        return await self.incoming.get()

    async def send(self, frame: str) -> None:
        self.outgoing.put_nowait(frame)

    async def close(self, code: int = 1000) -> None:
        self.incoming.put_nowait(None)


def _load(name: str) -> Callable[..., Any]:
    spec = importlib.util.spec_from_file_location("bench_app", APPS / f"{name}.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no app {name!r} in {APPS}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    main: Callable[..., Any] = module.main
    return main


async def _connect(host: AppHost) -> tuple[_Transport, str]:
    """Register a tab; return its transport and the click frame of its "+" button."""
    transport = _Transport()
    asyncio.get_running_loop().create_task(host.serve(transport))
    transport.incoming.put_nowait(json.dumps(registration()))
    while True:
        frame = json.loads(await transport.outgoing.get())
        if frame["action"] != "pageControlsBatch":
            continue
        for message in frame["payload"]:
            for control in message["payload"].get("controls", []):
                if control.get("t") == "iconbutton" and control.get("icon") == "add":
                    event = {"eventTarget": control["i"], "eventName": "click", "eventData": ""}
                    return transport, json.dumps({"action": "pageEventFromWeb", "payload": event})


async def _clicks(transport: _Transport, click: str, count: int) -> None:
    for _ in range(count):
        transport.incoming.put_nowait(click)
        while not (await transport.outgoing.get()).startswith('{"action":"pageControlsBatch"'):
            pass


async def _run(options: argparse.Namespace) -> None:
    host = AppHost(_load(options.app))
    tabs = [await _connect(host) for _ in range(options.clients)]
    await asyncio.gather(*(_clicks(transport, click, 20) for transport, click in tabs))  # warm-up
    cpus, walls = [], []
    profile = cProfile.Profile() if options.profile else None
    for repetition in range(options.reps):
        last = repetition == options.reps - 1
        wall, cpu = time.perf_counter(), time.process_time()
        if profile is not None and last:
            profile.enable()
        await asyncio.gather(*(_clicks(transport, click, options.clicks) for transport, click in tabs))
        if profile is not None and last:
            profile.disable()
        total = options.clicks * options.clients
        cpus.append((time.process_time() - cpu) / total * 1e6)
        walls.append((time.perf_counter() - wall) / total * 1e6)
    pool = host.pool
    print(
        f"{options.app}, {options.clients} client(s), {options.clicks} clicks each, {options.reps} repetitions: "
        f"CPU per click min {min(cpus):.1f} µs, median {statistics.median(cpus):.1f} µs; "
        f"wall per click median {statistics.median(walls):.1f} µs; "
        f"worker threads {pool.thread_count if pool is not None else 0}"
    )
    if profile is not None:
        pstats.Stats(profile).sort_stats(options.profile).print_stats(30)
    for transport, _ in tabs:
        transport.incoming.put_nowait(None)
    await host.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", default="counter_sync", help="an app of tools/bench/apps with a '+' icon button")
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--clicks", type=int, default=2000, help="per client and repetition")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--profile", metavar="SORT", help="cProfile the last repetition, sorted by SORT")
    parser.add_argument("--asyncio", action="store_true", help="asyncio's own loop even where uvloop is installed")
    options = parser.parse_args()
    if not options.asyncio:
        try:
            import uvloop  # what uvicorn picks when it is installed
        except ImportError:
            pass
        else:
            uvloop.install()
    asyncio.run(_run(options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
