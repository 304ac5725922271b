"""Behaviours of 0.21.2 that real apps depend on, each observed on upstream 0.21.2 itself."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

import flet_core as ft
from flet_core.connection import InMemoryConnection
from flet_core.page import Page


def new_page() -> tuple[Page, InMemoryConnection]:
    conn = InMemoryConnection()
    page = Page(conn, session_id="s")
    conn.register(page)
    return page, conn


def wire(conn: InMemoryConnection, control: ft.Control) -> dict[str, Any]:
    """What the client holds for ``control``."""
    return dict(conn.client.controls[control.uid or ""])


def props_sent(conn: InMemoryConnection, since: int) -> list[dict[str, str]]:
    """Every updateControlProps item sent after message number ``since``."""
    out: list[dict[str, str]] = []
    for message in conn.messages[since:]:
        for item in message["payload"] if message["action"] == "pageControlsBatch" else [message]:
            if item["action"] == "updateControlProps":
                out.extend(item["payload"]["props"])
    return out


# -- 1. expand ------------------------------------------------------------------------------


@pytest.mark.parametrize("expand", [False, 0])
def test_a_falsy_expand_sends_nothing(expand: Any) -> None:
    page, conn = new_page()
    text, column = ft.Text("a", expand=expand), ft.Column(expand=expand)
    page.add(text, column)
    assert "expand" not in wire(conn, text) and "expand" not in wire(conn, column)


def test_expand_true_goes_out_as_1_and_false_afterwards_clears_it() -> None:
    page, conn = new_page()
    box = ft.Container(expand=True)
    page.add(box)
    assert wire(conn, box)["expand"] == "1"
    assert box.expand is True
    since = len(conn.messages)
    box.expand = False
    box.update()
    assert props_sent(conn, since) == [{"i": box.uid, "expand": ""}]
    assert box.expand is False


# -- 2 and 9. the 0.20 hook _before_build_command ------------------------------------------------


class HoverRod(ft.BarChartRod):
    """A 0.20-style rod: colour and border decided in _before_build_command from its own state."""

    def __init__(self, to_y: float) -> None:
        super().__init__(to_y=to_y)
        self.hovered = False
        self.calls = 0

    def _before_build_command(self) -> None:
        self.calls += 1
        self.color = "red" if self.hovered else "blue"
        self.border_side = ft.BorderSide(2, "black") if self.hovered else ft.BorderSide(1, "white")
        super()._before_build_command()


def test_an_overridden_before_build_command_runs_before_the_first_render_and_each_update() -> None:
    page, conn = new_page()
    rod = HoverRod(5)
    chart = ft.BarChart(bar_groups=[ft.BarChartGroup(x=0, bar_rods=[rod])])
    with pytest.warns(DeprecationWarning, match=r"_before_build_command\(\) is deprecated.*before_update"):
        page.add(chart)
    assert wire(conn, rod)["color"] == "blue"
    assert wire(conn, rod)["borderside"] == '{"w":1,"c":"white"}'
    rod.hovered = True
    since = len(conn.messages)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # warned once per class, not on every update
        chart.update()
    assert props_sent(conn, since) == [{"i": rod.uid, "borderside": '{"w":2,"c":"black"}', "color": "red"}]


def test_the_old_hook_runs_before_before_update() -> None:
    order: list[str] = []

    class Both(ft.Text):
        def _before_build_command(self) -> None:
            order.append("old")

        def before_update(self) -> None:
            order.append("new")

    page, _ = new_page()
    with pytest.warns(DeprecationWarning):
        page.add(Both("x"))
    assert order == ["old", "new"]


def test_underscore_build_is_not_a_hook_in_0_21() -> None:
    """0.21.2 never calls ``_build()`` (checked against upstream); only ``build()`` runs."""

    class Old(ft.Text):
        def _build(self) -> None:
            self.value = "from _build"

    page, conn = new_page()
    old = Old("plain")
    page.add(old)
    assert wire(conn, old)["value"] == "plain"


# -- 3. the window geometry on the web --------------------------------------------------------


def test_window_geometry_reads_0_when_the_client_reports_none() -> None:
    page, _ = new_page()
    page.apply_client_details({"windowwidth": "", "windowheight": "", "windowtop": "", "windowleft": ""})
    assert (page.window_width, page.window_height, page.window_top, page.window_left) == (0, 0, 0, 0)
    assert page.window_width < 600
    page.apply_client_details({"windowwidth": "1280.0", "windowheight": "720.0"})
    assert (page.window_width, page.window_height) == (1280.0, 720.0)


def test_a_slider_up_to_the_window_width_gets_a_max() -> None:
    page, conn = new_page()
    page.apply_client_details({"windowwidth": ""})
    slider = ft.Slider(max=page.window_width)
    page.add(slider)
    assert wire(conn, slider)["max"] == "0"


# -- 7. equal numbers are no change; opacity ---------------------------------------------------


def test_setting_an_equal_number_of_another_type_sends_nothing_and_keeps_the_old_value() -> None:
    page, conn = new_page()
    display = ft.Text(value=0.0)  # type: ignore[arg-type]  # 0.21 apps pass numbers to Text.value
    page.add(display)
    since = len(conn.messages)
    display.value = 0  # type: ignore[assignment]
    display.update()
    assert props_sent(conn, since) == []
    assert conn.client.controls[display.uid or ""]["value"] == "0.0"
    assert display.value == 0.0 and isinstance(display.value, float)
    display.value = 1  # type: ignore[assignment]
    display.update()
    assert props_sent(conn, since) == [{"i": display.uid, "value": "1"}]


def test_a_number_set_after_the_client_wrote_one_is_a_change() -> None:
    """0.21 kept the client's "15.0" as text, so setting 15 afterwards is a change (and reads back 15)."""
    page, conn = new_page()
    slider = ft.Slider(min=0, max=30, value=10)
    page.add(slider)
    page.apply_client_props([{"i": slider.uid or "", "value": "15.0"}])
    assert slider.value == 15.0
    since = len(conn.messages)
    slider.value = round(slider.value)
    slider.update()
    assert props_sent(conn, since) == [{"i": slider.uid, "value": "15"}]
    assert slider.value == 15 and isinstance(slider.value, int)
    slider.value = 15.0  # now our own value: equal, so no change
    slider.update()
    assert props_sent(conn, since) == [{"i": slider.uid, "value": "15"}]


def test_true_after_1_is_no_change_either() -> None:
    page, conn = new_page()
    column = ft.Column(spacing=1)
    page.add(column)
    since = len(conn.messages)
    column.spacing = True  # type: ignore[assignment]
    column.update()
    assert props_sent(conn, since) == []


@pytest.mark.parametrize(("given", "sent"), [(0, "0.0"), (1, "1"), (0.5, "0.5"), (-3, "0.0"), (2, "1.0"), (1.0, "1.0")])
def test_opacity_is_clamped_as_0_21_clamps_it(given: float, sent: str) -> None:
    page, conn = new_page()
    text = ft.Text("a", opacity=given)
    page.add(text)
    assert wire(conn, text)["opacity"] == sent


# -- 8. Checkbox.value ------------------------------------------------------------------------


def test_an_unset_checkbox_reads_false_and_a_tristate_one_none() -> None:
    assert ft.Checkbox(label="a").value is False
    assert ft.Checkbox(label="a", tristate=True).value is None
    assert ft.Checkbox(label="a", value=True).value is True
    page, conn = new_page()
    box, checked = ft.Checkbox(label="a"), ft.Checkbox(label="b", value=True)
    page.add(box, checked)
    assert "value" not in wire(conn, box)
    assert wire(conn, checked)["value"] == "true"
    page.apply_client_props([{"i": box.uid or "", "value": "true"}])
    assert box.value is True


# -- found by the frames comparison: client method calls ---------------------------------------


def calls(conn: InMemoryConnection) -> list[dict[str, Any]]:
    return [m["payload"] for m in conn.messages if m["action"] == "invokeMethod"]


def test_a_method_call_without_arguments_sends_an_empty_object() -> None:
    page, conn = new_page()
    haptics = ft.HapticFeedback()
    page.overlay.append(haptics)
    page.update()
    haptics.light_impact()
    page.window_to_front()
    assert [(c["methodName"], c["arguments"]) for c in calls(conn)] == [("light_impact", {}), ("windowToFront", {})]


def test_launch_url_says_whether_it_wants_a_popup_even_when_not() -> None:
    page, conn = new_page()
    page.launch_url("https://example.org/a")
    page.launch_url("https://example.org/b", web_popup_window=True, web_window_name="docs")
    assert [c["arguments"] for c in calls(conn)] == [
        {"url": "https://example.org/a", "web_popup_window": "False"},
        {"url": "https://example.org/b", "web_window_name": "docs", "web_popup_window": "True"},
    ]
