"""flet_core's modules import each other without a cycle at run time (issue 13).

The graph is read from the source with ``ast``: every ``import`` outside an
``if TYPE_CHECKING:`` block is an edge, including imports inside functions (they run too, only
later). Imports under ``TYPE_CHECKING`` are left out on purpose: ``Control.page`` is typed
``Page`` and ``Page`` is a ``Control``, so the type checker's graph has a cycle through
``control`` and ``page`` that the 0.21 API's types require.
"""

from __future__ import annotations

import ast
from pathlib import Path

import flet_core

PACKAGE = Path(flet_core.__file__).parent


def _module_names() -> dict[str, Path]:
    names: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("flet_core", *path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _is_type_checking(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The flet_core modules ``module`` imports at run time."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names if alias.name in modules)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    target = f"{base}.{alias.name}"
                    found.add(target if target in modules else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found &= modules.keys()
    found.discard(module)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (as a path that ends where it starts), or None."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        path.append(start)
        on_path.add(start)
        while stack:
            node, todo = stack[-1]
            if not todo:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
                continue
            nxt = todo.pop()
            if nxt in on_path:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in done:
                stack.append((nxt, sorted(graph[nxt])))
                path.append(nxt)
                on_path.add(nxt)
    return None


def test_the_reader_sees_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_the_reader_follows_local_imports_and_skips_type_checking() -> None:
    modules = _module_names()
    # diff imports control at the top; _fields imports control only for the type checker
    assert "flet_core.control" in _imports("flet_core.diff", modules["flet_core.diff"], modules)
    assert "flet_core.control" not in _imports("flet_core._fields", modules["flet_core._fields"], modules)
    # _fields imports errors inside a function
    assert "flet_core.errors" in _imports("flet_core._fields", modules["flet_core._fields"], modules)


def test_no_import_cycle_at_run_time() -> None:
    modules = _module_names()
    # the package's __init__ imports every module; a module importing from it would be a cycle too
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert _cycle(graph) is None
