"""Golden wire tests: our frames equal the frames captured from upstream 0.21.2 (protocol.md §11).

Each test runs an app against the in-memory connection and compares the frames, JSON-equal
after parsing (key order inside an object has no meaning; message order does).
"""

from __future__ import annotations

import json
from typing import Any

import flet_core as ft
from flet_core.connection import InMemoryConnection
from flet_core.page import Page

CLIENT_DETAILS = {
    "route": "/",
    "pwa": "false",
    "web": "true",
    "debug": "false",
    "platform": "android",
    "platformbrightness": "light",
    "media": '{"padding":{"top":0,"right":0,"bottom":0,"left":0},'
    '"view_padding":{"top":0,"right":0,"bottom":0,"left":0},'
    '"view_insets":{"top":0,"right":0,"bottom":0,"left":0}}',
    "width": "800",
    "height": "457",
    "windowwidth": "",
    "windowheight": "",
    "windowtop": "",
    "windowleft": "",
    "clientip": "127.0.0.1",
    "clientuseragent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/156.0.0.0 Safari/537.36",
}

FIRST_RENDER = {
    "action": "pageControlsBatch",
    "payload": [
        {"action": "updateControlProps", "payload": {"props": [{"i": "page", "title": "Flet counter example"}]}},
        {
            "action": "addPageControls",
            "payload": {
                "controls": [
                    {"t": "view", "i": "_1", "p": "page", "c": ["_2"], "at": "0", "verticalalignment": "center"},
                    {"t": "row", "i": "_2", "p": "_1", "c": ["_3", "_4", "_5"], "alignment": "center"},
                    {"t": "iconbutton", "i": "_3", "p": "_2", "c": [], "icon": "remove"},
                    {
                        "t": "textfield",
                        "i": "_4",
                        "p": "_2",
                        "c": [],
                        "textalign": "right",
                        "value": "0",
                        "width": "100",
                    },
                    {"t": "iconbutton", "i": "_5", "p": "_2", "c": [], "icon": "add"},
                ],
                "trimIDs": [],
            },
        },
        {
            "action": "addPageControls",
            "payload": {"controls": [{"t": "offstage", "i": "_6", "p": "page", "c": [], "at": "1"}], "trimIDs": []},
        },
    ],
}


def session() -> tuple[Page, InMemoryConnection]:
    conn = InMemoryConnection()
    page = Page(conn, session_id="A9sO3Ify6L63kDBq")
    page.apply_client_details(CLIENT_DETAILS)
    return page, conn


def counter(page: Page) -> None:
    page.title = "Flet counter example"
    page.vertical_alignment = ft.MainAxisAlignment.CENTER
    number = ft.TextField(value="0", text_align=ft.TextAlign.RIGHT, width=100)

    def step(delta: int) -> Any:
        def handler(e: ft.ControlEvent) -> None:
            number.value = str(int(number.value or "0") + delta)
            page.update()

        return handler

    page.add(
        ft.Row(
            [ft.IconButton(ft.icons.REMOVE, on_click=step(-1)), number, ft.IconButton(ft.icons.ADD, on_click=step(+1))],
            alignment=ft.MainAxisAlignment.CENTER,
        )
    )


def test_transcript_a_registration_first_render_and_click() -> None:
    page, conn = session()
    conn.register(page)
    registration = conn.messages[0]["payload"]
    assert registration["session"]["controls"] == {
        "page": {"i": "page", "t": "page", "p": "", "c": [], **CLIENT_DETAILS}
    }
    assert registration["error"] == "" and registration["appInactive"] is False
    counter(page)
    assert conn.messages[1] == FIRST_RENDER
    page.dispatch_event("_5", "click", "")
    assert conn.messages[2] == {
        "action": "pageControlsBatch",
        "payload": [{"action": "updateControlProps", "payload": {"props": [{"i": "_4", "value": "1"}]}}],
    }


def test_transcript_b_reconnect_snapshot_has_the_current_tree() -> None:
    page, _ = session()
    counter(page)
    page.dispatch_event("_5", "click", "")
    snapshot = page.snapshot
    assert snapshot["page"]["c"] == ["_1", "_6"] and snapshot["page"]["title"] == "Flet counter example"
    assert snapshot["_4"] == {
        "t": "textfield",
        "i": "_4",
        "p": "_2",
        "c": [],
        "textalign": "right",
        "value": "1",
        "width": "100",
    }
    assert snapshot["_1"] == {"t": "view", "i": "_1", "p": "page", "c": ["_2"], "verticalalignment": "center"}
    assert set(snapshot) == {"page", "_1", "_2", "_3", "_4", "_5", "_6"}


def test_dialog_opened_in_the_overlay_after_a_file_picker() -> None:
    page, conn = session()
    page.overlay.append(ft.FilePicker())
    page.update()
    dialog = ft.AlertDialog(title=ft.Text("Hello"), content=ft.Text("dialog body"))
    page.dialog = dialog
    dialog.open = True
    page.update()
    offstage = conn.client["page"]["c"][-1]
    add = conn.messages[-1]["payload"][0]
    assert add["action"] == "addPageControls"
    controls = add["payload"]["controls"]
    assert controls[0]["t"] == "alertdialog" and controls[0]["p"] == offstage and controls[0]["at"] == "1"
    assert (controls[0]["modal"], controls[0]["open"]) == ("false", "true")
    assert [(c["t"], c.get("n"), c.get("value")) for c in controls[1:]] == [
        ("text", "title", "Hello"),
        ("text", "content", "dialog body"),
    ]


def test_insert_remove_and_clean() -> None:
    page, conn = session()
    box = ft.Column([ft.Text("one"), ft.Text("two")])
    page.add(box)
    box.controls.insert(0, ft.Text("zero"))
    page.update()
    added = json.loads(conn.frames[-1])["payload"][0]["payload"]["controls"][0]
    assert (added["t"], added["p"], added["at"], added["value"]) == ("text", box.uid, "0", "zero")
    two = box.controls[2]
    box.controls.pop(2)
    page.update()
    assert conn.messages[-1] == {
        "action": "pageControlsBatch",
        "payload": [{"action": "removeControl", "payload": {"ids": [two.uid]}}],
    }
    box.clean()
    assert conn.messages[-1] == {"action": "cleanControl", "payload": {"ids": [box.uid]}}


def test_views_rebuilt_for_a_route() -> None:
    page, conn = session()
    name = ft.TextField(label="Name", hint_text="type")
    column = ft.Column([ft.Text("one"), ft.Text("two")])
    scroller = ft.Column(height=150, scroll=ft.ScrollMode.AUTO)
    page.add(name, column, scroller)
    old_view = page.views[0].uid

    def route_change(e: ft.RouteChangeEvent) -> None:
        page.views.clear()
        page.views.append(ft.View("/", [ft.AppBar(title=ft.Text("Home")), name, column, scroller]))
        if page.route == "/store":
            page.views.append(
                ft.View(
                    "/store",
                    [ft.AppBar(title=ft.Text("Store"), bgcolor=ft.colors.SURFACE_VARIANT), ft.Text("Store page")],
                )
            )
        page.update()

    page.on_route_change = route_change
    page.dispatch_event("page", "route_change", "/store")
    batch = conn.messages[-1]["payload"]
    assert batch[0] == {"action": "removeControl", "payload": {"ids": [old_view]}}
    home, store = batch[1]["payload"]["controls"], batch[2]["payload"]["controls"]
    assert (home[0]["t"], home[0]["at"], home[0]["route"]) == ("view", "0", "/")
    assert [c["t"] for c in home] == ["view", "appbar", "text", "textfield", "column", "text", "text", "column"]
    assert home[3]["i"] == name.uid and home[3]["label"] == "Name" and home[3]["hinttext"] == "type"
    assert home[7] == {"t": "column", "i": scroller.uid, "p": home[0]["i"], "c": [], "height": "150", "scroll": "auto"}
    assert (store[0]["at"], store[0]["route"], store[1]["bgcolor"]) == ("1", "/store", "surfacevariant")
    assert store[2] == {"t": "text", "i": store[2]["i"], "p": store[1]["i"], "c": [], "n": "title", "value": "Store"}
