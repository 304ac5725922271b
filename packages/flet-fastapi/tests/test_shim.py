"""Tests of the deprecated flet_fastapi package: one warning, then flet.fastapi's names."""

from __future__ import annotations

import subprocess
import sys
import warnings
from importlib import metadata
from types import ModuleType

import flet
import flet.fastapi


def import_afresh() -> tuple[ModuleType, list[warnings.WarningMessage]]:
    sys.modules.pop("flet_fastapi", None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import flet_fastapi
    return flet_fastapi, caught


def test_import_warns_once_and_names_the_replacement() -> None:
    _, caught = import_afresh()

    assert [w.category for w in caught] == [DeprecationWarning]
    message = str(caught[0].message)
    assert "flet.fastapi" in message
    assert "import flet.fastapi as flet_fastapi" in message


def test_warning_points_at_the_importing_line() -> None:
    _, caught = import_afresh()
    assert caught[0].filename == __file__


def test_reexports_every_public_name_of_flet_fastapi() -> None:
    shim, _ = import_afresh()
    for name in flet.fastapi.__all__:
        assert getattr(shim, name) is getattr(flet.fastapi, name)


def test_requires_flet_at_exactly_its_own_version() -> None:
    assert f"flet=={flet.__version__}" in (metadata.requires("flet-fastapi") or [])


def test_import_fails_when_deprecations_are_errors_and_works_otherwise() -> None:
    def run(*options: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, *options, "-c", "import flet_fastapi"]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    strict = run("-W", "error::DeprecationWarning")
    assert strict.returncode == 1
    assert "DeprecationWarning" in strict.stderr
    assert "flet.fastapi" in strict.stderr

    assert run().returncode == 0
