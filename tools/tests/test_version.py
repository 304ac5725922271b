"""Tests of tools/version.py, run as a command on a copy of the repository's version files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "version.py"


def run_tool(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of every file the tool reads or writes."""
    patterns = ["VERSION", "packages/*/pyproject.toml", "packages/*/src/*/__init__.py"]
    patterns.append("packages/*/src/*/version.py")
    for pattern in patterns:
        for source in ROOT.glob(pattern):
            target = tmp_path / source.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return tmp_path


def current_version() -> str:
    return (ROOT / "VERSION").read_text().strip()


def test_the_repository_passes_the_check() -> None:
    result = run_tool(ROOT, "check")
    assert result.returncode == 0, result.stderr
    assert current_version() in result.stdout


def test_show_prints_the_version_file(repo: Path) -> None:
    result = run_tool(repo, "show")
    assert result.returncode == 0
    assert result.stdout == f"{current_version()}\n"


def test_check_names_the_file_with_a_hand_edited_pin(repo: Path) -> None:
    pyproject = repo / "packages" / "flet" / "pyproject.toml"
    text = pyproject.read_text()
    pin = f'"flet-core=={current_version()}"'
    assert pin in text
    pyproject.write_text(text.replace(pin, '"flet-core==0.21.2"'))

    result = run_tool(repo, "check")

    assert result.returncode == 1
    assert "packages/flet/pyproject.toml" in result.stderr
    assert "flet-core==0.21.2" in result.stderr
    assert "1 problem" in result.stderr


@pytest.mark.parametrize(
    ("relative_path", "old", "new"),
    [
        ("packages/flet-core/pyproject.toml", 'version = "{v}"', 'version = "9.9"'),
        ("packages/flet-fastapi/pyproject.toml", '"flet=={v}"', '"flet>={v}"'),
        ("packages/flet-runtime/src/flet_runtime/__init__.py", '"{v}"', '"9.9"'),
        ("packages/flet/src/flet/version.py", '"{v}"', '"9.9"'),
        ("packages/flet-web-assets/src/flet_web_assets/__init__.py", '"{v}"', '"9.9"'),
    ],
)
def test_check_fails_on_any_disagreement(repo: Path, relative_path: str, old: str, new: str) -> None:
    path = repo / relative_path
    version = current_version()
    text = path.read_text()
    assert old.format(v=version) in text
    path.write_text(text.replace(old.format(v=version), new.format(v=version), 1))

    result = run_tool(repo, "check")

    assert result.returncode == 1
    assert relative_path in result.stderr


def test_set_rewrites_every_place_and_check_then_passes(repo: Path) -> None:
    result = run_tool(repo, "set", "1.2.3rc1")

    assert result.returncode == 0, result.stderr
    assert (repo / "VERSION").read_text() == "1.2.3rc1\n"
    flet = (repo / "packages" / "flet" / "pyproject.toml").read_text()
    assert 'version = "1.2.3rc1"' in flet
    assert '"flet-web-assets==1.2.3rc1"' in flet
    assert '"uvicorn[standard]' in flet  # third-party requirements are left alone
    assert '"1.2.3rc1"' in (repo / "packages/flet/src/flet/version.py").read_text()
    assert current_version() not in "".join(path.read_text() for path in repo.rglob("*") if path.is_file())
    assert run_tool(repo, "check").returncode == 0
    assert run_tool(repo, "show").stdout == "1.2.3rc1\n"


def test_set_refuses_a_version_that_is_not_pep_440(repo: Path) -> None:
    result = run_tool(repo, "set", "next")
    assert result.returncode == 2
    assert "PEP 440" in result.stderr
    assert (repo / "VERSION").read_text().strip() == current_version()


def test_check_expect_compares_with_a_release_tag(repo: Path) -> None:
    assert run_tool(repo, "check", "--expect", current_version()).returncode == 0
    result = run_tool(repo, "check", "--expect", "7.0.0")
    assert result.returncode == 1
    assert "VERSION" in result.stderr
