"""The generated control modules are up to date with the catalog, the config and the templates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_DIR = Path(os.environ.get("FLET_SPEC_DIR") or REPO_ROOT.parent / "shared" / "spec")
HAS_RUFF = Path(sys.executable).with_name("ruff").is_file() or shutil.which("ruff") is not None


@pytest.mark.skipif(not (SPEC_DIR / "controls.json").is_file(), reason="no spec folder")
@pytest.mark.skipif(not HAS_RUFF, reason="the generator formats its output with ruff")
def test_generated_control_modules_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "tools/codegen/controls.py", "--check", "--spec-dir", str(SPEC_DIR)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
