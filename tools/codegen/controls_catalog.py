"""The control catalog (controls.json) as the generator reads it, and the names flet_core offers.

Part of tools/codegen/controls.py; see its docstring.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
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


# -- reading the catalog ------------------------------------------------------------------------


@dataclass
class Catalog:
    """The parts of controls.json the generator uses, indexed."""

    controls: dict[str, dict[str, Any]]
    bases: dict[str, dict[str, Any]]

    def record(self, key: str) -> dict[str, Any]:
        return self.controls[key] if key in self.controls else self.bases[key]


def load_catalog(spec_dir: Path) -> Catalog:
    data = json.loads((spec_dir / "controls.json").read_text(encoding="utf-8"))
    controls = {c["key"]: c for c in data["controls"]}
    bases = {b["class"]: b for b in data["base_classes"]}
    return Catalog(controls, bases)


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


def is_optional(annotation: str) -> bool:
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
