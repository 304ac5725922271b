"""The lazy public API: every name of `import flet as ft` that flet-core provides, and nothing eager.

`flet_core._exports.EXPORTS` maps each public name to the module that defines it in our layout;
names other packages provide are listed in `ELSEWHERE`. Together they are exactly the public
names of upstream's `flet` namespace (types.json `exports`).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import flet_core
from flet_core._exports import ELSEWHERE, EXPORTS

TYPES_PATH = Path(__file__).resolve().parent / "data" / "types.json"  # tests/data/README.md
SRC = str(Path(flet_core.__file__).resolve().parents[1])

EAGER = {
    alias.asname or alias.name
    for node in ast.parse(Path(flet_core.__file__).read_text(encoding="utf-8")).body
    if isinstance(node, ast.ImportFrom)
    for alias in node.names
}

FAMILY_MODULES = [
    "layout",
    "container",
    "text",
    "display",
    "material",
    "material_buttons",
    "menus",
    "form_fields",
    "inputs",
    "navigation_bars",
    "dialogs",
    "cupertino",
    "cupertino_inputs",
    "players",
    "web_views",
    "services",
    "interaction",
    "semantics",
    "effects",
    "datatable",
    "user_control",
    "canvas",
    "charts",
    "matplotlib_chart",
    "plotly_chart",
]


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_export_resolves(name: str) -> None:
    target = EXPORTS[name]
    if target.startswith("module:"):
        module = importlib.import_module(target.removeprefix("module:"))
        assert getattr(flet_core, name) is module
        return
    value = getattr(importlib.import_module(target), name)
    if name not in EAGER:  # names flet_core imports itself do not go through the table
        assert getattr(flet_core, name) is value
    if inspect.isclass(value):
        assert value.__module__ == target, f"{name} is defined in {value.__module__}, not {target}"


def test_exports_cover_the_flet_namespace() -> None:
    upstream = {entry["name"] for entry in json.loads(TYPES_PATH.read_text(encoding="utf-8"))["exports"]}
    assert set(EXPORTS) | set(ELSEWHERE) == upstream
    assert not set(EXPORTS) & set(ELSEWHERE)
    assert all(not target.startswith("flet_core") for target in ELSEWHERE.values() if target.startswith("flet_runtime"))


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": SRC}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return {line.removeprefix("flet_core.") for line in out.stdout.split() if line.startswith("flet_core.")}


def test_importing_flet_core_loads_no_control_family() -> None:
    loaded = _loaded_after("import flet_core")
    assert not loaded & set(FAMILY_MODULES), loaded & set(FAMILY_MODULES)
    assert "icons" not in loaded


def test_a_family_module_loads_only_what_it_needs() -> None:
    loaded = _loaded_after("import flet_core.material_buttons")
    assert loaded & set(FAMILY_MODULES) == {"material_buttons"}
