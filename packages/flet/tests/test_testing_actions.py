"""flet.testing actions: each sends what the 0.21.2 client sends, and the app sees it."""

from __future__ import annotations

import json
from typing import Any

import pytest

import flet as ft
from flet.testing import (
    NO_ANSWER,
    AppFactory,
    ClientCall,
    ControlNotInteractableError,
    PickedFile,
)


class Seen:
    """What the app's handlers saw, filled from any thread."""

    def __init__(self) -> None:
        self.items: list[Any] = []

    def __call__(self, *item: Any) -> None:
        self.items.append(item[0] if len(item) == 1 else item)


@pytest.mark.asyncio
async def test_inputs_report_values_as_their_widgets_do(flet_app: AppFactory) -> None:
    seen = Seen()

    def main(page: ft.Page) -> None:
        page.add(
            ft.Checkbox(label="Agree", on_change=lambda e: seen("checkbox", e.data, e.control.value)),
            ft.Switch(label="Wifi", value=True, on_change=lambda e: seen("switch", e.data, e.control.value)),
            ft.Slider(min=0, max=10, key="volume", on_change=lambda e: seen("slider", e.data, e.control.value)),
            ft.Dropdown(
                label="Fruit",
                options=[ft.dropdown.Option("a", text="Apple"), ft.dropdown.Option("p", text="Pear")],
                on_change=lambda e: seen("dropdown", e.data, e.control.value),
            ),
            ft.RadioGroup(
                ft.Row([ft.Radio(value="s", label="Small"), ft.Radio(value="l", label="Large")]),
                on_change=lambda e: seen("radio", e.data, e.control.value),
            ),
            ft.TextField(label="Quiet"),  # no on_change: the value still reaches the server
        )

    app = await flet_app(main)
    await app.click("Agree")
    await app.click("Wifi")
    await app.set_value(app.find(key="volume"), 7.5)
    await app.set_value("Fruit", "Pear")  # by the option's text
    await app.set_value("Fruit", "a")  # by its key
    await app.click("Large")
    await app.type("Quiet", "shh")
    assert seen.items == [
        ("checkbox", "true", True),
        ("switch", "false", False),
        ("slider", "", 7.5),
        ("dropdown", "p", "p"),
        ("dropdown", "a", "a"),
        ("radio", "l", "l"),
    ]
    assert app.page.controls[-1].value == "shh"
    with pytest.raises(ControlNotInteractableError, match="no option with key or text 'Plum'"):
        await app.set_value("Fruit", "Plum")
    with pytest.raises(ControlNotInteractableError, match="pick its value with set_value"):
        await app.click("Fruit")


@pytest.mark.asyncio
async def test_typing_focuses_changes_and_submits_like_the_client(flet_app: AppFactory) -> None:
    seen = Seen()

    def main(page: ft.Page) -> None:
        def field(label: str) -> ft.TextField:
            return ft.TextField(
                label=label,
                on_focus=lambda e: seen("focus", label),
                on_blur=lambda e: seen("blur", label),
                on_change=lambda e: seen("change", label, e.data),
                on_submit=lambda e: seen("submit", label, e.control.value),
            )

        page.add(field("First"), field("Second"))

    app = await flet_app(main)
    await app.type("First", "a")
    await app.type("First", "ab")
    await app.type("Second", "x")
    await app.submit()
    assert seen.items == [
        ("focus", "First"),
        ("change", "First", "a"),
        ("change", "First", "ab"),
        ("blur", "First"),
        ("focus", "Second"),
        ("change", "Second", "x"),
        ("submit", "Second", "x"),
        ("blur", "Second"),
    ]
    with pytest.raises(ControlNotInteractableError, match="no text field has the focus"):
        await app.submit()


@pytest.mark.asyncio
async def test_disabled_and_unclickable_controls_refuse(flet_app: AppFactory) -> None:
    clicks = Seen()

    def main(page: ft.Page) -> None:
        page.add(
            ft.Column([ft.ElevatedButton("Pay", on_click=clicks)], disabled=True),
            ft.Text("Just text"),
            ft.Container(ft.Text("Card"), on_click=clicks, on_long_press=lambda e: clicks("long")),
        )

    app = await flet_app(main)
    with pytest.raises(ControlNotInteractableError, match=r'cannot act on elevatedbutton "Pay": it is disabled'):
        await app.click("Pay")
    with pytest.raises(ControlNotInteractableError, match="handles clicks") as caught:
        await app.click("Just text")
    assert 'text "Just text"' in str(caught.value).split("What is on screen")[1]
    await app.click("Card")  # the text inside a clickable container
    await app.long_press("Card")
    assert json.loads(clicks.items[0].data) == {"lx": 0, "ly": 0, "gx": 0, "gy": 0}
    assert clicks.items[1] == "long"


@pytest.mark.asyncio
async def test_page_events_resize_lifecycle_keys_brightness(flet_app: AppFactory) -> None:
    seen = Seen()

    def main(page: ft.Page) -> None:
        page.on_resize = lambda e: seen("resize", e.data, page.width, page.height)
        page.on_app_lifecycle_state_change = lambda e: seen("lifecycle", e.state)
        page.on_platform_brightness_change = lambda e: seen("brightness", e.data, page.platform_brightness)
        page.add(ft.Text(f"{page.width:g}x{page.height:g}"))

    app = await flet_app(main, width=1024, height=700)
    assert app.sees("1024x700")
    await app.press("A")  # no on_keyboard_event: the client sends nothing
    await app.resize(640, 480.5)
    await app.lifecycle(ft.AppLifecycleState.RESUME)
    await app.lifecycle("hide")
    await app.set_platform_brightness("dark")
    app.page.on_keyboard_event = lambda e: seen("key", e.key, e.ctrl)
    app.page.update()
    await app.press("Enter", ctrl=True)
    assert seen.items == [
        ("resize", "640,480.5", 640, 480.5),
        ("lifecycle", ft.AppLifecycleState.RESUME),
        ("lifecycle", ft.AppLifecycleState.HIDE),
        ("brightness", "dark", ft.Brightness.DARK),  # an enum, as 0.21 returned
        ("key", "Enter", True),
    ]


@pytest.mark.asyncio
async def test_client_calls_are_logged_and_answered_like_a_browser(flet_app: AppFactory) -> None:
    def main(page: ft.Page) -> None:
        def share(e: ft.ControlEvent) -> None:
            page.set_clipboard("copied text")
            page.launch_url("https://example.com", web_window_name="_blank")
            pasted = page.get_clipboard()
            can = page.can_launch_url("mailto:me@example.com")
            page.add(ft.Text(f"pasted {pasted}, can launch: {can}"))

        page.add(ft.ElevatedButton("Share", on_click=share))

    app = await flet_app(main, clipboard="old")
    await app.click("Share")
    assert app.sees("pasted copied text, can launch: True")
    assert app.browser.clipboard == "copied text"
    assert app.calls_to("launchUrl") == [
        ClientCall(
            "launchUrl", {"url": "https://example.com", "web_window_name": "_blank", "web_popup_window": "False"}
        )
    ]
    assert [call.method for call in app.calls] == ["setClipboard", "launchUrl", "getClipboard", "canLaunchUrl"]


@pytest.mark.asyncio
async def test_scripted_answers_replace_the_browser(flet_app: AppFactory) -> None:
    async def main(page: ft.Page) -> None:
        async def paste(e: ft.ControlEvent) -> None:
            try:
                text = await page.get_clipboard_async()
            except Exception as error:
                text = f"failed: {error}"
            page.add(ft.Text(str(text)))

        page.add(ft.ElevatedButton("Paste", on_click=paste))

    answers: list[Any] = ["scripted", RuntimeError("paste_fail")]
    app = await flet_app(main, answers={"getClipboard": lambda call: answers.pop(0)})
    await app.click("Paste")
    await app.click("Paste")
    assert app.sees("scripted")
    assert app.sees(contains="paste_fail")

    quiet = await app.app.open_tab(answers={"canLaunchUrl": NO_ANSWER})
    assert quiet.calls == []


@pytest.mark.asyncio
async def test_file_dialogs_and_uploads(flet_app: AppFactory) -> None:
    seen = Seen()

    def main(page: ft.Page) -> None:
        def picked(e: ft.FilePickerResultEvent) -> None:
            seen("result", [(f.name, f.size) for f in e.files or []], e.path)
            if e.files:
                picker.upload([ft.FilePickerUploadFile(f.name, page.get_upload_url(f.name, 60)) for f in e.files])

        picker = ft.FilePicker(on_result=picked, on_upload=lambda e: seen("upload", e.file_name, e.progress))
        page.overlay.append(picker)
        page.add(
            ft.ElevatedButton("Open", on_click=lambda e: picker.pick_files(allow_multiple=True)),
            ft.ElevatedButton("Save as", on_click=lambda e: picker.save_file()),
        )

    app = await flet_app(main)
    with pytest.raises(ControlNotInteractableError, match="no file dialog is open"):
        await app.pick_files("a.txt")
    await app.click("Open")
    await app.pick_files("a.txt", PickedFile("b.png", size=2048))
    assert seen.items == [
        ("result", [("a.txt", 0), ("b.png", 2048)], None),
        ("upload", "a.txt", 0.0),
        ("upload", "a.txt", 1.0),
        ("upload", "b.png", 0.0),
        ("upload", "b.png", 1.0),
    ]
    assert [(u.file_name, u.method) for u in app.uploads] == [("a.txt", "PUT"), ("b.png", "PUT")]
    assert app.uploads[0].url.startswith("/upload?f=a.txt&e=")

    seen.items.clear()
    await app.click("Open")
    await app.cancel_file_dialog()
    await app.click("Save as")
    await app.choose_path("/tmp/out.txt")
    assert seen.items == [("result", [], None), ("result", [], "/tmp/out.txt")]


@pytest.mark.asyncio
async def test_the_browser_echoes_server_navigation_and_follows_focus(flet_app: AppFactory) -> None:
    routes = Seen()

    def main(page: ft.Page) -> None:
        field = ft.TextField(label="Name", on_focus=lambda e: routes("focus"))
        page.on_route_change = lambda e: routes(e.route)
        page.add(field, ft.ElevatedButton("Go", on_click=lambda e: (page.go("/next"), field.focus())))

    app = await flet_app(main)
    await app.click("Go")
    assert app.route == "/next"
    # page.go ran the handler once; the client's echo of the route is absorbed by the server
    assert routes.items == ["/next", "focus"]
    sent = [json.loads(frame)["action"] for frame in app.frames]
    assert sent[0] == "registerWebClient"


@pytest.mark.asyncio
async def test_send_event_reaches_any_handler(flet_app: AppFactory) -> None:
    hovers = Seen()

    def main(page: ft.Page) -> None:
        page.add(ft.Container(ft.Text("Hover me"), on_hover=lambda e: hovers(e.data)))

    app = await flet_app(main)
    await app.send_event(app.find("Hover me").parent, "hover", "true")
    assert hovers.items == ["true"]
