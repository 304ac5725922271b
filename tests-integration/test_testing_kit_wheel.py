"""flet.testing as a user gets it: only the built flet wheel (and what it needs), pytest and
pytest-asyncio in a fresh venv, a test file using the fixtures, and no conftest.py.

`nox -s integration` builds the wheels and names their folder in FLET_DIST_DIR. Our own
packages come from that folder only (``--no-index``); third-party ones from the index.
The run also measures the kit's cost per test on the counter app (50 tests).
"""

from __future__ import annotations

import os
import subprocess
import textwrap
import tomllib
import venv
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VERSION = (ROOT / "VERSION").read_text().strip()
OURS = ("flet", "flet-core", "flet-runtime", "flet-web-assets")
COUNTER_TESTS = 50
# the repository's pinned test runner, as a user would install it
TEST_TOOLS = [
    requirement
    for requirement in tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]["test"]
    if requirement.startswith(("pytest==", "pytest-asyncio=="))
]

SAMPLE = """
    import flet as ft
    import pytest


    def counter(page: ft.Page):
        page.title = "Counter"
        count = ft.TextField(value="0", key="count", width=100)

        def change(e):
            count.value = str(int(count.value) + e.control.data)
            page.update()

        page.add(
            ft.Row(
                [
                    ft.IconButton(ft.icons.REMOVE, data=-1, on_click=change),
                    count,
                    ft.IconButton(ft.icons.ADD, data=1, on_click=change),
                ]
            )
        )


    @pytest.mark.asyncio
    @pytest.mark.parametrize("run", range({count}))
    async def test_counter(flet_app, run):
        app = await flet_app(counter)
        await app.click(type=ft.IconButton, where=lambda e: e.get("icon") == "add")
        assert app.find(key="count").value == "1"


    def test_counter_sync(flet_app_sync):
        app = flet_app_sync(counter)
        app.click(app.find_all(type=ft.IconButton)[0])
        assert app.find(key="count").value == "-1"
        assert app.snapshot().splitlines()[0] == 'page route="/" title="Counter"'
"""


@pytest.fixture(scope="module")
def dist() -> Path:
    folder = os.environ.get("FLET_DIST_DIR")
    if not folder:
        pytest.fail("FLET_DIST_DIR is not set; `nox -s integration` builds the wheels and sets it")
    return Path(folder)


@pytest.fixture(scope="module")
def tester_env(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with our four wheels (from dist only), their dependencies, pytest and pytest-asyncio."""
    location = tmp_path_factory.mktemp("tester") / "venv"
    venv.create(location, with_pip=True)
    python = location / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    wheels = [str(dist / f"{name.replace('-', '_')}-{VERSION}-py3-none-any.whl") for name in OURS]
    subprocess.run([*pip, "--no-index", "--no-deps", *wheels], check=True)
    # the third-party requirements of flet, plus the test runner; ours are already satisfied
    assert len(TEST_TOOLS) == 2, TEST_TOOLS
    subprocess.run([*pip, "--find-links", str(dist), f"flet=={VERSION}", *TEST_TOOLS], check=True)
    return python


def test_fixtures_run_from_the_wheel_without_conftest(tester_env: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "test_counter.py").write_text(textwrap.dedent(SAMPLE).replace("{count}", str(COUNTER_TESTS)))
    assert not list(project.rglob("conftest.py"))
    report = tmp_path / "report.xml"
    command = [str(tester_env), "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{COUNTER_TESTS + 1} passed" in result.stdout

    times = [
        float(case.get("time", "0"))
        for case in ElementTree.parse(report).getroot().iter("testcase")
        if case.get("name", "").startswith("test_counter[")
    ]
    assert len(times) == COUNTER_TESTS
    per_test_ms = 1000 * sum(times) / len(times)
    print(f"flet.testing: counter app, {per_test_ms:.1f} ms per test (setup, call and teardown)")
    assert per_test_ms < 100, f"{per_test_ms:.1f} ms per test"
