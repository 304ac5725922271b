"""flet_desktop.client_path(): the installed client, found from its manifest."""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path

import flet_desktop


def test_the_entry_point_names_client_path() -> None:
    (entry_point,) = metadata.entry_points(group="flet.desktop_client", name="default")
    assert entry_point.load() is flet_desktop.client_path


def test_the_installed_client_is_an_executable_for_this_machine() -> None:
    manifest = flet_desktop.client_manifest()
    path = flet_desktop.client_path()
    assert path.is_file() and os.access(path, os.X_OK)
    assert path.as_posix().endswith(manifest["executable"])
    assert len(manifest["sha256"]) == 64
    assert json.loads((Path(flet_desktop.__file__).parent / "client" / "client.json").read_text()) == manifest
