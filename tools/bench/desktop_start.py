"""Process start -> first frame in the desktop window: ours against upstream 0.21.2, in one run.

Both run the same counter app with ``ft.app(main)`` on an Xvfb display this script starts
(and stops by PID). The clock starts just before the Python process is spawned and stops at
the first screen grab of the window that shows the app's settled first frame (the counter
row, as it looks once nothing moves any more). Grabs come every few tens of milliseconds, so
each figure is late by up to one grab. Runs alternate between ours and upstream; the first
run of each is a warm-up (upstream unpacks its client into ~/.flet on its first start).

Upstream is flet==0.21.2 installed with its platform wheel (which carries the Linux client)
into a throwaway venv outside the repository, never a dependency. It is given a libmpv.so.1
link to the system's libmpv.so.2 on LD_LIBRARY_PATH, as it cannot find one itself; ours
makes that link (after an ldd check) as part of its measured start. Ours is byte-compiled first
(``compileall``, as pip does when it installs a wheel): an editable install under
PYTHONDONTWRITEBYTECODE would otherwise compile every module from source on every start, which
upstream's installed wheel never does.

A start whose window never shows within GIVE_UP seconds is counted as hung and left out of the
figures: the 0.21.2 client sometimes deadlocks in its own startup (its main thread waits for a
frame inside window_manager's show(), before it has connected to Python), with either server.

    python tools/bench/desktop_start.py --ours .venv/bin/python --upstream-venv /tmp/flet-upstream-desktop

Needs Xvfb, xdotool and ImageMagick's import, and our flet installed with flet-desktop.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tools/: the shared test support

from testsupport.xvfb import close_windows, xvfb  # after the path line above

TITLE = "Start benchmark"
APP = f"""\
import flet as ft


def main(page: ft.Page):
    page.title = {TITLE!r}
    number = ft.TextField(value="0", text_align=ft.TextAlign.RIGHT, width=100)
    page.add(
        ft.Row(
            [ft.IconButton(ft.icons.REMOVE), number, ft.IconButton(ft.icons.ADD)],
            alignment=ft.MainAxisAlignment.CENTER,
        )
    )


ft.app(main)
"""
BOX = (0, 0, 1280, 100)  # the counter row, at the top of the window (0,0 without a window manager)
GIVE_UP = 30.0


class HungError(RuntimeError):
    """The client's window never showed (see the module docstring)."""


def ensure_upstream(path: Path) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        venv.create(path, with_pip=True)
        # on Linux x86_64 pip picks the manylinux wheel, which carries the desktop client
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "flet==0.21.2"], check=True)
    return python


COMPILE = """\
import compileall, pathlib, sys
import flet, flet_core, flet_desktop, flet_runtime
for module in (flet, flet_core, flet_runtime):
    if not compileall.compile_dir(pathlib.Path(module.__file__).parent, quiet=1):
        sys.exit(f"could not byte-compile {module.__name__}")
compileall.compile_file(flet_desktop.__file__, quiet=1)  # its client/ folder holds no Python
"""


def byte_compile(python: str) -> None:
    """Write the .pyc files of our packages, as pip does when it installs them from wheels."""
    subprocess.run([python, "-c", COMPILE], check=True)


def grab(display: str) -> bytes:
    x, y, width, height = BOX
    command = ["import", "-window", "root", "-crop", f"{width}x{height}+{x}+{y}", "-depth", "8", "rgb:-"]
    env = {**os.environ, "DISPLAY": display}
    return subprocess.run(command, env=env, capture_output=True, timeout=30, check=True).stdout


def window_shown(display: str) -> bool:
    env = {**os.environ, "DISPLAY": display}
    command = ["xdotool", "search", "--onlyvisible", "--name", f"^{TITLE}$"]
    return bool(subprocess.run(command, env=env, capture_output=True, text=True, timeout=30).stdout.split())


def close_app_windows(display: str) -> None:
    """WM_DELETE_WINDOW to every window of the app, as a window manager's close button sends."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--name", f"^{TITLE}$"], env=env, capture_output=True, text=True, timeout=30
    ).stdout.split()
    if not found:
        return
    close_windows(display, found)


def _start_ticks(pid: int) -> float:
    """When a process started, in seconds since boot (/proc's clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[19]) / os.sysconf("SC_CLK_TCK")


def client_started(python_pid: int) -> float:
    """Seconds from the Python process's start to its desktop client's (the program named flet)."""
    for pid in descendants(python_pid):
        try:
            program = Path(f"/proc/{pid}/cmdline").read_text().split("\0")[0]
            if program.endswith("/flet"):
                return _start_ticks(pid) - _start_ticks(python_pid)
        except OSError:
            continue
    return float("nan")


def descendants(pid: int) -> list[int]:
    found: list[int] = []
    try:
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return found
    for child in children:
        found += [child, *descendants(child)]
    return found


def start_once(
    python: str, script: Path, display: str, env: dict[str, str], reference: bytes | None
) -> tuple[float, float, float, bytes]:
    """Seconds from spawning the app to its client's start, to its window being mapped, and to
    the first grab equal to ``reference`` (the warm-up, without one, waits and returns the
    settled frame)."""
    run_env = {**env, "DISPLAY": display}
    log = tempfile.TemporaryFile()
    started = time.perf_counter()
    process = subprocess.Popen([python, str(script)], env=run_env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while not window_shown(display):
            if process.poll() is not None:
                log.seek(0)
                output = log.read().decode(errors="replace")
                raise RuntimeError(f"{python}: no window (exit status {process.poll()}); its output:\n{output}")
            if time.perf_counter() - started > GIVE_UP:
                raise HungError(f"{python}: no window after {GIVE_UP:.0f} s")
            time.sleep(0.01)
        shown = time.perf_counter() - started
        spawned = client_started(process.pid)
        if reference is None:  # the warm-up: wait until the frame stops changing, keep it
            time.sleep(3)
            return spawned, shown, time.perf_counter() - started, grab(display)
        while True:
            frame = grab(display)
            if frame == reference:
                return spawned, shown, time.perf_counter() - started, frame
            if time.perf_counter() - started > GIVE_UP:
                raise RuntimeError(f"{python}: the first frame never matched the warm-up's")
    finally:
        family = descendants(process.pid)
        close_app_windows(display)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for pid in family:  # upstream leaves its client behind when killed
            try:
                os.kill(pid, 9)
            except OSError:
                pass
        log.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ours", default=sys.executable, help="python with our flet and flet-desktop installed")
    parser.add_argument("--upstream-venv", type=Path, default=Path("/tmp/flet-upstream-desktop"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="LABEL=PYTHON",
        help="another python with our flet (another commit, say), timed beside the two; repeatable",
    )
    args = parser.parse_args()
    upstream = str(ensure_upstream(args.upstream_venv))
    others = [tuple(spec.split("=", 1)) for spec in args.also]
    if any(len(other) != 2 for other in others):
        parser.error("--also takes LABEL=PYTHON")
    for python in [args.ours, *(python for _, python in others)]:
        byte_compile(python)
    base = {k: v for k, v in os.environ.items() if not k.startswith("FLET_") and k != "WAYLAND_DISPLAY"}
    with tempfile.TemporaryDirectory(prefix="flet-bench-") as scratch, xvfb() as display:
        script = Path(scratch) / "app.py"
        script.write_text(APP)
        links = Path(scratch) / "lib"
        links.mkdir()
        (links / "libmpv.so.1").symlink_to("/usr/lib/x86_64-linux-gnu/libmpv.so.2")
        library_path = os.pathsep.join(filter(None, [str(links), base.get("LD_LIBRARY_PATH")]))
        upstream_env = {**base, "LD_LIBRARY_PATH": library_path}
        runners = {"ours": (args.ours, base), **{label: (python, base) for label, python in others}}
        runners["upstream"] = (upstream, upstream_env)
        hung = dict.fromkeys(runners, 0)
        references: dict[str, bytes] = {}
        for name, (python, env) in runners.items():
            while name not in references:
                try:
                    references[name] = start_once(python, script, display, env, None)[3]
                except HungError:
                    hung[name] += 1
                    if hung[name] >= 3:
                        raise
        if references["ours"] != references["upstream"]:
            print("note: the two first frames differ in pixels; each is timed against its own")
        times: dict[str, list[float]] = {name: [] for name in runners}
        mapped: dict[str, list[float]] = {name: [] for name in runners}
        spawned: dict[str, list[float]] = {name: [] for name in runners}
        for _ in range(args.runs):
            for name, (python, env) in runners.items():
                try:
                    client, shown, framed, _ = start_once(python, script, display, env, references[name])
                except HungError:
                    hung[name] += 1
                    continue
                spawned[name].append(client)
                mapped[name].append(shown)
                times[name].append(framed)
    for name, values in times.items():
        if not values:
            print(f"{name:8} every start hung")
            continue
        print(
            f"{name:8} start -> first frame: median {statistics.median(values) * 1000:.0f} ms, "
            f"min {min(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms ({len(values)} runs); "
            f"window mapped: median {statistics.median(mapped[name]) * 1000:.0f} ms; "
            f"client process started (Python's own part): median {statistics.median(spawned[name]) * 1000:.0f} ms; "
            f"hung starts: {hung[name]}"
        )
    for name, values in times.items():
        if name != "upstream" and values and times["upstream"]:
            ratio = statistics.median(values) / statistics.median(times["upstream"])
            print(f"ratio {name}/upstream (medians): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
