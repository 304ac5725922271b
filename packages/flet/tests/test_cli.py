"""Tests of the `flet` command line."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import flet
from flet import cli


def test_version_option_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"{flet.__version__}\n"


@pytest.mark.parametrize("command", ["run", "pack", "publish", "create"])
def test_commands_not_written_yet_exit_2_and_say_so(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, "app.py"]) == 2
    error = capsys.readouterr().err
    assert repr(command) in error
    assert "not available" in error


def test_no_command_exits_2_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "usage: flet" in capsys.readouterr().err


def test_console_script_is_installed() -> None:
    (entry_point,) = metadata.entry_points(group="console_scripts", name="flet")
    assert entry_point.value == "flet.cli:main"
    script = Path(sys.executable).parent / "flet"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, f"{flet.__version__}\n")
