"""flet_core's modules import each other without a cycle at run time, and the type checker's
circle is pinned (issue 13).

The graph is read from the source with ``ast``: every ``import`` outside an
``if TYPE_CHECKING:`` block is an edge at run time, including imports inside functions (they
run too, only later). The type checker also follows the imports under ``TYPE_CHECKING``, and
there ``Control.page`` is typed ``Page`` while ``Page`` is a ``Control``: ``control`` and
``page`` import each other, and every module both reachable from them and reaching them is in
one strongly connected component. The public 0.21 types need that pair; ``TYPE_CHECKER_CIRCLE``
lists the component's members with the reason each is in it, so it cannot grow unnoticed.
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


def _imports(module: str, path: Path, modules: dict[str, Path], *, type_checking: bool = False) -> set[str]:
    """The flet_core modules ``module`` imports at run time (also for the type checker with ``type_checking``)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child) and not type_checking:
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


def _components(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of ``graph`` with more than one module (Tarjan's, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph[nxt])))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


# The type checker's one circle: who is in it and why. `control` and `page` name each other for the
# public 0.21 types; the others are classes and functions the page (or a view) names in its public
# types that are themselves built on `Control`, and the engine modules that name `Control`.
TYPE_CHECKER_CIRCLE = {
    "control": "`Control.page` is typed `Page` (0.21: `ribbon.page` is `Page | None`)",
    "page": "`Page` is a `Control` (0.21: `isinstance(page, ft.Control)`) and names what follows",
    "adaptive_control": "`Page`'s base class, a `Control`",
    "view": "`page.views` is `list[View]`, `View` a `Control`",
    "scrollable_control": "`View`'s base, a `Control`; `page.on_scroll` takes its `OnScrollEvent`",
    "dialogs": "`page.dialog`, `page.banner`, `page.bottom_sheet`, `page.snack_bar` are typed with them",
    "cupertino": "`page.appbar`, `page.navigation_bar`, `page.dialog` may be Cupertino controls",
    "navigation_bars": "`page.appbar`, `page.bottom_appbar`, `page.navigation_bar`, `page.drawer`",
    "material_buttons": "`page.floating_action_button` is a `FloatingActionButton`",
    "constrained_control": "the base of the controls above, a `Control`",
    "_focusable": "`Focusable(Control)`, a base of the buttons above",
    "control_event": "`ControlEvent(..., control: Control | None, page: Page | None)`; the page creates events",
    "page_events": "the page's events (`ControlEvent`s) and its `on_*` collections, which take the `Page`",
    "client_storage": "`ClientStorage(page: Page)`, 0.21's constructor; `page.client_storage`",
    "query_string": "`QueryString(page: Page)`, 0.21's constructor; `page.query`",
    "_fields": "the fields `Control` and `Page` are declared with; typed on `Control` and `ControlEvent`",
    "_update_state": "the record every `Control` holds; it and the page's state hold `Control`s",
    "diff": "the engine `Page.update()` runs; it reads `Control`s and calls their 0.20/0.21 hooks",
}


def test_the_reader_finds_components() -> None:
    graph = {"a": {"b"}, "b": {"a", "c"}, "c": {"d"}, "d": {"c"}, "e": {"a"}}
    assert sorted(map(sorted, _components(graph))) == [["a", "b"], ["c", "d"]]
    assert _components({"a": {"b"}, "b": set()}) == []


def test_the_type_checker_sees_only_the_pinned_circle() -> None:
    modules = _module_names()
    graph = {name: _imports(name, path, modules, type_checking=True) for name, path in modules.items()}
    assert "flet_core.page" in graph["flet_core.control"]  # the TYPE_CHECKING import is followed
    components = _components(graph)
    expected = {f"flet_core.{name}" for name in TYPE_CHECKER_CIRCLE}
    assert [sorted(c) for c in components] == [sorted(expected)], (
        "the type checker's import circle changed; keep new modules off it (a leaf module for shared "
        "names, annotations-only imports where they are not needed), or pin a member with its reason"
    )
