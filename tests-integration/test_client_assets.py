"""The client build that flet finds through the `flet.web_assets` entry point group."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path


def test_default_client_build_is_found_through_its_entry_point() -> None:
    (entry_point,) = metadata.entry_points(group="flet.web_assets", name="default")
    root = Path(entry_point.load()())

    index = (root / "index.html").read_text(encoding="utf-8")

    assert '<meta name="flet-websocket-endpoint-path" content="/ws">' in index
    assert (root / "main.dart.js").is_file()
    assert (root / "flutter.js").is_file()
