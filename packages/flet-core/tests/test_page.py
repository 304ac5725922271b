"""Page behaviour seen through an in-memory connection: events in, frames out."""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import pytest

from flet_core._fields import control, event, prop, slot
from flet_core._update_state import record
from flet_core.connection import InMemoryConnection
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control, Ref
from flet_core.control_event import ControlEvent
from flet_core.errors import NotOnPageError
from flet_core.inputs import Slider
from flet_core.page import Page
from flet_core.page_events import AppLifecycleState, KeyboardEvent, RouteChangeEvent, ViewPopEvent
from flet_core.protocol import update_props
from flet_core.view import View


@control("textfield", positional=("value",))
class Field(ConstrainedControl):
    value: str | None = prop(default=None, kw_only=False)
    label: str | None = None
    on_change: Any = event()


@control("elevatedbutton", positional=("text",))
class Button(ConstrainedControl):
    text: str | None = prop(default=None, kw_only=False)
    on_click: Any = event(flag=False)


@control("alertdialog")
class Dialog(Control):
    open: bool = prop(default=False)
    modal: bool = prop(default=False, eager=True)
    title: Control | None = slot(n="title")
    on_dismiss: Any = event(flag=False)


def new_page(route: str = "/") -> tuple[Page, InMemoryConnection]:
    conn = InMemoryConnection()
    page = Page(conn, session_id="s")
    page.apply_client_details({"route": route, "width": "800", "height": "457", "platform": "android"})
    conn.register(page)
    return page, conn


def test_client_values_update_the_model_without_echo() -> None:
    page, conn = new_page()
    field = Field("0")
    page.add(field)
    sent = len(conn.frames)
    page.apply_client_props([{"i": field.uid or "", "value": "5-1"}])
    assert field.value == "5-1"
    page.update()
    assert len(conn.frames) == sent  # nothing echoed back
    assert page.snapshot[field.uid or ""]["value"] == "5-1"  # a reconnect shows what was typed


def test_client_reported_page_size_is_numeric() -> None:
    page, _ = new_page()
    page.apply_client_props([{"i": "page", "width": "1024", "height": "700"}])
    assert (page.width, page.height) == (1024.0, 700.0)


def test_control_event_reaches_its_handler() -> None:
    page, _ = new_page()
    seen: list[ControlEvent] = []
    button = Button("go", on_click=seen.append)
    page.add(button)
    page.dispatch_event(button.uid or "", "click", "")
    assert len(seen) == 1
    assert seen[0].control is button and seen[0].page is page and seen[0].name == "click"


def test_event_flag_is_sent_only_for_flagged_events() -> None:
    page, conn = new_page()
    field = Field(on_change=lambda e: None)
    button = Button("b", on_click=lambda e: None)
    page.add(field, button)
    assert conn.client[field.uid or ""]["onchange"] == "true"
    assert "onclick" not in conn.client[button.uid or ""]
    field.on_change = None
    page.update()
    assert "onchange" not in conn.client[field.uid or ""]


def test_route_change_sets_route_and_ignores_the_echo() -> None:
    page, _ = new_page()
    routes: list[str] = []
    page.on_route_change = lambda e: routes.append(e.route)
    page.go("/store")
    page.dispatch_event("page", "route_change", "/store")  # the client's echo
    page.dispatch_event("page", "route_change", "/")  # browser back
    assert routes == ["/store", "/"]
    assert page.route == "/"


def test_every_page_event_subscriber_runs() -> None:
    page, _ = new_page()
    calls: list[str] = []
    page.on_route_change = lambda e: calls.append("a")
    page.on_route_change = lambda e: calls.append("b")
    page.dispatch_event("page", "route_change", "/x")
    assert calls == ["a", "b"]


def test_view_pop_finds_the_view_by_route() -> None:
    page, _ = new_page()
    popped: list[ViewPopEvent] = []
    page.on_view_pop = popped.append
    store = View("/store")
    page.views.append(store)
    page.update()
    page.dispatch_event("page", "view_pop", "/store")
    assert popped[0].view is store


def test_keyboard_and_lifecycle_events_are_parsed() -> None:
    page, conn = new_page()
    keys: list[KeyboardEvent] = []
    states: list[Any] = []
    page.on_keyboard_event = keys.append
    page.on_app_lifecycle_state_change = lambda e: states.append(e.state)
    page.update()
    assert conn.client["page"]["onkeyboardevent"] == "true"
    page.dispatch_event("page", "keyboard_event", '{"key":"A","shift":true,"ctrl":false,"alt":false,"meta":false}')
    page.dispatch_event("page", "app_lifecycle_state_change", "restart")
    assert (keys[0].key, keys[0].shift, keys[0].ctrl) == ("A", True, False)
    assert states == [AppLifecycleState.RESTART]


def test_dialog_shown_and_dismissed() -> None:
    page, conn = new_page()
    dialog = Dialog(title=Field("Hello"))
    page.show_dialog(dialog)
    wire = conn.client[dialog.uid or ""]
    assert (wire["open"], wire["modal"], wire["p"]) == ("true", "false", conn.client["page"]["c"][-1])
    page.apply_client_props([{"i": dialog.uid or "", "open": "false"}])
    assert dialog.open is False


def test_update_before_add_names_the_fix() -> None:
    with pytest.raises(NotOnPageError, match=r"Field must be added to the page first"):
        Field("x").update()


def test_ref_and_positional_parameters() -> None:
    ref: Ref[Field] = Ref()
    field = Field("v", ref=ref, label="L")
    assert ref.current is field and field.value == "v" and field.label == "L"
    with pytest.raises(TypeError, match="positional"):
        Field("a", "b")
    with pytest.raises(TypeError, match="unexpected keyword argument 'nope'"):
        Field(nope=1)


def test_deprecated_async_twins_warn_at_the_caller() -> None:
    page, _ = new_page()

    async def handler() -> None:
        await page.add_async(Field("x"))

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        asyncio.run(handler())
    assert len(caught) == 1
    assert issubclass(caught[0].category, DeprecationWarning)
    assert "add_async() is deprecated since version 0.21.0" in str(caught[0].message)
    assert caught[0].filename == __file__


def test_route_event_object() -> None:
    page, _ = new_page()
    events: list[RouteChangeEvent] = []
    page.on_route_change = events.append
    page.dispatch_event("page", "route_change", "/a?x=1")
    assert events[0].route == "/a?x=1" and events[0].page is page
    assert page.query.get("x") == "1" and page.query.path == "/a"


def test_close_unmounts_everything_and_fires_on_close() -> None:
    page, _ = new_page()
    unmounted: list[str] = []

    class Tracked(Field):
        def will_unmount(self) -> None:
            unmounted.append(self.value or "")

    closed: list[str] = []
    page.on_close = lambda e: closed.append(e.name)
    page.add(Tracked("a"), Tracked("b"))
    page.close()
    assert sorted(unmounted) == ["a", "b"] and closed == ["close"]


# -- per-session memory: what is shared or made on first use ------------------------------------


@control("chip")
class Chip(Control):
    on_select: Any = event()
    on_focus: Any = event()


def test_a_controls_handler_table_is_made_by_its_first_handler() -> None:
    page, conn = new_page()
    chip = Chip()
    page.add(chip)
    assert chip.event_handlers == {} and chip.on_select is None
    assert page.resolve_event(chip.uid or "", "select", "") == []
    chip.on_select = None  # unsetting what was never set changes nothing
    page.update()
    assert "onselect" not in conn.client[chip.uid or ""]
    seen: list[str] = []
    chip.on_select = lambda e: seen.append(e.name)
    page.update()
    assert conn.client[chip.uid or ""]["onselect"] == "true"
    page.dispatch_event(chip.uid or "", "select", "")
    assert seen == ["select"] and list(chip.event_handlers) == ["select"]


def test_values_the_client_wrote_stay_per_control_though_their_names_are_shared() -> None:
    """Setting a number after the client wrote one is a change (0.21), on each control and page on its own."""
    pages = [new_page() for _ in range(2)]
    sliders = []
    for page, _ in pages:
        slider = Slider(min=0, max=30, value=10)
        page.add(slider)
        page.apply_client_props([{"i": slider.uid or "", "value": "15.0"}])
        sliders.append(slider)
    assert record(sliders[0]).from_client is record(sliders[1]).from_client  # one set of names for both
    assert record(pages[0][0]).from_client is record(pages[1][0]).from_client  # the registrations' too
    for (page, conn), slider in zip(pages, sliders, strict=True):
        sent = len(conn.messages)
        slider.value = 15  # the client wrote "15.0": a change, on both pages
        page.update()
        assert conn.messages[sent:] == [
            {"action": "pageControlsBatch", "payload": [update_props([{"i": slider.uid, "value": "15"}])]}
        ]
        slider.value = 15.0  # now our own value: equal, no change
        page.update()
        assert len(conn.messages) == sent + 1


def test_pages_registered_with_the_same_texts_share_them() -> None:
    agent = "".join(["Mozilla/5.0 ", "(X11; Linux x86_64)"])  # made at run time: equal, not the same object
    details = [
        {"route": "/", "platform": "".join(["lin", "ux"]), "media": "".join(["{", "}"]), "clientuseragent": agent}
        for agent in (agent, "".join(["Mozilla/5.0 ", "(X11; Linux x86_64)"]))
    ]
    assert details[0]["clientuseragent"] is not details[1]["clientuseragent"]
    pages = []
    for attrs in details:
        page = Page(InMemoryConnection(), session_id="s")
        page.apply_client_details(attrs)
        pages.append(page)
    first, second = pages
    assert first.client_user_agent == "Mozilla/5.0 (X11; Linux x86_64)"
    assert first.client_user_agent is second.client_user_agent
    assert first.media_text is second.media_text and first.platform is second.platform
    assert first.client_control("page") == second.client_control("page")
