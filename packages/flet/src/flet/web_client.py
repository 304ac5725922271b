"""Where the Flutter web client build is: FLET_WEB_PATH, else the ``flet.web_assets`` entry point."""

from __future__ import annotations

import importlib
from importlib import metadata
from pathlib import Path

from flet_runtime import config

__all__ = ["ENTRY_POINT_GROUP", "web_root"]

ENTRY_POINT_GROUP = "flet.web_assets"


def web_root() -> Path:
    """The folder holding the client's ``index.html``, ``main.dart.js`` and the rest.

    Raises:
        FileNotFoundError: FLET_WEB_PATH names a folder without ``index.html``, or no client
            build is installed.
    """
    configured = config.WEB_PATH.get()
    if configured is not None:
        folder = Path(configured).expanduser().resolve()
        if not (folder / "index.html").is_file():
            raise FileNotFoundError(f"{config.WEB_PATH.name}={configured!r} holds no index.html of a Flet web client")
        return folder
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP, name="default"):
        return Path(entry_point.load()())
    # A source checkout on PYTHONPATH has no installed metadata; the package is still importable.
    try:
        module = importlib.import_module("flet_web_assets")
    except ImportError:
        raise FileNotFoundError(
            "no Flet web client is installed: install flet-web-assets, or set "
            f"{config.WEB_PATH.name} to a folder holding a client build"
        ) from None
    return Path(module.web_root())
