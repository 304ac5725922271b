"""A gallery of every visual control, one family per route, for the real 0.21.2 client.

Run it by itself (``python tests-integration/gallery_app.py``; FLET_SERVER_PORT picks the
port) and open the routes listed on ``/``. tests-integration/test_gallery.py starts it the same
way and opens each route in Chromium. Every route's first control is the marker text
``gallery: <name>``; a client-side Flutter error (the ``error`` page event) is printed on the
server's stdout as ``GALLERY-CLIENT-ERROR <route>: <text>`` and shown on the page.

The pictures, sound and animation the media route shows are made here, at start-up, into a
temporary assets folder, so the gallery works without a network.

Defects of the 0.21.2 client (upstream's Python sends the same wire, so it hits them too) that
the gallery steps around, each noted where it matters: a ``Semantics`` without ``container``
fails its build (null check); a ``CupertinoActionSheetAction`` with ``text`` but no
``content`` shows an error box; a ``Container`` with ``ink``, a click handler, ``animate`` and
``border_radius`` fails (null check); a ``Video`` with an empty playlist throws in the page.
"""

from __future__ import annotations

import base64
import datetime
import json
import math
import os
import struct
import tempfile
import wave
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import flet as ft
import flet.canvas as cv
from flet_core.merge_semantics import MergeSemantics  # not in the ft namespace in 0.21 either

MARKER = "gallery: "
ERROR_LINE = "GALLERY-CLIENT-ERROR"

# Controls of controls.json that no route shows, and why (checked by test_gallery.py).
EXCLUDED: dict[str, str] = {
    "Page": "the page itself: every route is on it",
    "Offstage": "the page's internal holder of overlay, dialog, banner, snack bar and bottom sheet",
    "Item": "a Python-side helper of DataTable, never sent to the client",
    "MatplotlibChart": "needs matplotlib, which the integration environment does not install",
    "PlotlyChart": "needs plotly (and kaleido), which the integration environment does not install",
    "WebView": (
        "the 0.21.2 web client's WebView asks dart:io for the platform and its build throws "
        '"Unsupported operation: Platform._operatingSystem" (a Flutter error on every frame)'
    ),
}

# -- offline assets ----------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    """A small RGB gradient as a PNG file."""
    rows = b"".join(
        b"\x00" + b"".join(bytes((x * 255 // width, y * 255 // height, 160)) for x in range(width))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect x="4" y="4" width="88" height="88" rx="16" fill="#3949ab"/>
<circle cx="48" cy="48" r="24" fill="#ffca28" stroke="#ffffff" stroke-width="6"/>
</svg>
"""

# A one-layer Lottie animation: a rounded square turning once a second.
LOTTIE: dict[str, Any] = {
    "v": "5.7.4", "fr": 30, "ip": 0, "op": 30, "w": 120, "h": 120, "nm": "gallery", "ddd": 0, "assets": [],
    "layers": [{
        "ddd": 0, "ind": 1, "ty": 4, "nm": "square", "sr": 1, "ao": 0, "ip": 0, "op": 30, "st": 0, "bm": 0,
        "ks": {
            "o": {"a": 0, "k": 100},
            "r": {"a": 1, "k": [
                {"t": 0, "s": [0], "i": {"x": [0.5], "y": [0.5]}, "o": {"x": [0.5], "y": [0.5]}},
                {"t": 30, "s": [360]},
            ]},
            "p": {"a": 0, "k": [60, 60, 0]}, "a": {"a": 0, "k": [0, 0, 0]}, "s": {"a": 0, "k": [100, 100, 100]},
        },
        "shapes": [{"ty": "gr", "it": [
            {"ty": "rc", "d": 1, "s": {"a": 0, "k": [60, 60]}, "p": {"a": 0, "k": [0, 0]}, "r": {"a": 0, "k": 12}},
            {"ty": "fl", "c": {"a": 0, "k": [0.22, 0.29, 0.67, 1]}, "o": {"a": 0, "k": 100}, "r": 1},
            {"ty": "tr", "p": {"a": 0, "k": [0, 0]}, "a": {"a": 0, "k": [0, 0]}, "s": {"a": 0, "k": [100, 100]},
             "r": {"a": 0, "k": 0}, "o": {"a": 0, "k": 100}},
        ]}],
    }],
}  # fmt: skip


def write_assets(folder: Path) -> None:
    """The media route's files: a PNG, an SVG, a WAV and a Lottie animation."""
    (folder / "gallery.png").write_bytes(_png(64, 48))
    (folder / "gallery.svg").write_text(SVG)
    (folder / "lottie.json").write_text(json.dumps(LOTTIE))
    with wave.open(str(folder / "beep.wav"), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        samples = (int(12000 * math.sin(2 * math.pi * 440 * n / 8000)) for n in range(1600))
        sound.writeframes(b"".join(struct.pack("<h", s) for s in samples))


# -- routes ------------------------------------------------------------------------------------


@dataclass
class Route:
    """What one route shows: the view's controls and slots, page-level popups, the overlay."""

    controls: list[ft.Control]
    view: dict[str, Any] = field(default_factory=dict)  # appbar, navigation_bar, drawer, ...
    popups: dict[str, ft.Control] = field(default_factory=dict)  # page.dialog, banner, snack_bar, bottom_sheet
    overlay: list[ft.Control] = field(default_factory=list)
    after: Callable[[], None] | None = None  # run once everything is on the page

    def roots(self) -> list[ft.Control]:
        slots = [value for value in self.view.values() if isinstance(value, ft.Control)]
        return [*self.controls, *slots, *self.popups.values(), *self.overlay]


def section(title: str, *controls: ft.Control, wrap: bool = True) -> ft.Control:
    body: ft.Control = ft.Row(list(controls), wrap=True, spacing=12, run_spacing=12) if wrap else controls[0]
    return ft.Column(
        [ft.Text(title, style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600), body], spacing=6
    )


ROUNDED = ft.RoundedRectangleBorder(radius=12)
GRADIENT = ft.LinearGradient(
    begin=ft.alignment.top_left, end=ft.alignment.bottom_right, colors=[ft.colors.INDIGO_400, ft.colors.CYAN_300]
)


def layout(base_url: str) -> Route:
    class Counter(ft.UserControl):
        def build(self) -> ft.Control:
            return ft.Container(ft.Text("UserControl built me", italic=True), padding=8, bgcolor=ft.colors.AMBER_50)

    box = ft.Container(
        ft.Text("Container", color=ft.colors.WHITE, weight=ft.FontWeight.BOLD),
        width=180,
        height=90,
        padding=ft.padding.symmetric(horizontal=16, vertical=10),
        margin=ft.margin.only(right=8),
        alignment=ft.alignment.center,
        gradient=GRADIENT,
        border=ft.border.all(2, ft.colors.INDIGO_900),
        border_radius=ft.border_radius.only(top_left=24, bottom_right=24),
        shadow=ft.BoxShadow(spread_radius=1, blur_radius=12, color=ft.colors.BLACK26, offset=ft.Offset(2, 4)),
        animate=ft.animation.Animation(400, ft.AnimationCurve.EASE_IN_OUT),
        animate_opacity=300,
        rotate=ft.Rotate(0.05, alignment=ft.alignment.center),
        tooltip="A decorated container",
    )
    # ink + a click handler + border_radius, without `animate`: the 0.21.2 client builds an
    # AnimatedContainer that clips without a decoration when all four are set, and fails.
    inked = ft.Container(
        ft.Text("Ink container"),
        padding=12,
        ink=True,
        ink_color=ft.colors.INDIGO_100,
        border_radius=12,
        bgcolor=ft.colors.INDIGO_50,
        on_click=lambda e: None,
    )
    blurred = ft.Stack(
        [
            ft.Container(width=160, height=90, bgcolor=ft.colors.PINK_200, border_radius=8),
            ft.Container(
                ft.Text("Stack + blur"),
                left=20,
                top=20,
                width=120,
                height=50,
                blur=ft.Blur(6, 6),
                bgcolor=ft.colors.with_opacity(0.3, ft.colors.WHITE),
                alignment=ft.alignment.center,
            ),
        ],
        width=160,
        height=90,
    )
    grid = ft.GridView(
        [
            ft.Container(ft.Text(str(i)), bgcolor=ft.colors.TEAL_100, alignment=ft.alignment.center, border_radius=6)
            for i in range(8)
        ],
        runs_count=4,
        max_extent=40,
        spacing=4,
        run_spacing=4,
        width=180,
        height=90,
    )
    listing = ft.ListView([ft.Text(f"ListView row {i}") for i in range(10)], spacing=2, height=90, width=160, padding=4)
    responsive = ft.ResponsiveRow(
        [
            ft.Container(ft.Text("col 6"), col={"sm": 6}, bgcolor=ft.colors.LIME_100, padding=6),
            ft.Container(ft.Text("col 3"), col={"sm": 3}, bgcolor=ft.colors.LIME_200, padding=6),
            ft.Container(ft.Text("col 3"), col={"sm": 3}, bgcolor=ft.colors.LIME_300, padding=6),
        ],
        run_spacing=4,
        width=360,
    )
    pagelet = ft.Pagelet(
        appbar=ft.AppBar(title=ft.Text("Pagelet"), bgcolor=ft.colors.AMBER_100),
        content=ft.Container(ft.Text("Pagelet body"), padding=8),
        bottom_app_bar=ft.BottomAppBar(
            ft.Row([ft.IconButton(ft.icons.MENU), ft.IconButton(ft.icons.SEARCH)]),
            bgcolor=ft.colors.AMBER_50,
            shape=ft.NotchShape.CIRCULAR,
            notch_margin=4,
            height=56,
            padding=ft.padding.symmetric(horizontal=8),
        ),
        floating_action_button=ft.FloatingActionButton(icon=ft.icons.ADD, mini=True),
        floating_action_button_location=ft.FloatingActionButtonLocation.CENTER_DOCKED,
        width=280,
        height=220,
        bgcolor=ft.colors.AMBER_50,
    )
    drag = ft.Row(
        [
            ft.Draggable(
                group="cards",
                content=ft.Container(ft.Text("Draggable"), bgcolor=ft.colors.BLUE_100, padding=10, border_radius=8),
                content_feedback=ft.Container(ft.Text("dragging"), bgcolor=ft.colors.BLUE_50, padding=6),
            ),
            ft.DragTarget(
                group="cards",
                content=ft.Container(
                    ft.Text("DragTarget"), border=ft.border.all(1, ft.colors.BLUE_400), padding=10, border_radius=8
                ),
            ),
            ft.Dismissible(
                ft.ListTile(title=ft.Text("Dismissible")),
                background=ft.Container(bgcolor=ft.colors.GREEN_200),
                secondary_background=ft.Container(bgcolor=ft.colors.RED_200),
                dismiss_direction=ft.DismissDirection.HORIZONTAL,
                width=200,
            ),
        ]
    )
    return Route(
        [
            ft.Row(
                [
                    box,
                    inked,
                    blurred,
                    grid,
                    listing,
                    ft.VerticalDivider(width=12, thickness=2, color=ft.colors.GREY_400),
                ],
                height=110,
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
            ft.Divider(height=8, thickness=1, color=ft.colors.GREY_300),
            responsive,
            ft.Row(
                [
                    pagelet,
                    ft.Column(
                        [
                            ft.SafeArea(ft.Text("Inside a SafeArea"), minimum=ft.padding.all(4)),
                            ft.AnimatedSwitcher(
                                ft.Text("AnimatedSwitcher", color=ft.colors.DEEP_PURPLE),
                                transition=ft.AnimatedSwitcherTransition.SCALE,
                                duration=500,
                                switch_in_curve=ft.AnimationCurve.BOUNCE_OUT,
                            ),
                            ft.TransparentPointer(ft.Text("TransparentPointer")),
                            ft.WindowDragArea(ft.Text("WindowDragArea"), maximizable=False),
                            ft.GestureDetector(
                                ft.Text("GestureDetector"), mouse_cursor=ft.MouseCursor.CLICK, on_tap=lambda e: None
                            ),
                            ft.ShaderMask(
                                ft.Text("ShaderMask", size=22, weight=ft.FontWeight.BOLD),
                                shader=ft.LinearGradient(colors=[ft.colors.RED, ft.colors.BLUE]),
                                blend_mode=ft.BlendMode.SRC_IN,
                            ),
                            ft.SelectionArea(ft.Column([ft.Text("SelectionArea: select me")])),
                            Counter(),
                        ],
                        spacing=4,
                    ),
                    drag,
                ],
                vertical_alignment=ft.CrossAxisAlignment.START,
                wrap=True,
            ),
        ]
    )


def material(base_url: str) -> Route:
    rich = ft.Text(
        spans=[
            ft.TextSpan("Text ", ft.TextStyle(size=18, weight=ft.FontWeight.BOLD)),
            ft.TextSpan(
                "with spans",
                ft.TextStyle(
                    italic=True,
                    color=ft.colors.INDIGO,
                    decoration=ft.TextDecoration.UNDERLINE,
                    decoration_style=ft.TextDecorationStyle.WAVY,
                ),
                spans=[ft.TextSpan(" and a link", url="https://flet.dev", style=ft.TextStyle(color=ft.colors.BLUE))],
            ),
        ],
        selectable=True,
    )
    return Route(
        [
            section(
                "Display",
                rich,
                ft.Icon(ft.icons.FAVORITE, color=ft.colors.PINK, size=32),
                ft.Badge(ft.Icon(ft.icons.MAIL_OUTLINE, size=28), text="12", bgcolor=ft.colors.RED_600),
                ft.CircleAvatar(ft.Text("FA"), bgcolor=ft.colors.DEEP_ORANGE_200, radius=22),
                ft.Tooltip(
                    message="A tooltip with a gradient",
                    content=ft.Text("Tooltip"),
                    gradient=GRADIENT,
                    border_radius=6,
                    text_style=ft.TextStyle(color=ft.colors.WHITE),
                ),
                ft.Chip(
                    label=ft.Text("Chip"),
                    leading=ft.Icon(ft.icons.LOCAL_OFFER),
                    selected=True,
                    on_select=lambda e: None,
                    selected_color=ft.colors.INDIGO_100,
                ),
                ft.Chip(label=ft.Text("Deletable"), on_delete=lambda e: None, delete_icon_tooltip="Remove"),
            ),
            section(
                "Progress",
                ft.ProgressBar(width=200, value=0.6, color=ft.colors.INDIGO, bgcolor=ft.colors.INDIGO_100),
                ft.ProgressBar(width=200),
                ft.ProgressRing(value=0.3, stroke_width=6),
                ft.ProgressRing(width=24, height=24, stroke_width=2),
            ),
            section(
                "Surfaces",
                ft.Card(
                    ft.Container(
                        ft.Column(
                            [
                                ft.ListTile(
                                    leading=ft.Icon(ft.icons.ALBUM),
                                    title=ft.Text("Card with a ListTile"),
                                    subtitle=ft.Text("elevation 6, rounded"),
                                    trailing=ft.PopupMenuButton(
                                        items=[
                                            ft.PopupMenuItem(text="Edit", icon=ft.icons.EDIT),
                                            ft.PopupMenuItem(),
                                            ft.PopupMenuItem(text="Checked", checked=True),
                                        ]
                                    ),
                                )
                            ]
                        ),
                        width=360,
                        padding=4,
                    ),
                    elevation=6,
                    shape=ROUNDED,
                    surface_tint_color=ft.colors.INDIGO,
                ),
                ft.Container(
                    ft.ExpansionTile(
                        title=ft.Text("ExpansionTile"),
                        subtitle=ft.Text("initially expanded"),
                        initially_expanded=True,
                        controls=[ft.ListTile(title=ft.Text("Inside the tile"))],
                        collapsed_bgcolor=ft.colors.BLUE_GREY_50,
                    ),
                    width=300,
                ),
                ft.Container(
                    ft.ExpansionPanelList(
                        [
                            ft.ExpansionPanel(
                                header=ft.ListTile(title=ft.Text("Panel one")),
                                content=ft.ListTile(title=ft.Text("Expanded content")),
                                expanded=True,
                                bgcolor=ft.colors.GREEN_50,
                            ),
                            ft.ExpansionPanel(header=ft.ListTile(title=ft.Text("Panel two"))),
                        ],
                        divider_color=ft.colors.GREEN_300,
                        elevation=2,
                        expand_icon_color=ft.colors.GREEN_800,
                    ),
                    width=320,
                ),
            ),
        ]
    )


def buttons(base_url: str) -> Route:
    style = ft.ButtonStyle(
        color={ft.MaterialState.HOVERED: ft.colors.WHITE, ft.MaterialState.DEFAULT: ft.colors.INDIGO_900},
        bgcolor={ft.MaterialState.HOVERED: ft.colors.INDIGO, "": ft.colors.INDIGO_100},
        padding=ft.padding.symmetric(horizontal=20, vertical=12),
        shape={ft.MaterialState.DEFAULT: ROUNDED, ft.MaterialState.PRESSED: ft.StadiumBorder()},
        side=ft.BorderSide(1, ft.colors.INDIGO_300),
        animation_duration=200,
    )
    menu = ft.MenuBar(
        [
            ft.SubmenuButton(
                content=ft.Text("SubmenuButton"),
                leading=ft.Icon(ft.icons.FOLDER_OPEN),
                controls=[
                    ft.MenuItemButton(content=ft.Text("MenuItemButton"), leading=ft.Icon(ft.icons.SAVE)),
                    ft.MenuItemButton(content=ft.Text("Another item"), close_on_click=False),
                ],
            ),
            ft.MenuItemButton(content=ft.Text("Help")),
        ],
        style=ft.MenuStyle(
            bgcolor=ft.colors.BLUE_GREY_50, padding=ft.padding.all(4), shape=ft.RoundedRectangleBorder(radius=6)
        ),
    )
    return Route(
        [
            section(
                "Material buttons",
                ft.ElevatedButton("ElevatedButton", icon=ft.icons.SEND, style=style),
                ft.FilledButton("FilledButton", icon=ft.icons.CHECK),
                ft.FilledTonalButton("FilledTonalButton"),
                ft.OutlinedButton("OutlinedButton", icon=ft.icons.DOWNLOAD),
                ft.TextButton("TextButton", icon=ft.icons.INFO_OUTLINE, icon_color=ft.colors.TEAL),
                ft.ElevatedButton("Disabled", disabled=True),
                ft.IconButton(ft.icons.THUMB_UP, selected=True, selected_icon=ft.icons.THUMB_UP_ALT),
                ft.IconButton(
                    icon=ft.icons.SETTINGS,
                    style=ft.ButtonStyle(bgcolor=ft.colors.AMBER_100, shape=ft.CircleBorder()),
                    tooltip="Settings",
                ),
                ft.PopupMenuButton(
                    icon=ft.icons.MORE_VERT,
                    items=[ft.PopupMenuItem(text="One"), ft.PopupMenuItem(text="Two", icon=ft.icons.LOOKS_TWO)],
                ),
            ),
            section(
                "Segmented",
                ft.SegmentedButton(
                    segments=[
                        ft.Segment("day", label=ft.Text("Day"), icon=ft.Icon(ft.icons.CALENDAR_VIEW_DAY)),
                        ft.Segment("week", label=ft.Text("Week")),
                        ft.Segment("month", label=ft.Text("Month")),
                    ],
                    selected={"week"},
                    allow_multiple_selection=False,
                ),
            ),
            section("Menus", menu),
        ],
        view={
            "floating_action_button": ft.FloatingActionButton(
                "FAB", icon=ft.icons.ADD, bgcolor=ft.colors.INDIGO_200, shape=ROUNDED
            ),
            "floating_action_button_location": ft.FloatingActionButtonLocation.END_DOCKED,
            "bottom_appbar": ft.BottomAppBar(
                ft.Row([ft.IconButton(ft.icons.MENU), ft.Text("BottomAppBar")]),
                bgcolor=ft.colors.INDIGO_50,
                shape=ft.NotchShape.CIRCULAR,
            ),
        },
    )


def inputs(base_url: str) -> Route:
    return Route(
        [
            section(
                "Text",
                ft.TextField(
                    label="TextField",
                    hint_text="type here",
                    helper_text="with prefix, suffix and a counter",
                    prefix_icon=ft.icons.PERSON,
                    suffix_text=".com",
                    max_length=20,
                    border=ft.InputBorder.OUTLINE,
                    border_radius=10,
                    focused_border_color=ft.colors.INDIGO,
                    content_padding=ft.padding.symmetric(horizontal=12, vertical=8),
                    width=280,
                ),
                ft.TextField(label="Password", password=True, can_reveal_password=True, value="secret", width=200),
                ft.TextField(
                    label="Multiline",
                    multiline=True,
                    min_lines=2,
                    max_lines=3,
                    filled=True,
                    border=ft.InputBorder.UNDERLINE,
                    width=200,
                    input_filter=ft.InputFilter(allow=True, regex_string=r"[a-z ]", replacement_string=""),
                ),
                ft.TextField(label="Error", error_text="Please enter a value", width=200, dense=True),
            ),
            section(
                "Choices",
                ft.Checkbox(label="Checkbox", value=True),
                ft.Checkbox(label="Tristate", tristate=True, value=None),
                ft.RadioGroup(
                    ft.Row([ft.Radio(value="a", label="Radio A"), ft.Radio(value="b", label="Radio B")]), value="a"
                ),
                ft.Switch(label="Switch", value=True, active_color=ft.colors.GREEN),
                ft.Dropdown(
                    label="Dropdown",
                    value="m",
                    options=[
                        ft.dropdown.Option("s", "Small"),
                        ft.dropdown.Option("m", "Medium"),
                        ft.dropdown.Option("l", "Large"),
                    ],
                    width=180,
                    border_radius=8,
                ),
            ),
            section(
                "Ranges",
                ft.Slider(min=0, max=100, value=40, divisions=10, label="{value}", width=240),
                ft.RangeSlider(
                    min=0,
                    max=50,
                    start_value=10,
                    end_value=30,
                    divisions=10,
                    label="{value}",
                    inactive_color=ft.colors.GREEN_100,
                    active_color=ft.colors.GREEN_700,
                    width=240,
                ),
            ),
            section(
                "Search",
                ft.SearchBar(
                    bar_hint_text="SearchBar",
                    view_hint_text="Pick a colour",
                    bar_leading=ft.Icon(ft.icons.SEARCH),
                    controls=[ft.ListTile(title=ft.Text(c)) for c in ("red", "green", "blue")],
                    width=300,
                ),
            ),
        ]
    )


def navigation(base_url: str) -> Route:
    rail = ft.NavigationRail(
        selected_index=1,
        label_type=ft.NavigationRailLabelType.ALL,
        min_width=90,
        leading=ft.FloatingActionButton(icon=ft.icons.CREATE, mini=True),
        destinations=[
            ft.NavigationRailDestination(icon=ft.icons.FAVORITE_BORDER, selected_icon=ft.icons.FAVORITE, label="One"),
            ft.NavigationRailDestination(
                icon_content=ft.Icon(ft.icons.BOOKMARK_BORDER), label_content=ft.Text("Two"), padding=4
            ),
            ft.NavigationRailDestination(icon=ft.icons.SETTINGS_OUTLINED, label="Three"),
        ],
        bgcolor=ft.colors.BLUE_GREY_50,
        height=300,
    )
    tabs = ft.Tabs(
        selected_index=0,
        animation_duration=300,
        tabs=[
            ft.Tab(text="Tab one", icon=ft.icons.HOME, content=ft.Container(ft.Text("First tab body"), padding=10)),
            ft.Tab(tab_content=ft.Text("Custom tab"), content=ft.Text("Second tab body")),
            ft.Tab(text="Tab three", content=ft.Text("Third")),
        ],
        indicator_color=ft.colors.INDIGO,
        width=420,
        height=160,
    )
    drawer = ft.NavigationDrawer(
        controls=[
            ft.Container(ft.Text("NavigationDrawer", size=18), padding=16),
            ft.NavigationDrawerDestination(label="Inbox", icon=ft.icons.INBOX_OUTLINED, selected_icon=ft.icons.INBOX),
            ft.Divider(thickness=1),
            ft.NavigationDrawerDestination(label="Outbox", icon_content=ft.Icon(ft.icons.OUTBOX)),
        ],
        selected_index=0,
        open=True,
    )
    return Route(
        [ft.Row([rail, ft.Column([tabs])], vertical_alignment=ft.CrossAxisAlignment.START)],
        view={
            "appbar": ft.AppBar(
                leading=ft.Icon(ft.icons.PALETTE),
                leading_width=40,
                title=ft.Text("AppBar"),
                center_title=False,
                bgcolor=ft.colors.INDIGO_100,
                actions=[ft.IconButton(ft.icons.WB_SUNNY_OUTLINED), ft.IconButton(ft.icons.FILTER_3)],
            ),
            "navigation_bar": ft.NavigationBar(
                destinations=[
                    ft.NavigationDestination(icon=ft.icons.EXPLORE, label="Explore"),
                    ft.NavigationDestination(icon=ft.icons.COMMUTE, label="Commute"),
                    ft.NavigationDestination(
                        icon=ft.icons.BOOKMARK_BORDER, selected_icon=ft.icons.BOOKMARK, label="Saved"
                    ),
                ],
                selected_index=2,
                label_behavior=ft.NavigationBarLabelBehavior.ALWAYS_SHOW,
                bgcolor=ft.colors.INDIGO_50,
            ),
            "drawer": drawer,
            "end_drawer": ft.NavigationDrawer(controls=[ft.Text("End drawer")]),
        },
    )


def dialogs(base_url: str) -> Route:
    dialog = ft.AlertDialog(
        modal=True,
        icon=ft.Icon(ft.icons.WARNING_AMBER),
        title=ft.Text("AlertDialog"),
        content=ft.Text("An open modal dialog with two actions."),
        actions=[ft.TextButton("Cancel"), ft.FilledButton("OK")],
        actions_alignment=ft.MainAxisAlignment.END,
        shape=ROUNDED,
        open=True,
    )
    banner = ft.Banner(
        bgcolor=ft.colors.AMBER_100,
        leading=ft.Icon(ft.icons.WARNING_AMBER_ROUNDED, color=ft.colors.AMBER, size=40),
        content=ft.Text("A Banner at the top of the page."),
        actions=[ft.TextButton("Retry"), ft.TextButton("Ignore")],
        open=True,
    )
    snack = ft.SnackBar(
        ft.Text("A SnackBar"),
        action="Undo",
        behavior=ft.SnackBarBehavior.FLOATING,
        show_close_icon=True,
        duration=60_000,
        width=400,
        open=True,
    )
    return Route(
        [ft.Text("Page content behind the popups")],
        popups={"dialog": dialog, "banner": banner, "snack_bar": snack},
    )


def sheets(base_url: str) -> Route:
    sheet = ft.BottomSheet(
        ft.Container(
            ft.Column([ft.Text("A BottomSheet"), ft.ElevatedButton("Close")], tight=True),
            padding=20,
        ),
        open=True,
        show_drag_handle=True,
        enable_drag=True,
        bgcolor=ft.colors.BLUE_GREY_50,
    )
    return Route([ft.Text("Page content behind the sheet")], popups={"bottom_sheet": sheet})


def pickers(base_url: str) -> Route:
    return Route(
        [ft.Text("Page content behind the pickers")],
        overlay=[
            ft.TimePicker(value=datetime.time(9, 30), help_text="TimePicker", open=True),
            ft.DatePicker(
                value=datetime.datetime(2024, 3, 15),
                first_date=datetime.datetime(2024, 1, 1),
                last_date=datetime.datetime(2024, 12, 31),
                help_text="DatePicker",
                open=True,
            ),
        ],
    )


def cupertino(base_url: str) -> Route:
    # CupertinoActionSheetAction takes `content`: the 0.21.2 client shows its error box for an
    # action with `text` only (it checks for a content child before it looks at `text`).
    def picker(items: list[str]) -> list[ft.Control]:
        return [ft.Text(item) for item in items]

    return Route(
        [
            section(
                "Buttons",
                ft.CupertinoButton("CupertinoButton", bgcolor=ft.colors.INDIGO_100, border_radius=10),
                ft.CupertinoFilledButton("CupertinoFilledButton", padding=ft.padding.symmetric(10, 16)),
                ft.CupertinoActivityIndicator(radius=14, color=ft.colors.INDIGO),
                ft.CupertinoContextMenu(
                    enable_haptic_feedback=True,
                    content=ft.Container(ft.Text("CupertinoContextMenu"), padding=8, bgcolor=ft.colors.GREY_100),
                    actions=[
                        ft.CupertinoContextMenuAction(text="Copy", is_default_action=True, trailing_icon=ft.icons.COPY),
                        ft.CupertinoContextMenuAction(text="Delete", is_destructive_action=True),
                    ],
                ),
            ),
            section(
                "Inputs",
                ft.CupertinoCheckbox(label="CupertinoCheckbox", value=True),
                ft.RadioGroup(
                    ft.Row([ft.CupertinoRadio(value="x", label="CupertinoRadio"), ft.CupertinoRadio(value="y")]),
                    value="x",
                ),
                ft.CupertinoSwitch(label="CupertinoSwitch", value=True),
                ft.CupertinoSlider(value=0.4, divisions=5, width=180),
                ft.CupertinoTextField(
                    placeholder_text="CupertinoTextField", width=220, border_radius=8, bgcolor=ft.colors.GREY_50
                ),
                ft.CupertinoSlidingSegmentedButton(
                    selected_index=1, controls=[ft.Text("One"), ft.Text("Two"), ft.Text("Three")]
                ),
                ft.CupertinoSegmentedButton(
                    selected_index=0,
                    selected_color=ft.colors.INDIGO,
                    controls=[ft.Text("Left"), ft.Text("Right")],
                ),
            ),
            section(
                "Pickers",
                ft.Container(
                    ft.CupertinoTimerPicker(value=3723, mode=ft.CupertinoTimerPickerMode.HOUR_MINUTE_SECONDS),
                    width=300,
                    height=150,
                ),
                ft.Container(
                    ft.CupertinoPicker(
                        picker(["Apple", "Mango", "Banana", "Orange"]), selected_index=1, item_extent=30, looping=True
                    ),
                    width=140,
                    height=150,
                ),
                ft.Container(
                    ft.CupertinoDatePicker(
                        value=datetime.datetime(2024, 3, 15, 10, 45),
                        date_picker_mode=ft.CupertinoDatePickerMode.DATE_AND_TIME,
                    ),
                    width=340,
                    height=150,
                ),
            ),
            section(
                "Lists and sheets",
                ft.Container(
                    ft.CupertinoListTile(
                        title=ft.Text("CupertinoListTile"),
                        subtitle=ft.Text("notched"),
                        leading=ft.Icon(ft.icons.WIFI),
                        additional_info=ft.Text("on"),
                        notched=True,
                    ),
                    width=320,
                ),
                ft.Container(
                    ft.CupertinoActionSheet(
                        title=ft.Text("CupertinoActionSheet"),
                        message=ft.Text("inline, not in a sheet"),
                        actions=[
                            ft.CupertinoActionSheetAction(content=ft.Text("Default"), is_default_action=True),
                            ft.CupertinoActionSheetAction(content=ft.Text("Destroy"), is_destructive_action=True),
                        ],
                        cancel=ft.CupertinoActionSheetAction(content=ft.Text("Cancel")),
                    ),
                    width=320,
                ),
            ),
        ],
        view={
            "appbar": ft.CupertinoAppBar(
                leading=ft.Icon(ft.cupertino_icons.BACK),
                middle=ft.Text("CupertinoAppBar"),
                trailing=ft.Icon(ft.cupertino_icons.SHARE),
                bgcolor=ft.colors.GREY_100,
            ),
            "navigation_bar": ft.CupertinoNavigationBar(
                destinations=[
                    ft.NavigationDestination(icon=ft.cupertino_icons.HOME, label="Home"),
                    ft.NavigationDestination(icon=ft.cupertino_icons.SEARCH, label="Search"),
                ],
                selected_index=0,
                active_color=ft.colors.INDIGO,
            ),
        },
    )


def cupertino_dialogs(base_url: str) -> Route:
    dialog = ft.CupertinoAlertDialog(
        title=ft.Text("CupertinoAlertDialog"),
        content=ft.Text("Open, with two actions."),
        actions=[
            ft.CupertinoDialogAction("OK", is_default_action=True),
            ft.CupertinoDialogAction("Delete", is_destructive_action=True),
        ],
        open=True,
    )
    sheet = ft.CupertinoBottomSheet(
        ft.CupertinoActionSheet(
            title=ft.Text("In a CupertinoBottomSheet"),
            actions=[
                ft.CupertinoActionSheetAction(content=ft.Text("First")),
                ft.CupertinoActionSheetAction(content=ft.Text("Second")),
            ],
            cancel=ft.CupertinoActionSheetAction(content=ft.Text("Cancel")),
        ),
        open=True,
    )
    return Route([ft.Text("Page content behind the Cupertino popups")], popups={"dialog": dialog}, overlay=[sheet])


def media(base_url: str) -> Route:
    png = base64.b64encode(_png(32, 32)).decode()
    lottie = base64.b64encode(json.dumps(LOTTIE).encode()).decode()
    images = section(
        "Images",
        ft.Image(src="/gallery.png", width=96, height=72, fit=ft.ImageFit.COVER, border_radius=12),
        ft.Image(src="/gallery.svg", width=72, height=72),
        ft.Image(src=SVG, width=48, height=48, tooltip="inline SVG markup, as MatplotlibChart sends"),
        ft.Image(
            src_base64=png,
            width=64,
            height=64,
            repeat=ft.ImageRepeat.NO_REPEAT,
            color=ft.colors.INDIGO,
            color_blend_mode=ft.BlendMode.MODULATE,
            semantics_label="gradient",
        ),
        ft.Image(
            src="/gallery.png",
            width=64,
            height=64,
            fit=ft.ImageFit.CONTAIN,
            error_content=ft.Container(ft.Text("no image"), bgcolor=ft.colors.GREY_200, padding=6),
        ),
        ft.CircleAvatar(foreground_image_url="/gallery.png", radius=28),
        ft.Container(width=96, height=72, image_src="/gallery.png", image_fit=ft.ImageFit.FILL, border_radius=8),
    )
    lotties = section(
        "Lottie",
        ft.Lottie(src="/lottie.json", width=80, height=80, repeat=True),
        ft.Lottie(src_base64=lottie, width=80, height=80, reverse=True, fit=ft.ImageFit.CONTAIN),
    )
    # The player needs a source it can open offline: the sound file (an empty playlist makes
    # the 0.21.2 client throw uncaught errors in the page).
    video = ft.Video(
        playlist=[ft.VideoMedia("/beep.wav")],
        playlist_mode=ft.PlaylistMode.LOOP,
        autoplay=False,
        show_controls=True,
        fill_color=ft.colors.BLUE_GREY_900,
        volume=40,
        width=320,
        height=180,
    )
    return Route(
        [images, lotties, section("Video", video), ft.Text("Audio and AudioRecorder are in the overlay")],
        overlay=[
            ft.Audio(src="/beep.wav", autoplay=False, volume=0.5, balance=0, release_mode=ft.audio.ReleaseMode.STOP),
            ft.AudioRecorder(audio_encoder=ft.AudioEncoder.WAV),
        ],
    )


def canvas(base_url: str) -> Route:
    stroke = ft.Paint(stroke_width=3, style=ft.PaintingStyle.STROKE, color=ft.colors.INDIGO)
    path = cv.Path(
        [
            cv.Path.MoveTo(20, 140),
            cv.Path.QuadraticTo(60, 90, 100, 140),
            cv.Path.CubicTo(120, 160, 150, 110, 180, 140),
            cv.Path.LineTo(180, 180),
            cv.Path.ArcTo(20, 180, radius=80, large_arc=False, clockwise=True),
            cv.Path.Close(),
        ],
        paint=ft.Paint(
            style=ft.PaintingStyle.FILL,
            gradient=ft.PaintLinearGradient((20, 140), (180, 180), [ft.colors.AMBER, ft.colors.DEEP_ORANGE]),
        ),
    )
    shadow_path = [cv.Path.MoveTo(230, 150), cv.Path.LineTo(300, 150), cv.Path.LineTo(265, 200), cv.Path.Close()]
    shapes: list[cv.Shape] = [
        cv.Color(ft.colors.BLUE_GREY_50, ft.BlendMode.SRC_OVER),
        cv.Rect(10, 10, 120, 70, border_radius=10, paint=ft.Paint(color=ft.colors.INDIGO_100)),
        cv.Line(10, 100, 200, 100, paint=ft.Paint(stroke_width=2, stroke_dash_pattern=[6, 4])),
        cv.Circle(170, 45, 35, paint=ft.Paint(gradient=ft.PaintRadialGradient((170, 45), 35, ["yellow", "red"]))),
        cv.Oval(220, 10, 100, 60, paint=stroke),
        cv.Arc(340, 10, 80, 80, 0, math.pi * 1.5, use_center=True, paint=ft.Paint(color=ft.colors.TEAL_300)),
        cv.Points(
            [(240, 100), (280, 120), (320, 100), (360, 130)],
            point_mode=cv.PointMode.POLYGON,
            paint=ft.Paint(stroke_width=4, color=ft.colors.PINK, stroke_cap=ft.StrokeCap.ROUND),
        ),
        path,
        cv.Shadow(shadow_path, color=ft.colors.BLACK, elevation=6, transparent_occluder=False),
        cv.Path(shadow_path, paint=ft.Paint(color=ft.colors.LIGHT_GREEN_300)),
        cv.Text(
            340,
            160,
            "canvas text",
            ft.TextStyle(size=16, weight=ft.FontWeight.BOLD, color=ft.colors.PURPLE),
            alignment=ft.alignment.center,
            rotate=-0.2,
        ),
        cv.Fill(ft.Paint(color=ft.colors.with_opacity(0.05, ft.colors.RED), blend_mode=ft.BlendMode.MULTIPLY)),
    ]
    drawing = cv.Canvas(shapes, width=440, height=220, content=ft.Container(ft.Text("canvas content"), padding=4))
    # A canvas paints outside its box (Color and Fill cover everything): clip it to its frame.
    return Route(
        [ft.Container(drawing, clip_behavior=ft.ClipBehavior.HARD_EDGE, border_radius=8, width=440, height=220)]
    )


def charts(base_url: str) -> Route:
    axis_labels = [ft.ChartAxisLabel(value=v, label=ft.Text(f"{v}k", size=10)) for v in (0, 2, 4, 6)]
    line = ft.LineChart(
        data_series=[
            ft.LineChartData(
                [ft.LineChartDataPoint(x, y) for x, y in [(0, 1), (1, 3), (2, 2.5), (3, 5), (4, 4)]],
                curved=True,
                color=ft.colors.INDIGO,
                stroke_width=3,
                below_line_gradient=ft.LinearGradient(
                    begin=ft.alignment.top_center,
                    end=ft.alignment.bottom_center,
                    colors=[ft.colors.with_opacity(0.4, ft.colors.INDIGO), ft.colors.TRANSPARENT],
                ),
                point=ft.ChartCirclePoint(radius=4, color=ft.colors.WHITE, stroke_color=ft.colors.INDIGO),
            ),
            ft.LineChartData(
                [ft.LineChartDataPoint(x, y, tooltip=f"{y}") for x, y in [(0, 2), (2, 1), (4, 3)]],
                color=ft.colors.PINK,
                dash_pattern=[6, 3],
                stroke_cap_round=True,
            ),
        ],
        border=ft.border.all(1, ft.colors.GREY_400),
        horizontal_grid_lines=ft.ChartGridLines(interval=1, color=ft.colors.GREY_200, width=1),
        vertical_grid_lines=ft.ChartGridLines(interval=1, color=ft.colors.GREY_200, width=1, dash_pattern=[3, 3]),
        left_axis=ft.ChartAxis(labels=axis_labels, labels_size=32, title=ft.Text("sales"), title_size=20),
        bottom_axis=ft.ChartAxis(labels_interval=1, labels_size=24),
        min_y=0,
        max_y=6,
        tooltip_bgcolor=ft.colors.with_opacity(0.8, ft.colors.BLUE_GREY),
        width=380,
        height=220,
        animate=600,
    )
    bar = ft.BarChart(
        bar_groups=[
            ft.BarChartGroup(
                x=i,
                bar_rods=[
                    ft.BarChartRod(
                        from_y=0,
                        to_y=y,
                        width=18,
                        color=ft.colors.AMBER,
                        border_radius=4,
                        tooltip=f"{y}",
                        bg_to_y=10,
                        bg_color=ft.colors.AMBER_50,
                        rod_stack_items=[
                            ft.BarChartRodStackItem(0, y / 2, ft.colors.AMBER_700),
                            ft.BarChartRodStackItem(y / 2, y, ft.colors.AMBER_300),
                        ],
                    )
                ],
            )
            for i, y in enumerate([4, 7, 3, 9])
        ],
        bottom_axis=ft.ChartAxis(
            labels=[ft.ChartAxisLabel(value=i, label=ft.Text(q)) for i, q in enumerate(["Q1", "Q2", "Q3", "Q4"])]
        ),
        left_axis=ft.ChartAxis(labels_size=30),
        horizontal_grid_lines=ft.ChartGridLines(color=ft.colors.GREY_300, width=1, dash_pattern=[3, 3]),
        max_y=10,
        interactive=True,
        width=320,
        height=220,
    )
    pie = ft.PieChart(
        sections=[
            ft.PieChartSection(
                40,
                title="40%",
                color=ft.colors.BLUE,
                radius=60,
                title_style=ft.TextStyle(color=ft.colors.WHITE, weight=ft.FontWeight.BOLD),
            ),
            ft.PieChartSection(
                30,
                title="30%",
                color=ft.colors.YELLOW,
                radius=55,
                badge=ft.Icon(ft.icons.STAR, size=16),
                badge_position=1.1,
            ),
            ft.PieChartSection(
                30, title="30%", color=ft.colors.PURPLE, radius=50, border_side=ft.BorderSide(2, ft.colors.WHITE)
            ),
        ],
        sections_space=2,
        center_space_radius=30,
        start_degree_offset=-90,
        width=220,
        height=220,
    )
    return Route([ft.Row([line, bar, pie], wrap=True, spacing=20)])


MARKDOWN = """# Markdown heading

Some *emphasis*, **strong** text, `inline code` and a [link](https://flet.dev).

- a bullet
- [x] a task

| column | value |
|--------|-------|
| one    | 1     |

```python
def hello(name: str) -> str:
    return f"hello {name}"
```
"""


def data(base_url: str) -> Route:
    table = ft.DataTable(
        columns=[
            ft.DataColumn(ft.Text("Name")),
            ft.DataColumn(ft.Text("Age"), numeric=True, on_sort=lambda e: None),
            ft.DataColumn(ft.Text("City")),
        ],
        rows=[
            ft.DataRow(
                [
                    ft.DataCell(ft.Text(name)),
                    ft.DataCell(ft.Text(str(age))),
                    ft.DataCell(ft.Text(city), show_edit_icon=i == 0),
                ],
                selected=i == 1,
                on_select_changed=lambda e: None,
                color={ft.MaterialState.SELECTED: ft.colors.INDIGO_50, ft.MaterialState.HOVERED: ft.colors.GREY_100},
            )
            for i, (name, age, city) in enumerate(
                [("Ada", 36, "London"), ("Linus", 54, "Portland"), ("Grace", 85, "NYC")]
            )
        ],
        sort_column_index=1,
        sort_ascending=True,
        show_checkbox_column=True,
        border=ft.border.all(1, ft.colors.GREY_400),
        border_radius=10,
        vertical_lines=ft.BorderSide(1, ft.colors.GREY_300),
        horizontal_lines=ft.BorderSide(1, ft.colors.GREY_300),
        heading_row_color=ft.colors.INDIGO_50,
        heading_text_style=ft.TextStyle(weight=ft.FontWeight.BOLD),
        column_spacing=30,
    )
    markdown = ft.Markdown(
        MARKDOWN,
        selectable=True,
        extension_set=ft.MarkdownExtensionSet.GITHUB_WEB,
        code_theme="atom-one-dark",
        code_style=ft.TextStyle(font_family="monospace", size=12),
        on_tap_link=lambda e: None,
        width=480,
    )
    return Route([ft.Row([table, markdown], vertical_alignment=ft.CrossAxisAlignment.START, wrap=True)])


def services(base_url: str) -> Route:
    announcer = ft.SemanticsService()
    haptics = ft.HapticFeedback()

    def after() -> None:
        announcer.announce_message("The services route is ready")
        haptics.light_impact()

    return Route(
        [
            section(
                "Semantics",
                ft.Semantics(
                    ft.ElevatedButton("Semantics"),
                    label="A labelled button",
                    button=True,
                    container=True,  # the 0.21.2 client fails (null check) when `container` is unset
                    hint_text="does nothing",
                ),
                MergeSemantics(ft.Row([ft.Icon(ft.icons.STAR), ft.Text("MergeSemantics")])),
            ),
            section(
                "FletApp (this gallery's index, embedded)",
                ft.Container(
                    ft.FletApp(url=base_url, reconnect_interval_ms=500, reconnect_timeout_ms=3000),
                    width=480,
                    height=220,
                    border=ft.border.all(1, ft.colors.GREY_400),
                ),
                wrap=False,
            ),
            ft.Text("FilePicker, HapticFeedback, ShakeDetector and SemanticsService are in the overlay"),
        ],
        overlay=[ft.FilePicker(), haptics, ft.ShakeDetector(minimum_shake_count=2), announcer],
        after=after,
    )


ROUTES: dict[str, Callable[[str], Route]] = {
    "/layout": layout,
    "/material": material,
    "/buttons": buttons,
    "/inputs": inputs,
    "/navigation": navigation,
    "/dialogs": dialogs,
    "/sheets": sheets,
    "/pickers": pickers,
    "/cupertino": cupertino,
    "/cupertino-dialogs": cupertino_dialogs,
    "/media": media,
    "/canvas": canvas,
    "/charts": charts,
    "/data": data,
    "/services": services,
}


def index(base_url: str) -> Route:
    return Route([ft.TextButton(route, on_click=lambda e, r=route: e.page.go(r)) for route in ROUTES])


# The test's self-check: a route that must fail, so the test proves it can see a failure.
BROKEN_ROUTE = "/selftest-broken"


class BrokenControl(ft.Control):
    """A control type the client does not know: it draws its "Unknown control" box."""

    _control_type = "nosuchcontrol"


def broken(base_url: str) -> Route:
    bad = ft.Container(ft.Text("unparsable padding"))
    # the client's JSON decoding throws while it builds this; _set_attr is 0.21's raw-attribute API
    bad._set_attr("padding", "{not json")  # noqa: SLF001  0.21's API for custom controls
    return Route([BrokenControl(), bad])


# -- the app -----------------------------------------------------------------------------------


def base_url() -> str:
    return f"http://127.0.0.1:{os.environ.get('FLET_SERVER_PORT', '8000')}/"


def build_view(route_name: str, *extra: ft.Control) -> tuple[ft.View, Route]:
    """The view of one route (the index for an unknown one): its marker, ``extra``, its controls."""
    name = route_name if route_name in ROUTES or route_name == BROKEN_ROUTE else "/"
    route = (broken if name == BROKEN_ROUTE else ROUTES.get(name, index))(base_url())
    marker = ft.Text(MARKER + (name.strip("/") or "index"), size=12, color=ft.colors.GREY_700)
    view = ft.View(
        name,
        [marker, *extra, *route.controls],
        scroll=ft.ScrollMode.AUTO,
        padding=ft.padding.all(12),
        spacing=10,
        **route.view,
    )
    return view, route


def main(page: ft.Page) -> None:
    page.title = "Flet gallery"
    page.theme = ft.Theme(
        color_scheme_seed=ft.colors.INDIGO,
        use_material3=True,
        visual_density=ft.ThemeVisualDensity.COMPACT,
        page_transitions=ft.PageTransitionsTheme(
            android=ft.PageTransitionTheme.NONE, linux=ft.PageTransitionTheme.NONE, macos=ft.PageTransitionTheme.NONE
        ),
    )
    page.dark_theme = ft.Theme(color_scheme_seed=ft.colors.TEAL)
    page.theme_mode = ft.ThemeMode.LIGHT
    errors = ft.Text("", color=ft.colors.RED, selectable=True)
    seen: dict[str, int] = {}  # error text -> how many times the client reported it

    def on_error(e: ft.ControlEvent) -> None:
        print(f"{ERROR_LINE} {page.route}: {e.data}", flush=True)
        seen[e.data] = seen.get(e.data, 0) + 1
        errors.value = "\n".join(f"{ERROR_LINE} ({count}x): {text}" for text, count in seen.items())
        if errors.page is not None:
            errors.update()

    def show(e: Any = None) -> None:
        view, route = build_view(page.route, errors)
        page.overlay.clear()
        page.overlay.extend(route.overlay)
        for slot in ("dialog", "banner", "snack_bar", "bottom_sheet"):
            setattr(page, slot, route.popups.get(slot))
        page.views.clear()
        page.views.append(view)
        page.update()
        if route.after is not None:
            route.after()

    page.on_error = on_error
    page.on_route_change = show
    show()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="flet-gallery-") as assets:
        write_assets(Path(assets))
        ft.app(main, assets_dir=assets, view=ft.AppView.WEB_BROWSER)
