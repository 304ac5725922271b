"""The Flet 0.21.2 desktop client, shipped as data, and the function that locates it.

``flet`` finds the client through the ``flet.desktop_client`` entry point (``default``), which
names :func:`client_path`; ``pip install flet[desktop]`` installs this package.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["__version__", "client_manifest", "client_path"]

__version__ = "0.21.2.post1"

_CLIENT_DIR = Path(__file__).resolve().parent / "client"
_MANIFEST = _CLIENT_DIR / "client.json"


def client_manifest() -> dict[str, Any]:
    """What the build put in ``flet_desktop/client/``: platform, executable, source file, sha256.

    Raises:
        FileNotFoundError: the client is not there (a source checkout that was never built).
    """
    try:
        manifest: dict[str, Any] = json.loads(_MANIFEST.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"the Flet desktop client is missing from {_CLIENT_DIR}; install flet-desktop from a wheel, "
            "or run `pip install -e packages/flet-desktop` in a source checkout so its build hook unpacks "
            "the client there"
        ) from None
    return manifest


def client_path() -> Path:
    """The desktop client program for this machine.

    On macOS the app bundle ships packed (it needs symlinks, which wheels cannot hold) and is
    unpacked on first use into the user's cache folder.

    Raises:
        FileNotFoundError: the client is missing, or it was built for another platform.
    """
    manifest = client_manifest()
    archive = manifest.get("archive")
    folder = _unpacked(_CLIENT_DIR / str(archive), str(manifest["sha256"])) if archive else _CLIENT_DIR
    executable = folder / str(manifest["executable"])
    if not executable.is_file():
        raise FileNotFoundError(
            f"{executable} is missing: this flet-desktop holds the client for {manifest['platform']}; "
            "reinstall flet-desktop for this machine"
        )
    return executable


def _cache_root() -> Path:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "flet-desktop"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "flet-desktop"


def _unpacked(archive: Path, sha256: str) -> Path:
    """The folder ``archive`` (a .tar.gz) is unpacked into, once per client build."""
    target = _cache_root() / f"{__version__}-{sha256[:16]}"
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=target.parent))
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            if hasattr(tarfile, "tar_filter"):  # keeps the bundle's symlinks, refuses paths outside
                tar.extractall(staging, filter="tar")
            else:  # pragma: no cover - Python before 3.11.4
                tar.extractall(staging)
        try:
            staging.rename(target)
        except OSError:
            if not target.is_dir():  # not another process that unpacked it first
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
