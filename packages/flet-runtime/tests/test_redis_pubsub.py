"""The ``redis://`` pubsub backend against a real redis-server: delivery rules, payloads, outages.

Two hubs with a backend each stand for two processes of one app: each backend has its own
origin id, so a message comes back to the connection it left but is delivered once; they share
the process's one :class:`RedisLink` (tests-integration runs real separate processes).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
import pytest_asyncio

from flet_core.page import Page
from flet_runtime import MemoryClient, PubSubClient, PubSubHub, load_backend
from flet_runtime.pubsub import PubSubMessage
from flet_runtime.redis_pubsub import RedisBackend, decode_message, encode_message

Seen = list[tuple[str, str, tuple[Any, ...]]]
RESUME_WITHIN = 5.0


class Process:
    """A hub on a Redis backend, recording what its subscribers receive."""

    def __init__(self, name: str, url: str, channel: str = "flet:test") -> None:
        self.name = name
        self.backend = RedisBackend(url, channel=channel)
        self.seen: Seen = []
        self.hub = PubSubHub(backend=self.backend, runner=lambda sid, h, args: self.seen.append((name, sid, args)))

    def client(self, session_id: str, *topics: str) -> PubSubClient:
        client = PubSubClient(self.hub, session_id)
        client.subscribe(print)
        for topic in topics:
            client.subscribe_topic(topic, print)
        return client


@pytest_asyncio.fixture
async def processes() -> AsyncIterator[Callable[..., Process]]:
    made: list[Process] = []

    def make(name: str, url: str, channel: str = "flet:test") -> Process:
        process = Process(name, url, channel)
        made.append(process)
        return process

    yield make
    for process in made:
        await process.hub.aclose()


async def eventually(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.01)


async def started(*processes: Process) -> None:
    for process in processes:
        await process.hub.start()
    for process in processes:
        await process.backend.wait_connected(RESUME_WITHIN)


@pytest.mark.asyncio
async def test_two_processes_get_every_message_exactly_once(redis_server: Any, processes: Any) -> None:
    one, two = processes("one", redis_server.url), processes("two", redis_server.url)
    other_app = processes("other", redis_server.url, channel="flet:another-app")
    await started(one, two, other_app)
    a = one.client("a", "room")
    b = two.client("b", "room")
    c = two.client("c")
    other_app.client("z", "room")

    def seen() -> Counter[tuple[str, str, str]]:
        return Counter((p, s, repr(args)) for p, s, args in one.seen + two.seen)

    async def step(send: Callable[[], None], *receivers: tuple[str, str, tuple[Any, ...]]) -> None:
        want = seen() + Counter((p, s, repr(args)) for p, s, args in receivers)
        send()
        await eventually(lambda: seen() == want, 5, f"{receivers} reached")

    await step(lambda: a.send_all("1"), ("one", "a", ("1",)), ("two", "b", ("1",)), ("two", "c", ("1",)))
    await step(lambda: b.send_others("2"), ("one", "a", ("2",)), ("two", "c", ("2",)))
    await step(lambda: c.send_all_on_topic("room", "3"), ("one", "a", ("room", "3")), ("two", "b", ("room", "3")))
    await step(lambda: a.send_others_on_topic("room", "4"), ("two", "b", ("room", "4")))
    c.unsubscribe_all()
    data = {"text": "5", "n": [1, 2.5, None, True, b"raw"], 7: {"nested": ["x"]}}
    await step(lambda: a.send_all(data), ("one", "a", (data,)), ("two", "b", (data,)))
    b.unsubscribe_topic("room")
    await step(lambda: b.send_all_on_topic("room", "6"), ("one", "a", ("room", "6")))
    total = seen()
    await asyncio.sleep(0.2)  # nothing arrives twice later
    assert seen() == total
    assert other_app.seen == []
    assert one.backend.received + two.backend.received == 6  # what crossed processes, once each


@pytest.mark.asyncio
async def test_a_payload_msgpack_cannot_carry_is_refused_at_send(redis_server: Any, processes: Any) -> None:
    one = processes("one", redis_server.url)
    await started(one)
    a = one.client("a")

    class Point:
        pass

    with pytest.raises(TypeError, match=r"cannot send a Point\b.*msgpack"):
        a.send_all(Point())
    with pytest.raises(TypeError, match=r"cannot send a set\b"):
        a.send_all_on_topic("t", {"items": [1, {2, 3}]})
    assert one.seen == []  # nobody got half of it
    # the memory backend carries any object, as 0.21 did
    memory = PubSubHub()
    got: list[Any] = []
    PubSubClient(memory, "m").subscribe(got.append)
    thing = Point()
    memory.send_all(thing)
    assert got == [thing]


def test_the_envelope() -> None:
    data = encode_message("origin1", PubSubMessage([1, "x"], "topic", "sid"))
    assert decode_message(data) == ("origin1", PubSubMessage([1, "x"], "topic", "sid"))
    with pytest.raises(ValueError, match="not a Flet pubsub message"):
        decode_message(b"\x93garbage")


@pytest.mark.asyncio
async def test_redis_down_at_start_then_up(
    unstarted_redis: Any, processes: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="flet")
    one, two = processes("one", unstarted_redis.url), processes("two", unstarted_redis.url)
    await one.hub.start()
    await two.hub.start()
    a, b = one.client("a"), two.client("b")
    began = time.monotonic()
    a.send_all("local")
    assert time.monotonic() - began < 0.05  # publishing never waits for Redis
    assert one.seen == [("one", "a", ("local",))]
    await asyncio.sleep(1.0)  # several reconnection attempts
    unreachable = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(unreachable) == 1  # one per process (its link), not one per attempt or backend

    unstarted_redis.start()
    began = time.monotonic()
    await one.backend.wait_connected(RESUME_WITHIN)
    await two.backend.wait_connected(RESUME_WITHIN)
    assert time.monotonic() - began < RESUME_WITHIN
    b.send_all("across")
    await eventually(lambda: ("one", "a", ("across",)) in one.seen, 5, "delivery after Redis came up")
    assert any("is back" in r.getMessage() for r in caplog.records)


@pytest.mark.asyncio
async def test_redis_going_away_mid_chat_and_coming_back(
    redis_server: Any, processes: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="flet")
    one, two = processes("one", redis_server.url), processes("two", redis_server.url)
    await started(one, two)
    a, a2, b = one.client("a"), one.client("a2"), two.client("b")
    a.send_all("before")
    await eventually(lambda: ("two", "b", ("before",)) in two.seen, 5, "delivery before the outage")

    redis_server.stop()
    await eventually(lambda: one.backend.state == "reconnecting", 5, "the outage noticed")
    for n in range(20):
        began = time.monotonic()
        a.send_all(f"during {n}")
        assert time.monotonic() - began < 0.05
    assert [args for _, sid, args in one.seen if sid == "a2"][-1] == ("during 19",)  # local delivery goes on
    await asyncio.sleep(0.5)
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 1

    redis_server.start()
    await one.backend.wait_connected(RESUME_WITHIN)
    await two.backend.wait_connected(RESUME_WITHIN)
    b.send_all("after")
    a.send_all("after too")
    await eventually(lambda: ("one", "a2", ("after",)) in one.seen, 5, "delivery after the outage")
    await eventually(lambda: ("two", "b", ("after too",)) in two.seen, 5, "delivery after the outage")
    assert a2 is not None


@pytest.mark.asyncio
async def test_the_app_host_uses_the_url_from_the_environment(
    redis_server: Any, make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_PUBSUB_URL", redis_server.url)
    assert isinstance(load_backend(), RedisBackend)

    def main(page: Page) -> None:
        page.pubsub.subscribe(lambda message: page.add(ui.Text(message)))
        page.add(ui.Button("send", on_click=lambda e: page.pubsub.send_all(f"from {page.session_id}")))

    one, two = make_host(main), make_host(main)
    tab_one, tab_two = MemoryClient(one), MemoryClient(two)
    await tab_one.connect()
    await tab_two.connect()
    for host in (one, two):
        assert isinstance(host.pubsub.backend, RedisBackend)
        await host.pubsub.backend.wait_connected(RESUME_WITHIN)
    await tab_one.wait_for(lambda: tab_one.find(type="elevatedbutton"))
    tab_one.click(tab_one.find_one(type="elevatedbutton")["i"])
    text = f"from {tab_one.session_id}"
    await tab_two.wait_for(lambda: tab_two.texts(type="text") == [text])
    await tab_one.wait_for(lambda: tab_one.texts(type="text") == [text])
    backend = one.pubsub.backend
    await one.shutdown()
    assert backend.state == "stopped"


@pytest.mark.asyncio
async def test_one_link_per_process_whatever_the_apps(redis_server: Any, processes: Any) -> None:
    apps = [processes(f"app{n}", redis_server.url, channel=f"flet:app{n}") for n in range(3)]
    await started(*apps)
    links = {id(app.backend.link) for app in apps}
    assert len(links) == 1  # one subscription carries the three channels
    clients = [app.client(f"s{n}") for n, app in enumerate(apps)]
    # a channel that appears once the link is connected is subscribed to then
    sender, late = (processes(name, redis_server.url, channel="flet:late") for name in ("sender", "late"))
    await started(sender, late)
    late.client("l")
    sender.client("s").send_all("late news")
    await eventually(lambda: late.seen == [("late", "l", ("late news",))], 5, "a channel added while connected")
    clients[2].send_all("to app2")
    await eventually(lambda: apps[2].seen == [("app2", "s2", ("to app2",))], 5, "local delivery")
    await asyncio.sleep(0.1)
    assert apps[0].seen == [] and apps[1].seen == []
    for app in [*apps, sender, late]:
        await app.hub.aclose()
    assert apps[0].backend.state == "stopped"
