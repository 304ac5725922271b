"""Differential check of the editor experience against upstream 0.21.2: what pyright infers for `ft.*`.

Upstream is an oracle, never a dependency: it runs from a throwaway venv outside the repository
(`pip install flet==0.21.2` into it). Its introspection lists the expressions a user writes: every
public `ft.` name, every public attribute of `Page`, every property of every control class and
the fields and attributes of the other public classes. Both environments are then checked with
pyright (basedpyright, as the typecheck session installs it) on one file of `reveal_type(...)`
calls, and each expression counts as unknown on a side when pyright infers `Any`/`Unknown` there
or reports an error for it. Prints the counts and every expression where ours is unknown and
upstream's is not.

    python tools/compare/editor_types.py --upstream /tmp/upstream/bin/python --ours .nox/typecheck/bin/python
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

# Run by upstream's interpreter: prints [class-or-"", attribute-or-name] pairs as JSON.
INTROSPECT = r"""
import dataclasses, inspect, json, re
import flet as ft
pairs = [["", name] for name in dir(ft) if not name.startswith("_")]
for name in sorted(dir(ft)):
    obj = getattr(ft, name)
    if not inspect.isclass(obj) or issubclass(obj, BaseException):
        continue
    attrs = {a for a, v in inspect.getmembers(obj) if isinstance(v, property)}
    if dataclasses.is_dataclass(obj):
        attrs |= {f.name for f in dataclasses.fields(obj)}
    if name == "Page":
        attrs |= {a for a in dir(obj) if not a.startswith("_")}
    try:
        attrs |= set(re.findall(r"self\.([a-z][a-z_0-9]*)\s*[:=]", inspect.getsource(obj.__init__)))
    except (OSError, TypeError):
        pass
    pairs += [[name, a] for a in sorted(attrs) if not a.startswith("_")]
print(json.dumps(pairs))
"""


def probe_source(pairs: list[list[str]]) -> tuple[str, dict[int, str]]:
    """A module of reveal_type calls, and the 0-based line of each expression."""
    lines = ["import flet as ft", "", "def names() -> None:"]
    where: dict[int, str] = {}
    by_class: dict[str, list[str]] = {}
    for owner, attribute in pairs:
        if owner:
            by_class.setdefault(owner, []).append(attribute)
        else:
            where[len(lines)] = f"ft.{attribute}"
            lines.append(f"    reveal_type(ft.{attribute})")
    for owner, attributes in sorted(by_class.items()):
        lines.append(f"def of_{owner}(value: ft.{owner}) -> None:")
        for attribute in attributes:
            where[len(lines)] = f"ft.{owner}().{attribute}"
            lines.append(f"    reveal_type(value.{attribute})")
    return "\n".join(lines) + "\n", where


def unknown_lines(pyright: str, python: str, probe: Path) -> tuple[set[int], dict[int, str]]:
    """The probe lines pyright cannot type under ``python``'s packages, and every revealed type."""
    result = subprocess.run(
        [pyright, "--outputjson", "--pythonpath", python, str(probe)],
        capture_output=True,
        text=True,
        check=False,
        cwd=probe.parent,
    )
    report: dict[str, Any] = json.loads(result.stdout)
    revealed: dict[int, str] = {}
    errors: set[int] = set()
    for item in report["generalDiagnostics"]:
        line = int(item["range"]["start"]["line"])
        if item["severity"] == "error":
            errors.add(line)
        elif item["severity"] == "information" and '" is "' in item["message"]:
            revealed[line] = item["message"].split('" is "', 1)[1].removesuffix('"')
    unknown = {line for line, text in revealed.items() if text == "Any" or "Unknown" in text} | errors
    return unknown, revealed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--upstream", required=True, help="python of a venv with flet==0.21.2")
    parser.add_argument("--ours", default=sys.executable, help="python of a venv with this repo's packages")
    parser.add_argument("--pyright", default=None, help="basedpyright executable (default: next to --ours, or PATH)")
    args = parser.parse_args()
    # absolute, not resolved: a venv's python is a symlink that must stay the venv's
    upstream, ours = str(Path(args.upstream).absolute()), str(Path(args.ours).absolute())
    pyright = args.pyright or str(Path(ours).with_name("basedpyright"))
    if not Path(pyright).is_file():
        pyright = shutil.which("basedpyright") or ""
    if not pyright:
        parser.error("basedpyright not found: pass --pyright, or install it (it is in the typecheck group)")
    listed = subprocess.run([upstream, "-c", INTROSPECT], capture_output=True, text=True, check=True)
    source, where = probe_source(json.loads(listed.stdout))
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.py"
        probe.write_text(source, encoding="utf-8")
        theirs, their_types = unknown_lines(pyright, upstream, probe)
        mine, our_types = unknown_lines(pyright, ours, probe)
    worse = sorted(where[line] for line in mine - theirs if line in where)
    better = len((theirs - mine) & set(where))
    print(f"expressions compared: {len(where)}")
    print(f"unknown to pyright: upstream {len(theirs & set(where))}, ours {len(mine & set(where))}")
    print(f"typed here, unknown upstream: {better}; unknown here, typed upstream: {len(worse)}")
    for expression in worse:
        line = next(number for number, text in where.items() if text == expression)
        print(f"  {expression}: ours {our_types.get(line, 'error')!r}, upstream {their_types.get(line)!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
