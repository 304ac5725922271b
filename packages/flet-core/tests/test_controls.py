"""Control behaviour beyond plain fields: methods, hooks, folded styles, conversions, UserControl.

Every test drives a page over the in-memory connection and looks at what the client received.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import sys
import warnings
from typing import Any

import pytest

import flet_core as ft
from flet_core.connection import InMemoryConnection
from flet_core.control import Control
from flet_core.diff import render_tree
from flet_core.page import Page


@pytest.fixture
def page_conn() -> tuple[Page, InMemoryConnection]:
    conn = InMemoryConnection()
    page = Page(conn, session_id="s")
    conn.register(page)
    return page, conn


def attrs(conn: InMemoryConnection, control: Control) -> dict[str, Any]:
    node = conn.client[str(control.uid)]
    return {k: v for k, v in node.items() if k not in {"t", "i", "p", "c", "n", "at"}}


def children(conn: InMemoryConnection, control: Control) -> list[dict[str, Any]]:
    return conn.client.children(str(control.uid))


# -- constructors -------------------------------------------------------------------------------


def test_positional_parameters_follow_upstream_order() -> None:
    assert ft.Text("hi").value == "hi"
    line = ft.canvas.Line(1, 2, 3, 4)
    assert (line.x1, line.y1, line.x2, line.y2) == (1, 2, 3, 4)
    option = ft.dropdown.Option("k", "Key")
    assert (option.key, option.text) == ("k", "Key")
    assert ft.Container(ft.Text("c")).content is not None
    assert ft.ElevatedButton("Go").text == "Go"


def test_canvas_text_is_not_the_text_control() -> None:
    assert ft.canvas.Text.__module__ != ft.Text.__module__
    assert render_tree(ft.canvas.Text())["?"]["t"] == render_tree(ft.Text())["?"]["t"] == "text"
    assert ft.canvas.Path.MoveTo(1, 2) is not None


def test_alias_parameters_set_the_real_field() -> None:
    bar = ft.BottomAppBar()
    assert ft.Pagelet(content=ft.Text("x"), bottom_app_bar=bar).bottom_appbar is bar
    assert ft.ExpansionPanelList(expand_icon_color="red").expanded_icon_color == "red"
    assert ft.Semantics(focus=True).focused is True
    assert ft.CupertinoDatePicker(minimum_year=1990).min_year == 1990


# -- client methods -----------------------------------------------------------------------------


def test_focus_writes_a_fresh_focus_attribute(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    field = ft.TextField()
    page.add(field)
    field.focus()
    first = json.loads(attrs(conn, field)["focus"])
    field.focus()
    assert json.loads(attrs(conn, field)["focus"]) >= first


def test_audio_methods_invoke_client_methods(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    audio = ft.Audio(src="a.mp3")
    page.overlay.append(audio)
    page.update()
    audio.play()
    audio.seek(1500)
    conn.answers["get_duration"] = "61000"
    assert audio.get_duration() == 61000
    assert [(c.name, c.arguments) for c in conn.calls] == [
        ("play", {}),
        ("seek", {"position": "1500"}),
        ("get_duration", {}),
    ]
    assert {c.control_id for c in conn.calls} == {audio.uid}


def test_video_playlist_follows_add_and_remove(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    video = ft.Video(playlist=[ft.VideoMedia("a.mp4")])
    page.add(video)
    video.playlist_add(ft.VideoMedia("b.mp4", http_headers={"k": "v"}))
    page.update()
    assert conn.calls[-1].arguments == {"resource": "b.mp4", "http_headers": '{"k":"v"}', "extras": "{}"}
    assert json.loads(attrs(conn, video)["playlist"]) == [
        {"resource": "a.mp4"},
        {"resource": "b.mp4", "http_headers": {"k": "v"}},
    ]
    video.playlist_remove(0)
    page.update()
    assert json.loads(attrs(conn, video)["playlist"]) == [{"resource": "b.mp4", "http_headers": {"k": "v"}}]


def test_file_picker_sends_its_state_and_an_empty_upload_list(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    picker = ft.FilePicker()
    page.overlay.append(picker)
    page.update()
    assert attrs(conn, picker) == {"upload": "[]"}
    picker.pick_files(allow_multiple=True, allowed_extensions=["txt"])
    assert attrs(conn, picker) == {
        "upload": "[]",
        "state": "pickFiles",
        "filetype": "any",
        "allowedextensions": '["txt"]',
        "allowmultiple": "true",
    }
    picker.upload([ft.FilePickerUploadFile("a.txt", upload_url="/u")])
    assert json.loads(attrs(conn, picker)["upload"]) == [{"name": "a.txt", "upload_url": "/u", "method": "PUT"}]


def test_search_bar_view_methods(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    bar = ft.SearchBar()
    page.add(bar)
    bar.close_view("done")
    sent = attrs(conn, bar)
    assert sent["value"] == "done"
    assert json.loads(sent["method"])["n"] == "closeView"
    assert json.loads(sent["method"])["p"] == {"text": "done"}


def test_semantics_service_sends_lowercase_rtl(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    service = ft.SemanticsService()
    page.overlay.append(service)
    page.update()
    service.announce_message("hello", rtl=True)
    assert conn.calls[-1].arguments == {"message": "hello", "rtl": "true", "assertiveness": "polite"}


def test_deprecated_async_twin_warns_and_calls_the_method(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    feedback = ft.HapticFeedback()
    page.overlay.append(feedback)
    page.update()
    with pytest.warns(DeprecationWarning, match="heavy_impact_async"):
        asyncio.run(feedback.heavy_impact_async())
    assert conn.calls[-1].name == "heavy_impact"


# -- hooks that fold values into other attributes --------------------------------------------------


def test_button_colours_fold_into_the_style(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    plain, filled = ft.ElevatedButton("a", color="red"), ft.FilledButton("b")
    page.add(plain, filled)
    assert json.loads(attrs(conn, plain)["style"]) == {"color": "red"}
    assert "color" not in attrs(conn, plain)
    assert json.loads(attrs(conn, filled)["style"]) == {"color": "onPrimary", "bgcolor": "primary", "elevation": 0}
    plain.color = "blue"
    plain.update()
    assert json.loads(attrs(conn, plain)["style"]) == {"color": "blue"}


def test_style_fields_are_sent_per_state(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    button = ft.TextButton("t", style=ft.ButtonStyle(padding=5, shape=ft.StadiumBorder()))
    page.add(button)
    assert json.loads(attrs(conn, button)["style"]) == {"padding": {"": 5}, "shape": {"": {"type": "stadium"}}}


def test_text_field_background_turns_filling_on(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    field = ft.TextField(bgcolor="yellow")
    page.add(field)
    assert attrs(conn, field)["filled"] == "true"


def test_defaults_upstream_sends(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    dialog, path = ft.AlertDialog(), ft.canvas.Path()
    page.add(dialog, ft.canvas.Canvas([path]))
    assert attrs(conn, dialog) == {"modal": "false", "open": "false"}
    assert attrs(conn, path) == {"elements": "[]"}
    assert ft.canvas.Path().elements is not path.elements  # each control has its own list


# -- dates and times ------------------------------------------------------------------------------


def test_dates_accept_text_and_read_back_the_client_value(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    picker = ft.DatePicker(first_date="2024-01-02")
    page.overlay.append(picker)
    page.update()
    assert picker.first_date == datetime.datetime(2024, 1, 2)
    assert attrs(conn, picker)["firstdate"] == "2024-01-02T00:00:00"
    page.apply_client_props([{"i": str(picker.uid), "value": "2024-03-04T00:00:00.000"}])
    assert picker.value == datetime.datetime(2024, 3, 4)


def test_times_are_sent_as_hours_and_minutes(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    picker = ft.TimePicker(value=datetime.time(9, 5, 30))
    page.overlay.append(picker)
    page.update()
    assert attrs(conn, picker)["value"] == "09:05"
    page.apply_client_props([{"i": str(picker.uid), "value": "10:45"}])
    assert picker.value == datetime.time(10, 45)


# -- names the 0.21.2 client reads (README: Compatibility) -----------------------------------------


def test_semantics_uses_the_names_the_client_reads(page_conn: tuple[Page, InMemoryConnection]) -> None:
    page, conn = page_conn
    taps: list[Any] = []
    semantics = ft.Semantics(hint_text="h", on_tap_hint_text="t", on_tap=taps.append)
    page.add(semantics)
    # `container` always goes out: the 0.21.2 client null-checks it (gallery test)
    assert attrs(conn, semantics) == {"hint": "h", "ontaphint": "t", "onclick": "true", "container": "false"}
    page.dispatch_event(str(semantics.uid), "click", "")
    assert len(taps) == 1


# -- charts from figures ----------------------------------------------------------------------------


class StubFigure:
    def savefig(self, buffer: Any, **kwargs: Any) -> None:
        buffer.write('<svg xmlns="http://www.w3.org/2000/svg" width="300pt" height="100pt"></svg>')


def test_matplotlib_chart_shows_the_figure_as_an_svg_image(
    page_conn: tuple[Page, InMemoryConnection], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", type(sys)("matplotlib"))
    page, conn = page_conn
    chart = ft.matplotlib_chart.MatplotlibChart(StubFigure())
    page.add(chart)
    (image,) = children(conn, chart)
    assert image["t"] == "image" and image["n"] == "content"
    assert image["aspectratio"] == "3.0" and image["src"].startswith("<svg")
    assert attrs(conn, chart)["alignment"] == '{"x":0,"y":0}'


@pytest.mark.parametrize(("module", "extra"), [("matplotlib_chart", "matplotlib"), ("plotly_chart", "plotly")])
def test_chart_without_its_library_names_the_extra(
    page_conn: tuple[Page, InMemoryConnection], monkeypatch: pytest.MonkeyPatch, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, extra, None)  # makes `import <extra>` fail
    page, _ = page_conn
    chart_module = getattr(ft, module)
    chart = getattr(chart_module, next(n for n in chart_module.__all__ if n.endswith("Chart")))(StubFigure())
    with pytest.raises(ImportError, match=rf'pip install "flet\[{extra}\]"'):
        page.add(chart)


# -- UserControl ---------------------------------------------------------------------------------


def test_user_control_warns_once_and_shows_what_build_returns(page_conn: tuple[Page, InMemoryConnection]) -> None:
    class Greeting(ft.UserControl):
        def build(self) -> Any:
            return ft.Text("hello")

    with pytest.warns(DeprecationWarning, match="Greeting: UserControl is deprecated"):
        first = Greeting()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        second = Greeting()
    page, conn = page_conn
    page.add(first, second)
    assert first.is_isolated()
    (text,) = children(conn, first)
    assert (text["t"], text["value"]) == ("text", "hello")
    assert conn.client[str(first.uid)]["t"] == "stack"
