"""Desktop mode without a display: the launch contract, seen by a scripted stand-in client.

The stand-in is a Python script placed where FLET_VIEW_PATH points. Like the 0.21.2 desktop
client it takes ``<page url> <pid file> [<assets dir>]``, writes its pid, connects to the socket
(length-prefixed JSON), registers and reads the page; then it records what it saw and exits,
as if its window were closed. The real client is exercised in tests-integration/test_desktop.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import flet as ft
import flet.app as flet_app_module
from flet import desktop, environment

STAND_IN = textwrap.dedent(
    """\
    #!{python}
    import json, os, socket, struct, sys, time
    url, pid_file, *rest = sys.argv[1:]
    with open(pid_file, "w") as f:
        f.write(str(os.getpid()))
    time.sleep(float(os.environ.get("STAND_IN_DELAY", "0")))  # a real client takes ~0.5 s to connect
    record = {{"argv": sys.argv[1:], "hide": os.environ.get("FLET_HIDE_WINDOW_ON_START"), "texts": []}}
    if not url.startswith("http"):
        if url.startswith("tcp://"):
            host, _, port = url[len("tcp://"):].rpartition(":")
            sock = socket.create_connection((host, int(port)))
        else:
            sock = socket.socket(socket.AF_UNIX)
            sock.connect(url)
        def send(message):
            body = json.dumps(message).encode()
            sock.sendall(struct.pack(">I", len(body)) + body)
        def receive():
            head = b""
            while len(head) < 4:
                head += sock.recv(4 - len(head))
            size = struct.unpack(">I", head)[0]
            body = b""
            while len(body) < size:
                body += sock.recv(size - len(body))
            return json.loads(body)
        send({{"action": "registerWebClient", "payload": {{"pageName": "", "pageRoute": "/", "pageWidth": "1.0",
              "pageHeight": "1.0", "windowWidth": "1280.0", "windowHeight": "720.0", "windowTop": "0.0",
              "windowLeft": "0.0", "isPWA": "false", "isWeb": "false", "isDebug": "false", "platform": "linux",
              "platformBrightness": "light", "media": "{{}}", "sessionId": ""}}}})
        while "hello" not in record["texts"]:
            message = receive()
            for command in message["payload"] if message["action"] == "pageControlsBatch" else []:
                for control in command["payload"].get("controls", []):
                    record["texts"].append(control.get("value"))
    with open(os.environ["STAND_IN_RECORD"], "w") as f:
        json.dump(record, f)
    """
)


def hello(page: ft.Page) -> None:
    page.add(ft.Text("hello"))


@pytest.fixture
def stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """FLET_VIEW_PATH holding the stand-in client, on a Linux desktop; returns its record file."""
    folder = tmp_path / "view"
    folder.mkdir()
    program = folder / "flet"
    program.write_text(STAND_IN.format(python=sys.executable))
    program.chmod(0o755)
    record = tmp_path / "record.json"
    monkeypatch.setenv("FLET_VIEW_PATH", str(folder))
    monkeypatch.setenv("STAND_IN_RECORD", str(record))
    monkeypatch.setenv("DISPLAY", ":99")
    for name in ("FLET_FORCE_WEB_SERVER", "FLET_SERVER_PORT", "FLET_DISPLAY_URL_PREFIX", "FLET_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(environment.sys, "platform", "linux")
    return record


def run(target: Any = hello, **options: Any) -> None:
    asyncio.run(asyncio.wait_for(flet_app_module.app_async(target, **options), 30))


def test_flet_app_opens_the_client_on_a_unix_socket_and_ends_with_it(stand_in: Path, tmp_path: Path) -> None:
    run(assets_dir=str(tmp_path / "assets"))  # returns: the stand-in "closed its window"
    record = json.loads(stand_in.read_text())
    url, pid_file, assets = record["argv"]
    assert url.endswith(".sock") and not os.path.exists(url)  # removed once the app ended
    assert not os.path.exists(pid_file)  # the scratch folder is cleaned up too
    assert assets == str(tmp_path / "assets")
    assert record["hide"] is None
    assert "hello" in record["texts"]


def test_upload_urls_are_refused_in_the_desktop_window_which_has_local_paths(stand_in: Path) -> None:
    def main(page: ft.Page) -> None:
        try:
            page.get_upload_url("a.txt", 60)
        except ft.FletError as error:
            page.add(ft.Text(str(error)))
        page.add(ft.Text("hello"))

    run(main)
    (message,) = [text for text in json.loads(stand_in.read_text())["texts"] if text and text != "hello"]
    assert "local paths" in message and "e.files[i].path" in message


def test_flet_app_hidden_tells_the_client_to_hide_its_window(stand_in: Path) -> None:
    run(view=ft.AppView.FLET_APP_HIDDEN)
    assert json.loads(stand_in.read_text())["hide"] == "true"


def test_a_port_means_tcp_on_localhost(stand_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("FLET_SERVER_PORT", str(port))
    run()
    record = json.loads(stand_in.read_text())
    assert record["argv"][0] == f"tcp://localhost:{port}" and "hello" in record["texts"]


def test_flet_app_web_gives_the_client_the_web_servers_url(stand_in: Path) -> None:
    run(view=ft.AppView.FLET_APP_WEB)
    argv = json.loads(stand_in.read_text())["argv"]
    assert len(argv) == 2 and argv[0].startswith("http://127.0.0.1:")


def test_force_web_server_wins_over_the_desktop_view(stand_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    class Served:
        def url(self, page_name: str = "") -> str:
            return "http://127.0.0.1:8000"

        def listening_on(self) -> str:
            return "all interfaces"

        async def wait(self) -> None:
            return None

    async def start(asgi_app: Any, host: str | None, port: int, **_: Any) -> Served:
        seen.update(host=host, port=port)
        return Served()

    monkeypatch.setattr(flet_app_module, "start_web_server", start)
    monkeypatch.setenv("FLET_FORCE_WEB_SERVER", "true")
    run()
    assert seen == {"host": None, "port": 8000} and not stand_in.exists()
    monkeypatch.delenv("FLET_FORCE_WEB_SERVER")
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(environment, "_is_wsl", lambda: False)
    run()  # headless Linux
    assert seen == {"host": None, "port": 8000} and not stand_in.exists()


def test_a_view_path_without_a_client_is_an_error_naming_the_variable(
    stand_in: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_VIEW_PATH", str(tmp_path))
    with pytest.raises(
        environment.EnvironmentVariableError,
        match=r"FLET_VIEW_PATH=.* cannot be used: expected a folder holding a Flet desktop client \(flet is missing\)",
    ):
        run()


def test_libmpv_so_1_is_linked_to_libmpv_so_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    newer = tmp_path / "system" / "libmpv.so.2"
    newer.parent.mkdir()
    newer.write_bytes(b"")
    monkeypatch.setattr(desktop, "_LIBRARY_DIRS", (str(newer.parent),))

    def ldd(program: Path, env: dict[str, str]) -> list[str]:
        return ["libmpv.so.1", "libodd.so.3"]

    env = {"LD_LIBRARY_PATH": "/opt/mine"}
    assert desktop.missing_libraries(Path("client"), tmp_path / "links", env, ldd=ldd) == ["libodd.so.3"]
    assert (tmp_path / "links" / "libmpv.so.1").resolve() == newer.resolve()
    assert env["LD_LIBRARY_PATH"] == f"{tmp_path / 'links'}{os.pathsep}/opt/mine"


def test_a_missing_library_names_the_debian_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desktop, "_find_library", lambda soname: None)  # no libmpv.so.2 either
    missing = desktop.missing_libraries(
        Path("client"), tmp_path / "links", {}, ldd=lambda p, e: ["libgtk-3.so.0", "libmpv.so.1", "libodd.so.3"]
    )
    message = desktop.missing_libraries_message(missing)
    assert "libgtk-3.so.0, libmpv.so.1, libodd.so.3" in message
    assert "sudo apt-get install libgtk-3-0 libmpv2 (libmpv1 on older releases)" in message
    assert "FLET_FORCE_WEB_SERVER" in message


def test_the_missing_library_message_stops_the_app(stand_in: Path, monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    monkeypatch.setattr(desktop, "_ldd", lambda program, env: ["libgstvideo-1.0.so.0"])
    with pytest.raises(SystemExit) as stopped:
        flet_app_module.app(hello)
    assert stopped.value.code == 1
    (line,) = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert "sudo apt-get install libgstreamer-plugins-base1.0-0" in line
    assert not stand_in.exists()


def test_stop_ends_the_process_the_client_reported_in_its_pid_file(tmp_path: Path) -> None:
    """A launcher script (FLET_VIEW_PATH) starts the real client as its own child."""
    launcher = tmp_path / "launcher"
    launcher.write_text('#!/bin/sh\nsleep 60 &\necho $! > "$2"\nwait\n')
    launcher.chmod(0o755)
    client = desktop.DesktopClient(launcher, "/nowhere.sock")
    client.start()
    deadline = time.monotonic() + 10
    while not client.pid_file.exists() or not client.pid_file.read_text().strip():
        assert time.monotonic() < deadline, "the launcher never wrote its pid file"
        time.sleep(0.02)
    grandchild = int(client.pid_file.read_text())
    client.stop()
    assert not client.running
    assert not _alive(grandchild)


def test_the_client_dies_with_python_even_on_sigkill(tmp_path: Path) -> None:
    """PR_SET_PDEATHSIG: no orphan client even when Python cannot clean up."""
    program = tmp_path / "client"
    program.write_text("#!/bin/sh\nexec sleep 60\n")
    program.chmod(0o755)
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from flet.desktop import DesktopClient; "
            "c = DesktopClient(Path(sys.argv[1]), '/nowhere.sock'); c.start(); print(c.process.pid, flush=True); "
            "time.sleep(60)",
            str(program),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    parent.stdout.close()
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie (exited, not yet reaped by its new parent) counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


APP_SCRIPT = """\
import flet as ft

ft.app(lambda page: page.add(ft.Text("hello")))
"""


@pytest.mark.parametrize("hidden", [False, True])
def test_flet_run_opens_the_window_on_the_apps_socket_and_stops_when_it_closes(
    stand_in: Path, tmp_path: Path, hidden: bool
) -> None:
    from flet import cli

    script = tmp_path / "main.py"
    script.write_text(APP_SCRIPT)
    assert cli.main(["run", "--no-reload", *(["-n"] if hidden else []), str(script)]) == 0
    record = json.loads(stand_in.read_text())
    url = record["argv"][0]
    assert Path(url).name.startswith("flet-") and url.endswith(".sock") and not os.path.exists(url)
    assert "hello" in record["texts"]
    assert record["hide"] == ("true" if hidden else None)


def test_flet_run_web_still_opens_the_browser(stand_in: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flet import cli

    opened: list[str] = []
    monkeypatch.setattr(cli.webbrowser, "open", opened.append)
    script = tmp_path / "main.py"
    script.write_text(APP_SCRIPT)
    # the app process `flet run` starts is wrapped to send it SIGTERM once the browser was opened
    child_class = cli._Child  # noqa: SLF001  # no public seam for stopping `flet run` from a test
    original = child_class.__init__

    def stop_after_the_url(self: Any, *args: Any) -> None:
        original(self, *args)
        events = args[-1]
        threading.Thread(target=lambda: (_wait_for(lambda: opened), events.put(("signal", 15))), daemon=True).start()

    monkeypatch.setattr(child_class, "__init__", stop_after_the_url)
    assert cli.main(["run", "--web", "--no-reload", str(script)]) == 0
    assert opened and opened[0].startswith("http://") and not stand_in.exists()


def _wait_for(predicate: Any, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.05)


PRELOAD_SCRIPT = """\
import asyncio, functools, json, sys
import flet as ft
import flet_core
from flet import desktop

def main(page, greeting="hi"):
    page.add(ft.Column([ft.Slider(), *(ft.Dropdown() for _ in range(2))]))

class App:
    def __call__(self, page):
        main(page)
        page.add(ft.Slider(), ft.Dropdown())

    def run(self, page):
        self(page)
        page.add(ft.Slider(), ft.Dropdown())

targets = {"function": main, "partial": functools.partial(main, greeting="hello"), "method": App().run,
           "callable object": App()}
loaded = lambda *names: all(name in vars(flet_core) for name in names)
before = {name: loaded(name) for name in ("Column", "Slider", "Dropdown", "DataTable")}
if sys.argv[1] == "all":
    count = asyncio.run(desktop.preload_controls(main, lambda: False))
else:  # "connected" once the names main mentions are loaded
    count = asyncio.run(desktop.preload_controls(targets[sys.argv[1]], lambda: loaded("Slider", "Dropdown")))
after = {name: loaded(name) for name in before}
missing = [name for name in flet_core.__all__ if not loaded(name)]
print(json.dumps({"count": count, "before": before, "after": after, "missing": missing}))
"""


def _preload(case: str) -> dict[str, Any]:
    """``preload_controls`` in a fresh interpreter (this one has long imported the controls)."""
    result = subprocess.run(
        [sys.executable, "-c", PRELOAD_SCRIPT, case], capture_output=True, text=True, timeout=60, check=True
    )
    outcome: dict[str, Any] = json.loads(result.stdout)
    return outcome


@pytest.mark.parametrize("target", ["function", "partial", "method", "callable object"])
def test_preload_loads_the_controls_the_app_mentions_first_and_stops_once_connected(target: str) -> None:
    outcome = _preload(target)
    assert outcome["before"] == {"Column": False, "Slider": False, "Dropdown": False, "DataTable": False}
    # ft.Column comes through main (called by the others), which only the function and partial targets are
    expected_column = target in {"function", "partial"}
    assert outcome["after"] == {"Column": expected_column, "Slider": True, "Dropdown": True, "DataTable": False}
    assert outcome["count"] == 2 + expected_column


def test_preload_left_alone_loads_every_name_flet_exports() -> None:
    outcome = _preload("all")
    assert outcome["missing"] == []
    assert outcome["count"] > 300  # the lazily loaded part of flet_core.__all__


WAITED_APP = """\
import json, os
import flet as ft
import flet_core

def main(page):
    # what was still unloaded when the client connected: the app has touched nothing yet
    unloaded = [name for name in flet_core.__all__ if name not in vars(flet_core)]
    with open(os.environ["UNLOADED_RECORD"], "w") as f:
        json.dump(unloaded, f)
    page.add(ft.Text("hello"))

ft.app(main)
"""


def test_the_desktop_app_loads_the_controls_while_the_client_starts(stand_in: Path, tmp_path: Path) -> None:
    script = tmp_path / "main.py"
    script.write_text(WAITED_APP)
    unloaded = tmp_path / "unloaded.json"
    env = {**os.environ, "STAND_IN_DELAY": "3", "UNLOADED_RECORD": str(unloaded)}
    subprocess.run([sys.executable, str(script)], env=env, timeout=60, check=True)
    assert "hello" in json.loads(stand_in.read_text())["texts"]
    assert json.loads(unloaded.read_text()) == []
