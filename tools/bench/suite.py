"""Side-by-side benchmark: ours against upstream Flet 0.21.2, alternated in one run, one table.

Each workload's app (tools/bench/apps/) is served by flet + uvicorn on 127.0.0.1, once with this
python (ours) and once with a throwaway venv holding upstream 0.21.2 (created outside the
repository when absent; never a dependency). The load generator is the same for both: protocol
clients that register like the 0.21.2 web client and offer permessage-deflate as a browser does
(where a row says so). Server CPU and memory are read from the server process (/proc), not the
client. Repetitions alternate which side goes first; the table shows medians with min-max and
x = upstream ÷ ours (bigger is better for us), plus the floors, measured in the same run on each
venv's own dependencies: a raw ASGI WebSocket echo on uvicorn (round trip, CPU per message), and
a bare FastAPI app with one WebSocket route (process start → first reply). The start rows are
also counted in instructions (valgrind's callgrind; `start_ir`), the one start figure a busy
machine does not move. Below the table, the start row's ceiling: upstream's start over our
floor, the best x any Flet on our FastAPI stack could reach.

    nox -s bench                          # full run (3 repetitions)
    nox -s bench -- --quick               # a minute or two: smaller sizes, one repetition
    nox -s bench -- --write-readme        # also write the table into README.md's performance section
    python tools/bench/suite.py --upstream-venv /tmp/upstream --only click_p50 --only floor_rtt
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from harness import (
    APPS,
    FT_APP_SERVER,
    SERVER,
    TIMEOUT,
    Client,
    Server,
    close_all,
    connect_client,
    free_port,
    open_session,
    open_sessions,
    register,
    serving,
    serving_echo,
    stop,
    wait_listening,
)
from import_time import ensure_upstream
from websockets.asyncio.client import ClientConnection

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "packages" / "flet" / "src" / "flet" / "demo.py"
README = ROOT / "README.md"
WORKLOAD_LIMIT = 300.0  # seconds one repetition of one workload may take, servers included
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


@dataclass(frozen=True)
class Sizes:
    """How big each workload is; --quick shrinks them."""

    reps: int = 3
    idle_sessions: int = 500
    demo_sessions: int = 100
    cpu_clients: int = 200
    cpu_rounds: int = 20
    clicks: int = 300
    fanout_sessions: int = 100
    fanout_sends: int = 10
    texts: int = 10_000
    text_rounds: int = 5
    render_sessions: int = 3
    starts: int = 3
    import_runs: int = 7


QUICK = Sizes(
    reps=1,
    idle_sessions=100,
    demo_sessions=20,
    cpu_clients=50,
    cpu_rounds=10,
    clicks=100,
    fanout_sessions=100,
    fanout_sends=3,
    texts=10_000,
    text_rounds=1,
    render_sessions=1,
    starts=2,
    import_runs=3,
)


# --- the workloads: each returns one repetition's figure for one side ------------------------


async def rss_per_session(python: str, app: Path, sessions: int, compress: bool) -> float:
    """KB of server RSS per extra idle session (after 10 warm sessions), rendered and settled."""
    with serving(python, app) as server:
        clients = await open_sessions(server.port, 10, compress)
        try:
            await asyncio.sleep(0.5)
            before = server.rss_bytes()
            clients += await open_sessions(server.port, sessions, compress)
            await asyncio.sleep(1.5)
            return (server.rss_bytes() - before) / sessions / 1024
        finally:
            await close_all(clients)


async def click_round_trips(clients: list[Client], button: list[str], rounds: int) -> None:
    async def loop(client: Client, target: str) -> None:
        for _ in range(rounds):
            await client.click(target)
            await client.batch()

    await asyncio.gather(*(loop(client, target) for client, target in zip(clients, button, strict=True)))


async def cpu_per_round_trip(python: str, app: Path, clients_count: int, rounds: int) -> float:
    """Server CPU ms per click → update round trip, every client clicking in a closed loop."""
    with serving(python, app) as server:
        clients = await open_sessions(server.port, clients_count)
        try:
            buttons = [client.find("iconbutton", icon="add") for client in clients]
            await click_round_trips(clients, buttons, 2)  # warm-up
            before = server.cpu()
            await click_round_trips(clients, buttons, rounds)
            return server.cpu_since(before) / (clients_count * rounds) * 1000
        finally:
            await close_all(clients)


async def click_p50(python: str, app: Path, clicks: int) -> dict[str, float]:
    """Median ms from sending a click to receiving its update, one client; server CPU ms per click."""
    with serving(python, app) as server:
        client = await open_session(server.port)
        try:
            button = client.find("iconbutton", icon="add")
            times = []
            for index in range(20 + clicks):
                if index == 20:
                    cpu = server.cpu()
                start = time.perf_counter()
                await client.click(button)
                await client.batch()
                if index >= 20:
                    times.append(time.perf_counter() - start)
            return {"": statistics.median(times) * 1000, "cpu": server.cpu_since(cpu) / clicks * 1000}
        finally:
            await client.close()


async def fanout(python: str, app: Path, sessions: int, sends: int) -> dict[str, float]:
    """Median ms from one session's click (send_all) until every session has it; server CPU ms per send."""
    with serving(python, app) as server:
        clients = await open_sessions(server.port, sessions)
        try:
            button = clients[0].find("elevatedbutton")
            labels = [client.find("text", value="none") for client in clients]
            times = []
            for index in range(1 + sends):
                if index == 1:
                    cpu = server.cpu()
                message = f"message {index}"
                start = time.perf_counter()
                await clients[0].click(button, message)
                async with asyncio.timeout(TIMEOUT):
                    arrived = await asyncio.gather(
                        *(client.arrival_of(label, message) for client, label in zip(clients, labels, strict=True))
                    )
                for client in clients:
                    client.settle()
                if index:
                    times.append(max(arrived) - start)
            return {"": statistics.median(times) * 1000, "cpu": server.cpu_since(cpu) / sends * 1000}
        finally:
            await close_all(clients)


async def render_texts(server: Server, size: int) -> tuple[Client, float, float]:
    """A fresh session of the texts app: seconds from registration to all `size` texts in, server CPU."""
    client = Client(await connect_client(server.port, True))
    before = server.cpu()
    start = time.perf_counter()
    await register(client.ws)
    seen, frames = 0, []
    while seen < size:  # counted on the raw text, so the client's parsing is not timed
        raw = await client.raw()
        seen += raw.count('"t":"text"')
        frames.append(raw)
    elapsed = time.perf_counter() - start
    cpu = server.cpu_since(before)
    for raw in frames:
        client.apply(raw)
    return client, elapsed, cpu


async def initial_render(python: str, size: int, sessions: int) -> dict[str, float]:
    """Median ms from registerWebClient to the last of `size` Text controls received; server CPU ms."""
    with serving(python, APPS / "texts.py") as server:
        times, cpus = [], []
        for index in range(1 + sessions):
            client, elapsed, cpu = await render_texts(server, size)
            await client.close()
            if index:
                times.append(elapsed * 1000)
                cpus.append(cpu * 1000)
        return {"": statistics.median(times), "cpu": statistics.median(cpus)}


async def change_all(python: str, size: int, rounds: int) -> dict[str, float]:
    """Median ms from the click to the update of all `size` texts received (one batch); server CPU ms."""
    with serving(python, APPS / "texts.py") as server:
        client, _, _ = await render_texts(server, size)
        try:
            button = client.find("elevatedbutton")
            times = []
            for index in range(1 + rounds):
                if index == 1:
                    cpu = server.cpu()
                start = time.perf_counter()
                await client.click(button, f"round {index}")
                while '"pageControlsBatch"' not in (await client.raw())[:40]:
                    pass
                if index:
                    times.append((time.perf_counter() - start) * 1000)
            return {"": statistics.median(times), "cpu": server.cpu_since(cpu) / rounds * 1000}
        finally:
            await client.close()


Command = Callable[[int], list[str]]  # a server's command line, given its port


def exported(python: str, app: Path) -> Command:
    """The app exported (ft.app(main, export_asgi_app=True)) and served by uvicorn.run."""
    return lambda port: [python, "-c", SERVER, str(app), str(port)]


def by_ft_app(python: str, app: Path) -> Command:
    """The app run as `python app.py` runs it: ft.app(main, port=...)."""
    return lambda port: [python, "-c", FT_APP_SERVER, str(app), str(port)]


def fastapi_floor(python: str) -> Command:
    """A bare FastAPI app with one WebSocket route (apps/fastapi_floor.py) under uvicorn.run."""
    return lambda port: [python, str(APPS / "fastapi_floor.py"), str(port)]


def launch(argv: list[str]) -> subprocess.Popen[bytes]:
    """A server process in web-server mode (FLET_FORCE_WEB_SERVER), its banner line dropped."""
    env = dict(os.environ, FLET_FORCE_WEB_SERVER="true")
    return subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)


async def first_render(port: int) -> None:
    client = await open_session(port)
    await client.close()


async def first_reply(port: int) -> None:
    """Connect like the web client, send its registration, and wait for the first frame back."""
    ws = await connect_client(port, True)
    try:
        await register(ws)
        await asyncio.wait_for(ws.recv(), TIMEOUT)
    finally:
        await ws.close()


First = Callable[[int], Awaitable[None]]


async def start_to_first(command: Command, first: First, starts: int) -> dict[str, float]:
    """Median ms from starting the server process to `first` done (a session rendered, a reply
    received), and the server process's CPU ms until then (the figure a busy machine disturbs least)."""
    times, cpus = [], []
    for _ in range(starts):
        port = free_port()
        start = time.perf_counter()
        process = launch(command(port))
        try:
            wait_listening(process, port, timeout=60, poll=0.002)
            await first(port)
            times.append((time.perf_counter() - start) * 1000)
            cpus.append(Server(process, port).cpu_seconds() * 1000)
        finally:
            stop(process)
    return {"": statistics.median(times), "cpu": statistics.median(cpus)}


async def instructions_to_first(command: Command, first: First) -> float:
    """Millions of instructions the server process ran from its start to `first` done, counted
    by valgrind's callgrind (exact and repeatable on a busy machine; the server runs ~50x slower)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-callgrind-") as folder:
        out = Path(folder) / "callgrind.out"
        tool = ["valgrind", "-q", "--tool=callgrind", f"--callgrind-out-file={out}"]
        process = launch([*tool, *command(port)])
        try:
            wait_listening(process, port, timeout=WORKLOAD_LIMIT / 2, poll=0.05)
            await first(port)
            # a dump of the counts so far, into callgrind.out.1 (the exit writes callgrind.out)
            subprocess.run(["callgrind_control", "--dump", str(process.pid)], check=True, capture_output=True)
        finally:
            stop(process)
        dump = (out.parent / f"{out.name}.1").read_text()
    match = re.search(r"^(?:summary|totals):\s*(\d+)", dump, re.MULTILINE)
    if match is None:
        raise RuntimeError("callgrind's dump has no instruction total")
    return int(match.group(1)) / 1e6


async def start_instructions(python: str, app: Path) -> dict[str, float]:
    return {
        "": await instructions_to_first(exported(python, app), first_render),
        "ft_app": await instructions_to_first(by_ft_app(python, app), first_render),
        "floor": await instructions_to_first(fastapi_floor(python), first_reply),
    }


_IMPORT = (
    "import time; w, c = time.perf_counter(), time.process_time(); import flet; "
    "print(time.perf_counter() - w, time.process_time() - c)"
)


async def import_flet(python: str, runs: int) -> dict[str, float]:
    """Median ms of `import flet` timed inside the importing process: CPU, and wall."""
    walls, cpus = [], []
    for _ in range(runs):
        result = await asyncio.to_thread(subprocess.run, [python, "-c", _IMPORT], capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"{python}: import flet failed:\n{result.stderr}")
        wall, cpu = map(float, result.stdout.split())
        walls.append(wall * 1000)
        cpus.append(cpu * 1000)
    return {"": statistics.median(cpus), "wall": statistics.median(walls)}


async def floor_rtt(python: str, clicks: int) -> float:
    """Median ms of one echo round trip (a click-sized message), one client, deflate offered."""
    with serving_echo(python) as server:
        ws = await connect_client(server.port, True)
        try:
            message = json.dumps({"action": "pageEventFromWeb", "payload": {"eventTarget": "_5"}})
            times = []
            for index in range(20 + clicks):
                start = time.perf_counter()
                await ws.send(message)
                await asyncio.wait_for(ws.recv(), TIMEOUT)
                if index >= 20:
                    times.append(time.perf_counter() - start)
            return statistics.median(times) * 1000
        finally:
            await ws.close()


async def floor_cpu(python: str, clients_count: int, rounds: int) -> float:
    """Server CPU ms per echoed message, clients in closed loops as in the counter CPU rows."""
    with serving_echo(python) as server:
        sockets = list(await asyncio.gather(*(connect_client(server.port, True) for _ in range(clients_count))))
        message = json.dumps({"action": "pageEventFromWeb", "payload": {"eventTarget": "_5"}})

        async def loop(ws: ClientConnection, count: int) -> None:
            for _ in range(count):
                await ws.send(message)
                await asyncio.wait_for(ws.recv(), TIMEOUT)

        try:
            await asyncio.gather(*(loop(ws, 2) for ws in sockets))
            before = server.cpu()
            await asyncio.gather(*(loop(ws, rounds) for ws in sockets))
            return server.cpu_since(before) / (clients_count * rounds) * 1000
        finally:
            await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One row of the table: one of the figures a workload returns (by name; "" for the main one)."""

    name: str
    label: str
    unit: str
    target: str = ""


@dataclass(frozen=True)
class Workload:
    key: str
    run: Callable[[str], Awaitable[dict[str, float]]]
    figures: tuple[Figure, ...]


def single(measure: Awaitable[float]) -> Awaitable[dict[str, float]]:
    async def wrapped() -> dict[str, float]:
        return {"": await measure}

    return wrapped()


def workloads(s: Sizes) -> list[Workload]:
    counter_sync, counter_async, idle = APPS / "counter_sync.py", APPS / "counter_async.py", APPS / "idle.py"
    n = f"{s.cpu_clients} clients"
    cpu = "server CPU of the same"
    return [
        Workload(
            "rss_deflate",
            lambda py: single(rss_per_session(py, idle, s.idle_sessions, True)),
            (
                Figure(
                    "",
                    f"RSS per idle session, {s.idle_sessions} sessions, client offers permessage-deflate",
                    "KB",
                    "≥ 3",
                ),
            ),
        ),
        Workload(
            "rss_plain",
            lambda py: single(rss_per_session(py, idle, s.idle_sessions, False)),
            (Figure("", "same, client without compression", "KB", "≥ 2"),),
        ),
        Workload(
            "rss_demo",
            lambda py: single(rss_per_session(py, DEMO, s.demo_sessions, True)),
            (
                Figure(
                    "",
                    f"RSS per session of the demo app (flet.demo), {s.demo_sessions} sessions, deflate",
                    "KB",
                    "hold",
                ),
            ),
        ),
        Workload(
            "cpu_sync",
            lambda py: single(cpu_per_round_trip(py, counter_sync, s.cpu_clients, s.cpu_rounds)),
            (Figure("", f"server CPU per counter round trip, sync handler, {n}", "ms", "≥ 2.5"),),
        ),
        Workload(
            "cpu_async",
            lambda py: single(cpu_per_round_trip(py, counter_async, s.cpu_clients, s.cpu_rounds)),
            (Figure("", "same, async handler", "ms", "≥ 2.5"),),
        ),
        Workload(
            "click_p50",
            lambda py: click_p50(py, counter_sync, s.clicks),
            (
                Figure("", f"counter click→update p50, 1 client, sync handler ({s.clicks} clicks)", "ms", "≤ 0.25 ms"),
                Figure("cpu", f"{cpu}, per click", "ms"),
            ),
        ),
        Workload(
            "fanout_sync",
            lambda py: fanout(py, APPS / "pubsub_sync.py", s.fanout_sessions, s.fanout_sends),
            (
                Figure(
                    "",
                    f"pubsub fan-out to {s.fanout_sessions} sessions, sync subscribers, until all have it",
                    "ms",
                    "≥ 2",
                ),
                Figure("cpu", f"{cpu}, per send", "ms"),
            ),
        ),
        Workload(
            "fanout_async",
            lambda py: fanout(py, APPS / "pubsub_async.py", s.fanout_sessions, s.fanout_sends),
            (
                Figure("", "same, async subscribers", "ms", "≥ 2.5"),
                Figure("cpu", f"{cpu}, per send", "ms"),
            ),
        ),
        Workload(
            "change_all",
            lambda py: change_all(py, s.texts, s.text_rounds),
            (
                Figure("", f'"change all" of {s.texts:,} Text + page.update(), click → batch received', "ms", "≥ 5"),
                Figure("cpu", cpu, "ms"),
            ),
        ),
        Workload(
            "initial_render",
            lambda py: initial_render(py, s.texts, s.render_sessions),
            (
                Figure("", f"initial render of {s.texts:,} Text, registration → last control received", "ms", "≥ 30"),
                Figure("cpu", cpu, "ms"),
            ),
        ),
        Workload(
            "start",
            lambda py: start_to_first(exported(py, counter_sync), first_render, s.starts),
            (
                Figure("", "process start → first rendered session (counter app)", "ms", "≥ 2"),
                Figure("cpu", f"{cpu} until then", "ms"),
            ),
        ),
        Workload(
            "start_ft_app",
            lambda py: start_to_first(by_ft_app(py, counter_sync), first_render, s.starts),
            (
                Figure("", "same, run by ft.app(main, port=...) with FLET_FORCE_WEB_SERVER=true", "ms"),
                Figure("cpu", f"{cpu} until then", "ms"),
            ),
        ),
        Workload(
            "floor_start",
            lambda py: start_to_first(fastapi_floor(py), first_reply, s.starts),
            (
                Figure(
                    "",
                    "floor: bare FastAPI + uvicorn app with one WebSocket route, process start → first reply",
                    "ms",
                ),
                Figure("cpu", f"{cpu} until then", "ms"),
            ),
        ),
        Workload(
            "start_ir",
            lambda py: start_instructions(py, counter_sync),
            (
                Figure("", "process start → first rendered session, server instructions (callgrind)", "M"),
                Figure("ft_app", "same, run by ft.app(main, port=...)", "M"),
                Figure("floor", "floor: the bare FastAPI app's start → first reply, same count", "M"),
            ),
        ),
        Workload(
            "import",
            lambda py: import_flet(py, s.import_runs),
            (
                Figure("", "`import flet`, CPU time in the importing process", "ms", "keep ≥ 5"),
                Figure("wall", "same, wall time", "ms"),
            ),
        ),
        Workload(
            "floor_rtt",
            lambda py: single(floor_rtt(py, s.clicks)),
            (Figure("", "floor: raw ASGI WebSocket echo on the venv's uvicorn, round trip p50, 1 client", "ms"),),
        ),
        Workload(
            "floor_cpu",
            lambda py: single(floor_cpu(py, s.cpu_clients, s.cpu_rounds)),
            (Figure("", f"floor: same echo, server CPU per message, {n}", "ms"),),
        ),
    ]


@dataclass
class Row:
    figure: Figure
    values: dict[str, list[float]] = field(default_factory=lambda: {"ours": [], "upstream": []})


def number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def cell(values: list[float], unit: str) -> str:
    if not values:
        return "failed"
    median = f"{number(statistics.median(values))} {unit}"
    if len(values) == 1:
        return median
    return f"{median} ({number(min(values))}-{number(max(values))})"


def ratio(row: Row) -> str:
    ours, theirs = row.values["ours"], row.values["upstream"]
    if not ours or not theirs or statistics.median(ours) <= 0:
        return "-"
    return f"{statistics.median(theirs) / statistics.median(ours):.1f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| workload | upstream 0.21.2 | ours | x | target x |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        f = row.figure
        cells = [f.label, cell(row.values["upstream"], f.unit), cell(row.values["ours"], f.unit), ratio(row), f.target]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def start_ceiling(rows: dict[tuple[str, str], Row]) -> str:
    """The start row's best possible x with our server stack: upstream's start over our floor's."""
    pairs = {
        "wall": (("start", ""), ("floor_start", "")),
        "server CPU": (("start", "cpu"), ("floor_start", "cpu")),
        "instructions": (("start_ir", ""), ("start_ir", "floor")),
    }
    parts = []
    for what, (start_key, floor_key) in pairs.items():
        start, floor = rows.get(start_key), rows.get(floor_key)
        if start is None or floor is None or not start.values["upstream"] or not floor.values["ours"]:
            continue
        theirs, ours_floor = statistics.median(start.values["upstream"]), statistics.median(floor.values["ours"])
        unit = start.figure.unit
        parts.append(f"{what} {number(theirs)} ÷ {number(ours_floor)} {unit} = {theirs / ours_floor:.2f}")
    if not parts:
        return ""
    return (
        "Start ceiling (upstream's start ÷ our FastAPI floor's, the x no Flet served by our "
        f"fastapi + uvicorn could beat): {'; '.join(parts)}."
    )


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = match.group(1).strip() if match else cpu
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; load average at start {load}"
    )


def versions(python: str) -> str:
    code = (
        "import importlib.metadata as m; "
        "print(', '.join(f'{n} {m.version(n)}' for n in ('flet', 'fastapi', 'starlette', 'uvicorn', 'websockets')))"
    )
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def write_readme(text: str) -> None:
    readme = README.read_text()
    if BEGIN not in readme or END not in readme:
        raise SystemExit(f"{README} has no {BEGIN} … {END} markers in its performance section")
    head, rest = readme.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    README.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}")


def compile_bytecode(python: str) -> None:
    """Byte-compile the flet packages `python` imports, as an installed wheel has them. An editable
    install under PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise compile its
    sources on every start, which no deployment does."""
    code = (
        "import os, flet, flet_core, flet_runtime; "
        "print(*(os.path.dirname(m.__file__) for m in (flet, flet_core, flet_runtime)))"
    )
    folders = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run([python, "-m", "compileall", "-q", *folders], check=True, stdout=subprocess.DEVNULL)


async def run_one(workload: Workload, python: str) -> dict[str, float]:
    async with asyncio.timeout(WORKLOAD_LIMIT):
        return await workload.run(python)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ours", default=sys.executable, help="python with our flet installed (default: this one)")
    parser.add_argument(
        "--upstream-venv",
        type=Path,
        default=Path("/tmp/flet-upstream"),
        help="venv with upstream 0.21.2 (created there, outside the repository, when absent)",
    )
    parser.add_argument("--quick", action="store_true", help="about two minutes: one repetition, smaller sizes")
    parser.add_argument("--reps", type=int, help="repetitions per side (default 3, --quick 1)")
    parser.add_argument("--only", action="append", help="run only these workloads (by key; repeatable)")
    parser.add_argument("--write-readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()

    sizes = QUICK if args.quick else Sizes()
    if args.reps:
        sizes = Sizes(**{**sizes.__dict__, "reps": args.reps})
    chosen = workloads(sizes)
    if args.only:
        unknown = set(args.only) - {w.key for w in chosen}
        if unknown:
            parser.error(f"unknown workload(s) {sorted(unknown)}; known: {[w.key for w in chosen]}")
        chosen = [w for w in chosen if w.key in args.only]
    os.environ["BENCH_TEXTS"] = str(sizes.texts)  # read by apps/texts.py in both servers
    pythons = {"ours": args.ours, "upstream": str(ensure_upstream(args.upstream_venv))}
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # the servers start as deployed ones do
    for python in pythons.values():
        compile_bytecode(python)
    started = datetime.now(UTC)
    about = machine()
    stacks = {side: versions(python) for side, python in pythons.items()}
    rows = {(w.key, f.name): Row(f) for w in chosen for f in w.figures}
    errors: list[str] = []
    for rep in range(sizes.reps):
        order = ("ours", "upstream") if rep % 2 == 0 else ("upstream", "ours")
        for workload in chosen:
            for side in order:
                began = time.monotonic()
                try:
                    figures = asyncio.run(run_one(workload, pythons[side]))
                except Exception as error:  # one failed run must not lose the rest of the table
                    errors.append(f"{workload.key} [{side}, rep {rep + 1}]: {error!r}")
                    print(f"  {errors[-1]}", file=sys.stderr)
                    continue
                for name, value in figures.items():
                    rows[workload.key, name].values[side].append(value)
                shown = ", ".join(f"{name or workload.key} {number(value)}" for name, value in figures.items())
                print(
                    f"rep {rep + 1}/{sizes.reps} {side:<8} {shown}  ({time.monotonic() - began:.1f} s)",
                    file=sys.stderr,
                    flush=True,
                )
    elapsed = (datetime.now(UTC) - started).total_seconds()
    command = "nox -s bench" + (" -- --quick" if args.quick else "")
    text = "\n".join(
        [
            f"Measured {started:%Y-%m-%d %H:%M} UTC with `{command}` ({elapsed / 60:.0f} min, "
            f"{sizes.reps} repetition(s) per side, alternated; median (min-max); x = upstream ÷ ours).",
            f"Machine: {about}.",
            f"Upstream: {stacks['upstream']}. Ours: {stacks['ours']}.",
            "",
            table(list(rows.values())),
        ]
    )
    ceiling = start_ceiling(rows)
    if ceiling:
        text += "\n\n" + ceiling
    print(text)
    for failure in errors:
        print(f"failed: {failure}", file=sys.stderr)
    if args.write_readme:
        write_readme(text)
        print(f"wrote the table into {README}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
