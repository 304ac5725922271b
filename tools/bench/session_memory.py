"""Where an idle session's memory goes: tracemalloc and an object census, per session.

The app is served in this process by uvicorn, as the suite serves it (``ft.app(main,
export_asgi_app=True)`` with uvicorn's defaults); the clients (tools/bench/harness.py, which
offer permessage-deflate unless --plain) run in a child process so that only the server's
allocations are traced. After 10 warm sessions, N more are opened and left idle; the figures
are the difference divided by N.

    python tools/bench/session_memory.py                         # tools/bench/apps/idle.py, 200 sessions
    python tools/bench/session_memory.py --plain --ws websockets packages/flet/src/flet/demo.py
    python tools/bench/session_memory.py --plain --frames 30              # + by the line of ours behind
    python tools/bench/session_memory.py --frames 30 --trace 'queues.py'  # + whole tracebacks of some lines

With ``--frames N`` above 1, allocations made in other packages are also charged to the innermost
line of ours (flet_core, flet_runtime, flet) that led to them: uvicorn's frames under our
``accept()``, the server's pending receive under our read.

RSS here includes tracemalloc's own bookkeeping; the suite's RSS rows are the figure to quote.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import importlib.util
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

from harness import APPS, free_port

CLIENTS = r"""
import asyncio, sys
sys.path.insert(0, sys.argv[4])
from harness import close_all, open_sessions

async def main() -> None:
    port, count, compress = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
    clients = await open_sessions(port, 10, compress)
    print("warm", flush=True)
    sys.stdin.readline()
    clients += await open_sessions(port, count, compress)
    print("open", flush=True)
    sys.stdin.readline()
    await close_all(clients)

asyncio.run(main())
"""


def rss_kb() -> int:
    match = re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text())
    if match is None:
        raise RuntimeError("no VmRSS in /proc/self/status")
    return int(match.group(1))


def where(filename: str) -> str:
    """A short name for a source file: the package below site-packages or src/, else the file."""
    for marker in ("site-packages/", "/src/"):
        if marker in filename:
            return filename.split(marker)[-1]
    return filename.rsplit("/", 1)[-1]


def ours(stats: list[tracemalloc.StatisticDiff]) -> dict[str, tuple[int, int]]:
    """Size and count differences by the innermost frame in a flet package (else the allocating frame)."""
    places: dict[str, tuple[int, int]] = {}
    for stat in stats:
        frames = list(reversed(stat.traceback))  # the allocating frame first
        frame = next((f for f in frames if where(f.filename).startswith("flet")), frames[0])
        place = f"{where(frame.filename)}:{frame.lineno}"
        size, count = places.get(place, (0, 0))
        places[place] = (size + stat.size_diff, count + stat.count_diff)
    return places


def census() -> collections.Counter[str]:
    """Live objects by type; coroutines and tasks also by the function they run."""
    counts: collections.Counter[str] = collections.Counter()
    for obj in gc.get_objects():
        kind = type(obj).__qualname__
        counts[kind] += 1
        if isinstance(obj, asyncio.Task):
            counts[f"Task of {obj.get_coro().__qualname__}"] += 1  # type: ignore[union-attr]
        elif kind == "coroutine":
            counts[f"coroutine {obj.__qualname__}"] += 1
    return counts


def load_main(path: Path) -> object:
    spec = importlib.util.spec_from_file_location("app", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


async def measure(app: Path, sessions: int, compress: bool, ws: str, top: int, frames: int, trace: str | None) -> None:
    import uvicorn

    import flet as ft

    port = free_port()
    asgi = ft.app(load_main(app), export_asgi_app=True)  # type: ignore[call-overload]
    server = uvicorn.Server(uvicorn.Config(asgi, host="127.0.0.1", port=port, log_level="error", ws=ws))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.02)
    here = str(Path(__file__).resolve().parent)
    args = [str(port), str(sessions), "1" if compress else "0", here]
    clients = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CLIENTS, *args, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert clients.stdin is not None and clients.stdout is not None
    try:
        await clients.stdout.readline()
        await asyncio.sleep(0.5)
        gc.collect()
        tracemalloc.start(frames)
        objects_before, before, rss_before = census(), tracemalloc.take_snapshot(), rss_kb()
        clients.stdin.write(b"\n")
        await clients.stdin.drain()
        await clients.stdout.readline()
        await asyncio.sleep(1.5)
        gc.collect()
        after, rss_after = tracemalloc.take_snapshot(), rss_kb()
        tracemalloc.stop()
        objects_after = census()
    finally:
        clients.stdin.write(b"\n")
        await clients.stdin.drain()
        await clients.wait()
        server.should_exit = True
        await serving

    lines = after.compare_to(before, "lineno")
    traced = sum(stat.size_diff for stat in lines)
    print(f"{app.name}, {sessions} sessions, {'deflate' if compress else 'no compression'}, ws={ws}")
    print(f"RSS {(rss_after - rss_before) / sessions:.1f} KB per session; traced {traced / sessions / 1024:.1f} KB")
    packages: collections.Counter[str] = collections.Counter()
    for stat in lines:
        packages[where(stat.traceback[0].filename).split("/")[0]] += stat.size_diff
    print("\nKB per session by package or file:")
    for name, size in packages.most_common(top):
        print(f"{size / sessions / 1024:8.1f}  {name}")
    print("\nbytes (allocations) per session by line:")
    for stat in lines[:top]:
        frame = stat.traceback[0]
        place = f"{where(frame.filename)}:{frame.lineno}"
        print(f"{stat.size_diff / sessions:8.0f} ({stat.count_diff / sessions:4.1f})  {place}")
    if frames > 1:
        print("\nbytes (allocations) per session by the innermost line of ours (flet*) that led to them:")
        callers = ours(after.compare_to(before, "traceback"))
        for place, (size, count) in sorted(callers.items(), key=lambda item: -item[1][0])[:top]:
            print(f"{size / sessions:8.0f} ({count / sessions:4.1f})  {place}")
    if trace is not None:
        print(f"\ntracebacks of the allocations at lines matching {trace!r}:")
        for stat in after.compare_to(before, "traceback"):
            if stat.size_diff > 0 and re.search(trace, f"{stat.traceback[-1].filename}:{stat.traceback[-1].lineno}"):
                print(f"{stat.size_diff / sessions:8.0f} ({stat.count_diff / sessions:4.1f})")
                for frame in reversed(stat.traceback):
                    print(f"            {where(frame.filename)}:{frame.lineno}")
    print("\nobjects per session:")
    grown = ((kind, objects_after[kind] - objects_before.get(kind, 0)) for kind in objects_after)
    for kind, count in sorted(grown, key=lambda item: -item[1])[:top]:
        print(f"{count / sessions:6.1f}  {kind}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("app", nargs="?", type=Path, default=APPS / "idle.py", help="a module with main(page)")
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--plain", action="store_true", help="clients without permessage-deflate")
    parser.add_argument("--ws", default="auto", help="uvicorn's WebSocket implementation (default: auto)")
    parser.add_argument("--top", type=int, default=30, help="rows per table")
    parser.add_argument(
        "--frames",
        type=int,
        default=1,
        help="traceback depth; above 1, also a table by the line of ours behind each allocation",
    )
    parser.add_argument("--trace", help="print the tracebacks of allocations at lines matching this regex")
    args = parser.parse_args()
    asyncio.run(measure(args.app, args.sessions, not args.plain, args.ws, args.top, args.frames, args.trace))
    return 0


if __name__ == "__main__":
    sys.exit(main())
