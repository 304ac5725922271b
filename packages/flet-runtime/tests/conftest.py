"""Controls and fixtures shared by the runtime tests.

The control catalog is written elsewhere, so the few controls these tests need are declared
here with flet_core's field machinery (wire names as the 0.21.2 client knows them) and handed
to tests by the ``ui`` fixture (test modules cannot import each other in importlib mode).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from flet_core._fields import control, event, prop, slot
from flet_core.control import Control
from flet_core.page import Page
from flet_runtime import AppHost


@control("text")
class Text(Control):
    value: str | None = prop(default=None, kw_only=False)


@control("textfield")
class TextField(Control):
    value: str | None = None
    label: str | None = None
    on_change: Any = event()
    on_submit: Any = event(flag=False)


@control("elevatedbutton")
class Button(Control):
    text: str | None = prop(default=None, kw_only=False)
    on_click: Any = event(flag=False)


@control("column")
class Column(Control):
    controls: list[Control] = slot(many=True)


class Recorder:
    """A thread-safe list of what handlers saw."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.items: list[Any] = []

    def add(self, item: Any) -> None:
        with self._lock:
            self.items.append(item)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item: object) -> bool:
        return item in self.items


class UI:
    """What the ``ui`` fixture gives: the test controls and helpers."""

    Text = Text
    TextField = TextField
    Button = Button
    Column = Column
    Recorder = Recorder


@pytest.fixture
def ui() -> type[UI]:
    return UI


HostFactory = Callable[..., AppHost]


@pytest_asyncio.fixture
async def make_host() -> AsyncIterator[HostFactory]:
    """Build AppHosts that are shut down when the test ends."""
    hosts: list[AppHost] = []

    def make(main: Callable[[Page], Any], **options: Any) -> AppHost:
        host = AppHost(main, **options)
        hosts.append(host)
        return host

    yield make
    for host in hosts:
        await host.shutdown()


# -- a real redis-server, on a free loopback port, started and stopped by PID -------------------

REDIS_SERVER = "/usr/bin/redis-server"
_START_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class RedisServer:
    """One redis-server process with a config of its own; ``stop()`` and ``start()`` again on the same port."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        if not os.access(REDIS_SERVER, os.X_OK):
            raise RuntimeError(f"{REDIS_SERVER} is missing: install the Debian package redis-server (.ci/run does)")
        config = self.folder / "redis.conf"
        config.write_text(
            f'port {self.port}\nbind 127.0.0.1\ndir "{self.folder}"\nsave ""\nappendonly no\n'
            'protected-mode yes\ndaemonize no\nlogfile ""\n',
            encoding="utf-8",
        )
        log = (self.folder / "redis.log").open("ab")
        self.process = subprocess.Popen([REDIS_SERVER, str(config)], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}; see {self.folder}/redis.log")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"redis-server did not answer on port {self.port} within {_START_TIMEOUT} s")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(10)


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A running redis-server (not started yet if the test calls ``stop()`` first)."""
    server = RedisServer(tmp_path)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def unstarted_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server the test starts itself (its port is reserved in name only)."""
    server = RedisServer(tmp_path)
    try:
        yield server
    finally:
        server.stop()
