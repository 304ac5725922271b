"""Differential check against upstream 0.21.2: the same app, served by both, must send the same frames.

Upstream is an oracle, never a dependency: it runs from a throwaway venv outside the repository
(pip install flet==0.21.2 fastapi==0.110.0 uvicorn==0.27.1 into it). For each app file (a module
with ``main(page)``), both servers are started on 127.0.0.1, a protocol-level client registers
like the 0.21.2 web client, optionally sends events, and the frames each server sends are
compared after JSON parsing (key order ignored; control ids compared as sent). Our deliberate
differences (``EXPLAINED``, the README's Compatibility section) are left out of the comparison.

    python tools/compare/frames.py --upstream /tmp/upstream/bin/python app1.py app2.py

With ``--desktop`` the apps run in desktop mode (``ft.app(main)``) instead, and the client is a
stand-in for the 0.21.2 desktop client placed where ``FLET_VIEW_PATH`` points: it connects to the
socket it is given, registers as the desktop client does and records every frame; the session id
is compared as sent (the desktop client's is ``""``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tools/: the shared test support

from testsupport.processes import free_port  # after the path line above

REGISTER = {
    "action": "registerWebClient",
    "payload": {
        "pageName": "",
        "pageRoute": "/",
        "pageWidth": "800",
        "pageHeight": "600",
        "windowWidth": "",
        "windowHeight": "",
        "windowTop": "",
        "windowLeft": "",
        "isPWA": "false",
        "isWeb": "true",
        "isDebug": "false",
        "platform": "linux",
        "platformBrightness": "light",
        "media": '{"padding":{"top":0,"right":0,"bottom":0,"left":0},'
        '"view_padding":{"top":0,"right":0,"bottom":0,"left":0},'
        '"view_insets":{"top":0,"right":0,"bottom":0,"left":0}}',
        "sessionId": "",
    },
}

SERVER = """
import importlib.util, sys, flet as ft
spec = importlib.util.spec_from_file_location("app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["app"] = module
spec.loader.exec_module(module)
import uvicorn
uvicorn.run(ft.app(module.main, export_asgi_app=True), host="127.0.0.1", port=int(sys.argv[2]), log_level="error")
"""


async def capture(port: int, events: list[dict[str, Any]], settle: float, route: str) -> list[Any]:
    frames: list[Any] = []
    register = json.loads(json.dumps(REGISTER))
    register["payload"]["pageRoute"] = route
    async with websockets.connect(f"ws://127.0.0.1:{port}/ws", max_size=None) as ws:
        await ws.send(json.dumps(register))

        async def drain() -> None:
            try:
                while True:
                    frames.append(json.loads(await asyncio.wait_for(ws.recv(), settle)))
            except TimeoutError:
                pass

        await drain()
        for event in events:
            await ws.send(json.dumps(event))
            await drain()
    return frames


DESKTOP_REGISTER = json.loads(json.dumps(REGISTER))
DESKTOP_REGISTER["payload"] |= {
    "pageWidth": "1280.0",
    "pageHeight": "720.0",
    "windowWidth": "1280.0",
    "windowHeight": "720.0",
    "windowTop": "0.0",
    "windowLeft": "0.0",
    "isWeb": "false",
    "media": '{"padding":{"top":0.0,"right":0.0,"bottom":0.0,"left":0.0},'
    '"view_padding":{"top":0.0,"right":0.0,"bottom":0.0,"left":0.0},'
    '"view_insets":{"top":0.0,"right":0.0,"bottom":0.0,"left":0.0}}',
}

DESKTOP_SERVER = """
import importlib.util, sys, flet as ft
spec = importlib.util.spec_from_file_location("app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["app"] = module
spec.loader.exec_module(module)
ft.app(module.main)
"""

# The stand-in desktop client: the launcher runs it as <socket> <pid file> [<assets dir>]. It
# registers, sends the events, records every frame until `settle` s of silence after each, then
# exits (its window "closed"), which ends the app.
DESKTOP_STAND_IN = """#!{python}
import json, os, socket, struct, sys
url, pid_file, *rest = sys.argv[1:]
with open(pid_file, "w") as f:
    f.write(str(os.getpid()))
if url.startswith("tcp://"):
    host, _, port = url[len("tcp://"):].rpartition(":")
    sock = socket.create_connection((host, int(port)))
else:
    sock = socket.socket(socket.AF_UNIX)
    sock.connect(url)
sock.settimeout(float(os.environ["COMPARE_SETTLE"]))
frames = []
def send(text):
    body = text.encode()
    sock.sendall(struct.pack(">I", len(body)) + body)
def exactly(size):
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data
def drain():
    try:
        while True:
            frames.append(exactly(struct.unpack(">I", exactly(4))[0]).decode())
    except (TimeoutError, EOFError):
        pass
for message in [os.environ["COMPARE_REGISTER"], *json.loads(os.environ["COMPARE_EVENTS"])]:
    send(message)
    drain()
with open(os.environ["COMPARE_RECORD"], "w") as f:
    json.dump(frames, f)
"""


def desktop_capture(python: str, app: Path, events: list[dict[str, Any]], settle: float, route: str) -> list[Any]:
    """Run ``app`` in desktop mode with ``python``, its client the stand-in; the frames it got."""
    register = json.loads(json.dumps(DESKTOP_REGISTER))
    register["payload"]["pageRoute"] = route
    with tempfile.TemporaryDirectory() as folder:
        view = Path(folder, "view")
        view.mkdir()
        client = view / "flet"
        client.write_text(DESKTOP_STAND_IN.format(python=sys.executable))
        client.chmod(0o755)
        record = Path(folder, "record.json")
        environ = {
            name: value
            for name, value in os.environ.items()
            if name not in ("FLET_FORCE_WEB_SERVER", "FLET_SERVER_PORT", "FLET_SERVER_UDS_PATH")
        }
        environ |= {
            "FLET_VIEW_PATH": str(view),
            "DISPLAY": os.environ.get("DISPLAY", ":0"),  # a Linux desktop; the stand-in opens no window
            "COMPARE_RECORD": str(record),
            "COMPARE_REGISTER": json.dumps(register),
            "COMPARE_EVENTS": json.dumps([json.dumps(event) for event in events]),
            "COMPARE_SETTLE": str(settle),
        }
        timeout = 60 + settle * (len(events) + 1)
        subprocess.run([python, "-c", DESKTOP_SERVER, str(app)], env=environ, timeout=timeout, check=True)
        return [json.loads(frame) for frame in json.loads(record.read_text())]


class ServerExited(RuntimeError):
    """A server process ended before it listened; ``python`` is the interpreter that ran it."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        super().__init__(f"{process.args!r} exited with code {process.returncode} before listening")
        self.python = str(process.args[0]) if isinstance(process.args, list | tuple) else str(process.args)


def wait_listening(process: subprocess.Popen[bytes], port: int, timeout: float = 30, poll: float = 0.1) -> None:
    """Return once 127.0.0.1:port accepts connections; raise if the process exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerExited(process)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(poll)
    raise RuntimeError(f"{process.args!r} was not listening on port {port} after {timeout} s")


def start_app(python: str, app: Path, port: int, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Serve app (a module with main(page)) with flet and uvicorn on 127.0.0.1:port; the caller stops it."""
    environ = dict(os.environ, FLET_FORCE_WEB_SERVER="true", **(env or {}))
    return subprocess.Popen([python, "-c", SERVER, str(app), str(port)], env=environ)


@contextlib.contextmanager
def served(python: str, app: Path, env: dict[str, str] | None = None) -> Iterator[int]:
    """Serve ``app`` (a module with ``main(page)``) with ``python`` on a free port; yields the port."""
    port = free_port()
    process = start_app(python, app, port, env)
    try:
        wait_listening(process, port)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def serve_and_capture(python: str, app: Path, events: list[dict[str, Any]], settle: float, route: str) -> list[Any]:
    with served(python, app) as port:
        return asyncio.run(capture(port, events, settle, route))


# Our deliberate differences from 0.21.2 (README, "Compatibility"): (control type, what upstream
# sends, what we send), None for "nothing". Renames are applied to upstream's controls; an
# attribute one side does not send at all is left out of the comparison on both sides.
EXPLAINED: tuple[tuple[str, str | None, str | None], ...] = (
    ("semantics", "hinttext", "hint"),
    ("semantics", "ontaphinttext", "ontaphint"),
    ("semantics", "onlongpresshinttext", "onlongpresshint"),
    ("semantics", "ontap", "onclick"),
    ("semantics", None, "container"),
    ("webview", "prevent_link", "preventlink"),
    ("dismissible", "movementduration", "duration"),
    ("cupertinodatepicker", "minyear", "minimumyear"),
    ("cupertinodatepicker", "maxyear", "maximumyear"),
    ("barchartrod", None, "tooltipstyle"),
    ("submenubutton", None, "alignmentoffset"),
    ("pagelet", "floatingactionbuttonlocation", None),
    ("cupertinoslider", "round", None),
)
_RENAMED = {(kind, theirs): ours for kind, theirs, ours in EXPLAINED if theirs and ours}
_IGNORED = {
    (kind, name) for kind, theirs, ours in EXPLAINED if not (theirs and ours) for name in (theirs, ours) if name
}


def explain(value: Any, upstream: bool) -> tuple[Any, int]:
    """Frames with the explained differences taken out, and how many controls or calls had one."""
    count = 0

    def visit(item: Any) -> Any:
        nonlocal count
        if isinstance(item, list):
            return [visit(v) for v in item]
        if not isinstance(item, dict):
            return item
        out = {k: visit(v) for k, v in item.items()}
        kind = out.get("t")
        if isinstance(kind, str) and "i" in out:
            for key in list(out):
                if (kind, key) in _IGNORED:
                    del out[key]
                    count += 1
                elif upstream and (kind, key) in _RENAMED:
                    out[_RENAMED[kind, key]] = out.pop(key)
                    count += 1
        payload = out.get("payload")
        if (
            out.get("action") == "invokeMethod"
            and isinstance(payload, dict)
            and payload.get("methodName") == "announce_message"
        ):
            arguments = payload.get("arguments") or {}
            if upstream and arguments.get("rtl") in ("True", "False"):
                arguments["rtl"] = arguments["rtl"].lower()  # SemanticsService: the client compares with "true"
                count += 1
        return out

    return visit(value), count


_TIME = re.compile(r'^"?\d{10}\.\d+"?$')


def _untime(value: Any) -> Any:
    """Times written as attribute values (focus, window actions) differ run to run: mask them."""
    if isinstance(value, dict):
        return {k: _untime(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_untime(v) for v in value]
    if isinstance(value, str) and _TIME.match(value):
        return "<time>"
    return value


def normalise(frames: list[Any], *, random_id: bool = True) -> list[Any]:
    frames = _untime(frames)
    out = []
    for frame in frames:
        if frame.get("action") == "registerWebClient":
            if random_id:  # a web session: a new random id, and the comparing client's user agent
                frame["payload"]["session"]["id"] = "<id>"
                frame["payload"]["session"]["controls"]["page"].pop("clientuseragent", None)
        if frame.get("action") == "invokeMethod":
            frame["payload"]["methodId"] = "<random>"
        out.append(frame)
    return out


def flatten(value: Any, path: str = "") -> dict[str, Any]:
    """Leaves of a frame by path; controls are keyed by their id, so insertions do not cascade."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(flatten(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            key = item.get("i", index) if isinstance(item, dict) else index
            out.update(flatten(item, f"{path}[{key}]"))
    else:
        out[path] = value
    return out


def describe(theirs: Any, ours: Any) -> list[str]:
    a, b = flatten(theirs), flatten(ours)
    lines = []
    for key in sorted(set(a) | set(b)):
        if a.get(key, "<absent>") != b.get(key, "<absent>"):
            lines.append(f"    {key}: upstream {a.get(key, '<absent>')!r} / ours {b.get(key, '<absent>')!r}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", required=True, help="python of a venv with upstream flet 0.21.2")
    parser.add_argument("--ours", default=sys.executable)
    parser.add_argument("--settle", type=float, default=1.5, help="seconds of silence that end a capture")
    parser.add_argument("--events", type=Path, help="JSON file: list of client messages to send after the render")
    parser.add_argument("--route", action="append", help="initial route(s) to open (default /)")
    parser.add_argument("--desktop", action="store_true", help="desktop mode: a stand-in desktop client")
    parser.add_argument("apps", nargs="+", type=Path)
    args = parser.parse_args()
    events = json.loads(args.events.read_text()) if args.events else []
    capture_with = desktop_capture if args.desktop else serve_and_capture
    failures = 0
    for app, route in [(app, route) for app in args.apps for route in args.route or ["/"]]:
        theirs = normalise(capture_with(args.upstream, app, events, args.settle, route), random_id=not args.desktop)
        ours = normalise(capture_with(args.ours, app, events, args.settle, route), random_id=not args.desktop)
        theirs, explained = explain(theirs, True)
        ours, _ = explain(ours, False)
        if theirs == ours:
            note = f" ({explained} deliberate differences left out, see README: Compatibility)" if explained else ""
            print(f"{app} {route}: same {len(ours)} frames{note}")
            continue
        failures += 1
        print(f"{app} {route}: frames differ")
        for index, (a, b) in enumerate(zip(theirs, ours, strict=False)):
            if a != b:
                print(f"  frame {index}:")
                print("\n".join(describe(a, b)))
        if len(theirs) != len(ours):
            print(f"  upstream sent {len(theirs)} frames, ours {len(ours)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
