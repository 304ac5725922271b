"""Generate flet_core's control modules from the control catalog (controls.json) and templates.

Usage, from the repository root:

    python tools/codegen/controls.py            # write the modules
    python tools/codegen/controls.py --check    # exit 1 if any module is out of date

The spec folder is taken from `--spec-dir`, else FLET_SPEC_DIR, else `../shared/spec` next to the
repository. The output is formatted with ruff (found next to this Python, or on PATH).

What comes from where:

- controls.json gives every control's wire type, fields (wire names, encodings, defaults, the
  defaults upstream sends), child slots, events and constructor order.
- controls_config.py gives the module each control lives in, its one-line docstring, and which
  parameters type checkers accept positionally.
- templates/<module>.py holds what the catalog cannot say: methods, hooks, typed events and
  converters. A template is ordinary Python. Its imports are merged into the module's, its
  top-level helpers are copied above the controls, and the body of a class named like a control
  is merged into that control: an annotated field replaces the generated field of that name (or
  is added), anything else is appended, a docstring replaces the summary, and explicit bases
  replace the ones derived from the catalog.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import controls_config as config

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = REPO_ROOT / "packages" / "flet-core" / "src" / "flet_core"
TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_SPEC_DIR = REPO_ROOT.parent / "shared" / "spec"

# Bases written by hand; their fields are not generated.
HAND_WRITTEN_BASES = {
    "Control": "flet_core.control",
    "ConstrainedControl": "flet_core.constrained_control",
    "AdaptiveControl": "flet_core.adaptive_control",
    "ScrollableControl": "flet_core.scrollable_control",
}
# Controls that exist as hand-written modules (not generated, but covered by the tests).
HAND_WRITTEN_CONTROLS = {"Page", "View", "Offstage"}

# Value-type modules written by hand; names they export may be used in annotations and defaults.
VALUE_MODULES = [
    "types",
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
    "padding",
    "painting",
    "path_elements",
    "pickers",
    "placement",
    "media",
    "navigation",
    "accessibility",
    "text_input",
    "text_style",
    "markdown_syntax",
    "shadow",
    "theme",
    "transform",
    "control_event",
    "gesture_events",
]

TYPING_NAMES = {"Any", "Literal", "ClassVar"}

# Methods the hand-written bases provide; the catalog lists some again on controls.
INHERITED_METHODS = {"clean", "clean_async", "update", "update_async", "scroll_to", "scroll_to_async"}

FOCUS_METHOD = '''\
def focus(self) -> None:
    """Move the keyboard focus to this control."""
    # a new value each time, so that the client sees a change even when focusing twice
    self._set_attr("focus", dumps(str(time.time())))
    self.update()'''

DATETIME_NAMES = {"datetime", "time"}


# -- reading the catalog ------------------------------------------------------------------------


@dataclass
class Catalog:
    """The parts of controls.json the generator uses, indexed."""

    controls: dict[str, dict[str, Any]]
    bases: dict[str, dict[str, Any]]
    event_classes: dict[str, dict[str, Any]]

    def record(self, key: str) -> dict[str, Any]:
        return self.controls[key] if key in self.controls else self.bases[key]


def load_catalog(spec_dir: Path) -> Catalog:
    data = json.loads((spec_dir / "controls.json").read_text(encoding="utf-8"))
    controls = {c["key"]: c for c in data["controls"]}
    bases = {b["class"]: b for b in data["base_classes"]}
    return Catalog(controls, bases, data["event_classes"])


def module_of_key() -> dict[str, str]:
    """Catalog key -> generated module (dotted, below flet_core)."""
    out: dict[str, str] = {}
    for module, (_, keys) in config.MODULES.items():
        for key in keys:
            out[key] = module.replace("/", ".")
    return out


# -- names we can import ------------------------------------------------------------------------


def public_names(path: Path) -> list[str]:
    """The names in a module's `__all__` (read without importing it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                return []  # computed (flet_core/__init__.py)
            return [str(v) for v in value]
    return []


def defined_names(path: Path) -> list[str]:
    """The public names a module defines itself (classes, functions, assignments), not imports."""
    public = set(public_names(path))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return [name for name in names if name in public]


def value_registry() -> dict[str, str]:
    """Name -> module for the hand-written value types, enums and aliases."""
    out: dict[str, str] = {}
    for module in VALUE_MODULES:
        for name in public_names(PACKAGE_DIR / f"{module}.py"):
            out.setdefault(name, module)
    return out


# -- types and defaults -------------------------------------------------------------------------

_KIND_TYPES = {"str": "str", "bool": "bool", "float": "float", "int": "int", "datetime": "datetime"}
_NAME = re.compile(r"[A-Za-z_][\w.]*")


def translate_type(text: str) -> str:
    """Upstream's typing spelling -> ours (`List[int] | None` -> `list[int] | None`)."""
    text = text.replace("Path.PathElement", "PathElement")
    text = re.sub(r"\bList\[", "list[", text)
    text = re.sub(r"\bDict\[", "dict[", text)
    text = re.sub(r"\bTuple\[", "tuple[", text)
    text = re.sub(r"\bSet\b(?!\[)", "set[str]", text)
    text = re.sub(r"\b(matplotlib|plotly)\.[\w.]+", "Any", text)
    while "Optional[" in text:
        text = re.sub(r"Optional\[([^\[\]]*(?:\[[^\[\]]*\])*[^\[\]]*)\]", r"\1 | None", text)
    if text == "None":
        return "Any"
    return text


def annotation_for(prop: dict[str, Any]) -> str:
    alias = prop.get("alias")
    py_type = prop.get("py_type")
    if alias in {"PaddingValue", "MarginValue", "BorderRadiusValue", "AnimationValue", "OffsetValue"}:
        return str(alias)
    if alias == "ResponsiveNumber":
        return "ResponsiveNumber | None"
    if py_type:
        return translate_type(str(py_type))
    kind = str(prop.get("kind", ""))
    return f"{_KIND_TYPES.get(kind, 'Any')} | None"


def default_expr(prop: dict[str, Any]) -> str:
    """The Python expression of the value read while the field is unset."""
    if "getter_default" in prop:
        return repr(prop["getter_default"])
    text = prop.get("default")
    return "None" if text is None else str(text)


def _optional(annotation: str) -> bool:
    return (
        "None" in annotation
        or annotation in {"Any", "PaddingValue", "MarginValue"}
        or annotation.endswith(("Value", "| None"))
    )


def names_in(text: str) -> set[str]:
    """The top-level names an expression or annotation refers to (`X.Y` counts as `X`)."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return {m.group(0).split(".")[0] for m in _NAME.finditer(text)} - {"None", "True", "False"}
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


# -- templates ----------------------------------------------------------------------------------


@dataclass
class ClassTemplate:
    """What a template adds to or changes in one generated class."""

    docstring: str | None = None
    bases: list[str] | None = None
    fields: dict[str, str] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)


@dataclass
class Template:
    """A parsed template module."""

    docstring: str | None = None
    imports: list[ast.stmt] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)
    public: list[str] = field(default_factory=list)
    classes: dict[str, ClassTemplate] = field(default_factory=dict)


def _segment(lines: list[str], node: ast.AST) -> str:
    """Source of a node with its decorators and the comment lines right above it."""
    start = node.lineno - 1  # type: ignore[attr-defined]
    decorators = getattr(node, "decorator_list", [])
    if decorators:
        start = min(start, decorators[0].lineno - 1)
    while start > 0 and lines[start - 1].strip().startswith("#"):
        start -= 1
    end = node.end_lineno  # type: ignore[attr-defined]
    return textwrap.dedent("\n".join(lines[start:end]))


def _field_docstring(body: list[ast.stmt], index: int) -> str | None:
    if index + 1 < len(body):
        nxt = body[index + 1]
        if isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant) and isinstance(nxt.value.value, str):
            return str(nxt.value.value)
    return None


def load_template(module: str, control_names: set[str]) -> Template:
    path = TEMPLATES / f"{module}.py"
    template = Template()
    if not path.is_file():
        return template
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    body = list(tree.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        template.docstring = str(body[0].value.value)
        body = body[1:]
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            if isinstance(node, ast.ImportFrom) and node.module in {"__future__", "typing"}:
                names = [a.name for a in node.names if a.name != "TYPE_CHECKING"]
                if node.module == "__future__" or not names:
                    continue
            template.imports.append(node)
        elif isinstance(node, ast.ClassDef) and node.name in control_names:
            template.classes[node.name] = _class_template(node, lines)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            template.public.extend(str(v) for v in ast.literal_eval(node.value))
        elif isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            continue  # names the template refers to; the generator resolves them itself
        else:
            text = _segment(lines, node)
            template.helpers.append(text)
            name = getattr(node, "name", None)
            if isinstance(name, str) and not name.startswith("_") and isinstance(node, ast.ClassDef):
                template.public.append(name)
    return template


def _class_template(node: ast.ClassDef, lines: list[str]) -> ClassTemplate:
    result = ClassTemplate()
    if node.bases:
        result.bases = [ast.unparse(b) for b in node.bases]
    body = list(node.body)
    skip: set[int] = set()
    for index, item in enumerate(body):
        if index in skip:
            continue
        if (
            index == 0
            and isinstance(item, ast.Expr)
            and isinstance(item.value, ast.Constant)
            and isinstance(item.value.value, str)
        ):
            result.docstring = item.value.value
            continue
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            text = _segment(lines, item)
            doc = _field_docstring(body, index)
            if doc is not None:
                text += "\n" + _segment(lines, body[index + 1])
                skip.add(index + 1)
            result.fields[item.target.id] = text
            continue
        result.body.append(_segment(lines, item))
    return result


# -- generating one class -----------------------------------------------------------------------


@dataclass
class Imports:
    """`from module import name` lines, collected while generating."""

    names: dict[str, set[str]] = field(default_factory=dict)
    type_only: dict[str, set[str]] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)

    def add(self, module: str, name: str, *, type_only: bool = False) -> None:
        table = self.type_only if type_only else self.names
        table.setdefault(module, set()).add(name)

    def render(self) -> str:
        lines: list[str] = []
        lines.extend(self.extra)
        for module in sorted(self.names):
            lines.append(f"from {module} import {', '.join(sorted(self.names[module]))}")
        type_only = {m: n - self.names.get(m, set()) for m, n in self.type_only.items()}
        type_only = {m: n for m, n in type_only.items() if n}
        if type_only:
            lines.append("from typing import TYPE_CHECKING")
            lines.append("if TYPE_CHECKING:")
            for module in sorted(type_only):
                lines.append(f"    from {module} import {', '.join(sorted(type_only[module]))}")
        return "\n".join(lines)


class ModuleWriter:
    """Builds the text of one generated module."""

    def __init__(self, module: str, catalog: Catalog, values: dict[str, str], homes: dict[str, str]) -> None:
        self.module = module
        self.dotted = "flet_core." + module.replace("/", ".")
        self.catalog = catalog
        self.values = values
        self.homes = homes  # catalog key -> dotted module below flet_core
        self.summary, self.keys = config.MODULES[module]
        self.class_names = {self.catalog.record(k)["class"] for k in self.keys}
        self.template = load_template(module, self.class_names)
        self.imports = Imports()
        self.imports.add("flet_core._fields", "control")

    # names used in annotations and defaults must be imported
    def need(self, text: str, *, runtime: bool = False) -> None:
        for name in names_in(text):
            self.need_name(name, runtime=runtime)

    def need_name(self, name: str, *, runtime: bool = False) -> None:
        if name in self.class_names or name in {"str", "int", "float", "bool", "list", "dict", "tuple", "set", "type"}:
            return
        if name in TYPING_NAMES:
            self.imports.add("typing", name)
        elif name in DATETIME_NAMES:
            self.imports.add("datetime", name)
        elif name in HAND_WRITTEN_BASES:
            self.imports.add(HAND_WRITTEN_BASES[name], name, type_only=not runtime)
        elif name == "EventHandler":
            self.imports.add("flet_core.control_event", name)
        elif name in self.values:
            self.imports.add(f"flet_core.{self.values[name]}", name)
        elif name in self.template_names():
            return
        else:
            home = self._control_home(name)
            if home is None:
                raise SystemExit(f"{self.module}: do not know where {name!r} comes from")
            self.imports.add(home, name, type_only=not runtime)

    def template_names(self) -> set[str]:
        names: set[str] = set()
        for node in self.template.imports:
            names.update(alias.asname or alias.name for alias in node.names)  # type: ignore[attr-defined]
        for text in self.template.helpers:
            match = re.match(r"(?:@.*\n)*(?:class|def|async def)\s+(\w+)|(\w+)\s*[:=]", text)
            if match:
                names.add(match.group(1) or match.group(2))
        return names

    def _control_home(self, name: str) -> str | None:
        for key, home in self.homes.items():
            if self.catalog.record(key)["class"] == name and key != "canvas.Text":
                return "flet_core." + home
        if name in self.catalog.bases and name in self.homes:
            return "flet_core." + self.homes[name]
        if name in HAND_WRITTEN_CONTROLS:
            return "flet_core.view" if name in {"View", "Offstage"} else "flet_core.page"
        return None

    # -- one class ----------------------------------------------------------------------------

    def direct_bases(self, record: dict[str, Any]) -> list[str]:
        bases: list[str] = list(record["bases"])
        ancestors: set[str] = set()
        for base in bases:
            if base in self.catalog.bases:
                ancestors.update(self.catalog.bases[base]["bases"])
            else:
                ancestors.update(self._record_by_class(base)["bases"])
        return [b for b in bases if b not in ancestors] or ["Control"]

    def _record_by_class(self, name: str) -> dict[str, Any]:
        for record in self.catalog.controls.values():
            if record["class"] == name and record["key"] != "canvas.Text":
                return record
        return self.catalog.bases[name]

    def own(self, record: dict[str, Any], key: str) -> list[dict[str, Any]]:
        return [p for p in record[key] if p["defined_in"] == record["class"]]

    def class_source(self, key: str) -> str:
        record = self.catalog.record(key)
        name = record["class"]
        tmpl = self.template.classes.get(name, ClassTemplate())
        bases = tmpl.bases or self.direct_bases(record)
        for base in bases:
            self.need_name(base, runtime=True)
        props = {p["name"]: p for p in self.own(record, "properties")}
        events = {e["name"]: e for e in self.own(record, "events")}
        slots = {s["property"]: s for s in record.get("slots", [])}
        order = [p["name"] for p in record["init_params"]]
        order += [n for n in [*props, *events] if n not in order]

        lines: dict[str, str] = {}
        for field_name in order:
            if field_name in tmpl.fields:
                lines[field_name] = tmpl.fields[field_name]
            elif field_name in props:
                line = self.prop_line(record, props[field_name], slots)
                if line:
                    lines[field_name] = line
            elif field_name in events:
                lines[field_name] = self.event_line(events[field_name])
        lines.update(self.inherited_overrides(record, tmpl))
        for field_name, text in tmpl.fields.items():
            lines.setdefault(field_name, text)
        for text in lines.values():
            self.need_template_field(text)

        positional = self.positional(key, record, lines)
        for field_name in positional:
            if field_name in lines and "kw_only=False" not in lines[field_name]:
                lines[field_name] = make_positional(lines[field_name])
                if " = prop(" in lines[field_name]:
                    self.imports.add("flet_core._fields", "prop")

        out: list[str] = []
        type_name = None if record.get("abstract", True) and key in self.catalog.bases else record["t"]
        out.append(self.decorator(type_name, record))
        out.append(f"class {name}({', '.join(bases)}):")
        doc = tmpl.docstring or config.DOCS[key]
        out.append(f'    """{doc}"""' if "\n" not in doc else textwrap.indent(f'"""{doc}"""', "    "))
        if lines:
            out.append("")
            for text in lines.values():
                out.append(textwrap.indent(text, "    "))
        for text in tmpl.body + self.methods(record, tmpl):
            out.append("")
            out.append(textwrap.indent(text, "    "))
        return "\n".join(out)

    def methods(self, record: dict[str, Any], tmpl: ClassTemplate) -> list[str]:
        """`focus()` (the same everywhere) and the deprecated `*_async` twins of other methods."""
        written = set()
        for text in tmpl.body:
            match = re.match(r"(?:@.*\n)*(?:async def|def)\s+(\w+)|(\w+)\s*=", text)
            if match:
                written.add(match.group(1) or match.group(2))
        out: list[str] = []
        name = record["class"]
        for method in sorted(record["methods"], key=lambda m: bool(m.get("deprecated"))):
            method_name = method["name"]
            if method["defined_in"] != name or method.get("lifecycle_hook") or method_name in written:
                continue
            if method_name in INHERITED_METHODS:
                continue
            if method.get("deprecated"):
                self.imports.add("flet_core._deprecation", "deprecated_twin")
                out.append(f"{method_name} = deprecated_twin({method_name.removesuffix('_async')})")
            elif method_name == "focus" and set(method["effects"].get("attrs", {})) == {"focus"}:
                self.imports.extra.append("import time")
                self.imports.add("flet_core.encoding", "dumps")
                out.append(FOCUS_METHOD)
            else:
                raise SystemExit(f"{name}.{method_name}: write it in templates/{self.module}.py")
        return out

    def need_template_field(self, text: str) -> None:
        node = ast.parse(textwrap.dedent(text)).body[0]
        if isinstance(node, ast.AnnAssign):
            self.need(ast.unparse(node.annotation))

    def decorator(self, type_name: str | None, record: dict[str, Any]) -> str:
        if type_name is None:
            return "@control(None)"
        words = " ".join(p["name"] for p in record["init_params"])
        one_line = f'@control("{type_name}", positional="{words}".split())'
        if len(one_line) <= 110:
            return one_line
        chunks = textwrap.wrap(words, 96)
        if len(words) <= 90:
            return f'@control(\n    "{type_name}",\n    positional="{words}".split(),\n)'
        body = "\n".join(f'        "{c} "' if i < len(chunks) - 1 else f'        "{c}"' for i, c in enumerate(chunks))
        return f'@control(\n    "{type_name}",\n    positional=(\n{body}\n    ).split(),\n)'

    def positional(self, key: str, record: dict[str, Any], lines: dict[str, str]) -> list[str]:
        if key in config.POSITIONAL:
            return config.POSITIONAL[key]
        params = [p["name"] for p in record["init_params"]]
        if params and params[0] in lines and not params[0].startswith("on_"):
            return [params[0]]
        return []

    def prop_line(self, record: dict[str, Any], prop: dict[str, Any], slots: dict[str, dict[str, Any]]) -> str:
        name = prop["name"]
        if "slot" in prop or prop["kind"] in {"control", "list-of-controls"}:
            return self.slot_line(prop, slots.get(name))
        annotation = annotation_for(prop)
        default = default_expr(prop)
        if default == "None" and not _optional(annotation):
            annotation += " | None"
        self.need(annotation)
        if prop.get("python_only") or prop.get("readonly"):
            self.imports.add("flet_core._fields", "local")
            self.need(default, runtime=True)
            return f"{name}: {annotation} = local(default={default})"
        wire = prop.get("wire")
        args: list[str] = []
        eager = self.is_eager(record, prop)
        args.append(f"default={default}")
        kind = prop["kind"]
        if kind in {"datetime", "time"}:
            # dates and times accept ISO text too, and come back from the client as text
            annotation = f"{kind} | str | None"
            self.need(annotation)
            codec = "datetime" if kind == "datetime" else "time"
            args.append(f"convert=to_{codec}")
            args.append(f"decode=decode_{codec}")
            self.imports.add("flet_core._conversions", f"to_{codec}")
            self.imports.add("flet_core._conversions", f"decode_{codec}")
            if kind == "time":
                args.append("encode=encode_time")
                self.imports.add("flet_core._conversions", "encode_time")
        if wire and wire != name.replace("_", "").lower():
            args.append(f'wire="{wire}"')
        if prop.get("encoding") == "json":
            args.append("json=True")
        if eager:
            args.append("eager=True")
        self.need(default, runtime=True)
        if len(args) == 1 and not name.startswith("on_"):  # `on_*` plain defaults are events
            return f"{name}: {annotation} = {default}"
        self.imports.add("flet_core._fields", "prop")
        return f"{name}: {annotation} = prop({', '.join(args)})"

    def is_eager(self, record: dict[str, Any], prop: dict[str, Any]) -> bool:
        wire = prop.get("wire")
        return bool(wire) and wire in record.get("default_wire_attrs", {})

    def inherited_overrides(self, record: dict[str, Any], tmpl: ClassTemplate) -> dict[str, str]:
        """Fields of a base that this control sends by default (`CupertinoFilledButton.bgcolor`)."""
        out: dict[str, str] = {}
        own = {p["name"] for p in self.own(record, "properties")}
        for prop in record["properties"]:
            if prop["name"] in own or prop["name"] in tmpl.fields or not self.is_eager(record, prop):
                continue
            base_template = self.template.classes.get(prop["defined_in"])
            if base_template is not None and prop["name"] in base_template.fields:
                continue  # the base computes it (`FilledButton.style`)
            if prop.get("merged_only"):
                continue
            wire_value = record["default_wire_attrs"][prop["wire"]]
            annotation = annotation_for(prop)
            self.need(annotation)
            default = repr(wire_value == "true") if prop["kind"] == "bool" else repr(wire_value)
            out[prop["name"]] = f"{prop['name']}: {annotation} = prop(default={default}, eager=True)"
        return out

    def slot_line(self, prop: dict[str, Any], slot: dict[str, Any] | None) -> str:
        self.imports.add("flet_core._fields", "slot")
        many = prop["kind"] == "list-of-controls" or (slot is not None and slot["multiple"])
        n = (slot or {}).get("n", (prop.get("slot") or {}).get("n"))
        annotation = translate_type(str(prop.get("py_type") or ("List[Control]" if many else "Control | None")))
        if many:
            annotation = annotation.replace(" | None", "")
        elif "None" not in annotation:
            annotation += " | None"
        self.need(annotation)
        args = []
        if n is not None:
            args.append(f'n="{n}"')
        if many:
            args.append("many=True")
        args.append("default=None")
        return f"{prop['name']}: {annotation} = slot({', '.join(args)})"

    def event_line(self, event: dict[str, Any]) -> str:
        self.imports.add("flet_core._fields", "event")
        self.imports.add("flet_core.control_event", "EventHandler")
        event_class = event["event_class"]
        if event_class == "ControlEvent":
            self.imports.add("flet_core.control_event", "ControlEvent")
        else:
            self.need_name(event_class, runtime=True)
        args: list[str] = []
        if event_class != "ControlEvent":
            args.append(event_class)
        rule = event["name"].removeprefix("on_")
        if event.get("event") and event["event"] != rule:
            args.append(f'name="{event["event"]}"')
        flag = event.get("flag_attr")
        if flag is None:
            args.append("flag=False")
        elif flag != event["name"].replace("_", "").lower():
            args.append(f'flag="{flag}"')
        args.append("default=None")
        return f"{event['name']}: EventHandler[{event_class}] | None = event({', '.join(args)})"

    # -- the whole module ---------------------------------------------------------------------

    def render(self) -> str:
        classes = [self.class_source(key) for key in self.keys]
        for node in self.template.imports:
            self.add_template_import(node)
        public = [self.catalog.record(k)["class"] for k in self.keys] + self.template.public
        doc = self.template.docstring or self.summary
        origin = f"tools/codegen/templates/{self.module}.py" if (TEMPLATES / f"{self.module}.py").is_file() else None
        note = "Generated by tools/codegen/controls.py from the Flet 0.21 control catalog"
        note += f"\nand {origin}; edit those, not this file." if origin else "; do not edit by hand."
        parts = [
            f'"""{doc}\n\n{note}\n"""',
            "from __future__ import annotations",
            self.imports.render(),
            "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(set(public))) + "]",
        ]
        parts.extend(self.template.helpers)
        parts.extend(classes)
        return "\n\n\n".join(p for p in parts if p) + "\n"

    def add_template_import(self, node: ast.stmt) -> None:
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                name = alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"
                self.imports.add(node.module, name)
        else:
            self.imports.extra.append(ast.unparse(node))


def make_positional(text: str) -> str:
    """Turn a field line into one that type checkers accept positionally."""
    head, sep, value = text.partition(" = ")
    first_line, *rest = value.split("\n")
    if first_line.startswith(("prop(", "slot(", "event(", "local(")) and first_line.endswith(")"):
        first_line = (
            f"{first_line[:-1]}, kw_only=False)"
            if not first_line.endswith("()")
            else f"{first_line[:-1]}kw_only=False)"
        )
    elif not first_line.startswith(("prop(", "slot(", "event(", "local(", "alias(")):
        first_line = f"prop(default={first_line}, kw_only=False)"
    return head + sep + "\n".join([first_line, *rest])


# -- packages, aliases and the export table ----------------------------------------------------


def package_init(package: str, homes: dict[str, str], catalog: Catalog) -> str:
    modules = [m for m in config.MODULES if m.startswith(package + "/")]
    imports = Imports()
    public: list[str] = []
    for module in modules:
        dotted = "flet_core." + module.replace("/", ".")
        for name in public_names(PACKAGE_DIR / f"{module}.py"):
            imports.add(dotted, name)
            public.append(name)
    summary = config.PACKAGES[package]
    note = "Generated by tools/codegen/controls.py; do not edit by hand."
    parts = [
        f'"""{summary}\n\n{note}\n"""',
        "from __future__ import annotations",
        imports.render(),
        "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(set(public))) + "]",
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def alias_module(name: str, home: str, names: list[str]) -> str:
    return (
        f'"""Compatibility path: `flet_core.{name}` re-exports {", ".join(f"`{n}`" for n in names)}'
        f' from `flet_core.{home}`.\n\nGenerated by tools/codegen/controls.py.\n"""\n\n'
        "from __future__ import annotations\n\n"
        f"from flet_core.{home} import {', '.join(names)}\n\n"
        "__all__ = [" + ", ".join(f'"{n}"' for n in names) + "]\n"
    )


# Names of `import flet as ft` that flet_core does not provide (owned by other packages).
NOT_IN_CORE_PACKAGES = ("flet_runtime.", "flet.")


def export_table(spec_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(name -> our flet_core module, or "module:..." for modules), and names provided elsewhere."""
    types = json.loads((spec_dir / "types.json").read_text(encoding="utf-8"))
    defined: dict[str, list[str]] = {}
    modules = sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    for path in modules:
        rel = path.relative_to(PACKAGE_DIR).with_suffix("")
        dotted = "flet_core." + ".".join(rel.parts).removesuffix(".__init__")
        if rel.name.startswith("_") and rel.name != "__init__":
            continue
        if dotted == "flet_core":
            continue
        for name in defined_names(path):
            defined.setdefault(name, []).append(dotted)
    aliases = {f"flet_core.{a}" for a in config.ALIASES}
    module_map = _module_map()
    table: dict[str, str] = {}
    elsewhere: dict[str, str] = {}
    for entry in types["exports"]:
        name = entry["name"]
        upstream = entry.get("from") or ""
        if entry["kind"] == "module":
            target = module_map.get(name)
            if target is None and (PACKAGE_DIR / f"{name}.py").is_file():
                target = f"flet_core.{name}"  # written by hand under upstream's name
            if target is None:
                elsewhere[name] = upstream
            else:
                table[name] = "module:" + target
            continue
        homes = [m for m in defined.get(name, []) if m not in aliases and ".canvas." not in m + "."]
        if not homes:
            homes = [m for m in defined.get(name, []) if m not in aliases]
        if not homes:
            elsewhere[name] = upstream
            continue
        table[name] = upstream if upstream in homes else homes[0]
    return table, elsewhere


def _module_map() -> dict[str, str]:
    """Upstream module names exported as `ft.<name>` -> the flet_core module holding their content."""
    homes = module_of_key()
    catalog_modules: dict[str, str] = {}
    spec = json.loads((_spec_dir_cache[0] / "controls.json").read_text(encoding="utf-8"))
    for record in spec["controls"] + spec["base_classes"]:
        upstream = str(record["module"]).removeprefix("flet_core.")
        home = homes.get(record.get("key", record["class"]))
        if home is None and record["class"] in HAND_WRITTEN_BASES:
            home = HAND_WRITTEN_BASES[record["class"]].removeprefix("flet_core.")
        if home is None and record["class"] in HAND_WRITTEN_CONTROLS:
            home = "view" if record["class"] in {"View", "Offstage"} else "page"
        if (PACKAGE_DIR / f"{upstream}.py").is_file():
            home = upstream  # the module exists under upstream's name (page, text, datatable, ...)
        if home is not None and "." not in upstream:
            catalog_modules.setdefault(upstream, home)
    catalog_modules.update(
        {
            "canvas": "canvas",
            "charts": "charts",
            "matplotlib_chart": "matplotlib_chart",
            "plotly_chart": "plotly_chart",
            "form_field_control": "form_fields",
            "inline_span": "text",
            "event": "control_event",
            "event_handler": "control_event",
            "ref": "control",
            "querystring": "query_string",
            "protocol": "protocol",
            "connection": "connection",
        }
    )
    for name in [
        "alignment",
        "animation",
        "blur",
        "border",
        "border_radius",
        "buttons",
        "colors",
        "cupertino_colors",
        "cupertino_icons",
        "gradients",
        "icons",
        "margin",
        "padding",
        "painting",
        "shadow",
        "text_style",
        "theme",
        "transform",
        "types",
        "control_event",
    ]:
        catalog_modules.setdefault(name, name)
    return {
        name: "flet_core." + target.replace("/", ".")
        for name, target in catalog_modules.items()
        if (PACKAGE_DIR / f"{target}.py").is_file() or (PACKAGE_DIR / target / "__init__.py").is_file()
    }


_spec_dir_cache: list[Path] = []


def exports_module(table: dict[str, str], elsewhere: dict[str, str]) -> str:
    lines = [
        '"""The public names of `import flet as ft`, and the flet_core module that holds each.',
        "",
        "`EXPORTS` maps a name to its module; a value `module:<dotted>` means the name is that module",
        "itself (`ft.padding`). `ELSEWHERE` lists the names other packages provide, with the upstream",
        "module they came from. flet_core's `__getattr__` loads names from `EXPORTS` on first use.",
        "",
        "Generated by tools/codegen/controls.py from the spec's types.json; do not edit by hand.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        '__all__ = ["ELSEWHERE", "EXPORTS"]',
        "",
        "EXPORTS: Final[dict[str, str]] = {",
    ]
    lines += [f'    "{name}": "{table[name]}",' for name in sorted(table)]
    lines += ["}", "", "ELSEWHERE: Final[dict[str, str]] = {"]
    lines += [f'    "{name}": "{elsewhere[name]}",' for name in sorted(elsewhere)]
    lines += ["}", ""]
    return "\n".join(lines)


def eager_names() -> set[str]:
    """Names flet_core/__init__.py imports itself (the lazy table does not provide them)."""
    tree = ast.parse((PACKAGE_DIR / "__init__.py").read_text(encoding="utf-8"))
    return {
        alias.asname or alias.name for node in tree.body if isinstance(node, ast.ImportFrom) for alias in node.names
    }


def exports_typing_module(table: dict[str, str]) -> str:
    """A module that imports every lazy name, for type checkers only (never imported at run time)."""
    by_module: dict[str, list[str]] = {}
    modules: list[tuple[str, str]] = []
    eager = eager_names()
    for name, target in sorted(table.items()):
        if name in eager:
            continue
        if target.startswith("module:"):
            modules.append((name, target.removeprefix("module:")))
        else:
            by_module.setdefault(target, []).append(name)
    lines = [
        '"""Static view of the lazily loaded names of flet_core, for type checkers and IDEs.',
        "",
        "flet_core/__init__.py star-imports this module under `TYPE_CHECKING` only.",
        "Generated by tools/codegen/controls.py; do not edit by hand.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
    ]
    for target, alias in sorted((t, n) for n, t in modules):
        package, _, leaf = target.rpartition(".")
        if leaf == alias:
            lines.append(f"from {package} import {leaf} as {alias}")
        else:
            lines.append(f"import {target} as {alias}")
    for module in sorted(by_module):
        names = ", ".join(f"{n} as {n}" for n in sorted(by_module[module]))
        lines.append(f"from {module} import {names}")
    lines.append("")
    return "\n".join(lines)


# -- formatting and the command line ----------------------------------------------------------


def ruff_command() -> list[str]:
    local = Path(sys.executable).with_name("ruff")
    if local.is_file():
        return [str(local)]
    found = shutil.which("ruff")
    if found:
        return [found]
    raise SystemExit("tools/codegen/controls.py needs ruff (pip install ruff) to format its output")


def format_source(text: str, path: Path) -> str:
    ruff = ruff_command()
    name = str(path)
    fixed = subprocess.run(
        [*ruff, "check", "--fix-only", "--select", "I,F401", "--stdin-filename", name, "-"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
    )
    if fixed.returncode not in (0, 1):
        raise SystemExit(f"ruff check failed on {path}:\n{fixed.stderr}")
    formatted = subprocess.run(
        [*ruff, "format", "--stdin-filename", name, "-"],
        input=fixed.stdout or text,
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
    )
    if formatted.returncode != 0:
        raise SystemExit(f"ruff format failed on {path}:\n{formatted.stderr}\n--- source ---\n{text}")
    return formatted.stdout


def generate(spec_dir: Path) -> dict[Path, str]:
    """Every generated file and its text, in dependency order."""
    _spec_dir_cache[:] = [spec_dir]
    catalog = load_catalog(spec_dir)
    values = value_registry()
    homes = module_of_key()
    out: dict[Path, str] = {}
    for module in config.MODULES:
        writer = ModuleWriter(module, catalog, values, homes)
        path = PACKAGE_DIR / f"{module}.py"
        out[path] = format_source(writer.render(), path)
    for name, (home, names) in config.ALIASES.items():
        path = PACKAGE_DIR / f"{name}.py"
        out[path] = format_source(alias_module(name, home, names), path)
    return out


def generate_packages(spec_dir: Path) -> dict[Path, str]:
    """Package __init__ modules and the export tables (read from the modules written first)."""
    catalog = load_catalog(spec_dir)
    homes = module_of_key()
    out: dict[Path, str] = {}
    for package in config.PACKAGES:
        path = PACKAGE_DIR / package / "__init__.py"
        out[path] = format_source(package_init(package, homes, catalog), path)
    return out


def generate_exports(spec_dir: Path) -> dict[Path, str]:
    _spec_dir_cache[:] = [spec_dir]
    table, elsewhere = export_table(spec_dir)
    out: dict[Path, str] = {}
    path = PACKAGE_DIR / "_exports.py"
    out[path] = format_source(exports_module(table, elsewhere), path)
    path = PACKAGE_DIR / "_exports_typing.py"
    out[path] = format_source(exports_typing_module(table), path)
    return out


def write_or_check(files: dict[Path, str], check: bool) -> list[Path]:
    stale: list[Path] = []
    for path, text in files.items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return stale


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a generated file is out of date")
    parser.add_argument("--spec-dir", type=Path, default=None, help="folder holding controls.json")
    args = parser.parse_args(list(argv) if argv is not None else None)
    spec_dir = args.spec_dir or Path(os.environ.get("FLET_SPEC_DIR") or DEFAULT_SPEC_DIR)
    if not (spec_dir / "controls.json").is_file():
        print(f"controls.json not found in {spec_dir}", file=sys.stderr)
        return 2
    stale = write_or_check(generate(spec_dir), args.check)
    # the package and export modules read the generated modules, so they come second
    if not args.check or not stale:
        stale += write_or_check(generate_packages(spec_dir), args.check)
        stale += write_or_check(generate_exports(spec_dir), args.check)
    for path in stale:
        verb = "out of date" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(REPO_ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
