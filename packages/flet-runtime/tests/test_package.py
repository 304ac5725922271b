"""Tests of flet-runtime's distribution: version and dependencies as installed."""

from __future__ import annotations

import re
from importlib import metadata

import flet_runtime


def requirement_names(distribution: str) -> set[str]:
    texts = metadata.requires(distribution) or []
    return {re.split(r"[\s\[<>=!~;]", text, maxsplit=1)[0] for text in texts}


def test_version_matches_the_installed_distribution() -> None:
    assert flet_runtime.__version__ == metadata.version("flet-runtime")


def test_requires_flet_core_at_exactly_its_own_version() -> None:
    assert f"flet-core=={flet_runtime.__version__}" in (metadata.requires("flet-runtime") or [])


def test_depends_on_no_web_framework_and_nothing_above_it() -> None:
    assert requirement_names("flet-runtime").isdisjoint({"fastapi", "starlette", "uvicorn", "flet", "flet-fastapi"})
