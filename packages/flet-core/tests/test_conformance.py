"""Every control against the catalog (controls.json): names, wire types, fields, slots, events.

For each control of the spec this checks, through the public API where it can:

- the class is reachable under its public name and sends the spec's wire type `t`;
- every property exists, under the spec's wire name, reads the spec's default while unset, and
  each spec sample value, set on a fresh control added to a page, changes the attributes the
  client receives exactly as the sample says;
- every child slot has the spec's `n` name and arity, a sample child lands where it should, and
  children go to the client in upstream's order of slots (`CHILD_ORDER`);
- every event is declared with the spec's wire event name, flag attribute and event class;
- every client method exists (and its `*_async` twin is awaitable);
- the constructor takes its positional parameters in upstream's order.

Where we send something other than upstream on purpose (the client reads another name, or the
feature did not work in 0.21.2), the difference is listed in `DEVIATIONS` with its reason and
counts as covered; the repository README (Compatibility) has the same table for users. The
catalog is test data of this package (tests/data/, see its README.md); a missing file fails the module.
"""

from __future__ import annotations

import ast
import datetime
import importlib
import inspect
import json
import re
import sys
import types
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import flet_core
from flet_core._aliases import Alias
from flet_core._fields import EventField, Prop, Slot
from flet_core.connection import InMemoryConnection
from flet_core.control import Control
from flet_core.page import Page

DATA = Path(__file__).resolve().parent / "data"
CONTROLS: Any = json.loads((DATA / "controls.json").read_text(encoding="utf-8"))
TYPES: Any = json.loads((DATA / "types.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.filterwarnings("ignore:.*UserControl is deprecated:DeprecationWarning")


@pytest.fixture(autouse=True)
def _chart_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chart controls check that their library is installed; the samples use stub figures."""
    for name in ("matplotlib", "plotly"):
        try:
            importlib.import_module(name)
        except ImportError:
            monkeypatch.setitem(sys.modules, name, types.ModuleType(name))


# (catalog key, member) -> (what we send instead, why). A member is a property name,
# `event:on_x`, `default:wire` (an attribute upstream sends by default), `sample:name[i]` or
# `unset:name` (the value read while unset). "What we send" is checked: a wire name for
# properties, `event/flag` for events, the expression of the value read for `unset:`.
DEVIATIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("Semantics", "hint_text"): ("hint", "the client reads `hint`; upstream sent `hinttext`"),
    ("Semantics", "on_tap_hint_text"): ("ontaphint", "the client reads `ontaphint`; upstream sent `ontaphinttext`"),
    ("Semantics", "on_long_press_hint_text"): (
        "onlongpresshint",
        "the client reads `onlongpresshint`; upstream sent `onlongpresshinttext`",
    ),
    ("Semantics", "event:on_tap"): ("click/onclick", "the client taps through flag `onclick` and event `click`"),
    ("Semantics", "event:on_scroll_left"): ("scrollLeft/onscrollleft", "the client sends `scrollLeft`"),
    ("Semantics", "event:on_scroll_right"): ("scrollRight/onscrollright", "the client sends `scrollRight`"),
    ("Semantics", "event:on_scroll_up"): ("scrollUp/onscrollup", "the client sends `scrollUp`"),
    ("Semantics", "event:on_scroll_down"): ("scrollDown/onscrolldown", "the client sends `scrollDown`"),
    ("WebView", "prevent_link"): ("preventlink", "the client reads `preventlink`; upstream sent `prevent_link`"),
    ("WebView", "default:prevent_link"): ("preventlink", "sent under the name the client reads (above)"),
    ("Dismissible", "movement_duration"): ("duration", "the client reads `duration`; upstream sent `movementduration`"),
    ("CupertinoDatePicker", "min_year"): ("minimumyear", "the client reads `minimumyear`; upstream sent `minyear`"),
    ("CupertinoDatePicker", "max_year"): ("maximumyear", "the client reads `maximumyear`; upstream sent `maxyear`"),
    ("CupertinoSlider", "default:round"): ("", "upstream sent the text of Python's builtin `round` function"),
    ("BarChartRod", "tooltip_style"): ("tooltipstyle", "the client reads `tooltipstyle`; upstream never sent it"),
    ("SubmenuButton", "alignment_offset"): (
        "alignmentoffset",
        "the client reads `alignmentoffset`; upstream never sent it",
    ),
    ("Semantics", "unset:container"): ("False", "sent as `false` unless set (above), so it reads `False` too"),
    ("SegmentedButton", "unset:style"): (
        "ButtonStyle()",
        "reads the style it sends (`{}` while unset, as upstream sent); upstream read None",
    ),
    ("Pagelet", "sample:floating_action_button_location[1]"): (
        '{"x":0.5,"y":0.5}',
        "upstream sent Python's repr of the Offset (`Offset(x=0.5, y=0.5)`), which the client cannot read",
    ),
    ("Pagelet", "sample:floating_action_button_location[2]"): (
        "[0.5,0.5]",
        "upstream sent Python's repr of the tuple (`(0.5, 0.5)`), which the client cannot read",
    ),
}

# What reading an unset property gives, where that is not the constructor default the catalog
# records (`default`) and the catalog has no `getter_default`: upstream's constructor turns None
# into an empty list for the first three; Checkbox.value reads False unless the checkbox is
# tristate (a getter default that depends on `tristate`, observed on upstream 0.21.2).
READ_DEFAULTS: dict[tuple[str, str], Any] = {
    ("Path", "elements"): [],
    ("Points", "points"): [],
    ("Shadow", "path"): [],
    ("Checkbox", "value"): False,
}

# The order in which upstream 0.21.2 sends a control's children, by slot, for every control with
# two or more slots (the catalog lists slots by name only); observed by filling every slot of an
# upstream control. Our order is the order of the slot fields: a base class's fields first, then
# the class's own in declaration order.
CHILD_ORDER: dict[str, list[str]] = {
    "AlertDialog": ["title", "icon", "content", "actions"],
    "AppBar": ["leading", "title", "actions"],
    "Banner": ["leading", "content", "actions"],
    "Canvas": ["shapes", "content"],
    "BarChart": ["bar_groups", "left_axis", "top_axis", "right_axis", "bottom_axis"],
    "ChartAxis": ["labels", "title"],
    "LineChart": ["data_series", "left_axis", "top_axis", "right_axis", "bottom_axis"],
    "Chip": ["label", "leading", "delete_icon"],
    "CupertinoActionSheet": ["cancel", "title", "message", "actions"],
    "CupertinoAlertDialog": ["title", "content", "actions"],
    "CupertinoAppBar": ["leading", "middle", "trailing"],
    "CupertinoContextMenu": ["content", "actions"],
    "CupertinoListTile": ["leading", "title", "subtitle", "trailing", "additional_info"],
    "CupertinoTextField": ["prefix", "suffix"],
    "DataTable": ["columns", "rows"],
    "Dismissible": ["content", "background", "secondary_background"],
    "Draggable": ["content", "content_when_dragging", "content_feedback"],
    "Dropdown": ["prefix", "suffix", "options"],
    "ExpansionPanel": ["header", "content"],
    "ExpansionTile": ["controls", "leading", "title", "subtitle", "trailing"],
    "ListTile": ["leading", "title", "subtitle", "trailing"],
    "MenuItemButton": ["leading", "trailing", "content"],
    "NavigationDestination": ["icon_content", "selected_icon_content"],
    "NavigationDrawerDestination": ["icon_content", "selected_icon_content"],
    "NavigationRail": ["leading", "trailing", "destinations"],
    "NavigationRailDestination": ["label_content", "icon_content", "selected_icon_content"],
    "Offstage": ["controls", "banner", "snack_bar", "dialog", "bottom_sheet", "splash"],
    "Pagelet": [
        "appbar",
        "content",
        "navigation_bar",
        "bottom_appbar",
        "bottom_sheet",
        "drawer",
        "end_drawer",
        "floating_action_button",
    ],
    "PopupMenuButton": ["content", "items"],
    "SearchBar": ["bar_leading", "view_leading", "bar_trailing", "view_trailing", "controls"],
    "Segment": ["label", "icon"],
    "SegmentedButton": ["segments", "selected_icon"],
    "SubmenuButton": ["controls", "leading", "trailing", "content"],
    "Tab": ["tab_content", "content"],
    "TextField": ["prefix", "suffix"],
    "View": ["appbar", "bottom_appbar", "floating_action_button", "navigation_bar", "drawer", "end_drawer", "controls"],
}

# Members of upstream's Control and Page that belong to its update engine, not to the public API.
ENGINE_INTERNALS = {"build_update_commands", "copy_attrs", "fetch_page_details_async", "on_event_async"}

# -- finding our classes ------------------------------------------------------------------------


def _resolve(api_name: str) -> Any:
    """`ft.X`, `ft.canvas.X`, `flet_core.page.X` or `flet.matplotlib_chart.X` -> our object."""
    parts = api_name.split(".")
    if parts[0] == "ft":
        obj: Any = flet_core
        for part in parts[1:]:
            obj = getattr(obj, part)
        return obj
    module = importlib.import_module(".".join(["flet_core", *parts[1:-1]]))
    return getattr(module, parts[-1])


def _class_of(record: dict[str, Any]) -> Any:
    names = record.get("api_names") or [f"flet_core.{record['module'].removeprefix('flet_core.')}.{record['class']}"]
    classes = {id(_resolve(name)): _resolve(name) for name in names}
    assert len(classes) == 1, f"{names} resolve to different objects"
    return next(iter(classes.values()))


# -- building sample values ------------------------------------------------------------------------

_DATACLASSES = {entry["name"]: entry for entry in TYPES["dataclasses"]}
_ENUMS = {entry["name"] for entry in TYPES["enums"]}
_NAME = re.compile(r"[A-Za-z_][\w.]*")


_TYPE_MODULES = [
    "flet_core",
    "flet_core.path_elements",
    "flet_core.pickers",
    "flet_core.media",
    "flet_core.painting",
    "flet_core.chart_styles",
    "flet_core.text_input",
    "flet_core.theme",
    "flet_core.buttons",
]


def _type(name: str) -> Any:
    name = name.removeprefix("Path.")
    for module in _TYPE_MODULES:
        obj = getattr(importlib.import_module(module), name, None)
        if obj is not None:
            return obj
    raise AssertionError(f"no type {name}")


def _from_json(type_text: str, data: Any) -> Any:
    """A Python value of `type_text` built from its example JSON (value types, enums, lists)."""
    if isinstance(data, list):
        return [_from_json(type_text, item) for item in data]
    if isinstance(data, dict):
        for name in _NAME.findall(type_text):
            entry = _DATACLASSES.get(name)
            if entry is None:
                continue
            candidates = [name, *entry.get("subclasses", [])]
            for candidate in candidates:
                spec = _DATACLASSES[candidate]
                keys = {f.get("json_key", f["name"]): f for f in spec["fields"]}
                tag = {f["default"].strip("'") for f in spec["fields"] if f["name"] == "type" and "default" in f}
                if set(data) <= set(keys) and ("type" not in data or {data["type"]} == tag):
                    return _build(candidate, data)
        return data
    for name in _NAME.findall(type_text):
        if name in _ENUMS and data is not None and not isinstance(data, bool):
            try:
                return _type(name)(data)
            except ValueError:
                continue
    return data


def _build(name: str, data: dict[str, Any] | None = None) -> Any:
    entry = _DATACLASSES.get(name) or _DATACLASSES[f"Path.{name}"]
    if data is None:
        data = entry["encoding"]["example"]
    fields = {f.get("json_key", f["name"]): f for f in entry["fields"]}
    kwargs = {fields[k]["name"]: _from_json(fields[k]["type"], v) for k, v in data.items() if k in fields}
    kwargs = {k: v for k, v in kwargs.items() if not (k == "type" and "default" in fields.get("type", {}))}
    return _type(name)(**kwargs)


class _StubFigure:
    """Stands in for a Matplotlib or Plotly figure: 2:1, an empty 40x20pt SVG."""

    def get_size_inches(self) -> tuple[float, float]:
        return (2.0, 1.0)

    def savefig(self, buffer: Any, **kwargs: Any) -> None:
        buffer.write(self._svg().encode() if isinstance(buffer.getvalue(), bytes) else self._svg())

    def to_image(self, format: str = "svg") -> bytes:  # plotly's parameter name
        return self._svg().encode()

    @staticmethod
    def _svg() -> str:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="40pt" height="20pt"></svg>'

    @property
    def layout(self) -> Any:
        return type("Layout", (), {"width": 40, "height": 20})()


def _control_sample(text: str) -> Control:
    """`<Text>` or `<AlertDialog>` -> a fresh instance built the way the spec built it."""
    name = text.strip("<>")
    if name == "Text":
        return flet_core.Text("probe-str")
    record = next(r for r in CONTROLS["controls"] if r["class"] == name and r["key"] != "canvas.Text")
    instance: Control = _instance(record)
    return instance


def _value(sample: Any, accepts: str) -> Any:
    if isinstance(sample, list):
        return [_item(item, accepts) for item in sample]
    if isinstance(sample, dict):
        return {_value(k, accepts) if "." in k else k: _value(v, accepts) for k, v in sample.items()}
    if not isinstance(sample, str):
        return sample
    if sample.startswith("<") and sample.endswith(">"):
        return _control_sample(sample)
    if sample == "set(...)":
        return {"probe-str"}
    if sample.startswith("_Stub"):
        return _StubFigure()
    if sample.endswith("(...)"):
        return _build(sample.removesuffix("(...)").removeprefix("Path."))
    if accepts == "datetime":
        return datetime.datetime.fromisoformat(sample)
    if accepts == "time":
        return datetime.time.fromisoformat(sample)
    match = re.fullmatch(r"([A-Z]\w+)\.([A-Z_0-9]+)", sample)
    if match and match.group(1) in _ENUMS:
        return getattr(_type(match.group(1)), match.group(2))
    return sample


def _item(sample: Any, accepts: str) -> Any:
    """A list item: value types the spec built with their defaults when they have them."""
    if isinstance(sample, str) and sample.endswith("(...)"):
        try:
            return _type(sample.removesuffix("(...)"))()
        except TypeError:
            pass
    return _value(sample, accepts)


def _instance(record: dict[str, Any], **extra: Any) -> Any:
    cls = _class_of(record)
    kwargs = {k: _value(v, "") for k, v in record.get("constructed_with", {}).items()}
    kwargs.update(extra)
    return cls(**kwargs)


# -- what the client receives ----------------------------------------------------------------------


def _sent(control: Control) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The attributes and the direct children the client holds for `control` once added."""
    conn = InMemoryConnection()
    page = Page(conn, session_id="s")
    conn.register(page)
    page.add(control)
    node = conn.client[str(control.uid)]
    attrs = {k: v for k, v in node.items() if k not in {"t", "i", "p", "c", "n", "at"}}
    return attrs, conn.client.children(str(control.uid))


def _changed(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in after.items() if before.get(k) != v} | {k: "" for k in before if k not in after}


# -- the checks ---------------------------------------------------------------------------------------

COVERAGE: Counter[str] = Counter()
TOTALS: Counter[str] = Counter()


# Members every control has on the Python side only (checked by test_control.py and friends).
PYTHON_SIDE = {"page", "uid", "data", "ref"}


def _covered(kind: str, ok: bool = True) -> None:
    TOTALS[kind] += 1
    if ok:
        COVERAGE[kind] += 1


def _records(page: bool = True) -> list[Any]:
    """The records as test parameters; ``page=False`` leaves out Page, the root the runtime builds
    (its model, construction and defaults are test_page.py's)."""
    return [pytest.param(r, id=r["key"]) for r in CONTROLS["controls"] if page or r["class"] != "Page"]


def _deviation(record: dict[str, Any], member: str) -> tuple[str, str] | None:
    return DEVIATIONS.get((record["key"], member))


def _target(cls: Any, name: str) -> Any:
    """The field behind `name`, following aliases (`Pagelet.bottom_app_bar` -> `bottom_appbar`)."""
    field = cls._field_table.by_name.get(name)
    while isinstance(field, Alias):
        field = cls._field_table.by_name.get(field.target)
    return field


def _verified_by_samples(prop: dict[str, Any]) -> bool:
    return any("wire" in sample for sample in prop.get("samples", []))


@pytest.mark.parametrize("record", _records())
def test_class_and_wire_type(record: dict[str, Any]) -> None:
    cls = _class_of(record)
    assert inspect.isclass(cls) and issubclass(cls, Control)
    assert cls._control_type == record["t"]
    _covered("controls")


@pytest.mark.parametrize("record", _records(page=False))
def test_properties(record: dict[str, Any]) -> None:
    cls = _class_of(record)
    problems: list[str] = []
    for prop in record["properties"]:
        name = prop["name"]
        if name in PYTHON_SIDE or prop.get("slot") or prop["kind"] in {"control", "list-of-controls"}:
            continue
        field = _target(cls, name)
        if field is None and not hasattr(cls, name):
            problems.append(f"{name}: missing")
            continue
        wire = prop.get("wire")
        deviation = _deviation(record, name)
        expected = deviation[0] if deviation else wire
        if isinstance(field, Prop):
            if not expected or field.wire == expected:
                _covered("properties")
            elif prop.get("init_only") and field.wire == wire:
                _covered("properties")
            else:
                problems.append(f"{name}: sent as {field.wire!r}, expected {expected!r}")
            continue
        # not a wire field of its own: Python-only upstream too, or folded into another
        # attribute by a hook (`ElevatedButton.color` -> `style`), which the samples verify
        if prop.get("python_only") or prop.get("readonly") or not wire or _verified_by_samples(prop):
            _covered("properties")
        else:
            problems.append(f"{name}: upstream sends {wire!r}, we send nothing")
    assert not problems, problems


def _expression(text: str) -> Any:
    """The value of a default as the catalog writes it: a literal, `Enum.MEMBER` or `Type()`."""
    match = re.fullmatch(r"([A-Z]\w+)(?:\.([A-Z_0-9]+)|\(\))", text)
    if match is None:
        return ast.literal_eval(text)
    cls = _type(match.group(1))
    return getattr(cls, match.group(2)) if match.group(2) else cls()


@pytest.mark.parametrize("record", _records())
def test_unset_properties_read_their_default(record: dict[str, Any]) -> None:
    control = Page(InMemoryConnection(), session_id="s") if record["class"] == "Page" else _instance(record)
    problems: list[str] = []
    for prop in record["properties"]:
        name = prop["name"]
        if name in PYTHON_SIDE or name in record.get("constructed_with", {}) or "slot" in prop:
            continue
        if prop["kind"] in {"control", "list-of-controls"}:
            continue
        deviation = _deviation(record, f"unset:{name}")
        if deviation is not None:
            expected = _expression(deviation[0])
        elif (record["key"], name) in READ_DEFAULTS:
            expected = READ_DEFAULTS[record["key"], name]
        elif "getter_default" in prop:
            expected = prop["getter_default"]
        elif isinstance(prop.get("default"), str):
            expected = _expression(prop["default"])
        else:
            continue  # the catalog does not say (a value the client or a hook provides)
        value = getattr(control, name)
        # `True == 1`: a bool default must read as a bool, and a number as a number
        if value != expected or isinstance(value, bool) != isinstance(expected, bool):
            problems.append(f"{name}: reads {value!r}, expected {expected!r}")
        else:
            _covered("defaults")
    assert not problems, problems


def _samples() -> list[Any]:
    out = []
    for record in CONTROLS["controls"]:
        if record["class"] == "Page":
            continue
        for prop in record["properties"]:
            for index, sample in enumerate(prop.get("samples", [])):
                if "wire" in sample or "placed" in sample or "descendants" in sample:
                    member = f"{prop['name']}[{index}]"
                    out.append(pytest.param(record, prop, sample, member, id=f"{record['key']}.{member}"))
    return out


@pytest.mark.parametrize(("record", "prop", "sample", "member"), _samples())
def test_sample_encodes_like_upstream(
    record: dict[str, Any], prop: dict[str, Any], sample: dict[str, Any], member: str
) -> None:
    name = prop["name"]
    value = _value(sample["sample"], sample["accepts"])
    baseline, _ = _sent(_instance(record))
    if prop.get("init_only"):
        control = _instance(record, **{name: value})
    else:
        control = _instance(record)
        setattr(control, name, value)
    attrs, children = _sent(control)
    if "wire" in sample:
        expected = dict(sample["wire"])
        sample_deviation = _deviation(record, f"sample:{member}")
        prop_deviation = _deviation(record, name)
        if sample_deviation:
            expected = {key: sample_deviation[0] for key in expected}
        elif prop_deviation:
            expected = dict.fromkeys([prop_deviation[0]], *expected.values())
        assert _changed(baseline, attrs) == expected
    if "placed" in sample:
        for place in sample["placed"]:
            if place.get("via"):
                continue
            assert any(c["t"] == place["t"] and c.get("n") == place["n"] for c in children), (place, children)
    if "descendants" in sample:
        for expected_child in sample["descendants"]:
            match = [c for c in children if c["t"] == expected_child["t"]]
            assert match, (expected_child, children)
            for key, text in expected_child["attrs"].items():
                assert match[0].get(key) == text
    _covered("samples")


@pytest.mark.parametrize("record", _records(page=False))
def test_default_attributes(record: dict[str, Any]) -> None:
    attrs, _ = _sent(_instance(record))
    for wire, text in record["default_wire_attrs"].items():
        deviation = _deviation(record, f"default:{wire}")
        if deviation is None:
            assert attrs.get(wire) == text, (wire, attrs)
        elif deviation[0]:
            assert attrs.get(deviation[0]) == text, (deviation, attrs)
        else:
            assert wire not in attrs, (wire, attrs)
        _covered("default attributes")


@pytest.mark.parametrize("record", _records())
def test_slots(record: dict[str, Any]) -> None:
    cls = _class_of(record)
    problems = []
    for spec_slot in record["slots"]:
        name = spec_slot["property"]
        if spec_slot.get("via"):
            # the page's bars and overlay live in its view and offstage (test_page.py)
            _covered("slots", hasattr(cls, name))
            continue
        field = _target(cls, name)
        if not isinstance(field, Slot):
            problems.append(f"{name}: not a slot")
        elif field.n != spec_slot["n"] or field.many != spec_slot["multiple"]:
            problems.append(f"{name}: n={field.n!r} many={field.many}, spec {spec_slot['n']!r} {spec_slot['multiple']}")
        else:
            _covered("slots")
    assert not problems, problems


def test_child_order_covers_every_control_with_several_slots() -> None:
    several = {r["key"] for r in CONTROLS["controls"] if sum(not s.get("via") for s in r["slots"]) > 1}
    assert set(CHILD_ORDER) == several


def _slot_value(prop: dict[str, Any], many: bool) -> Any:
    """A child (or a list of them) for a slot: the catalog's first sample, else a `Text`."""
    samples = prop.get("samples", [])
    if samples:
        return _value(samples[0]["sample"], samples[0]["accepts"])
    return [flet_core.Text("probe-str")] if many else flet_core.Text("probe-str")


@pytest.mark.parametrize("key", sorted(CHILD_ORDER))
def test_children_go_in_upstream_order(key: str) -> None:
    record = next(r for r in CONTROLS["controls"] if r["key"] == key)
    properties = {p["name"]: p for p in record["properties"]}
    many = {s["property"]: s["multiple"] for s in record["slots"]}
    control = _instance(record)
    filled: dict[str, list[Control]] = {}
    for name in CHILD_ORDER[key]:
        value = _slot_value(properties[name], many[name])
        setattr(control, name, value)
        filled[name] = value if isinstance(value, list) else [value]
    _, children = _sent(control)
    slot_of = {str(child.uid): name for name, given in filled.items() for child in given}
    sent = [slot_of[c["i"]] for c in children if c["i"] in slot_of]
    assert list(dict.fromkeys(sent)) == CHILD_ORDER[key]
    _covered("child order")


@pytest.mark.parametrize("record", _records())
def test_events(record: dict[str, Any]) -> None:
    cls = _class_of(record)
    by_name = {f.name: f for f in cls._field_table.events.values()}
    problems = []
    for spec_event in record["events"]:
        name = spec_event["name"]
        if record["class"] == "Page":
            # page events are subscriber lists, not fields (test_page.py)
            _covered("events", hasattr(cls, name))
            continue
        field = by_name.get(name)
        if not isinstance(field, EventField):
            problems.append(f"{name}: not an event")
            continue
        flag = field.flag if isinstance(field.flag, str) else None
        deviation = _deviation(record, f"event:{name}")
        expected = deviation[0] if deviation else f"{spec_event['event']}/{spec_event.get('flag_attr')}"
        if f"{field.event}/{flag}" != expected:
            problems.append(f"{name}: {field.event}/{flag}, expected {expected}")
            continue
        event_class = field.event_class.__name__ if field.event_class else "ControlEvent"
        if event_class != spec_event["event_class"]:
            problems.append(f"{name}: event class {event_class}, spec {spec_event['event_class']}")
            continue
        _covered("events")
    assert not problems, problems


@pytest.mark.parametrize("record", _records())
def test_methods(record: dict[str, Any]) -> None:
    cls = _class_of(record)
    problems = []
    for method in record["methods"]:
        if method.get("lifecycle_hook") or method["name"] in ENGINE_INTERNALS:
            continue
        member = getattr(cls, method["name"], None)
        if member is None:
            problems.append(f"{method['name']}: missing")
        elif method["async"] and not inspect.iscoroutinefunction(member):
            problems.append(f"{method['name']}: not awaitable")
        else:
            _covered("methods")
    assert not problems, problems


@pytest.mark.parametrize("record", _records(page=False))
def test_positional_order(record: dict[str, Any]) -> None:
    cls = _class_of(record)
    assert list(cls._field_table.positional) == [p["name"] for p in record["init_params"]]
    _covered("constructors")


def test_zz_coverage_is_complete() -> None:
    """Runs last in this module (by name): prints the coverage and requires all of it."""
    if not TOTALS:
        pytest.fail("run this test together with the rest of its module: it checks what they covered")
    report = ", ".join(f"{k}: {COVERAGE[k]}/{TOTALS[k]}" for k in sorted(TOTALS))
    print(f"\nconformance coverage: {report}; deviations listed: {len(DEVIATIONS)}")
    assert COVERAGE == TOTALS, report
