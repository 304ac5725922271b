"""Value types, enums, aliases and helper functions, checked against the spec and the wire.

The spec-driven tests read `types.json`, test data of this package (tests/data/); the rest pin
behaviour with literal expectations.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import importlib
import inspect
import json
import re
import typing
from pathlib import Path
from typing import Any

import pytest

from flet_core import (
    alignment,
    animation,
    border,
    border_radius,
    margin,
    padding,
)
from flet_core.border import Border, BorderSide
from flet_core.border_radius import BorderRadius
from flet_core.buttons import ButtonStyle, RoundedRectangleBorder
from flet_core.gradients import LinearGradient
from flet_core.margin import Margin
from flet_core.padding import Padding
from flet_core.path_elements import MoveTo, SubPath
from flet_core.text_input import NumbersOnlyInputFilter, TextOnlyInputFilter
from flet_core.text_style import TextDecoration, TextStyle
from flet_core.theme import Theme
from flet_core.types import FontWeight, MaterialState

# Every module of ours that holds spec'd value types, enums or aliases.
OUR_MODULES = [
    "accessibility",
    "alignment",
    "animation",
    "blur",
    "border",
    "border_radius",
    "buttons",
    "chart_styles",
    "gestures",
    "gradients",
    "margin",
    "markdown_syntax",
    "media",
    "method_results",
    "navigation",
    "padding",
    "painting",
    "path_elements",
    "pickers",
    "placement",
    "shadow",
    "text_input",
    "text_style",
    "theme",
    "transform",
    "types",
]

# Upstream modules that are not control modules keep their path: users import from them.
KEPT_MODULES = {
    "flet_core.alignment",
    "flet_core.animation",
    "flet_core.blur",
    "flet_core.border",
    "flet_core.border_radius",
    "flet_core.buttons",
    "flet_core.gradients",
    "flet_core.margin",
    "flet_core.padding",
    "flet_core.painting",
    "flet_core.shadow",
    "flet_core.text_style",
    "flet_core.theme",
    "flet_core.transform",
    "flet_core.types",
}


# The value types of Flet 0.21.2, test data of this package (tests/data/README.md); a missing
# file fails the module.
SPEC: dict[str, Any] = json.loads((Path(__file__).resolve().parent / "data" / "types.json").read_text(encoding="utf-8"))


def _spec_items(key: str) -> list[Any]:
    return list(SPEC[key])


def _entries(key: str, *, with_example: bool = False) -> list[Any]:
    return [
        pytest.param(entry, id=entry["name"])
        for entry in _spec_items(key)
        if not with_example or "example" in entry["encoding"]
    ]


def _registry() -> dict[str, tuple[str, Any]]:
    """Public type name -> (module, object) over all of our modules; names must be unique."""
    found: dict[str, tuple[str, Any]] = {}
    for name in OUR_MODULES:
        module = importlib.import_module(f"flet_core.{name}")
        # Helper functions and constants (`padding.all`, `alignment.center`) repeat by design.
        for public in (n for n in module.__all__ if not n[0].islower()):
            assert public not in found, f"{public} is defined in {found[public][0]} and {name}"
            found[public] = (module.__name__, getattr(module, public))
    return found


REGISTRY = _registry()


def _lookup(spec_name: str, spec_module: str) -> Any:
    # Upstream nests the path elements in the canvas Path control (`Path.MoveTo`).
    name = spec_name.removeprefix("Path.")
    assert name in REGISTRY, f"{spec_name} ({spec_module}) is not defined"
    module, obj = REGISTRY[name]
    if spec_module in KEPT_MODULES:
        assert module == spec_module, f"{spec_name} must live in {spec_module}, not {module}"
    return obj


# A reference encoder implementing the documented rule, independent of encoding.py.


def encode(value: object) -> str:
    return json.dumps(_plain(value), separators=(",", ":"))


def _plain(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    wire = getattr(value, "__wire__", None)
    if wire is not None and not isinstance(value, type):
        return _plain(wire())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(item) for f in dataclasses.fields(value) if (item := getattr(value, f.name)) is not None}
    if isinstance(value, dict):
        return {_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _key(key: object) -> str:
    if isinstance(key, enum.Enum):
        return "" if key.value is None else str(key.value)
    return str(key)


def _compact(data: object) -> str:
    return json.dumps(data, separators=(",", ":"))


# Literal expectations: these run without the spec folder.


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (padding.all(5), Padding(5, 5, 5, 5)),
        (padding.symmetric(vertical=1, horizontal=2), Padding(2, 1, 2, 1)),
        (padding.only(top=3), Padding(0, 3, 0, 0)),
        (margin.all(5), Margin(5, 5, 5, 5)),
        (margin.symmetric(vertical=1, horizontal=2), Margin(2, 1, 2, 1)),
        (margin.only(right=4), Margin(0, 0, 4, 0)),
        (border_radius.all(8), BorderRadius(8, 8, 8, 8)),
        (border_radius.horizontal(left=1, right=2), BorderRadius(1, 2, 1, 2)),
        (border_radius.vertical(top=1, bottom=2), BorderRadius(1, 1, 2, 2)),
        (border_radius.only(bottom_right=4), BorderRadius(0, 0, 0, 4)),
        (border.all(1, "red"), Border(*[BorderSide(1, "red")] * 4)),
        (
            border.symmetric(vertical=BorderSide(1), horizontal=BorderSide(2)),
            Border(top=BorderSide(1), right=BorderSide(2), bottom=BorderSide(1), left=BorderSide(2)),
        ),
        (border.only(left=BorderSide(3)), Border(left=BorderSide(3))),
        (animation.implicit(300), animation.Animation(300)),
    ],
)
def test_helper_builds_expected_value(value: object, expected: object) -> None:
    assert value == expected


@pytest.mark.parametrize(
    ("value", "wire"),
    [
        # Captured from the 0.21.2 client session in protocol.md.
        (padding.only(left=5, top=10), '{"l":5,"t":10,"r":0,"b":0}'),
        (
            border.all(2, "red"),
            '{"l":{"w":2,"c":"red"},"t":{"w":2,"c":"red"},"r":{"w":2,"c":"red"},"b":{"w":2,"c":"red"}}',
        ),
        (border_radius.all(8), '{"bl":8,"br":8,"tl":8,"tr":8}'),
        (
            Theme(color_scheme_seed="green"),
            '{"color_scheme_seed":"green","visual_density":"standard","page_transitions":{},"system_overlay_style":{}}',
        ),
        # Produced by upstream's encoder, as quoted in protocol.md.
        (
            border.only(left=BorderSide(1, "red")),
            '{"l":{"w":1,"c":"red"},"t":null,"r":null,"b":null}',
        ),
        (TextStyle(size=12, weight=FontWeight.BOLD), '{"size":12,"weight":"bold"}'),
        (
            animation.Animation(300, animation.AnimationCurve.EASE_IN),
            '{"duration":300,"curve":"easeIn"}',
        ),
        (alignment.top_left, '{"x":-1,"y":-1}'),
        (margin.all(1.5), '{"l":1.5,"t":1.5,"r":1.5,"b":1.5}'),
        (
            ButtonStyle(color={MaterialState.HOVERED: "red", MaterialState.DEFAULT: "blue"}),
            '{"color":{"hovered":"red","":"blue"}}',
        ),
        (
            RoundedRectangleBorder(radius=border_radius.all(4)),
            '{"type":"roundedRectangle","radius":{"bl":4,"br":4,"tl":4,"tr":4}}',
        ),
        (
            SubPath([MoveTo(1, 2)], 3, 4),
            '{"elements":[{"x":1,"y":2,"type":"moveto"}],"x":3,"y":4,"type":"subpath"}',
        ),
        (
            TextStyle(decoration=TextDecoration.UNDERLINE | TextDecoration.OVERLINE),
            '{"decoration":3}',
        ),
    ],
)
def test_wire_json(value: object, wire: str) -> None:
    assert encode(value) == wire


def test_discriminator_is_keyword_only_so_first_positional_is_the_value() -> None:
    shape = RoundedRectangleBorder(10)
    assert (shape.type, shape.radius) == ("roundedRectangle", 10)
    assert RoundedRectangleBorder(type="custom").type == "custom"


def test_gradient_defaults_are_not_shared_between_instances() -> None:
    first, second = LinearGradient(["red"]), LinearGradient(["blue"])
    first.begin.x = 0.25
    assert second.begin == alignment.Alignment(-1, 0)


def test_prebuilt_input_filters_take_no_arguments() -> None:
    assert NumbersOnlyInputFilter() == NumbersOnlyInputFilter()
    assert encode(NumbersOnlyInputFilter()) == '{"regex_string":"[0-9]","allow":true,"replacement_string":""}'
    assert TextOnlyInputFilter().regex_string == "[a-zA-Z]"


def test_type_hints_resolve_for_every_dataclass() -> None:
    for _, obj in REGISTRY.values():
        if dataclasses.is_dataclass(obj):
            hints = typing.get_type_hints(obj)
            assert {f.name for f in dataclasses.fields(obj)} <= set(hints)


# Spec conformance.


def test_spec_totals_are_covered() -> None:
    assert len(SPEC["enums"]) == SPEC["totals"]["enums"]
    assert len(SPEC["dataclasses"]) == SPEC["totals"]["dataclasses"]
    wanted = {e["name"] for e in SPEC["exports"] if e["kind"] in ("enum", "dataclass")}
    assert wanted <= set(REGISTRY)


@pytest.mark.parametrize("entry", _entries("enums"))
def test_enum_members_match_spec(entry: dict[str, Any]) -> None:
    cls = _lookup(entry["name"], entry["module"])
    base = enum.IntFlag if entry.get("enum_base") == "IntFlag" else enum.Enum
    assert issubclass(cls, base)
    if base is enum.Enum:
        # Plain enums, as upstream: members are not equal to their string values.
        assert not issubclass(cls, str | int)
    members = [(name, member.value) for name, member in cls.__members__.items()]
    assert members == [(v["name"], v["value"]) for v in entry["values"]]


def _describe(value: object) -> str:
    """A default value written the way the spec writes it."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


def _dummy(type_text: str) -> object:
    return [] if type_text.startswith("List") else 1


@pytest.mark.parametrize("entry", _entries("dataclasses"))
def test_dataclass_fields_match_spec(entry: dict[str, Any]) -> None:
    cls = _lookup(entry["name"], entry["module"])
    fields = dataclasses.fields(cls)
    assert [f.name for f in fields] == [f["name"] for f in entry["fields"]]
    for ours, spec in zip(fields, entry["fields"], strict=True):
        has_default = not (ours.default is dataclasses.MISSING and ours.default_factory is dataclasses.MISSING)
        assert has_default == ("default" in spec), ours.name
        if not has_default:
            continue
        factory = ours.default_factory
        default = ours.default if factory is dataclasses.MISSING else factory()
        if spec["default"].endswith("(...)"):
            assert type(default).__name__ == spec["default"].removesuffix("(...)")
        else:
            assert _describe(default) == spec["default"], ours.name


@pytest.mark.parametrize("entry", _entries("dataclasses"))
def test_dataclass_positional_order_matches_spec(entry: dict[str, Any]) -> None:
    cls = _lookup(entry["name"], entry["module"])
    if "not instantiable" in entry["encoding"].get("note", ""):
        required = {f["name"]: _dummy(f["type"]) for f in entry["fields"] if f.get("required")}
        with pytest.raises(TypeError):
            cls(**required)
        return
    params = inspect.signature(cls).parameters.values()
    positional = [p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
    keyword_only = [p.name for p in params if p.kind is p.KEYWORD_ONLY]
    # The discriminator `type` is keyword-only; everything else keeps the spec's order.
    assert positional == [f["name"] for f in entry["fields"] if f["name"] != "type"]
    assert keyword_only == [f["name"] for f in entry["fields"] if f["name"] == "type"]


_DATACLASSES = {entry["name"]: entry for entry in _spec_items("dataclasses")}
_ENUMS = {entry["name"] for entry in _spec_items("enums")}
_NAME = re.compile(r"[A-Za-z_][\w.]*")


def _candidates(type_text: str) -> list[str]:
    """Dataclass names a value of this type may be, subclasses included."""
    names: list[str] = []
    for name in _NAME.findall(type_text):
        if name in _DATACLASSES:
            names += [name, *_DATACLASSES[name].get("subclasses", [])]
    return names


def _from_example(type_text: str, data: Any) -> Any:
    """Build a Python value of `type_text` from its example JSON."""
    if isinstance(data, list):
        return [_from_example(type_text, item) for item in data]
    if isinstance(data, dict):
        for name in _candidates(type_text):
            entry = _DATACLASSES[name]
            keys = {f.get("json_key", f["name"]): f for f in entry["fields"]}
            tag = {f["default"].strip("'") for f in entry["fields"] if f["name"] == "type"}
            if set(data) <= set(keys) and ("type" not in data or {data["type"]} == tag):
                return _build(name, data)
        return data
    for name in _NAME.findall(type_text):
        if name in _ENUMS and data is not None and not isinstance(data, bool):
            try:
                return _lookup(name, "")(data)
            except ValueError:
                continue
    return data


def _build(name: str, data: dict[str, Any]) -> Any:
    entry = _DATACLASSES[name]
    fields = {f.get("json_key", f["name"]): f for f in entry["fields"]}
    kwargs = {fields[key]["name"]: _from_example(fields[key]["type"], value) for key, value in data.items()}
    return _lookup(name, "")(**kwargs)


@pytest.mark.parametrize("entry", _entries("dataclasses", with_example=True))
def test_dataclass_encodes_like_spec_example(entry: dict[str, Any]) -> None:
    example = entry["encoding"]["example"]
    value = _build(entry["name"], example)
    assert type(value) is _lookup(entry["name"], entry["module"])
    assert encode(value) == _compact(example)


def _helper_cases() -> list[Any]:
    cases = []
    for module, helpers in SPEC["helpers"].items():
        for function in helpers.get("functions", []):
            cases.append(pytest.param(module, function, id=f"{module}.{function['name']}"))
    return cases


def _call(node: ast.expr, namespace: dict[str, Any]) -> Any:
    """Evaluate the spec's example call: literals, names, attributes and keyword calls only."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return namespace[node.id]
    if isinstance(node, ast.Attribute):
        return getattr(_call(node.value, namespace), node.attr)
    if isinstance(node, ast.Call) and not node.args:
        function = _call(node.func, namespace)
        kwargs = {kw.arg: _call(kw.value, namespace) for kw in node.keywords if kw.arg}
        return function(**kwargs)
    raise AssertionError(f"unsupported expression in example: {ast.dump(node)}")


@pytest.mark.parametrize(("module_name", "function"), _helper_cases())
def test_helper_function_matches_spec(module_name: str, function: dict[str, Any]) -> None:
    module = importlib.import_module(f"flet_core.{module_name}")
    helper = getattr(module, function["name"])
    params = list(inspect.signature(helper).parameters.values())
    assert [p.name for p in params] == [p["name"] for p in function["params"]]
    for ours, spec in zip(params, function["params"], strict=True):
        if "default" in spec:
            assert repr(ours.default) == spec["default"]
        else:
            assert ours.default is inspect.Parameter.empty

    result = _call(ast.parse(function["example_call"], mode="eval").body, vars(module))
    if isinstance(function["example_json"], str):
        assert result == function["example_json"]
    else:
        assert type(result).__name__ == function["returns"]
        assert encode(result) == _compact(function["example_json"])


def _helper_constants() -> list[Any]:
    return [
        pytest.param(module, constant, id=f"{module}.{constant['name']}")
        for module, helpers in SPEC["helpers"].items()
        for constant in helpers.get("constants", [])
    ]


@pytest.mark.parametrize(("module_name", "constant"), _helper_constants())
def test_helper_constant_matches_spec(module_name: str, constant: dict[str, Any]) -> None:
    value = getattr(importlib.import_module(f"flet_core.{module_name}"), constant["name"])
    assert type(value).__name__ == constant["type"]
    assert encode(value) == _compact(constant["json"])


@pytest.mark.parametrize("entry", _entries("aliases"))
def test_alias_matches_spec(entry: dict[str, Any]) -> None:
    if entry["module"] in KEPT_MODULES:
        alias = getattr(importlib.import_module(entry["module"]), entry["name"])
    elif entry["module"] == "flet_core.control":
        # Upstream defines OptionalNumber in control.py; ours is a shared alias in types.
        alias = getattr(importlib.import_module("flet_core.types"), entry["name"])
    else:
        alias = REGISTRY[entry["name"]][1]
    assert alias is not None
    if "literal_values" in entry:
        assert typing.get_origin(alias) is typing.Literal
        assert list(typing.get_args(alias)) == entry["literal_values"]
    else:
        text = str(alias)
        for name in _NAME.findall(entry["expands_to"]):
            if name in _DATACLASSES:
                assert name in text


@pytest.mark.parametrize("entry", _entries("constants"))
def test_constant_matches_spec(entry: dict[str, Any]) -> None:
    assert getattr(importlib.import_module(entry["module"]), entry["name"]) == entry["value"]
