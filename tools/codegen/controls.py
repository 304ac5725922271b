"""Generate flet_core's control modules from the control catalog (controls.json) and templates.

Usage, from the repository root:

    python tools/codegen/controls.py            # write the modules
    python tools/codegen/controls.py --check    # exit 1 if any module is out of date

The spec folder is taken from `--spec-dir`, else FLET_SPEC_DIR, else `../shared/spec` next to the
repository. The output is formatted with ruff (found next to this Python, or on PATH).

What comes from where:

- controls.json gives every control's wire type, fields (wire names, encodings, defaults, the
  defaults upstream sends), child slots, events and constructor order.
- controls_config.py gives the module each control lives in, its one-line docstring, and which
  parameters type checkers accept positionally.
- templates/<module>.py holds what the catalog cannot say: methods, hooks, typed events and
  converters. A template is ordinary Python. Its imports are merged into the module's, its
  top-level helpers are copied above the controls, and the body of a class named like a control
  is merged into that control: an annotated field replaces the generated field of that name (or
  is added), anything else is appended, a docstring replaces the summary, and explicit bases
  replace the ones derived from the catalog.

The generator's parts: controls_catalog.py reads the spec and resolves names, controls_templates.py
reads the templates, controls_writer.py writes one module, and controls_exports.py writes the
package `__init__` modules, the compatibility aliases and the table of public names.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import controls_config as config
from controls_catalog import DEFAULT_SPEC_DIR, PACKAGE_DIR, REPO_ROOT, load_catalog, module_of_key, value_registry
from controls_exports import alias_module, export_table, exports_module, exports_typing_module, package_init
from controls_writer import ModuleWriter

# -- formatting and the command line ----------------------------------------------------------


def ruff_command() -> list[str]:
    local = Path(sys.executable).with_name("ruff")
    if local.is_file():
        return [str(local)]
    found = shutil.which("ruff")
    if found:
        return [found]
    raise SystemExit("tools/codegen/controls.py needs ruff (pip install ruff) to format its output")


def format_source(text: str, path: Path) -> str:
    ruff = ruff_command()
    name = str(path)
    fixed = subprocess.run(
        [*ruff, "check", "--fix-only", "--select", "I,F401", "--stdin-filename", name, "-"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
    )
    if fixed.returncode not in (0, 1):
        raise SystemExit(f"ruff check failed on {path}:\n{fixed.stderr}")
    formatted = subprocess.run(
        [*ruff, "format", "--stdin-filename", name, "-"],
        input=fixed.stdout or text,
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
    )
    if formatted.returncode != 0:
        raise SystemExit(f"ruff format failed on {path}:\n{formatted.stderr}\n--- source ---\n{text}")
    return formatted.stdout


def generate(spec_dir: Path) -> dict[Path, str]:
    """Every generated file and its text, in dependency order."""
    catalog = load_catalog(spec_dir)
    values = value_registry()
    homes = module_of_key()
    out: dict[Path, str] = {}
    for module in config.MODULES:
        writer = ModuleWriter(module, catalog, values, homes)
        path = PACKAGE_DIR / f"{module}.py"
        out[path] = format_source(writer.render(), path)
    for name, (home, names) in config.ALIASES.items():
        path = PACKAGE_DIR / f"{name}.py"
        out[path] = format_source(alias_module(name, home, names), path)
    return out


def generate_packages() -> dict[Path, str]:
    """Package __init__ modules, which re-export the modules written first."""
    out: dict[Path, str] = {}
    for package in config.PACKAGES:
        path = PACKAGE_DIR / package / "__init__.py"
        out[path] = format_source(package_init(package), path)
    return out


def generate_exports(spec_dir: Path) -> dict[Path, str]:
    table, elsewhere = export_table(spec_dir)
    out: dict[Path, str] = {}
    path = PACKAGE_DIR / "_exports.py"
    out[path] = format_source(exports_module(table, elsewhere), path)
    path = PACKAGE_DIR / "_exports_typing.py"
    out[path] = format_source(exports_typing_module(table), path)
    return out


def write_or_check(files: dict[Path, str], check: bool) -> list[Path]:
    stale: list[Path] = []
    for path, text in files.items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return stale


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a generated file is out of date")
    parser.add_argument("--spec-dir", type=Path, default=None, help="folder holding controls.json")
    args = parser.parse_args(list(argv) if argv is not None else None)
    spec_dir = args.spec_dir or Path(os.environ.get("FLET_SPEC_DIR") or DEFAULT_SPEC_DIR)
    if not (spec_dir / "controls.json").is_file():
        print(f"controls.json not found in {spec_dir}", file=sys.stderr)
        return 2
    stale = write_or_check(generate(spec_dir), args.check)
    # the package and export modules read the generated modules, so they come second
    if not args.check or not stale:
        stale += write_or_check(generate_packages(), args.check)
        stale += write_or_check(generate_exports(spec_dir), args.check)
    for path in stale:
        verb = "out of date" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(REPO_ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
