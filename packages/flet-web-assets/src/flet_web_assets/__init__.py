"""The Flet 0.21.2 web client, shipped as data, and the function that locates it."""

from __future__ import annotations

from pathlib import Path

__all__ = ["__version__", "web_root"]

__version__ = "0.21.2.post1"

_WEB_DIR = Path(__file__).resolve().parent / "web"


def web_root() -> Path:
    """Return the folder holding the client build (index.html, main.dart.js, assets/...).

    Raises:
        FileNotFoundError: the client was not put in place, which happens when the package is
            imported from a source checkout that was never built or installed.
    """
    if not (_WEB_DIR / "index.html").is_file():
        raise FileNotFoundError(
            f"the Flet web client is missing from {_WEB_DIR}; install flet-web-assets from a "
            "wheel, or run `pip install -e packages/flet-web-assets` in a source checkout so its "
            "build hook unpacks the client there"
        )
    return _WEB_DIR
