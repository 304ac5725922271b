"""The pytest plugin: fixtures with no configuration, and no effect on runs that do not use them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import flet.testing
from flet.testing import plugin

SAMPLE = """
import flet as ft
import pytest


def main(page):
    count = ft.Text("0")

    def add(e):
        count.value = str(int(count.value) + 1)
        page.update()

    page.add(count, ft.ElevatedButton("Add", on_click=add))


@pytest.mark.asyncio
async def test_async_fixture(flet_app):
    app = await flet_app(main)
    await app.click("Add")
    assert app.sees("1")


def test_sync_fixture(flet_app_sync):
    app = flet_app_sync(main)
    app.click("Add")
    app.click("Add")
    assert app.sees("2")


def test_a_plain_test_is_untouched():
    assert True
"""


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)


def test_fixtures_work_without_a_conftest(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(textwrap.dedent(SAMPLE))
    result = run_pytest(tmp_path, "-q", "-W", "ignore::DeprecationWarning")  # pytest-asyncio's unset loop scope
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_plugin_adds_fixtures_and_changes_no_settings(tmp_path: Path) -> None:
    (tmp_path / "test_plain.py").write_text("def test_plain():\n    assert True\n")
    with_plugin = run_pytest(tmp_path, "--fixtures")
    without_plugin = run_pytest(tmp_path, "--fixtures", "-p", "no:flet")
    assert with_plugin.returncode == without_plugin.returncode == 0, with_plugin.stdout + with_plugin.stderr
    assert "flet_app -- " in with_plugin.stdout and "flet_app_sync -- " in with_plugin.stdout
    assert "flet_app" not in without_plugin.stdout

    def asyncio_settings(output: str) -> list[str]:
        return [line for line in output.splitlines() if line.startswith("asyncio:")]

    assert asyncio_settings(with_plugin.stdout) == asyncio_settings(without_plugin.stdout) != []


def test_the_plugin_is_registered_and_cheap_to_load() -> None:
    from importlib.metadata import entry_points

    (entry,) = [e for e in entry_points(group="pytest11") if e.name == "flet"]
    assert entry.value == "flet.testing.plugin"
    code = "import sys, flet.testing.plugin; print(sorted(m for m in sys.modules if m.startswith('flet.testing')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['flet.testing', 'flet.testing.plugin']"  # the kit loads on first use
    assert plugin.__all__ == ["flet_app", "flet_app_sync"]


def test_the_lazy_public_names_are_all_importable() -> None:
    for name in flet.testing.__all__:
        assert getattr(flet.testing, name) is not None or name == "NO_ANSWER"
    assert sorted(flet.testing.__all__) == sorted(flet.testing._EXPORTS)  # noqa: SLF001  # the lazy-export table
