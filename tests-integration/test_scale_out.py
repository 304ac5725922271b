"""Several app processes on one Redis, behind the shipped nginx recipe: real redis-server and nginx.

Every server is started on a free loopback port with a temporary config and stopped by PID.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from testsupport.processes import free_port, wait_until
from testsupport.processes import stop as stop_pid
from testsupport.redis_server import RedisServer
from websockets.asyncio.client import ClientConnection, connect

REPO = Path(__file__).resolve().parents[1]
RECIPE = REPO / "deploy" / "nginx" / "flet.conf"
NGINX = "/usr/sbin/nginx"
STATS = re.compile(r"all (\d+) (\d+) \| room (\d+) \| others (\d+)")


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    folder = tmp_path / "redis"
    folder.mkdir()
    server = RedisServer(folder)
    try:
        yield server.start()
    finally:
        server.stop()


def render_recipe(listen: int, upstreams: list[int]) -> str:
    """The shipped recipe with this test's ports; fails if its markers moved."""
    text = RECIPE.read_text(encoding="utf-8")
    servers = "\n".join(f"    server 127.0.0.1:{port};" for port in upstreams)
    text, upstream_lines = re.subn(r"(?m)^    server 127\.0\.0\.1:\d+;  # flet-upstream\n", "", text)
    text = text.replace(
        "    hash $flet_worker_key consistent;\n", f"    hash $flet_worker_key consistent;\n{servers}\n"
    )
    text, listens = re.subn(r"listen 8000;  # flet-listen", f"listen 127.0.0.1:{listen};", text)
    assert upstream_lines == 2 and listens == 1, "deploy/nginx/flet.conf lost its markers"
    return text


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[Callable[[list[int]], int]]:
    """Start nginx with the recipe in front of the given ports; returns its port."""
    started: list[subprocess.Popen[bytes]] = []

    def start(upstreams: list[int]) -> int:
        if not os.access(NGINX, os.X_OK):
            raise RuntimeError(f"{NGINX} is missing: install the Debian package nginx (.ci/run does)")
        folder = tmp_path / "nginx"
        folder.mkdir()
        port = free_port()
        (folder / "flet.conf").write_text(render_recipe(port, upstreams), encoding="utf-8")
        temp = "\n".join(
            f"  {kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (folder / "nginx.conf").write_text(
            f"daemon off;\nmaster_process off;\nworker_processes 1;\npid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log info;\nevents {{ worker_connections 1024; }}\n"
            f"http {{\n  access_log {folder}/access.log;\n{temp}\n  include {folder}/flet.conf;\n}}\n",
            encoding="utf-8",
        )
        with (folder / "output.log").open("ab") as log:
            process = subprocess.Popen(
                [NGINX, "-e", str(folder / "error.log"), "-p", str(folder), "-c", str(folder / "nginx.conf")],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        started.append(process)

        def listening() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"nginx exited: {(folder / 'error.log').read_text(errors='replace')}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return True
            except OSError:
                return False

        wait_until(listening, 10, "nginx listening")
        return port

    yield start
    for process in started:
        stop_pid(process)


def uvicorn(app: str = "chat_app:app") -> list[str]:
    return [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", "{port}", app]


# -- a browser tab's side of the protocol, asyncio, many at once --------------------------------


class Tab:
    """One tab over a real WebSocket: registers, applies updates, clicks buttons."""

    def __init__(self, url: str, flet_client: Any, headers: dict[str, str] | None = None) -> None:
        self.url = url
        self.headers = headers or {}
        self.state = flet_client(url)  # its apply() keeps the control tree
        self.socket: ClientConnection | None = None
        self.reader: asyncio.Task[None] | None = None
        self.changed = asyncio.Event()

    async def open(self, session_id: str = "") -> str:
        self.socket = await connect(self.url, additional_headers=self.headers, open_timeout=20, max_size=None)
        payload = {"pageName": "", "pageRoute": "/", "pageWidth": "1280", "pageHeight": "720"}
        payload |= dict.fromkeys(("windowWidth", "windowHeight", "windowTop", "windowLeft", "media"), "")
        payload |= {"isPWA": "false", "isWeb": "true", "isDebug": "false", "platform": "linux"}
        payload |= {"platformBrightness": "light", "sessionId": session_id}
        await self.socket.send(json.dumps({"action": "registerWebClient", "payload": payload}))
        reply = json.loads(await asyncio.wait_for(self.socket.recv(), 20))
        self.state.apply(reply)
        self.state.session_id = reply["payload"]["session"]["id"]
        self.reader = asyncio.get_running_loop().create_task(self._read(self.socket))
        return str(self.state.session_id)

    async def _read(self, socket: ClientConnection) -> None:
        async for frame in socket:
            self.state.apply(json.loads(frame))
            self.changed.set()

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            await asyncio.gather(self.reader, return_exceptions=True)

    def texts(self) -> list[str]:
        return [str(c.get("value", "")) for c in self.state.of_type("text")]

    def text(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        for text in self.texts():
            found = pattern.fullmatch(text)
            if found:
                return found
        return None

    def stats(self) -> tuple[int, int, int, int]:
        found = self.text(STATS)
        assert found is not None, self.texts()
        all_, distinct, room, others = (int(group) for group in found.groups())
        return all_, distinct, room, others

    def pid(self) -> int:
        found = self.text(re.compile(r"pid (\d+)"))
        return int(found.group(1)) if found else 0

    async def click(self, label: str) -> None:
        (button,) = [c for c in self.state.of_type("elevatedbutton") if c.get("text") == label]
        event = {"eventTarget": button["i"], "eventName": "click", "eventData": ""}
        assert self.socket is not None
        await self.socket.send(json.dumps({"action": "pageEventFromWeb", "payload": event}))

    async def until(self, check: Callable[[], Any], timeout: float, what: str) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"not within {timeout} s: {what}; texts {self.texts()}")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), remaining)
            except TimeoutError:
                pass


async def opened(urls: list[str], flet_client: Any, count: int) -> list[Tab]:
    tabs = [Tab(urls[n % len(urls)], flet_client) for n in range(count)]
    for start in range(0, count, 20):  # a few at a time: the servers share 2 cores with the test
        await asyncio.gather(*(tab.open() for tab in tabs[start : start + 20]))
    await asyncio.gather(*(tab.until(lambda tab=tab: tab.text(STATS) and tab.pid(), 30, "rendered") for tab in tabs))
    return tabs


def two_processes(serve: Callable[..., Any], kit: Any, redis_url: str, **extra: str) -> list[Any]:
    env = kit.env(FLET_PUBSUB_URL=redis_url, **extra)
    return [serve(uvicorn(), env=env) for _ in range(2)]


# -- the tests ------------------------------------------------------------------------------


def scrape(url: str) -> dict[str, float]:
    """The samples of a Prometheus text exposition, by name and labels."""
    with urllib.request.urlopen(url, timeout=20) as response:
        assert response.headers["Content-Type"].startswith("text/plain")
        text = response.read().decode()
    samples = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            samples[name] = float(value)
    return samples


def test_two_processes_chat_on_one_redis(
    serve: Callable[..., Any], kit: Any, flet_client: Any, redis_server: RedisServer, tmp_path: Path
) -> None:
    metrics_dir = tmp_path / "prometheus"
    metrics_dir.mkdir()
    extra = {"FLET_METRICS": "true", "FLET_METRICS_PATH": "/internal/metrics"}
    servers = two_processes(serve, kit, redis_server.url, PROMETHEUS_MULTIPROC_DIR=str(metrics_dir), **extra)
    urls = [f"ws://127.0.0.1:{server.port}/ws" for server in servers]
    metrics_url = f"{servers[0].url}/internal/metrics"

    async def chat() -> None:
        tabs = await opened(urls, flet_client, 100)
        assert len({tab.pid() for tab in tabs}) == 2
        await asyncio.sleep(1.2)  # the gauges are refreshed every second
        before = await asyncio.to_thread(scrape, metrics_url)
        assert before["flet_sessions_open"] == 100 and before["flet_sessions_connected"] == 100  # both processes
        assert before['flet_pubsub_backend_state{state="connected"}'] == 2
        total = 100 * 5
        await asyncio.gather(*(tab.click("burst") for tab in tabs))
        await asyncio.gather(*(tab.until(lambda tab=tab: tab.stats()[0] >= total, 90, "every burst") for tab in tabs))
        await asyncio.sleep(0.5)  # nothing arrives twice, later
        assert {tab.stats()[:2] for tab in tabs} == {(total, total)}
        after = await asyncio.to_thread(scrape, metrics_url)
        assert after["flet_events_received_total"] - before["flet_events_received_total"] >= 100
        assert after["flet_updates_sent_total"] - before["flet_updates_sent_total"] >= total
        assert after["flet_sent_bytes_total"] > before["flet_sent_bytes_total"]
        assert (
            after['flet_pubsub_messages_total{direction="out"}'] - before['flet_pubsub_messages_total{direction="out"}']
            == total
        )
        assert (
            after['flet_pubsub_messages_total{direction="in"}'] - before['flet_pubsub_messages_total{direction="in"}']
            == total
        )
        assert after["flet_handler_duration_seconds_count"] > before["flet_handler_duration_seconds_count"]
        assert "flet_outbox_bytes" in after and after["flet_handler_errors_total"] == 0

        # topics and send_others across the two processes
        a, b, c, d = tabs[0], tabs[1], tabs[2], tabs[3]  # a and c on one process, b and d on the other
        assert a.pid() == c.pid() != b.pid() == d.pid()
        for tab in (a, b):
            await tab.click("join")
            await tab.until(lambda tab=tab: "joined" in tab.texts(), 10, "joined")
        await c.click("room")
        await a.until(lambda: a.stats()[2] == 1, 10, "room message on the same process")
        await b.until(lambda: b.stats()[2] == 1, 10, "room message on the other process")
        await d.click("others")
        await asyncio.gather(
            *(tab.until(lambda tab=tab: tab.stats()[3] == 1, 20, "send_others") for tab in tabs if tab is not d)
        )
        await asyncio.sleep(0.3)
        assert d.stats()[3] == 0 and c.stats()[2] == 0 and d.stats()[2] == 0
        await asyncio.gather(*(tab.close() for tab in tabs))

    asyncio.run(chat())
    for server in servers:
        assert "Traceback" not in server.output()


def test_redis_stopped_mid_chat_and_restarted(
    serve: Callable[..., Any], kit: Any, flet_client: Any, redis_server: RedisServer
) -> None:
    servers = two_processes(serve, kit, redis_server.url)
    urls = [f"ws://127.0.0.1:{server.port}/ws" for server in servers]

    async def chat() -> None:
        a, b, c = await opened([urls[0], urls[1], urls[0]], flet_client, 3)
        await a.click("burst")
        await b.until(lambda: b.stats()[0] == 5, 20, "delivery across processes")

        redis_server.stop()
        await asyncio.sleep(0.3)
        await a.click("burst")  # the handler works; the other tab of its process still receives
        await c.until(lambda: c.stats()[0] == 10, 20, "local delivery while Redis is down")
        await a.until(lambda: a.stats()[0] == 10, 20, "the sender's own subscriber")
        await asyncio.sleep(0.3)
        assert b.stats()[0] == 5

        redis_server.start()
        began = time.monotonic()
        while True:  # cross-process delivery resumes within 5 s of Redis coming back
            await b.click("others")
            try:
                await a.until(lambda: a.stats()[3] >= 1, 0.5, "resumed")
                break
            except AssertionError:
                assert time.monotonic() - began < 5 + 1, "cross-process delivery did not resume within 5 s"
        await a.click("burst")
        await b.until(lambda: b.stats()[0] == 10, 20, "delivery after the restart")
        await asyncio.gather(*(tab.close() for tab in (a, b, c)))

    asyncio.run(chat())
    for server in servers:
        output = server.output()
        assert output.count("is unreachable") == 1, output
        assert "Traceback" not in output


def test_behind_nginx_a_reconnecting_tab_gets_its_session_back(
    serve: Callable[..., Any], kit: Any, flet_client: Any, redis_server: RedisServer, nginx: Any
) -> None:
    servers = two_processes(serve, kit, redis_server.url)
    port = nginx([server.port for server in servers])

    def first_visit() -> str:
        """The page load: nginx answers with the cookie that pins this browser."""
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=20) as response:
            assert response.status == 200
            cookie = response.headers["Set-Cookie"]
        found = re.match(r"flet_worker=([0-9a-f]+);", cookie)
        assert found, cookie
        return found.group(0).rstrip(";")

    async def browse() -> None:
        browsers = [first_visit() for _ in range(16)]
        pids: set[int] = set()
        for cookie in browsers:
            tab = Tab(f"ws://127.0.0.1:{port}/ws", flet_client, {"Cookie": cookie})
            session_id = await tab.open()
            pid = await tab.until(tab.pid, 20, "rendered")
            pids.add(pid)
            await tab.close()
            again = Tab(f"ws://127.0.0.1:{port}/ws", flet_client, {"Cookie": cookie})
            assert await again.open(session_id) == session_id  # the same session, on the same process
            assert await again.until(again.pid, 20, "the snapshot") == pid
            await again.close()
        assert len(pids) == 2, "16 browsers should be spread over both processes"

    asyncio.run(browse())
    for server in servers:
        assert "Traceback" not in server.output()


def test_a_reconnect_that_reaches_another_process_starts_a_fresh_session(
    serve: Callable[..., Any], kit: Any, flet_client: Any, redis_server: RedisServer
) -> None:
    servers = two_processes(serve, kit, redis_server.url)
    urls = [f"ws://127.0.0.1:{server.port}/ws" for server in servers]

    async def move() -> None:
        tab = Tab(urls[0], flet_client)
        session_id = await tab.open()
        await tab.until(tab.pid, 20, "rendered")
        await tab.close()
        elsewhere = Tab(urls[1], flet_client)
        assert await elsewhere.open(session_id) != session_id
        assert await elsewhere.until(elsewhere.pid, 20, "a fresh page") == servers[1].process.pid
        await elsewhere.close()
        return None

    asyncio.run(move())
    output = servers[1].output()
    assert "not known to this process" in output
    assert "Traceback" not in output


def test_an_oauth_callback_served_by_the_other_worker_completes(
    serve: Callable[..., Any], kit: Any, flet_client: Any, redis_server: RedisServer
) -> None:
    provider = serve(uvicorn("fake_oauth_provider:app"))
    callback_port = kit.free_port()  # the provider redirects to this worker, not the session's
    env = kit.env(
        FAKE_PROVIDER_URL=provider.url,
        APP_URL=f"http://127.0.0.1:{callback_port}",
        OAUTHLIB_INSECURE_TRANSPORT="1",
        FLET_PUBSUB_URL=redis_server.url,
    )
    sessions_worker = serve(uvicorn("oauth_app:app"), env=env)
    callback_worker = serve(uvicorn("oauth_app:app"), port=callback_port, env=env)
    with flet_client(f"ws://127.0.0.1:{sessions_worker.port}/ws") as client:
        client.register()
        (button,) = client.wait_for(lambda: client.of_type("elevatedbutton"))
        time.sleep(0.5)  # both workers' Redis subscriptions are up (they connect at startup)
        client.click(button["i"])
        launch = None
        while launch is None:
            message = client.receive()
            if message["action"] == "invokeMethod" and message["payload"]["methodName"] == "launchUrl":
                launch = message["payload"]["arguments"]
        with urllib.request.urlopen(launch["url"], timeout=20) as popup:
            assert popup.geturl().startswith(f"http://127.0.0.1:{callback_port}/oauth_callback?")
            assert popup.status == 200
            assert "window.close()" in popup.read().decode()
        status = lambda: [t.get("value") for t in client.of_type("text")]  # noqa: E731
        assert client.wait_for(lambda: "Hello, octocat (583231)" in status(), timeout=20)
    assert "GET /oauth_callback?" in callback_worker.output()
    assert "/oauth_callback" not in sessions_worker.output()
    for server in (sessions_worker, callback_worker):
        assert "Traceback" not in server.output()


def test_several_workers_with_the_memory_backend_are_warned_about_once_each(
    serve: Callable[..., Any], kit: Any
) -> None:
    argv = [*uvicorn(), "--workers", "2"]
    server = serve(argv, env=kit.env())
    wait_until(lambda: server.output().count("Application startup complete") == 2, 30, "both workers started")
    warnings = [line for line in server.output().splitlines() if "worker processes, but with FLET_PUBSUB_URL" in line]
    assert len(warnings) == 2, server.output()  # one per worker process, at startup
    single = serve(uvicorn(), env=kit.env())
    assert "worker processes" not in single.output()
