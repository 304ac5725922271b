"""Typed control events: each class parses the data the client sends into named fields.

The cases below use the JSON keys of controls.json `event_classes` (tests/data/); a test checks
that every event class of the catalog exists and reads every key the spec lists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import flet_core as ft
from flet_core.connection import InMemoryConnection
from flet_core.control_event import ControlEvent
from flet_core.gestures import DismissDirection
from flet_core.page import Page
from flet_core.pickers import FilePickerFile

# The control catalog, test data of this package (tests/data/README.md); a missing file fails.
SPEC = json.loads((Path(__file__).resolve().parent / "data" / "controls.json").read_text(encoding="utf-8"))


def parse(cls: Any, data: str, control: Any = None) -> Any:
    return cls.from_wire("_7", "test_event", data, control, None)


CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "ContainerTapEvent",
        '{"lx":1.5,"ly":2,"gx":3,"gy":4}',
        {"local_x": 1.5, "local_y": 2.0, "global_x": 3.0, "global_y": 4.0},
    ),
    (
        "TapEvent",
        '{"lx":1,"ly":2,"gx":3,"gy":4,"kind":"mouse"}',
        {"local_x": 1.0, "local_y": 2.0, "global_x": 3.0, "global_y": 4.0, "kind": "mouse"},
    ),
    ("MultiTapEvent", "true", {"correct_touches": True}),
    ("LongPressStartEvent", '{"lx":1,"ly":2,"gx":3,"gy":4}', {"local_x": 1.0, "global_y": 4.0}),
    (
        "LongPressEndEvent",
        '{"lx":1,"ly":2,"gx":3,"gy":4,"vx":5,"vy":-6}',
        {"local_x": 1.0, "velocity_x": 5.0, "velocity_y": -6.0},
    ),
    (
        "DragStartEvent",
        '{"lx":1,"ly":2,"gx":3,"gy":4,"kind":"touch","ts":99}',
        {"local_x": 1.0, "global_x": 3.0, "kind": "touch", "timestamp": 99},
    ),
    (
        "DragUpdateEvent",
        '{"dx":1,"dy":-1,"pd":1,"lx":5,"ly":6,"gx":7,"gy":8,"ts":10}',
        {"delta_x": 1.0, "delta_y": -1.0, "primary_delta": 1.0, "local_y": 6.0, "timestamp": 10},
    ),
    ("DragEndEvent", '{"pv":null,"vx":1.5,"vy":2.5}', {"primary_velocity": None, "velocity_x": 1.5, "velocity_y": 2.5}),
    (
        "ScaleStartEvent",
        '{"fpx":1,"fpy":2,"lfpx":3,"lfpy":4,"pc":2}',
        {"focal_point_x": 1.0, "local_focal_point_y": 4.0, "pointer_count": 2},
    ),
    (
        "ScaleUpdateEvent",
        '{"fpx":1,"fpy":2,"fpdx":0.5,"fpdy":0.25,"lfpx":3,"lfpy":4,"pc":2,"hs":1.5,"vs":1.25,"s":1.1,"r":0.3}',
        {"focal_point_delta_x": 0.5, "horizontal_scale": 1.5, "vertical_scale": 1.25, "scale": 1.1, "rotation": 0.3},
    ),
    ("ScaleEndEvent", '{"pc":1,"vx":2,"vy":3}', {"pointer_count": 1, "velocity_x": 2.0, "velocity_y": 3.0}),
    (
        "HoverEvent",
        '{"ts":12,"kind":"mouse","gx":1,"gy":2,"lx":3,"ly":4,"dx":0.5}',
        {"timestamp": 12.0, "kind": "mouse", "local_x": 3.0, "delta_x": 0.5, "delta_y": None},
    ),
    (
        "ScrollEvent",
        '{"gx":1,"gy":2,"lx":3,"ly":4,"dx":0,"dy":-120}',
        {"global_x": 1.0, "local_y": 4.0, "scroll_delta_x": 0.0, "scroll_delta_y": -120.0},
    ),
    ("DragTargetAcceptEvent", '{"src_id":"_12","x":10,"y":20}', {"src_id": "_12", "x": 10.0, "y": 20.0}),
    ("DataColumnSortEvent", '{"i":2,"a":false}', {"column_index": 2, "ascending": False}),
    ("DismissibleDismissEvent", "startToEnd", {"direction": DismissDirection.START_TO_END}),
    (
        "DismissibleUpdateEvent",
        '{"direction":"endToStart","progress":0.4,"reached":true,"previous_reached":false}',
        {"direction": DismissDirection.END_TO_START, "progress": 0.4, "reached": True, "previous_reached": False},
    ),
    (
        "FilePickerUploadEvent",
        '{"file_name":"a.txt","progress":0.5,"error":null}',
        {"file_name": "a.txt", "progress": 0.5, "error": None},
    ),
    (
        "FilePickerResultEvent",
        '{"path":null,"files":[{"name":"a.txt","path":"/tmp/a.txt","size":3}]}',
        {"path": None, "files": [FilePickerFile(name="a.txt", path="/tmp/a.txt", size=3)]},
    ),
    (
        "BarChartEvent",
        '{"type":"PointerHoverEvent","group_index":1,"rod_index":0,"stack_item_index":-1}',
        {"type": "PointerHoverEvent", "group_index": 1, "rod_index": 0, "stack_item_index": -1},
    ),
    ("PieChartEvent", '{"type":"FlTapUpEvent","section_index":3}', {"type": "FlTapUpEvent", "section_index": 3}),
    ("CanvasResizeEvent", '{"w":300.5,"h":200}', {"width": 300.5, "height": 200.0}),
    (
        "OnScrollEvent",
        '{"p":60,"minse":0,"maxse":720.625,"vd":80,"t":"update","sd":60}',
        {"event_type": "update", "pixels": 60, "max_scroll_extent": 720.625, "scroll_delta": 60, "direction": None},
    ),
    (
        "KeyboardEvent",
        '{"key":"A","shift":true,"ctrl":false,"alt":false,"meta":false}',
        {"key": "A", "shift": True, "ctrl": False},
    ),
]


def _class(name: str) -> Any:
    if name == "CanvasResizeEvent":
        return ft.canvas.CanvasResizeEvent
    return getattr(ft, name)


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_event_parses_client_data(name: str, data: str, expected: dict[str, Any]) -> None:
    event = parse(_class(name), data)
    assert isinstance(event, ControlEvent)
    assert (event.target, event.name, event.data) == ("_7", "test_event", data)
    for attribute, value in expected.items():
        assert getattr(event, attribute) == value, attribute


def test_line_chart_event_lists_the_touched_spots() -> None:
    event = parse(ft.LineChartEvent, '{"type":"FlTapUpEvent","spots":[{"bar_index":0,"spot_index":4}]}')
    assert event.type == "FlTapUpEvent"
    assert [(s.bar_index, s.spot_index) for s in event.spots] == [(0, 4)]


def test_missing_or_broken_data_gives_defaults() -> None:
    event = parse(ft.TapEvent, "")
    assert (event.local_x, event.kind) == (0.0, "")
    event = parse(ft.DismissibleDismissEvent, "sideways")
    assert event.direction is None


def test_unknown_keys_from_a_newer_client_are_ignored() -> None:
    event = parse(ft.canvas.CanvasResizeEvent, '{"w":1,"h":2,"dpr":3}')
    assert (event.width, event.height) == (1.0, 2.0)


def test_file_picker_keeps_the_last_result() -> None:
    picker = ft.FilePicker()
    event: ft.FilePickerResultEvent = parse(ft.FilePickerResultEvent, '{"path":"/tmp","files":null}', control=picker)
    assert picker.result is event
    assert event.path == "/tmp" and event.files is None


def test_page_runs_a_handler_with_the_typed_event() -> None:
    conn = InMemoryConnection()
    page = Page(conn, session_id="s")
    conn.register(page)
    seen: list[Any] = []
    box = ft.Container(on_click=seen.append)
    page.add(box)
    page.dispatch_event(str(box.uid), "click", '{"lx":1,"ly":2,"gx":3,"gy":4}')
    assert isinstance(seen[0], ft.ContainerTapEvent)
    assert (seen[0].local_x, seen[0].control) == (1.0, box)


def _spec_event_classes() -> list[Any]:
    return [pytest.param(name, entry, id=name) for name, entry in sorted(SPEC["event_classes"].items())]


# A value of each field type of the spec, as the client sends it and as the field reads it.
_PROBES: dict[str, tuple[Any, Any]] = {
    "float": (1.5, 1.5),
    "Optional[float]": (2.5, 2.5),
    "float | None": (0.5, 0.5),
    "int": (2, 2),
    "Optional[int]": (3, 3),
    "bool": (True, True),
    "str": ("s", "s"),
    "str | None": ("e", "e"),
    "Optional[str]": ("p", "p"),
    "DismissDirection": ("up", DismissDirection.UP),
}


@pytest.mark.parametrize(("name", "entry"), _spec_event_classes())
def test_every_spec_event_class_reads_its_keys(name: str, entry: dict[str, Any]) -> None:
    obj: Any = ft
    for part in entry["api_names"][0].split(".")[1:]:
        obj = getattr(obj, part)
    assert issubclass(obj, ControlEvent)
    if entry["data_format"] != "json-kwargs" or name == "PageMediaData":
        # raw-data events are parsed in CASES above; the page's media data in test_page.py
        assert name in {c[0] for c in CASES} or name in {
            "PageMediaData",
            "LoginEvent",
            "RouteChangeEvent",
            "ViewPopEvent",
            "AppLifecycleStateChangeEvent",
        }
        return
    data: dict[str, Any] = {}
    expected: dict[str, Any] = {}
    for field in entry["fields"]:
        sent, read = ([], []) if "List" in field["type"] else _PROBES[field["type"]]
        data[field["json_key"]] = sent
        expected[field["name"]] = read
    event = obj.from_wire("_1", "e", json.dumps(data), None, None)
    assert {k: getattr(event, k) for k in expected} == expected
