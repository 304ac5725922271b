"""Pubsub between the sessions of one app, through the hub of its AppHost."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from flet_core.page import Page
from flet_runtime import MemoryBackend, MemoryClient, PubSubBackend, load_backend


def chat_app(ui: Any, log: Any = None) -> Any:
    """Each page shows what it received; typing a command and clicking "send" sends it."""

    def main(page: Page) -> None:
        command = ui.TextField(value="")
        inbox = ui.Column()

        def show(text: str) -> None:
            inbox.controls.append(ui.Text(text))
            page.update()
            if log is not None:
                log.add((page.session_id, text))

        def on_message(message: str) -> None:
            show(f"all:{message}")

        async def on_topic(topic: str, message: str) -> None:
            await asyncio.sleep(0)
            show(f"{topic}:{message}")

        def send(e: Any) -> None:
            kind, _, rest = (command.value or "").partition(" ")
            pubsub = page.pubsub
            if kind == "all":
                pubsub.send_all(rest)
            elif kind == "others":
                pubsub.send_others(rest)
            elif kind == "topic":
                topic, _, message = rest.partition(" ")
                pubsub.send_all_on_topic(topic, message)
            elif kind == "others_topic":
                topic, _, message = rest.partition(" ")
                pubsub.send_others_on_topic(topic, message)
            elif kind == "leave":
                pubsub.unsubscribe_all()
            elif kind == "leave_topic":
                pubsub.unsubscribe_topic(rest)

        page.pubsub.subscribe(on_message)
        page.pubsub.subscribe_topic("room", on_topic)
        page.add(command, ui.Button("send", on_click=send), inbox)

    return main


async def joined(host: Any) -> MemoryClient:
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.find(type="elevatedbutton"))
    return tab


def send(tab: MemoryClient, command: str) -> None:
    tab.type(tab.find_one(type="textfield")["i"], command)
    tab.click(tab.find_one(type="elevatedbutton")["i"])


def inbox(tab: MemoryClient) -> list[str]:
    return tab.texts(type="text")


def shows(tab: MemoryClient, texts: list[str]) -> Callable[[], bool]:
    return lambda: inbox(tab) == texts


@pytest.mark.asyncio
async def test_three_sessions_with_topics_and_one_that_leaves_and_comes_back(make_host: Any, ui: Any) -> None:
    log = ui.Recorder()
    host = make_host(chat_app(ui, log))
    a, b, c = [await joined(host) for _ in range(3)]

    send(a, "all m1")
    for tab in (a, b, c):
        await tab.wait_for(shows(tab, ["all:m1"]))

    await c.disconnect()
    frames_before = len(c.frames)
    send(a, "all m2")
    await b.wait_for(lambda: "all:m2" in inbox(b) and "all:m2" in inbox(a) and (c.session_id, "all:m2") in log)
    send(b, "others_topic room m3")
    await a.wait_for(lambda: "room:m3" in inbox(a) and (c.session_id, "room:m3") in log)
    send(a, "others m4")
    await b.wait_for(lambda: "all:m4" in inbox(b))
    assert inbox(a) == ["all:m1", "all:m2", "room:m3"]
    assert inbox(b) == ["all:m1", "all:m2", "all:m4"]
    # the disconnected session's subscribers ran against its page, but sent nothing
    await a.wait_for(lambda: len([text for sid, text in log.items if sid == c.session_id]) == 4)
    assert len(c.frames) == frames_before

    await c.connect()  # its snapshot holds everything sent while it was away
    assert inbox(c) == ["all:m1", "all:m2", "room:m3", "all:m4"]

    send(c, "leave")
    await asyncio.sleep(0.05)
    send(a, "topic room m5")
    await b.wait_for(lambda: inbox(b)[-1:] == ["room:m5"])
    send(a, "all m6")
    await b.wait_for(lambda: inbox(b)[-1:] == ["all:m6"])
    await a.wait_for(lambda: inbox(a)[-2:] == ["room:m5", "all:m6"])
    assert inbox(c) == ["all:m1", "all:m2", "room:m3", "all:m4"]


@pytest.mark.asyncio
async def test_unsubscribing_one_topic_keeps_the_rest(make_host: Any, ui: Any) -> None:
    host = make_host(chat_app(ui))
    a, b = await joined(host), await joined(host)
    send(b, "leave_topic room")
    await asyncio.sleep(0.05)
    send(a, "topic room t")
    await a.wait_for(lambda: inbox(a) == ["room:t"])
    send(a, "all g")
    await b.wait_for(lambda: inbox(b) == ["all:g"])
    await a.wait_for(lambda: inbox(a) == ["room:t", "all:g"])


@pytest.mark.asyncio
async def test_expired_sessions_leave_the_hub(make_host: Any, ui: Any) -> None:
    host = make_host(chat_app(ui), session_timeout=0)
    a, b = await joined(host), await joined(host)
    assert host.pubsub.subscriber_count() == 4
    await b.disconnect()
    await a.wait_for(lambda: host.session_count() == 1)
    assert host.pubsub.subscriber_count() == 2
    send(a, "all still here")
    await a.wait_for(lambda: inbox(a) == ["all:still here"])


@pytest.mark.asyncio
async def test_a_failing_subscriber_is_reported_to_on_error(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def main(page: Page) -> None:
        def broken(message: Any) -> None:
            raise KeyError(message)

        page.on_error = lambda e: page.add(ui.Text(f"error {e.data}"))
        page.pubsub.subscribe(broken)
        page.add(ui.Button("send", on_click=lambda e: page.pubsub.send_all("x")))

    host = make_host(main)
    tab = await joined(host)
    tab.click(tab.find_one(type="elevatedbutton")["i"])
    await tab.wait_for(lambda: tab.find(text="error 'x'"))
    assert any("pubsub subscriber" in r.getMessage() for r in caplog.records)


@pytest.mark.asyncio
async def test_hubs_are_per_app(make_host: Any, ui: Any) -> None:
    one, other = make_host(chat_app(ui)), make_host(chat_app(ui))
    a, b = await joined(one), await joined(other)
    send(a, "all only mine")
    await a.wait_for(lambda: inbox(a) == ["all:only mine"])
    await asyncio.sleep(0.05)
    assert inbox(b) == []


@pytest.mark.asyncio
async def test_deprecated_async_twins_warn_and_work(make_host: Any, ui: Any) -> None:
    received: list[Any] = []

    async def main(page: Page) -> None:
        with pytest.warns(DeprecationWarning, match="subscribe_async"):
            await page.pubsub.subscribe_async(received.append)
        with pytest.warns(DeprecationWarning, match="send_all_async"):
            await page.pubsub.send_all_async("hello")

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: received == ["hello"])


def test_the_memory_backend_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLET_PUBSUB_URL", raising=False)
    assert isinstance(load_backend(), MemoryBackend)
    assert isinstance(load_backend("memory://"), MemoryBackend)
    assert isinstance(load_backend(), PubSubBackend)
    with pytest.raises(ValueError, match=r"flet\.pubsub_backends"):
        load_backend("nosuch://host")


@pytest.mark.asyncio
async def test_the_host_starts_and_closes_its_backend(make_host: Any, ui: Any) -> None:
    events: list[str] = []

    class Recording(MemoryBackend):
        async def start(self, deliver: Any) -> None:
            events.append("start")

        async def aclose(self) -> None:
            events.append("aclose")

    host = make_host(chat_app(ui), pubsub_backend=Recording())
    await joined(host)
    await host.shutdown()
    assert events == ["start", "aclose"]
