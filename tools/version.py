"""Show, set or check the one version that all packages of the monorepo share.

The version is written once, in the VERSION file at the root. Each package's pyproject.toml
repeats it as its static version, pins every sibling it requires exactly (`flet-core==X`),
and `__version__` / `version` string literals in the packages' __init__.py and version.py
files repeat it too; `set` rewrites all of those and `check` verifies them.

    python tools/version.py show
    python tools/version.py set 0.21.3
    python tools/version.py check [--expect 0.21.3]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from workspace import ROOT, Package, load_packages

# PEP 440's own pattern for a valid public version (Appendix B of the PEP).
_PEP440 = re.compile(
    r"""v?(?:(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?
    (?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?)""",
    re.VERBOSE | re.IGNORECASE,
)
_LITERAL = re.compile(r'^(__version__|version)(\s*:\s*str)?(\s*=\s*)"([^"]*)"', re.MULTILINE)
_PROJECT_VERSION = re.compile(r'^(version\s*=\s*)"([^"]*)"', re.MULTILINE)


@dataclass(frozen=True)
class Problem:
    """One place that disagrees with the VERSION file."""

    path: Path
    message: str


def read_version(root: Path) -> str:
    """Return the version written in root/VERSION."""
    return (root / "VERSION").read_text().strip()


def literal_files(package: Package) -> list[Path]:
    """Return the package's source files that may hold a version string literal."""
    return sorted(package.path.glob("src/*/__init__.py")) + sorted(package.path.glob("src/*/version.py"))


def find_problems(root: Path) -> Iterator[Problem]:
    """Yield every disagreement between VERSION and the packages under root."""
    version = read_version(root)
    if not _PEP440.fullmatch(version):
        yield Problem(root / "VERSION", f"{version!r} is not a PEP 440 version")
    packages = load_packages(root)
    if not packages:
        yield Problem(root / "packages", "holds no package with a pyproject.toml")
    siblings = {package.name for package in packages}
    for package in packages:
        if package.version != version:
            yield Problem(package.pyproject, f"version is {package.version!r}, not {version!r}")
        for requirement in package.requirements:
            if requirement.name in siblings and requirement.specifier != f"=={version}":
                yield Problem(
                    package.pyproject,
                    f"requirement {requirement.text!r} must pin {requirement.name}=={version}",
                )
        for path in literal_files(package):
            for match in _LITERAL.finditer(path.read_text()):
                if match[4] != version:
                    yield Problem(path, f"{match[1]} is {match[4]!r}, not {version!r}")


def set_version(root: Path, version: str) -> list[Path]:
    """Write version into VERSION and everywhere check looks; return the files changed."""
    if not _PEP440.fullmatch(version):
        raise ValueError(f"{version!r} is not a PEP 440 version")
    changed: list[Path] = []

    def rewrite(path: Path, text: str) -> None:
        if path.read_text() != text:
            path.write_text(text)
            changed.append(path)

    rewrite(root / "VERSION", f"{version}\n")
    packages = load_packages(root)
    siblings = {package.name for package in packages}
    for package in packages:
        text = package.pyproject.read_text()
        start = text.index("[project]")
        text = text[:start] + _PROJECT_VERSION.sub(rf'\1"{version}"', text[start:], count=1)
        for requirement in package.requirements:
            if requirement.name in siblings:
                text = text.replace(f'"{requirement.text}"', f'"{requirement.pinned(version)}"')
        rewrite(package.pyproject, text)
        for path in literal_files(package):
            rewrite(path, _LITERAL.sub(rf'\1\2\3"{version}"', path.read_text()))
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="tools/version.py", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the monorepo's root folder")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("show", help="print the version")
    set_command = commands.add_parser("set", help="write a new version everywhere")
    set_command.add_argument("version")
    check_command = commands.add_parser("check", help="fail unless every place agrees")
    check_command.add_argument("--expect", help="also fail unless the version is this one")
    options = parser.parse_args(argv)
    root: Path = options.root.resolve()

    if options.command == "show":
        print(read_version(root))
        return 0
    if options.command == "set":
        try:
            changed = set_version(root, options.version)
        except ValueError as error:
            print(f"tools/version.py: {error}", file=sys.stderr)
            return 2
        for path in changed:
            print(f"updated {path.relative_to(root)}")
        options.expect = options.version
    problems = list(find_problems(root))
    version = read_version(root)
    if options.expect is not None and options.expect != version:
        message = f"version is {version!r}, expected {options.expect!r}"
        problems.insert(0, Problem(root / "VERSION", message))
    for problem in problems:
        print(f"{problem.path.relative_to(root)}: {problem.message}", file=sys.stderr)
    if problems:
        print(f"version check failed: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"version check passed: every package is at {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
