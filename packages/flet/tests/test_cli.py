"""The `flet` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import flet
from flet import cli

ENV_PRINTER = """
import json, os
print(json.dumps({k: v for k, v in os.environ.items() if k.startswith("FLET_")}))
raise SystemExit(3)
"""


def test_version_option_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"{flet.__version__}\n"


@pytest.mark.parametrize("command", ["pack", "publish", "build", "create"])
def test_commands_this_build_lacks_exit_2_and_say_why(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, "app.py"]) == 2
    assert f"`flet {command}`" in capsys.readouterr().err


def test_no_command_prints_help_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 1
    assert "usage: flet" in capsys.readouterr().err


def test_a_missing_script_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["run", str(tmp_path / "nope.py")]) == 2
    assert "not a Python script" in capsys.readouterr().err


def test_run_passes_its_options_to_the_app(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "main.py"
    script.write_text(ENV_PRINTER)
    options = ["--web", "-p", "9001", "--host", "*", "--name", "apps/x", "-a", "static", "--no-reload", "-v"]
    assert cli.main(["run", *options, str(tmp_path)]) == 3  # the app's own exit status
    env = json.loads(capfd.readouterr().out.strip().splitlines()[-1])
    assert env["FLET_FORCE_WEB_SERVER"] == "true"
    assert env["FLET_SERVER_PORT"] == "9001"
    assert env["FLET_SERVER_IP"] == "*"
    assert env["FLET_WEB_APP_PATH"] == "apps/x"
    assert env["FLET_ASSETS_DIR"] == str(tmp_path / "static")
    assert env["FLET_DISPLAY_URL_PREFIX"].startswith("PAGE_URL_")
    assert env["FLET_LOG_LEVEL"] == "info"


def test_a_bare_script_means_run(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "app.py"
    script.write_text(ENV_PRINTER)
    assert cli.main([str(script), "--no-reload"]) == 3
    assert "FLET_DISPLAY_URL_PREFIX" in capfd.readouterr().out


def test_console_script_is_installed() -> None:
    entry_points = metadata.entry_points(group="console_scripts", name="flet")
    if not entry_points:
        pytest.fail("the flet console script is not installed: install the package (nox does) to run this test")
    (entry_point,) = entry_points
    assert entry_point.value == "flet.cli:main"
    script = Path(sys.executable).parent / "flet"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, f"{flet.__version__}\n")
