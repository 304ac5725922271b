"""Writing one generated module: its imports, and each control class from the catalog and a template.

Part of tools/codegen/controls.py; see its docstring.
"""

from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

import controls_config as config
from controls_catalog import (
    HAND_WRITTEN_BASES,
    HAND_WRITTEN_CONTROLS,
    TEMPLATES,
    Catalog,
    annotation_for,
    default_expr,
    is_optional,
    names_in,
    translate_type,
)
from controls_templates import ClassTemplate, load_template

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
        lines = reorder_slots(lines, config.SLOT_ORDER.get(name, []))
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
        if default == "None" and not is_optional(annotation):
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


def reorder_slots(lines: dict[str, str], wanted: list[str]) -> dict[str, str]:
    """Put the slot fields named in ``wanted`` in that order, in the places slot fields had."""
    if not wanted:
        return lines
    ordered = iter(sorted((k for k in lines if k in wanted), key=wanted.index))
    return {key: lines[key] for key in (next(ordered) if k in wanted else k for k in lines)}
