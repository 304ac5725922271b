"""Modules of the packages reach few private members of other modules, and say why (issue 13).

Ruff's SLF001 (on for every package) flags ``obj._name`` wherever ``obj`` is not ``self`` or
``cls``, and a ``# noqa: SLF001`` silences it. This test reads the package sources with ``ast``
and keeps the silenced ones honest: an access to a private name that the module itself does
not define (a method, attribute, slot or function of another module) counts as reaching across
modules; there may be at most ``LIMIT`` of those, and every ``noqa: SLF001`` carries its reason
on the same line (``# noqa: SLF001  # the reason``). Within one module a class may use its own
instances' private members (``ObservedList``'s engine side, the page's property proxies, ``App``
and its tabs), but those say why too.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 10

# a silenced SLF001, and one with its reason: a second `#` and three words or more after the code
_NOQA = re.compile(r"#\s*noqa:\s*[A-Z0-9, ]*\bSLF001\b")
_REASON = re.compile(r"#\s*noqa:\s*[A-Z0-9, ]*\bSLF001\b[A-Z0-9, ]*\s+#\s*(\S+\s+\S+\s+\S+.*)$")


@dataclass(frozen=True)
class Access:
    path: str
    line: int
    name: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: .{self.name}    {self.text.strip()}"


def sources() -> list[Path]:
    return sorted(ROOT.glob("packages/*/src/**/*.py"))


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _defined_here(tree: ast.Module) -> set[str]:
    """The private names this module defines: functions, classes, assigned names and attributes, slots."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__slots__" for target in node.targets
        ):
            names.update(
                element.value
                for element in ast.walk(node.value)
                if isinstance(element, ast.Constant) and isinstance(element.value, str)
            )
    return {name for name in names if _is_private(name)}


def _exempt(owner: ast.expr) -> bool:
    """What SLF001 leaves alone: ``self``, ``cls``, ``mcs`` and ``super()``."""
    if isinstance(owner, ast.Name):
        return owner.id in {"self", "cls", "mcs"}
    return isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super"


def private_accesses(source: str, path: str) -> tuple[list[Access], list[Access]]:
    """The private-member accesses of one module: (across modules, within the module)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    here = _defined_here(tree)
    across: list[Access] = []
    within: list[Access] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr) and not _exempt(node.value):
            access = Access(path, node.lineno, node.attr, lines[node.lineno - 1])
            (within if node.attr in here else across).append(access)
    return sorted(across, key=lambda a: a.line), sorted(within, key=lambda a: a.line)


def all_accesses() -> tuple[list[Access], list[Access]]:
    across: list[Access] = []
    within: list[Access] = []
    for path in sources():
        found = private_accesses(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
        across += found[0]
        within += found[1]
    return across, within


def test_the_reader_tells_across_from_within() -> None:
    source = (
        "import sys\n"
        "class A:\n"
        "    __slots__ = ('_slot',)\n"
        "    def __init__(self):\n"
        "        self._x = 1\n"
        "        super()._init()\n"
        "    def _hook(self): ...\n"
        "def f(a, b):\n"
        "    a._x, a._slot, a._hook()  # noqa: SLF001  # A's own members, in A's module\n"
        "    b._other  # noqa: SLF001  # another module's member\n"
        "    sys._getframe(1)\n"
        "    a.__class__, a.public\n"
    )
    across, within = private_accesses(source, "m.py")
    assert [(a.line, a.name) for a in across] == [(10, "_other"), (11, "_getframe")]
    assert [(a.line, a.name) for a in within] == [(9, "_x"), (9, "_slot"), (9, "_hook")]


def test_the_reason_pattern() -> None:
    assert _REASON.search("x._a  # noqa: SLF001  # the page's property proxies")
    assert _REASON.search("x._a  # noqa: SLF001, E501  # 0.21's provider hooks, overridden by providers")
    assert not _REASON.search("x._a  # noqa: SLF001")
    assert not _REASON.search("x._a  # noqa: SLF001  # why")
    assert not _REASON.search("x._a  # noqa: SLF001  why not after a hash")


def test_few_private_accesses_across_modules() -> None:
    across, _ = all_accesses()
    listing = "\n".join(map(str, across))
    assert len(across) <= LIMIT, f"{len(across)} private accesses across modules (at most {LIMIT}):\n{listing}"
    assert len(sources()) >= 150  # every package's modules were read


def test_every_private_access_across_modules_says_why() -> None:
    across, _ = all_accesses()
    silent = [access for access in across if not _REASON.search(access.text)]
    assert not silent, "give these a `# noqa: SLF001  # reason` on the line:\n" + "\n".join(map(str, silent))


def test_every_slf001_noqa_says_why() -> None:
    silent = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line.strip()}"
        for path in sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _NOQA.search(line) and not _REASON.search(line)
    ]
    assert not silent, "give these a reason after the noqa (`# noqa: SLF001  # reason`):\n" + "\n".join(silent)
