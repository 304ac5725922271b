"""Tests of the flet package as installed: version, re-exported API, submodules."""

from __future__ import annotations

from importlib import metadata

import flet
import flet as ft
import flet.fastapi
import flet_core


def test_version_matches_the_installed_distribution() -> None:
    assert ft.__version__ == metadata.version("flet")
    assert flet.version.version == ft.__version__


def test_requires_its_siblings_at_exactly_its_own_version() -> None:
    requirements = metadata.requires("flet") or []
    for sibling in ("flet-core", "flet-runtime", "flet-web-assets"):
        assert f"{sibling}=={ft.__version__}" in requirements


def test_reexports_every_public_name_of_flet_core() -> None:
    for name in getattr(flet_core, "__all__", []):
        assert getattr(ft, name) is getattr(flet_core, name)


def test_fastapi_module_is_importable_and_declares_its_names() -> None:
    assert isinstance(flet.fastapi.__all__, list)
    for name in flet.fastapi.__all__:
        assert hasattr(flet.fastapi, name)


def test_a_plain_install_can_sign_in_with_oauth() -> None:
    """page.login() needs httpx; 0.21.2's plain ``pip install flet`` brought it, so ours does too."""
    requirements = metadata.requires("flet") or []
    plain = [r for r in requirements if "extra ==" not in r]
    assert any(r.replace(" ", "").startswith("httpx") for r in plain), requirements
