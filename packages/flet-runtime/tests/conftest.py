"""Controls and fixtures shared by the runtime tests.

The control catalog is written elsewhere, so the few controls these tests need are declared
here with flet_core's field machinery (wire names as the 0.21.2 client knows them) and handed
to tests by the ``ui`` fixture (test modules cannot import each other in importlib mode).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from testsupport.redis_server import RedisServer

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

    @staticmethod
    def counter_app(calls: list[Page] | None = None) -> Callable[[Page], None]:
        """A text field at "0" and a "plus" button that adds one; each page is put in ``calls``."""

        def main(page: Page) -> None:
            if calls is not None:
                calls.append(page)
            page.title = "counter"
            field = TextField(value="0")

            def plus(e: Any) -> None:
                field.value = str(int(field.value or "0") + 1)
                page.update()

            page.add(field, Button("plus", on_click=plus))

        return main


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
