"""Reading the templates: ordinary Python modules whose parts are merged into the generated ones.

Part of tools/codegen/controls.py; see its docstring for what a template may hold.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass, field

from controls_catalog import TEMPLATES

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
