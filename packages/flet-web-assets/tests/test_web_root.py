"""Tests of flet_web_assets.web_root() and its entry point, against the installed client."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import flet_web_assets


def test_web_root_holds_the_flutter_client() -> None:
    root = flet_web_assets.web_root()
    assert isinstance(root, Path)
    for name in ("index.html", "main.dart.js", "flutter.js", "manifest.json"):
        assert (root / name).is_file(), name
    assert (root / "main.dart.js").stat().st_size > 1_000_000


def test_web_root_holds_the_upstream_build_unchanged() -> None:
    root = flet_web_assets.web_root()
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert len(files) == 31
    assert "assets/fonts/MaterialIcons-Regular.otf" in files
    index = (root / "index.html").read_text()
    assert '<meta name="flet-websocket-endpoint-path" content="/ws">' in index
    assert "%FLET_ROUTE_URL_STRATEGY%" in index  # placeholders are left for the server to fill


def test_registered_as_the_default_client_build() -> None:
    (entry_point,) = metadata.entry_points(group="flet.web_assets", name="default")
    assert entry_point.load() is flet_web_assets.web_root
    assert entry_point.dist is not None
    assert entry_point.dist.name == "flet-web-assets"


def test_version_matches_the_installed_distribution() -> None:
    assert flet_web_assets.__version__ == metadata.version("flet-web-assets")


def test_has_no_python_dependencies() -> None:
    assert not metadata.requires("flet-web-assets")
