"""PubSubHub and PubSubClient: who receives what, and unsubscribing."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from flet_core.errors import FletError
from flet_core.pubsub import PubSubClient, PubSubHub, PubSubMessage


def clients(hub: PubSubHub, *ids: str) -> tuple[dict[str, list[Any]], list[PubSubClient]]:
    inbox: dict[str, list[Any]] = {sid: [] for sid in ids}
    out = []
    for sid in ids:
        client = PubSubClient(hub, sid)
        client.subscribe(lambda message, sid=sid: inbox[sid].append(message))
        client.subscribe_topic("room", lambda topic, message, sid=sid: inbox[sid].append(f"{topic}:{message}"))
        out.append(client)
    return inbox, out


def test_delivery_rules() -> None:
    hub = PubSubHub()
    inbox, (a, b, c) = clients(hub, "a", "b", "c")
    a.send_all("1")
    a.send_others("2")
    b.send_all_on_topic("room", "3")
    b.send_others_on_topic("room", "4")
    c.unsubscribe_topic("room")
    a.send_all_on_topic("room", "5")
    b.unsubscribe()
    a.send_all("6")
    assert inbox == {
        "a": ["1", "room:3", "room:4", "room:5", "6"],
        "b": ["1", "2", "room:3", "room:5"],
        "c": ["1", "2", "room:3", "room:4", "6"],
    }


def test_subscribing_again_replaces_the_handler() -> None:
    hub = PubSubHub()
    seen: list[str] = []
    client = PubSubClient(hub, "a")
    client.subscribe(lambda m: seen.append(f"old {m}"))
    client.subscribe(lambda m: seen.append(f"new {m}"))
    client.send_all("x")
    assert seen == ["new x"]


def test_unsubscribe_all_with_topics() -> None:
    """Upstream defect #13: this raised "dictionary changed size during iteration"."""
    hub = PubSubHub()
    inbox, (a, b) = clients(hub, "a", "b")
    for topic in ("t1", "t2", "t3"):
        a.subscribe_topic(topic, lambda topic, message: inbox["a"].append(message))
    assert hub.subscriber_count() == 7
    a.unsubscribe_all()
    assert hub.subscriber_count() == 2
    b.send_all("x")
    b.send_all_on_topic("t1", "y")
    assert inbox["a"] == []


def test_a_hub_without_a_loop_runs_sync_handlers_inline_and_refuses_async_ones() -> None:
    hub = PubSubHub()
    client = PubSubClient(hub, "a")

    async def handler(message: Any) -> None:
        pass

    client.subscribe(handler)
    with pytest.raises(FletError, match="event loop"):
        client.send_all("x")


def test_a_hub_with_loop_and_executor() -> None:
    loop = asyncio.new_event_loop()
    done = threading.Event()
    seen: list[str] = []
    try:

        async def handler(message: str) -> None:
            seen.append(message)
            done.set()

        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()
        hub = PubSubHub(loop)
        PubSubClient(hub, "a").subscribe(handler)
        hub.send_all("hello")
        assert done.wait(2)
        assert seen == ["hello"]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(2)
        loop.close()


def test_a_custom_runner_and_backend() -> None:
    published: list[PubSubMessage] = []
    ran: list[tuple[str, tuple[Any, ...]]] = []

    class Recording:
        def open(self, deliver: Any) -> None:
            self.deliver = deliver

        def publish(self, message: PubSubMessage) -> None:
            published.append(message)
            self.deliver(message)

        def close(self) -> None:
            pass

    hub = PubSubHub(backend=Recording(), runner=lambda sid, handler, args: ran.append((sid, args)))
    hub.subscribe("a", print)
    hub.subscribe_topic("b", "t", print)
    hub.send_others("b", "m")
    hub.send_all_on_topic("t", "n")
    assert published == [PubSubMessage("m", None, "b"), PubSubMessage("n", "t", None)]
    assert ran == [("a", ("m",)), ("b", ("t", "n"))]


@pytest.mark.asyncio
async def test_async_twins_are_deprecated() -> None:
    hub = PubSubHub()
    seen: list[Any] = []
    client = PubSubClient(hub, "a")
    with pytest.warns(DeprecationWarning, match=r"subscribe_async\(\) is deprecated"):
        await client.subscribe_async(seen.append)
    with pytest.warns(DeprecationWarning):
        await client.send_all_async(1)
    with pytest.warns(DeprecationWarning):
        await hub.send_all_async(2)
    with pytest.warns(DeprecationWarning):
        await client.unsubscribe_all_async()
    await asyncio.sleep(0)
    assert seen == [1, 2]
