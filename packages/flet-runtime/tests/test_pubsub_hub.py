"""PubSubHub and PubSubClient on their own: who receives what, unsubscribing, 0.21's ways of making them."""

from __future__ import annotations

import asyncio
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import flet_core.pubsub
from flet_core.errors import FletError
from flet_runtime.pubsub import MemoryBackend, PubSubClient, PubSubHub, PubSubMessage


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
    """Local subscribers get each message from the hub; the backend gets it to carry elsewhere."""
    published: list[PubSubMessage] = []
    ran: list[tuple[str, tuple[Any, ...]]] = []

    class Recording(MemoryBackend):
        def publish(self, message: PubSubMessage) -> None:
            published.append(message)

    hub = PubSubHub(backend=Recording(), runner=lambda sid, handler, args: ran.append((sid, args)))
    hub.subscribe("a", print)
    hub.subscribe_topic("b", "t", print)
    hub.send_others("b", "m")
    hub.send_all_on_topic("t", "n")
    assert published == [PubSubMessage("m", None, "b"), PubSubMessage("n", "t", None)]
    assert ran == [("a", ("m",)), ("b", ("t", "n"))]
    hub.deliver(PubSubMessage("from elsewhere"))  # what a backend hands over from another process
    assert ran[-1] == ("a", ("from elsewhere",))


def test_a_payload_the_backend_refuses_reaches_nobody() -> None:
    class Refusing(MemoryBackend):
        def publish(self, message: PubSubMessage) -> None:
            raise TypeError("cannot carry")

    hub = PubSubHub(backend=Refusing())
    seen: list[Any] = []
    PubSubClient(hub, "a").subscribe(seen.append)
    with pytest.raises(TypeError, match="cannot carry"):
        hub.send_all(object())
    assert seen == []


def test_the_0_21_names_in_flet_core_make_the_runtime_classes() -> None:
    hub = flet_core.pubsub.PubSubHub()
    client = flet_core.pubsub.PubSubClient(hub, "a")
    assert type(hub) is PubSubHub and type(client) is PubSubClient
    assert isinstance(hub, flet_core.pubsub.PubSubHub) and isinstance(client, flet_core.pubsub.PubSubClient)
    seen: list[Any] = []
    client.subscribe(seen.append)
    client.send_all("x")
    assert seen == ["x"]


def test_a_0_21_hub_runs_sync_subscribers_on_its_executor() -> None:
    with ThreadPoolExecutor(1, thread_name_prefix="hub-test") as executor:
        hub = PubSubHub(None, executor)
        threads: list[str] = []
        done = threading.Event()
        PubSubClient(hub, "a").subscribe(lambda m: (threads.append(threading.current_thread().name), done.set()))
        hub.send_all("x")
        assert done.wait(2)
    assert threads[0].startswith("hub-test")


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


def test_without_flet_runtime_the_0_21_names_say_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "flet_runtime.pubsub", None)  # an import of it now fails
    with pytest.raises(ImportError, match=r"flet_core\.pubsub\.PubSubHub is implemented by flet-runtime"):
        flet_core.pubsub.PubSubHub()
