"""Real servers for the integration tests: free loopback ports, started and stopped by PID.

``serve(argv, ...)`` starts a server process in ``apps/`` and waits (bounded) until its port
accepts connections; every process is terminated (then killed) at the end of its test.
``FletProtocolClient`` speaks the 0.21.2 client's side of the WebSocket protocol.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from testsupport.client_tree import ClientTree
from testsupport.processes import free_port, stop

APPS = Path(__file__).resolve().parent / "apps"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
START_TIMEOUT = 30.0


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listened on 127.0.0.1:{port} within {timeout:.0f} s")


def user_environment(**extra: str) -> dict[str, str]:
    """A user's shell: no FLET_* variable, no test venv on PATH, no display; pip's own settings kept."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLET_", "VIRTUAL_ENV", "NOX_"))}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    prefix = Path(sys.prefix).resolve()
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and not Path(p).resolve().is_relative_to(prefix)]
    env["PATH"] = os.pathsep.join(path)
    env.update(extra)
    return env


def fresh_clone(target: Path) -> Path:
    """`git clone` this repository's HEAD into target: committed files only, no caches or venvs."""
    git = shutil.which("git")
    assert git is not None, "git is needed to clone the repository (.ci/run installs it)"
    root = Path(__file__).resolve().parents[1]
    subprocess.run([git, "clone", "--quiet", str(root), str(target)], check=True, timeout=120)
    return target


def app_environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLET_")}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["PYTHONUNBUFFERED"] = "1"
    env["FLET_WEB_RENDERER"] = "html"  # the only renderer that works offline
    env.update(extra)
    return env


class Server:
    """One started server process."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, log: Path, uploads: Path | None = None) -> None:
        self.process = process
        self.port = port
        self.log = log
        self.uploads = uploads

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    started: list[Server] = []

    def start(
        argv: list[str], *, port: int | None = None, env: dict[str, str] | None = None, wait: bool = True
    ) -> Server:
        port = port or free_port()
        command = [part.replace("{port}", str(port)) for part in argv]
        log = tmp_path / f"server-{len(started)}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                command, cwd=APPS, env=env or app_environment(), stdout=output, stderr=subprocess.STDOUT
            )
        server = Server(process, port, log)
        started.append(server)
        if wait:
            try:
                wait_for_port(port, process)
            except Exception as error:
                raise RuntimeError(f"{error}; its output:\n{server.output()}") from None
        return server

    yield start
    for server in started:
        stop(server.process)


class FletProtocolClient(ClientTree):
    """The browser client's side of the protocol, over a real WebSocket."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.session_id = ""

    def __enter__(self) -> FletProtocolClient:
        from websockets.sync.client import connect

        self._connection = connect(self.url, open_timeout=10)
        self.socket = self._connection.__enter__()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._connection.__exit__(*exc_info)

    def send(self, action: str, payload: dict[str, Any]) -> None:
        self.socket.send(json.dumps({"action": action, "payload": payload}))

    def receive(self, timeout: float = 10) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(self.socket.recv(timeout=timeout))
        self.apply(message)
        return message

    def register(self, session_id: str = "", route: str = "/") -> dict[str, Any]:
        fields = ("windowWidth", "windowHeight", "windowTop", "windowLeft", "media")
        payload = {"pageName": "", "pageRoute": route, "pageWidth": "1280", "pageHeight": "720"}
        payload |= dict.fromkeys(fields, "")
        payload |= {"isPWA": "false", "isWeb": "true", "isDebug": "false", "platform": "linux"}
        payload |= {"platformBrightness": "light", "sessionId": session_id}
        self.send("registerWebClient", payload)
        reply = self.receive()
        self.session_id = reply["payload"]["session"]["id"]
        return reply

    def click(self, control_id: str) -> None:
        self.send("pageEventFromWeb", {"eventTarget": control_id, "eventName": "click", "eventData": ""})

    def wait_for(self, found: Callable[[], Any], timeout: float = 10) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = found()
            if value:
                return value
            try:
                self.receive(timeout=max(0.05, deadline - time.monotonic()))
            except TimeoutError:
                break
        value = found()
        if not value:
            raise AssertionError(f"not seen within {timeout} s; controls: {self.controls}")
        return value

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        return [c for c in self.controls.values() if c.get("t") == kind]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    # Browser tests save a screenshot when their test body failed (see test_browser.py).
    report = yield
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed
    return report


CALL_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def test_failed(request: pytest.FixtureRequest) -> Callable[[], bool]:
    return lambda: request.node.stash.get(CALL_FAILED, False)


@pytest.fixture
def flet_client() -> Callable[[str], FletProtocolClient]:
    return FletProtocolClient


@pytest.fixture
def kit() -> Any:
    """The helpers above, for test modules (importlib mode cannot import conftest)."""
    from types import SimpleNamespace

    return SimpleNamespace(
        apps=APPS,
        artifacts=ARTIFACTS,
        free_port=free_port,
        stop=stop,
        wait_for_port=wait_for_port,
        env=app_environment,
        user_environment=user_environment,
        fresh_clone=fresh_clone,
    )


# -- the hostile-client suite's server (test_hostile_clients.py) ----------------------------------

HOSTILE_LIMITS = {
    "FLET_MAX_FRAME_SIZE": "65536",
    "FLET_MAX_CLIENT_STATE": "200000",
    "FLET_THREAD_POOL_SIZE": "8",
    "FLET_SESSION_MAX_RUNNING": "2",
    "FLET_SESSION_MAX_QUEUED": "200",
    "FLET_OUTBOX_MAX_BYTES": "4194304",
    "FLET_OUTBOX_STALL_TIMEOUT": "20",
    "FLET_TAKEOVER_PROBE_TIMEOUT": "1",
    "FLET_LOG_INTERVAL": "600",
    "FLET_MAX_UPLOAD_SIZE": "4096",
    "FLET_SESSION_TIMEOUT": "60",
}


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``hostile_app`` under uvicorn with small limits, shared by one test module."""
    folder = tmp_path_factory.mktemp("hostile")
    uploads = folder / "uploads"
    uploads.mkdir()
    port = free_port()
    log = folder / "server.log"
    command = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port), "hostile_app:app"]
    env = app_environment(FLET_UPLOAD_DIR=str(uploads), **HOSTILE_LIMITS)
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=APPS, env=env, stdout=output, stderr=subprocess.STDOUT)
    server = Server(process, port, log, uploads)
    try:
        wait_for_port(port, process)
        yield server
    finally:
        stop(process)
