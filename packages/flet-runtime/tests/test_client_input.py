"""What a crafted client can and cannot change: allow-list, hidden/disabled controls, limits."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from flet_core.page import Page
from flet_runtime import MemoryClient, MemoryTransport
from flet_runtime.client_input import CLIENT_WRITABLE
from flet_runtime.dispatch import Job, Lane
from flet_runtime.memory_transport import registration
from flet_runtime.ratelog import RateLimitedLog, session_tag


def form_app(ui: Any, clicks: Any) -> Any:
    def main(page: Page) -> None:
        field = ui.TextField(value="start", on_change=lambda e: clicks.add(("change", e.control.value)))
        label = ui.Text("server text")
        enabled = ui.Button("enabled", on_click=lambda e: clicks.add("enabled"))
        disabled = ui.Button("disabled", on_click=lambda e: clicks.add("disabled"), disabled=True)
        hidden = ui.Button("hidden", on_click=lambda e: clicks.add("hidden"), visible=False)
        in_disabled = ui.Button("in disabled", on_click=lambda e: clicks.add("in disabled"))
        in_hidden = ui.Button("in hidden", on_click=lambda e: clicks.add("in hidden"))
        page.add(
            field,
            label,
            enabled,
            disabled,
            hidden,
            ui.Column(controls=[in_disabled], disabled=True),
            ui.Column(controls=[in_hidden], visible=False),
        )

    return main


async def connected(make_host: Any, ui: Any, **options: Any) -> tuple[Any, MemoryClient, Any]:
    clicks = ui.Recorder()
    host = make_host(form_app(ui, clicks), **options)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.find(text="in hidden"))
    return host, tab, clicks


@pytest.mark.asyncio
async def test_events_of_disabled_hidden_and_unknown_controls_are_dropped(make_host: Any, ui: Any) -> None:
    host, tab, clicks = await connected(make_host, ui)
    for text in ("disabled", "hidden", "in disabled", "in hidden", "enabled"):
        tab.click(tab.find_one(text=text)["i"])
    tab.click("_9999")
    tab.event("page", "no_such_event")
    await tab.wait_for(lambda: "enabled" in clicks)
    await host.wait_idle()
    assert clicks.items == ["enabled"]


@pytest.mark.asyncio
async def test_only_attributes_the_client_writes_back_are_taken(make_host: Any, ui: Any) -> None:
    host, tab, clicks = await connected(make_host, ui)
    field = tab.find_one(type="textfield")["i"]
    label = tab.find_one(text="server text")["i"]
    disabled = tab.find_one(text="disabled")["i"]
    tab.send(
        {
            "action": "updateControlProps",
            "payload": {
                "props": [
                    {"i": label, "value": "hacked"},  # a Text's value is the server's
                    {"i": disabled, "disabled": "false"},  # so is disabled
                    {"i": field, "value": "typed", "label": "hacked", "evil": "x" * 1000},
                    {"i": "_404", "value": "nobody"},
                ]
            },
        }
    )
    tab.event(field, "change", "typed")
    await tab.wait_for(lambda: ("change", "typed") in clicks)
    page = host.sessions()[0].page
    texts = {control.value for control in page.index.values() if type(control).__name__ == "Text"}
    assert texts == {"server text"}
    by_id = page.index
    assert by_id[field].value == "typed"
    assert by_id[field].label is None
    assert by_id[disabled].disabled is True
    # the snapshot a reconnecting tab gets agrees
    assert page.client_control(field)["value"] == "typed"
    assert "evil" not in page.client_control(field)
    tab.click(disabled)
    await host.wait_idle()
    assert "disabled" not in clicks


def test_the_allow_list_covers_every_attribute_the_client_writes_back() -> None:
    """Cross-check against the 0.21.2 catalog kept as flet-core's test data (its README)."""
    catalog = Path(__file__).resolve().parents[2] / "flet-core" / "tests" / "data" / "controls.json"
    controls = json.loads(catalog.read_text(encoding="utf-8"))["controls"]
    written = {
        c["t"]: set(c["dart"]["client_updates_attrs"]) for c in controls if c["dart"].get("client_updates_attrs")
    }
    assert len(written) > 30
    for wire_type, names in written.items():
        assert names <= CLIENT_WRITABLE.get(wire_type, frozenset()), wire_type


def test_the_allow_list_names_lowercase_wire_attributes() -> None:
    for wire_type, names in CLIENT_WRITABLE.items():
        assert wire_type == wire_type.lower()
        assert names and all(name == name.lower() and name != "i" for name in names)
    assert CLIENT_WRITABLE["textfield"] == {"value"}
    assert "route" in CLIENT_WRITABLE["page"]


@pytest.mark.asyncio
async def test_client_state_is_capped_per_session(make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_MAX_CLIENT_STATE", "10000")
    host, tab, _clicks = await connected(make_host, ui)
    field = tab.find_one(type="textfield")["i"]
    tab.update_props(field, value="a" * 9000)  # under the cap: kept
    tab.update_props(field, value="b" * 9500)  # replaces the value: still under
    session = host.sessions()[0]
    await tab.wait_for(lambda: session.client_state_bytes == 9500)
    tab.update_props(field, value="c" * 20000)
    await asyncio.wait_for(tab._serving, 3)  # type: ignore[arg-type]  # noqa: SLF001  # the serve task ends
    assert tab.transport is not None and tab.transport.close_code == 1009
    assert session.page is not None and session.page.index[field].value == "b" * 9500
    assert host.session_count() == 1  # the session itself stays for a reconnect


@pytest.mark.asyncio
async def test_a_frame_over_the_size_limit_closes_the_connection_with_1009(
    make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_MAX_FRAME_SIZE", "4096")
    host, tab, _clicks = await connected(make_host, ui)
    field = tab.find_one(type="textfield")["i"]
    tab.update_props(field, value="é" * 3000)  # 3000 characters, 6000 bytes
    await asyncio.wait_for(tab._serving, 3)  # type: ignore[arg-type]  # noqa: SLF001  # the serve task ends
    assert tab.transport is not None and tab.transport.close_code == 1009
    await tab.connect()  # it comes back to its session, without the oversized value
    assert host.session_count() == 1
    assert tab.find_one(type="textfield").get("value") == "start"


@pytest.mark.asyncio
async def test_a_deeply_nested_frame_is_dropped_like_any_malformed_frame(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture
) -> None:
    _host, tab, clicks = await connected(make_host, ui)
    tab.send("[" * 100_000 + "]" * 100_000)
    tab.send('{"action":"pageEventFromWeb","payload":' + '{"a":' * 50_000 + "1" + "}" * 50_001)
    tab.click(tab.find_one(text="enabled")["i"])
    await tab.wait_for(lambda: "enabled" in clicks)
    assert tab.connected
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.asyncio
async def test_one_session_flooding_blocking_handlers_does_not_starve_another(
    make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_THREAD_POOL_SIZE", "16")
    monkeypatch.setenv("FLET_SESSION_MAX_RUNNING", "4")
    release = threading.Event()
    running = ui.Recorder()
    served = ui.Recorder()

    def main(page: Page) -> None:
        def block(e: Any) -> None:
            running.add(1)
            release.wait(10)

        page.add(ui.Button("block", on_click=block), ui.Button("quick", on_click=lambda e: served.add(1)))

    host = make_host(main)
    hog, other = MemoryClient(host), MemoryClient(host)
    await hog.connect()
    await hog.wait_for(lambda: hog.find(text="block"))
    for _ in range(129):
        hog.click(hog.find_one(text="block")["i"])
    await hog.wait_for(lambda: len(running) == 4)
    started = time.monotonic()
    await other.connect()  # a new session's main() runs
    await other.wait_for(lambda: other.find(text="quick"))
    other.click(other.find_one(text="quick")["i"])
    await other.wait_for(lambda: len(served) == 1, timeout=3)
    assert time.monotonic() - started < 3
    session = next(s for s in host.sessions() if s.id == hog.session_id)
    assert (session.lane.running, session.lane.waiting) == (4, 125)
    assert len(running) == 4  # the hog never had more than its share
    release.set()
    await hog.wait_for(lambda: len(running) == 129, timeout=10)
    await host.wait_idle(10)


@pytest.mark.asyncio
async def test_a_full_session_queue_stops_reading_that_client_and_loses_nothing(
    make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_SESSION_MAX_RUNNING", "1")
    monkeypatch.setenv("FLET_SESSION_MAX_QUEUED", "5")
    release = threading.Event()
    ran = ui.Recorder()

    def main(page: Page) -> None:
        def block(e: Any) -> None:
            ran.add(1)
            release.wait(10)

        page.add(ui.Button("block", on_click=block))

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.find(text="block"))
    for _ in range(20):
        tab.click(tab.find_one(text="block")["i"])
    await tab.wait_for(lambda: len(ran) == 1)
    await asyncio.sleep(0.1)
    session = host.sessions()[0]
    assert (session.lane.running, session.lane.waiting) == (1, 5)
    assert tab.transport is not None and tab.transport.in_transit >= 13  # left unread
    release.set()
    await tab.wait_for(lambda: len(ran) == 20)
    await host.wait_idle(5)


def test_a_lane_refuses_work_past_its_bound() -> None:
    class Work(Job):
        def __init__(self, index: int) -> None:
            self.index = index

    lane = Lane(max_running=1, max_queued=2)
    started: list[int] = []

    def start(job: Job) -> None:
        assert isinstance(job, Work)
        started.append(job.index)

    assert lane.submit(Work(0), start)
    assert lane.submit(Work(1), start)
    assert lane.submit(Work(2), start)
    assert lane.full
    assert not lane.submit(Work(3), start)
    assert started == [0]
    following = lane.release()  # the first finished: the next one takes over its slot
    assert isinstance(following, Work) and following.index == 1
    assert lane.running == 1 and lane.waiting == 1 and not lane.full
    following = lane.release()
    assert isinstance(following, Work) and following.index == 2
    assert lane.release() is None
    assert lane.running == 0 and lane.waiting == 0 and not lane.full


@pytest.mark.asyncio
async def test_a_reconnect_takes_over_a_session_whose_old_socket_is_silent(make_host: Any, ui: Any) -> None:
    calls: list[Page] = []

    def main(page: Page) -> None:
        calls.append(page)
        page.add(ui.Text("hello"))

    host = make_host(main)
    host.takeover_probe_timeout = 0.3
    old = MemoryClient(host, answers={"clientStorage:containskey": lambda call: None})
    old.answers = {}  # a dead socket answers nothing
    await old.connect()
    await old.wait_for(lambda: old.find(text="hello"))
    session_id = old.session_id
    again = MemoryClient(host)  # the same tab, reconnecting over a new socket
    await again.connect(session_id)
    assert again.session_id == session_id
    assert len(calls) == 1  # main() did not run again
    await asyncio.wait_for(old._serving, 3)  # type: ignore[arg-type]  # noqa: SLF001  # the serve task ends
    assert old.transport is not None and old.transport.close_code == 1001
    assert host.session_count() == 1 and host.sessions()[0].connected


@pytest.mark.asyncio
async def test_a_reconnect_from_another_browser_never_takes_over(make_host: Any, ui: Any) -> None:
    host = make_host(lambda page: page.add(ui.Text("hello")))
    host.takeover_probe_timeout = 0.3
    old = MemoryClient(host)
    old.answers = {}
    await old.connect()
    other = MemoryClient(host, user_agent="Another browser")
    await other.connect(old.session_id)
    assert other.session_id != old.session_id
    assert old.connected


@pytest.mark.asyncio
async def test_malformed_frames_log_rate_limited_lines_without_session_ids(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture
) -> None:
    _host, tab, clicks = await connected(make_host, ui)
    for index in range(2000):
        tab.send(f"garbage {index}")
    tab.click(tab.find_one(text="enabled")["i"])
    await tab.wait_for(lambda: "enabled" in clicks)
    lines = [r.getMessage() for r in caplog.records if "malformed" in r.getMessage()]
    assert len(lines) == 1
    assert session_tag(tab.session_id) in lines[0] and str(tab.session_id) not in lines[0]


def test_rate_limited_log_counts_what_it_left_out(caplog: pytest.LogCaptureFixture) -> None:
    log = RateLimitedLog(logging.getLogger("flet.test"), interval=0.05)
    with caplog.at_level(logging.WARNING):
        assert log.warning("k", "first")
        assert not log.warning("k", "second")
        assert not log.warning("k", "third")
        assert log.warning("other", "another kind")
        time.sleep(0.06)
        assert log.warning("k", "fourth")
    assert [r.getMessage() for r in caplog.records] == [
        "first",
        "another kind",
        "fourth (2 more like this since the last report)",
    ]


def test_session_tags_are_short_stable_and_not_the_id() -> None:
    assert session_tag("abcdefghijklmnop") == session_tag("abcdefghijklmnop")
    assert "abcdefghijklmnop" not in session_tag("abcdefghijklmnop")
    assert len(session_tag("abcdefghijklmnop")) <= 12
    assert session_tag(None) == "-"


@pytest.mark.asyncio
async def test_a_client_that_never_reads_is_closed_after_the_stall_timeout(make_host: Any, ui: Any) -> None:
    host = make_host(lambda page: page.add(ui.Text("hello")), outbox_stall_timeout=0.3)

    class Stuck(MemoryTransport):
        async def send(self, frame: str) -> None:
            if '"hello"' in frame:
                await asyncio.sleep(3600)  # the client's receive window is full
            await super().send(frame)

    transport = Stuck()
    serving = asyncio.get_running_loop().create_task(host.serve(transport))
    transport.push(registration())
    assert json.loads(await transport.next_frame() or "")["action"] == "registerWebClient"
    await asyncio.wait_for(serving, 3)
    assert transport.close_code == 1008


@pytest.mark.parametrize(
    ("name", "default"),
    [
        ("FLET_MAX_FRAME_SIZE", 1024 * 1024),
        ("FLET_MAX_CLIENT_STATE", 4 * 1024 * 1024),
        ("FLET_SESSION_MAX_RUNNING", 8),
        ("FLET_SESSION_MAX_QUEUED", 1000),
        ("FLET_OUTBOX_MAX_BYTES", 64 * 1024 * 1024),
        ("FLET_OUTBOX_STALL_TIMEOUT", 30),
        ("FLET_TAKEOVER_PROBE_TIMEOUT", 3),
        ("FLET_LOG_INTERVAL", 10),
    ],
)
def test_limits_come_from_the_environment_with_errors_naming_the_variable(
    name: str, default: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flet_runtime import config

    setting = config.SETTINGS[name]
    assert setting.get() == default
    monkeypatch.setenv(name, "7")
    assert setting.get() == 7
    monkeypatch.setenv(name, "lots")
    with pytest.raises(ValueError, match=name):
        setting.get()


def test_origin_and_proxy_lists_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from flet_runtime import config

    assert config.ALLOWED_ORIGINS.get() == ()
    assert config.FORWARDED_ALLOW_IPS.get() == ("127.0.0.1",)
    monkeypatch.setenv("FLET_ALLOWED_ORIGINS", " https://a.example , * ")
    assert config.ALLOWED_ORIGINS.get() == ("https://a.example", "*")
    monkeypatch.setenv("FLET_FORWARDED_ALLOW_IPS", "none")
    assert config.FORWARDED_ALLOW_IPS.get() == ()
    monkeypatch.setenv("FLET_FORWARDED_ALLOW_IPS", "10.0.0.0/8, ::1")
    assert config.FORWARDED_ALLOW_IPS.get() == ("10.0.0.0/8", "::1")
    monkeypatch.setenv("FLET_FORWARDED_ALLOW_IPS", "proxy.local")
    with pytest.raises(ValueError, match="FLET_FORWARDED_ALLOW_IPS"):
        config.FORWARDED_ALLOW_IPS.get()
