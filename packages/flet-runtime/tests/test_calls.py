"""Client method calls with results: client storage, clipboard, control methods, timeouts."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest

from flet_core.page import Page
from flet_runtime import ClientDisconnectedError, MemoryClient
from flet_runtime.memory_transport import Answer


def local_storage() -> tuple[dict[str, str], dict[str, Answer]]:
    """A browser's local storage as the 0.21.2 client answers for it (``get`` JSON-encodes again)."""
    store: dict[str, str] = {}

    def key(call: dict[str, Any]) -> str:
        return str(call["arguments"]["key"])

    def set_(call: dict[str, Any]) -> str:
        store[key(call)] = call["arguments"]["value"]
        return "true"

    def clear(call: dict[str, Any]) -> str:
        store.clear()
        return "true"

    answers: dict[str, Answer] = {
        "clientStorage:set": set_,
        "clientStorage:get": lambda call: json.dumps(store[key(call)]) if key(call) in store else None,
        "clientStorage:containskey": lambda call: "true" if key(call) in store else "false",
        "clientStorage:getkeys": lambda call: json.dumps(
            [k for k in store if k.startswith(call["arguments"]["key_prefix"])]
        ),
        "clientStorage:remove": lambda call: "true" if store.pop(key(call), None) is not None else "false",
        "clientStorage:clear": clear,
    }
    return store, answers


async def run(make_host: Any, main: Any, **client_options: Any) -> MemoryClient:
    host = make_host(main)
    tab = MemoryClient(host, **client_options)
    await tab.connect()
    return tab


async def click_when_ready(tab: MemoryClient) -> None:
    await tab.wait_for(lambda: tab.find(type="elevatedbutton"))
    tab.click(tab.find_one(type="elevatedbutton")["i"])


@pytest.mark.asyncio
async def test_client_storage_round_trip_from_a_sync_handler(make_host: Any, ui: Any) -> None:
    store, answers = local_storage()

    def main(page: Page) -> None:
        def go(e: Any) -> None:
            storage = page.client_storage
            results = [
                storage.set("k1", {"a": 1, "b": "x"}),
                storage.set("k2", "text"),
                storage.get("k1"),
                storage.get("k2"),
                storage.get("nope"),
                storage.contains_key("k1"),
                storage.get_keys("k"),
                storage.remove("k2"),
                storage.remove("k2"),
                storage.clear(),
                storage.get_keys("k"),
            ]
            page.add(ui.Text(json.dumps(results)))

        page.add(ui.Button("go", on_click=go))

    tab = await run(make_host, main, answers=answers)
    await click_when_ready(tab)
    await tab.wait_for(lambda: len(tab.find(type="text")) == 1)
    results = json.loads(tab.find_one(type="text")["value"])
    assert results == [True, True, {"a": 1, "b": "x"}, "text", None, True, ["k1", "k2"], True, False, True, []]
    sets = [c for c in tab.calls if c["methodName"] == "clientStorage:set"]
    assert sets[0]["arguments"] == {"key": "k1", "value": '{"a":1,"b":"x"}'}
    assert sets[0]["controlId"] == ""
    assert store == {}


@pytest.mark.asyncio
async def test_client_storage_async_forms(make_host: Any, ui: Any) -> None:
    _, answers = local_storage()

    async def main(page: Page) -> None:
        storage = page.client_storage
        await storage.set_async("n", [1, 2, 3])
        value = await storage.get_async("n")
        found = await storage.contains_key_async("n")
        keys = await storage.get_keys_async("")
        page.add(ui.Text(json.dumps([value, found, keys])))

    tab = await run(make_host, main, answers=answers)
    await tab.wait_for(lambda: tab.find(type="text"))
    assert json.loads(tab.find_one(type="text")["value"]) == [[1, 2, 3], True, ["n"]]


@pytest.mark.asyncio
async def test_a_call_the_client_never_answers_times_out(make_host: Any, ui: Any) -> None:
    def main(page: Page) -> None:
        page.client_storage.wait_timeout = 0.2

        def go(e: Any) -> None:
            started = time.monotonic()
            try:
                page.client_storage.get("k")
            except TimeoutError as error:
                page.add(ui.Text(f"timeout after {time.monotonic() - started:.1f}: {error}"))

        page.add(ui.Button("go", on_click=go))

    tab = await run(make_host, main)  # no answers scripted
    await click_when_ready(tab)
    await tab.wait_for(lambda: any(t.startswith("timeout after 0.2") for t in tab.texts()))
    assert "clientStorage:get" in tab.texts()[-1]
    session = tab.host.sessions()[0]
    assert session.pending_calls == 0
    # a late answer is ignored
    late = json.dumps({"method_id": tab.calls[0]["methodId"], "result": "null", "error": None})
    tab.event("page", "invoke_method_result", late)
    tab.click(tab.find_one(type="elevatedbutton")["i"])
    await tab.wait_for(lambda: len([t for t in tab.texts() if t.startswith("timeout")]) == 2)


@pytest.mark.asyncio
async def test_a_waiting_call_on_the_loop_thread_names_the_async_form(make_host: Any, ui: Any) -> None:
    """Upstream defect #15: the sync form froze the loop for 5 s and then timed out."""

    def main(page: Page) -> None:
        async def uses_sync_form(e: Any) -> None:
            page.client_storage.get("k")

        async def uses_sync_clipboard(e: Any) -> None:
            page.get_clipboard()

        page.on_error = lambda e: page.add(ui.Text(e.data))
        page.add(ui.Button("storage", on_click=uses_sync_form), ui.Button("clipboard", on_click=uses_sync_clipboard))

    tab = await run(make_host, main, answers={"clientStorage:get": "null"})
    await tab.wait_for(lambda: len(tab.find(type="elevatedbutton")) == 2)
    started = time.monotonic()
    for node in tab.find(type="elevatedbutton"):
        tab.click(node["i"])
    await tab.wait_for(lambda: len(tab.find(type="text")) == 2)
    assert time.monotonic() - started < 0.5
    messages = tab.texts(type="text")
    assert any("await ClientStorage.get_async()" in m for m in messages)
    assert any("await Page.get_clipboard_async()" in m for m in messages)
    assert not tab.calls  # nothing was sent


@pytest.mark.asyncio
async def test_waiting_calls_fail_fast_when_the_client_disconnects(make_host: Any, ui: Any) -> None:
    outcome = ui.Recorder()

    def main(page: Page) -> None:
        def go(e: Any) -> None:
            started = time.monotonic()
            try:
                page.get_clipboard(wait_timeout=10)
            except ClientDisconnectedError:
                outcome.add(time.monotonic() - started)

        async def go_async(e: Any) -> None:
            started = time.monotonic()
            try:
                await page.get_clipboard_async(wait_timeout=10)
            except TimeoutError:  # ClientDisconnectedError is one, as 0.21 apps expect
                outcome.add(time.monotonic() - started)

        page.add(ui.Button("sync", on_click=go), ui.Button("async", on_click=go_async))

    tab = await run(make_host, main)
    await tab.wait_for(lambda: len(tab.find(type="elevatedbutton")) == 2)
    for node in tab.find(type="elevatedbutton"):
        tab.click(node["i"])
    await tab.wait_for(lambda: len(tab.calls) == 2)
    await tab.disconnect()
    await tab.wait_for(lambda: len(outcome) == 2, timeout=2)
    assert max(outcome.items) < 1


@pytest.mark.asyncio
async def test_calls_while_disconnected_fail_at_once(make_host: Any, ui: Any) -> None:
    pages: list[Page] = []
    host = make_host(lambda page: None, on_page_created=pages.append)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.disconnect()
    with pytest.raises(ClientDisconnectedError, match="not connected"):
        await pages[0].get_clipboard_async()


@pytest.mark.asyncio
async def test_results_errors_and_control_methods(make_host: Any, ui: Any) -> None:
    def main(page: Page) -> None:
        button = ui.Button("target")

        def go(e: Any) -> None:
            results = [
                page.can_launch_url("https://example.com"),
                button.invoke_method("vibrate", {"x": "1"}, wait_for_result=True, wait_timeout=2),
                page.get_clipboard(),
            ]
            page.launch_url("https://flet.dev", web_popup_window=True)
            page.add(ui.Text(json.dumps(results)))

        async def go_async(e: Any) -> None:
            value = await button.invoke_method_async("vibrate", wait_for_result=True, wait_timeout=2)
            page.add(ui.Text(f"async {value}"))

        page.add(button, ui.Button("go", on_click=go), ui.Button("go async", on_click=go_async))

    answers: dict[str, Answer] = {
        "canLaunchUrl": "true",
        "vibrate": lambda call: json.dumps([call["controlId"], call.get("arguments")]),
        "getClipboard": None,
    }
    tab = await run(make_host, main, answers=answers)
    await tab.wait_for(lambda: len(tab.find(type="elevatedbutton")) == 3)
    target, go, go_async = (node["i"] for node in tab.find(type="elevatedbutton"))
    tab.click(go)
    await tab.wait_for(lambda: tab.find(type="text"))
    results = json.loads(tab.find_one(type="text")["value"])
    assert results[0] is True
    assert json.loads(results[1]) == [target, {"x": "1"}]
    assert results[2] is None  # getClipboard answered null
    launch = tab.calls[-1]
    assert launch["methodName"] == "launchUrl"
    assert launch["arguments"] == {"url": "https://flet.dev", "web_popup_window": "True"}
    tab.click(go_async)
    await tab.wait_for(lambda: any(t.startswith("async ") for t in tab.texts()))


@pytest.mark.asyncio
async def test_a_client_error_answer_raises(make_host: Any, ui: Any) -> None:
    def main(page: Page) -> None:
        def go(e: Any) -> None:
            try:
                page.get_clipboard()
            except Exception as error:
                page.add(ui.Text(f"{type(error).__name__}: {error}"))

        page.add(ui.Button("go", on_click=go))

    host = make_host(main)
    tab = MemoryClient(host)

    def fail(call: dict[str, Any]) -> None:
        data = json.dumps({"method_id": call["methodId"], "result": None, "error": "PlatformException(paste_fail)"})
        tab.event("page", "invoke_method_result", data)

    await tab.connect()
    await tab.wait_for(lambda: tab.find(type="elevatedbutton"))
    tab.click(tab.find_one(type="elevatedbutton")["i"])
    await tab.wait_for(lambda: len(tab.calls) == 1)
    fail(tab.calls[0])
    await tab.wait_for(lambda: tab.find(type="text"))
    assert tab.texts(type="text") == [
        "ClientMethodError: the client failed 'getClipboard': PlatformException(paste_fail)"
    ]


@pytest.mark.asyncio
async def test_upload_urls_need_a_signer(make_host: Any, ui: Any) -> None:
    pages: list[Page] = []
    signer = lambda name, expires: f"/upload?f={name}&e={expires}"  # noqa: E731
    host = make_host(lambda page: None, on_page_created=pages.append, upload_signer=signer)
    tab = MemoryClient(host)
    await tab.connect()
    assert pages[0].get_upload_url("a.txt", 60) == "/upload?f=a.txt&e=60"
    bare = make_host(lambda page: None, on_page_created=pages.append)
    other = MemoryClient(bare)
    await other.connect()
    with pytest.raises(Exception, match="secret key"):
        pages[1].get_upload_url("a.txt", 60)
    await asyncio.sleep(0)
