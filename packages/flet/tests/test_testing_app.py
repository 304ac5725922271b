"""flet.testing driving whole apps: the acceptance scenarios of the testing kit.

Every test runs a real app on the runtime (sessions, dispatcher, wire encoding) and looks at
it through the simulated browser's tree.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from typing import Any

import pytest

import flet as ft
import flet.testing
from flet.testing import AppFactory

# -- apps ---------------------------------------------------------------------------------------


def counter(page: ft.Page) -> None:
    page.title = "Counter"
    count = ft.TextField(value="0", key="count", width=100)

    def change(e: ft.ControlEvent) -> None:
        count.value = str(int(count.value or "0") + e.control.data)
        page.update()

    page.add(
        ft.Row(
            [
                ft.IconButton(ft.icons.REMOVE, data=-1, on_click=change),
                count,
                ft.IconButton(ft.icons.ADD, data=1, on_click=change),
            ]
        )
    )


def signup(page: ft.Page) -> None:
    email = ft.TextField(label="Email", key="email")
    password = ft.TextField(label="Password", password=True, key="password")
    result = ft.Text()

    def send(e: ft.ControlEvent) -> None:
        email.error_text = None if "@" in (email.value or "") else "Enter an email address"
        password.error_text = None if len(password.value or "") >= 8 else "At least 8 characters"
        result.value = "Welcome!" if email.error_text is None and password.error_text is None else ""
        page.update()

    page.add(email, password, ft.ElevatedButton("Sign up", on_click=send), result)


def store(page: ft.Page) -> None:
    def route_change(e: ft.RouteChangeEvent) -> None:
        page.views.clear()
        page.views.append(
            ft.View("/", [ft.AppBar(title=ft.Text("Home")), ft.ElevatedButton("Visit store", on_click=visit)])
        )
        if page.route == "/store":
            page.views.append(ft.View("/store", [ft.AppBar(title=ft.Text("Store")), ft.Text("Apples: 3")]))
        page.update()

    def visit(e: ft.ControlEvent) -> None:
        page.go("/store")

    def view_pop(e: ft.ViewPopEvent) -> None:
        page.views.pop()
        page.go(page.views[-1].route or "/")

    page.on_route_change = route_change
    page.on_view_pop = view_pop
    page.go(page.route or "/")


def chat(page: ft.Page) -> None:
    messages = ft.Column()
    name = ft.TextField(label="Name")
    message = ft.TextField(label="Message", on_submit=lambda e: send(e))

    def on_message(text: str) -> None:
        messages.controls.append(ft.Text(text))
        page.update()

    def send(e: ft.ControlEvent) -> None:
        page.pubsub.send_all(f"{name.value}: {message.value}")
        message.value = ""
        page.update()

    page.pubsub.subscribe(on_message)
    page.add(messages, name, message, ft.ElevatedButton("Send", on_click=send))


def confirm_delete(page: ft.Page) -> None:
    status = ft.Text("1 file")

    def close(e: ft.ControlEvent) -> None:
        if e.control.text == "Delete":
            status.value = "0 files"
        page.close_dialog()
        page.update()

    dialog = ft.AlertDialog(
        title=ft.Text("Delete the file?"),
        actions=[ft.TextButton("Delete", on_click=close), ft.TextButton("Keep", on_click=close)],
        on_dismiss=lambda e: status.__setattr__("value", "dismissed") or page.update(),
    )
    page.add(status, ft.ElevatedButton("Delete…", on_click=lambda e: page.show_dialog(dialog)))


def two_handlers(page: ft.Page) -> None:
    log = ft.Column()
    threads: list[str] = []

    def sync_handler(e: ft.ControlEvent) -> None:
        time.sleep(0.01)  # a blocking call: fine in a sync handler, which runs on a worker thread
        threads.append(threading.current_thread().name)
        log.controls.append(ft.Text("sync done"))
        page.update()

    async def async_handler(e: ft.ControlEvent) -> None:
        await asyncio.sleep(0.01)
        threads.append(threading.current_thread().name)
        log.controls.append(ft.Text("async done"))
        page.update()

    page.session.set("threads", threads)
    page.add(ft.ElevatedButton("Sync", on_click=sync_handler), ft.ElevatedButton("Async", on_click=async_handler), log)


def preferences(page: ft.Page) -> None:
    theme = page.client_storage.get("theme") or "light"
    label = ft.Text(f"Theme: {theme}")

    def toggle(e: ft.ControlEvent) -> None:
        new = "dark" if label.value == "Theme: light" else "light"
        page.client_storage.set("theme", new)
        label.value = f"Theme: {new}"
        page.update()

    page.add(label, ft.ElevatedButton("Toggle theme", on_click=toggle))


# -- the acceptance scenarios -----------------------------------------------------------------------


@pytest.mark.asyncio
async def test_counter_click_shows_one() -> None:
    async with flet.testing.open(counter) as app:
        assert app.title == "Counter"
        assert app.find(key="count").value == "0"
        await app.click(type=ft.IconButton, where=lambda e: e.get("icon") == "add")
        assert app.find(key="count").value == "1"
        await app.click(app.find_all(type=ft.IconButton)[0])
        await app.click(app.find_all(type=ft.IconButton)[0])
        assert app.find(type=ft.TextField).value == "-1"


@pytest.mark.asyncio
async def test_form_shows_validation_errors_then_accepts(flet_app: AppFactory) -> None:
    app = await flet_app(signup)
    await app.type("Email", "not an email")
    await app.click("Sign up")
    assert app.find(key="email")["errortext"] == "Enter an email address"
    assert app.sees("At least 8 characters")
    app.should_not_see("Welcome!")

    await app.type("Email", "ada@example.com")
    await app.type(app.find(key="password"), "correct horse")
    await app.click("Sign up")
    assert app.find(key="email").get("errortext") is None
    app.should_not_see(contains="characters")
    app.should_see("Welcome!")


@pytest.mark.asyncio
async def test_routed_app_navigates_forward_and_back(flet_app: AppFactory) -> None:
    app = await flet_app(store)
    assert app.sees("Home") and not app.sees("Store")
    await app.click("Visit store")
    assert app.route == "/store"
    assert app.sees("Apples: 3")
    assert not app.sees("Visit store")  # under the store view now
    assert app.find("Visit store", hidden=True).hidden_reason() == 'inside view route="/": under another view'

    await app.back()
    assert app.route == "/"
    assert app.sees("Visit store") and not app.sees("Apples: 3")

    await app.go("/store")  # the address bar
    assert app.sees("Apples: 3")


@pytest.mark.asyncio
async def test_pubsub_chat_between_two_tabs(flet_app: AppFactory) -> None:
    alice = await flet_app(chat)
    bob = await alice.app.open_tab()
    await alice.type("Name", "Alice")
    await bob.type("Name", "Bob")

    await alice.type("Message", "Hi Bob")
    await alice.click("Send")
    assert bob.sees("Alice: Hi Bob") and alice.sees("Alice: Hi Bob")
    assert alice.find(type=ft.TextField, where=lambda e: e.get("label") == "Message").value is None

    await bob.type("Message", "Hello Alice")
    await bob.submit()
    assert [e.text for e in alice.find_all(re.compile(": "), type=ft.Text)] == ["Alice: Hi Bob", "Bob: Hello Alice"]


@pytest.mark.asyncio
async def test_dialog_opens_and_closes(flet_app: AppFactory) -> None:
    app = await flet_app(confirm_delete)
    assert not app.sees("Delete the file?")
    await app.click("Delete…")
    assert app.sees("Delete the file?")
    await app.click("Keep")
    assert not app.sees("Delete the file?") and app.sees("1 file")

    await app.click("Delete…")
    await app.click("Delete")
    assert app.sees("0 files") and not app.sees("Delete the file?")

    await app.click("Delete…")
    await app.dismiss()
    assert app.sees("dismissed") and not app.sees("Delete the file?")


@pytest.mark.asyncio
async def test_sync_and_async_handlers_of_one_app_are_both_waited_for(flet_app: AppFactory) -> None:
    app = await flet_app(two_handlers)
    await app.click("Sync")
    assert app.sees("sync done")  # no wait_for needed: the action waits for the handler
    await app.click("Async")
    assert app.sees("async done")
    threads = app.page.session.get("threads")
    assert threads[0] != threading.main_thread().name  # a worker thread
    assert threads[1] == threading.current_thread().name  # the test's loop


@pytest.mark.asyncio
async def test_client_storage_with_a_scripted_answer(flet_app: AppFactory) -> None:
    app = await flet_app(preferences, answers={"clientStorage:get": '"\\"dark\\""'})
    assert app.sees("Theme: dark")
    assert [call.arguments for call in app.calls_to("clientStorage:get")] == [{"key": "theme"}]

    await app.click("Toggle theme")
    assert app.sees("Theme: light")
    assert app.browser.client_storage == {"theme": "light"}  # set() reached the browser's storage


@pytest.mark.asyncio
async def test_client_storage_is_kept_by_the_browser(flet_app: AppFactory) -> None:
    storage: dict[str, Any] = {}
    first = await flet_app(preferences, client_storage=storage)
    assert first.sees("Theme: light")
    await first.click("Toggle theme")
    second = await first.app.open_tab(client_storage=storage)  # another tab of the same browser
    assert second.sees("Theme: dark")


@pytest.mark.asyncio
async def test_reconnect_restores_the_state(flet_app: AppFactory) -> None:
    runs: list[str] = []

    def app_main(page: ft.Page) -> None:
        runs.append(page.session_id)
        counter(page)

    app = await flet_app(app_main)
    await app.type(app.find(key="count"), "41")
    await app.click(app.find_all(type=ft.IconButton)[1])
    session = app.session_id
    await app.disconnect()
    assert not app.connected

    await app.reconnect()
    assert app.session_id == session
    assert app.find(key="count").value == "42"
    assert runs == [session]  # main did not run again
    await app.click(app.find_all(type=ft.IconButton)[1])
    assert app.find(key="count").value == "43"


@pytest.mark.asyncio
async def test_an_expired_session_starts_over_on_reconnect(flet_app: AppFactory) -> None:
    events: list[str] = []

    def app_main(page: ft.Page) -> None:
        page.on_disconnect = lambda e: events.append("disconnect")
        page.on_close = lambda e: events.append("close")
        counter(page)

    app = await flet_app(app_main, session_timeout=0)
    await app.click(app.find_all(type=ft.IconButton)[1])
    first = app.session_id
    await app.disconnect()
    await app.wait_for(lambda: app.app.host.session_count() == 0, what="the session to expire")
    assert events == ["disconnect", "close"]

    await app.reconnect()
    assert app.session_id != first
    assert app.find(key="count").value == "0"  # main ran again for the new session
