"""The monorepo's checks, tests and builds; `bash tools/test.sh` runs every session in order.

    nox -s lint typecheck version_check tests core_alone build integration
    nox -s "tests(package='flet')" -- -k cli    # one package, arguments passed on to pytest

Our own packages are always installed from this tree (editable, one pip command, so pip takes
the siblings from here and fetches only third-party requirements from the index). Editable
installs skip build isolation (the pinned backend is installed into the session instead), for
speed; `build_all`, `core_alone` and the run command's integration test build with isolation,
as users do.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))
from workspace import closure, load_packages  # noqa: E402  (tools/ is not a package)

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PACKAGES = load_packages(ROOT)
DIST = ROOT / "dist"
# Every build of flet-web-assets and flet-desktop, including those from an unpacked sdist, shares
# one download of the upstream file each.
BUILD_ENV = {
    "FLET_WEB_ASSETS_CACHE": str(ROOT / "packages" / "flet-web-assets" / ".cache"),
    "FLET_DESKTOP_CACHE": str(ROOT / "packages" / "flet-desktop" / ".cache"),
}

# What some tests need beyond a package's own requirements: test clients, optional extras, and
# the ASGI servers and browser driver of the integration tests (Chromium, redis-server and nginx
# themselves come from apt).
TEST_EXTRAS = {"flet": ["httpx", "cryptography"], "flet-runtime": ["redis", "prometheus_client"]}
INTEGRATION_EXTRAS = ["httpx", "websockets", "hypercorn", "daphne", "gunicorn", "granian", "playwright"]
INTEGRATION_EXTRAS += ["redis", "prometheus_client"]  # the scale-out tests (flet[redis,metrics])

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "virtualenv"
nox.options.error_on_external_run = True
nox.options.sessions = [
    "lint",
    "typecheck",
    "version_check",
    "tests",
    "core_alone",
    "build",
    "integration",
]


def install_group(session: nox.Session, name: str) -> None:
    """Install one of the root pyproject's dependency groups (the pinned tool versions)."""
    session.install(*nox.project.dependency_groups(PYPROJECT, name))


def install_editable(session: nox.Session, *names: str) -> None:
    """Install the named packages and the siblings they need, editable, from this tree."""
    wanted = {package.name for name in names for package in closure(name, PACKAGES)}
    editables = [arg for p in PACKAGES if p.name in wanted for arg in ("-e", str(p.path))]
    install_group(session, "backend")
    session.install("--no-build-isolation", *editables, env=BUILD_ENV)


def build_all(session: nox.Session, outdir: Path) -> list[Path]:
    """Build every package's sdist, then its wheel from that sdist, into outdir.

    With build isolation, as users and release builds do: each build gets a fresh environment
    holding only the package's declared build requirements (issue 10).
    """
    install_group(session, "build")
    shutil.rmtree(outdir, ignore_errors=True)
    for package in PACKAGES:
        session.run("python", "-m", "build", f"--outdir={outdir}", str(package.path), env=BUILD_ENV, silent=True)
    artifacts = sorted(outdir.iterdir())
    if len(artifacts) != 2 * len(PACKAGES):
        names = [artifact.name for artifact in artifacts]
        session.error(f"expected a wheel and an sdist per package, got {names}")
    return artifacts


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the whole tree."""
    install_group(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on every package's src/, the build hook and the tools; pyright too; the typing tests under both."""
    install_editable(session, *(package.name for package in PACKAGES))
    install_group(session, "typecheck")
    # the optional dependencies (oauth, security extras) and the pytest plugin's are typed code too
    session.install(*sorted({extra for extras in TEST_EXTRAS.values() for extra in extras}))
    install_group(session, "test")
    # By package name, as installed (mypy takes either packages or files in one run).
    imports = [path.name for package in PACKAGES for path in package.path.glob("src/*") if path.name.isidentifier()]
    session.run("mypy", "--strict", *(f"--package={name}" for name in imports))
    tooling = ["tools/workspace.py", "tools/version.py"]
    scripts = sorted(str(path) for path in Path("tools/bench").glob("*.py"))
    session.run("mypy", "--strict", *tooling, *scripts, "tools/core_imports.py", "noxfile.py")
    session.run("mypy", "--strict", "--package=testsupport")  # found through mypy_path = "tools"
    # tools/compare's scripts import each other as top-level modules, as they run: a run of their own.
    session.run("mypy", "--strict", *sorted(str(path) for path in Path("tools/compare").glob("*.py")))
    # The build hooks one by one: each package's is a top-level module named hatch_build.
    for hook in sorted(Path("packages").glob("*/hatch_build.py")):
        session.run("mypy", "--strict", str(hook))
    # The typing tests of the public API (assert_type / expected errors), as a user's code sees it,
    # under mypy and under pyright (what VS Code uses; basedpyright bundles node, so nothing is
    # downloaded), which also checks every package's src/ at its basic level ([tool.basedpyright]).
    typing_tests = [str(path) for path in sorted(ROOT.glob("packages/*/tests/typing/*.py"))]
    session.run("mypy", "--strict", "--warn-unused-ignores", *typing_tests)
    sources = [str(path) for path in sorted(ROOT.glob("packages/*/src"))]
    session.run("basedpyright", "--pythonpath", str(Path(session.bin) / "python"), *sources, *typing_tests)


@nox.session
def version_check(session: nox.Session) -> None:
    """Fail unless every package and sibling pin carries the VERSION file's version."""
    install_group(session, "test")
    session.run("python", "tools/version.py", "check")
    session.run("pytest", "tools/tests", *session.posargs)


@nox.session
@nox.parametrize("package", [package.name for package in PACKAGES])
def tests(session: nox.Session, package: str) -> None:
    """One package's own tests, with only that package and what it requires installed."""
    folder = next(p.path for p in PACKAGES if p.name == package) / "tests"
    if not any(folder.rglob("test_*.py")):
        session.warn(f"{folder.relative_to(ROOT)} holds no tests yet, so none ran")
        return
    install_editable(session, package)
    install_group(session, "test")
    if package in TEST_EXTRAS:
        session.install(*TEST_EXTRAS[package])
    session.run("pytest", str(folder), *session.posargs)


@nox.session
def core_alone(session: nox.Session) -> None:
    """Install flet-core by itself in a fresh venv and import all of it with the stdlib only."""
    # A regular install with build isolation, so the build backend stays out of this venv.
    session.install(str(ROOT / "packages" / "flet-core"))
    session.run("python", "-I", "tools/core_imports.py")


@nox.session
def build(session: nox.Session) -> None:
    """Build a wheel and an sdist of each of the six packages into dist/ (flet-desktop's wheel for this platform)."""
    for artifact in build_all(session, DIST):
        session.log(f"built {artifact.relative_to(ROOT)} ({artifact.stat().st_size:,} bytes)")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """tools/bench/suite.py: ours against upstream 0.21.2 side by side (not part of the test run).

    Upstream comes from a throwaway venv outside the tree (`--upstream-venv`, created when absent);
    arguments go to the suite, e.g. `nox -s bench -- --quick` or `-- --write-readme`.
    """
    install_editable(session, "flet")
    session.run("python", "tools/bench/suite.py", *session.posargs)


@nox.session
def integration(session: nox.Session) -> None:
    """tests-integration/, against the whole tree installed and freshly built distributions."""
    install_editable(session, *(package.name for package in PACKAGES))
    install_group(session, "test")
    session.install(*INTEGRATION_EXTRAS)  # never `playwright install`: the tests use /usr/bin/chromium
    dist = Path(session.create_tmp()).resolve() / "dist"
    build_all(session, dist)
    session.run("pytest", "tests-integration", *session.posargs, env={"FLET_DIST_DIR": str(dist)})
