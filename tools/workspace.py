"""The monorepo's packages as data: names, folders, sibling requirements, dependency order.

Read by tools/version.py and noxfile.py; standard library only, so it runs before anything is
installed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)(;.*)?$")


def normalize(name: str) -> str:
    """Return a distribution name in its PEP 503 normal form (`Flet_Core` -> `flet-core`)."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Requirement:
    """One dependency string, split into the parts the version tool looks at."""

    text: str
    name: str
    """The normalized distribution name."""
    written_name: str
    extras: str
    specifier: str
    """The version specifier without spaces, such as `==0.21.2` or `>=1.0`."""
    marker: str

    @classmethod
    def parse(cls, text: str) -> Requirement:
        """Split a PEP 508 string such as `uvicorn[standard]>=0.22; python_version<'4'`."""
        match = _REQUIREMENT.match(text)
        if match is None:
            raise ValueError(f"not a requirement: {text!r}")
        written_name, extras, specifier, marker = match.group(1, 2, 3, 4)
        return cls(
            text=text,
            name=normalize(written_name),
            written_name=written_name,
            extras=extras or "",
            specifier=specifier.replace(" ", ""),
            marker=marker or "",
        )

    def pinned(self, version: str) -> str:
        """Return this requirement rewritten to require exactly version."""
        return f"{self.written_name}{self.extras}=={version}{self.marker}"


@dataclass(frozen=True)
class Package:
    """One package of the workspace, as its pyproject.toml describes it."""

    name: str
    path: Path
    version: str
    requirements: tuple[Requirement, ...]

    @property
    def pyproject(self) -> Path:
        """The package's pyproject.toml."""
        return self.path / "pyproject.toml"

    @classmethod
    def load(cls, path: Path) -> Package:
        """Read the package whose folder is path."""
        project: dict[str, Any] = tomllib.loads((path / "pyproject.toml").read_text())["project"]
        texts = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            texts.extend(extra)
        return cls(
            name=normalize(project["name"]),
            path=path,
            version=str(project.get("version", "")),
            requirements=tuple(Requirement.parse(text) for text in texts),
        )


def load_packages(root: Path = ROOT) -> list[Package]:
    """Return every package under root/packages, each after the siblings it requires."""
    folders = sorted(path.parent for path in root.glob("packages/*/pyproject.toml"))
    found = {package.name: package for package in map(Package.load, folders)}
    ordered: list[Package] = []

    def visit(package: Package, chain: tuple[str, ...]) -> None:
        if package in ordered:
            return
        if package.name in chain:
            raise ValueError(f"packages require each other in a cycle: {' -> '.join(chain)}")
        for requirement in package.requirements:
            if requirement.name in found:
                visit(found[requirement.name], (*chain, package.name))
        ordered.append(package)

    for package in found.values():
        visit(package, ())
    return ordered


def closure(name: str, packages: list[Package]) -> list[Package]:
    """Return the named package and every sibling it needs, in dependency order."""
    by_name = {package.name: package for package in packages}
    wanted = {normalize(name)}
    for package in reversed(packages):
        if package.name in wanted:
            wanted.update(r.name for r in package.requirements if r.name in by_name)
    return [package for package in packages if package.name in wanted]
