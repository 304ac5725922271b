"""What type checkers see of `import flet_core` / `import flet as ft` matches what the lazy loader serves.

At run time the public names load on first use (PEP 562); type checkers instead read the
`if TYPE_CHECKING:` imports of `flet_core/__init__.py`: the eager imports and `_exports_typing`.
A public name missing from that static view would be an error in users' editors, and a static
name bound to another object would be typed wrongly.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import flet_core
from flet_core import _exports_typing

PACKAGE = Path(flet_core.__file__).resolve().parent


def _bound_names(path: Path) -> set[str]:
    """The public names a module binds at its top level or in its `if` blocks, by import or assignment."""
    names: set[str] = set()
    body = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while body:
        node = body.pop()
        if isinstance(node, ast.If):
            body.extend(node.body + node.orelse)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names if alias.asname or "." not in alias.name)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return {name for name in names if not name.startswith("_") and name not in {"*", "annotations"}}


def test_the_static_view_holds_every_public_name() -> None:
    static = _bound_names(PACKAGE / "__init__.py") | _bound_names(PACKAGE / "_exports_typing.py")
    public = set(flet_core.__all__)
    assert public - static == set(), "public names type checkers cannot see"
    assert static - public - {"TYPE_CHECKING", "Any", "importlib"} == set(), "names type checkers see that do not exist"


@pytest.mark.parametrize("name", sorted(_bound_names(PACKAGE / "_exports_typing.py")))
def test_each_static_name_is_what_the_loader_serves(name: str) -> None:
    assert getattr(_exports_typing, name) is getattr(flet_core, name)


def test_flet_core_itself_never_imports_the_static_view() -> None:
    source = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    runtime = [node for node in tree.body if isinstance(node, ast.ImportFrom) and "_exports_" in (node.module or "")]
    assert runtime == [], "the static view is for type checkers only (it would import every family module)"
