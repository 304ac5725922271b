"""Type checkers see every name of `import flet as ft` (the lazy loader serves them at run time)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import flet
import flet_core


def _type_checking_names(path: Path) -> set[str]:
    """Names bound by the imports inside the module's top-level `if TYPE_CHECKING:` block."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom):
                    names.update(alias.asname or alias.name for alias in statement.names)
    return names


def test_every_public_name_is_in_the_static_view() -> None:
    static = _type_checking_names(Path(flet.__file__))
    assert "*" in static  # flet_core's static view of its lazy names
    static |= set(vars(importlib.import_module("flet_core._exports_typing")))
    missing = {name for name in flet.__all__ if name not in static}
    assert missing == set(), f"names of `ft.` that type checkers cannot see: {sorted(missing)}"
    assert set(flet_core.__all__) <= set(flet.__all__)
