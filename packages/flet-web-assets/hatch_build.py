"""Hatchling build hook that puts the published Flet 0.21.2 web client into the wheel.

The client is neither built nor committed here. At wheel-build time the hook takes one pinned
file from the package index, checks its sha256, and copies the `flet/web/` folder inside it
into the wheel as `flet_web_assets/web/`. An editable build unpacks the same folder next to the
sources (`src/flet_web_assets/web/`, git-ignored) instead.

The downloaded file is kept in `.cache/` beside this file, or in `$FLET_WEB_ASSETS_CACHE`.
For an offline build, point `$FLET_WEB_ASSETS_WHEEL` at a copy of the pinned file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CLIENT_PROJECT = "flet"
CLIENT_VERSION = "0.21.2"
CLIENT_WHEEL = f"{CLIENT_PROJECT}-{CLIENT_VERSION}-py3-none-any.whl"
CLIENT_SHA256 = "675fe5b6bf225fe3fcb95840401c7b6d36adacfb2c5f40e7f786541a8c900117"
CLIENT_WEB_PREFIX = "flet/web/"
REQUIRED_FILES = ("index.html", "main.dart.js", "flutter.js")

WHEEL_TARGET = "flet_web_assets/web"
EDITABLE_TARGET = "src/flet_web_assets/web"
CACHE_ENV = "FLET_WEB_ASSETS_CACHE"
WHEEL_ENV = "FLET_WEB_ASSETS_WHEEL"

Downloader = Callable[[Path], Path]
"""Downloads the pinned client wheel into the given folder and returns the file's path."""


class ClientFetchError(RuntimeError):
    """The pinned web client could not be fetched, or it is not the file that was pinned."""


def file_sha256(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_sha256(path: Path, expected: str, source: str) -> None:
    """Raise ClientFetchError unless the file at path has the expected sha256."""
    actual = file_sha256(path)
    if actual != expected:
        raise ClientFetchError(
            f"{CLIENT_WHEEL} from {source} has sha256 {actual}, but the build pins {expected}. "
            "The file was not used and the build stops here: a changed upstream file is never "
            "shipped silently."
        )


def fetch_client_wheel(
    cache_dir: Path,
    *,
    download: Downloader | None = None,
    expected_sha256: str = CLIENT_SHA256,
) -> Path:
    """Return a local copy of the pinned client wheel, downloading it into cache_dir if needed."""
    override = os.environ.get(WHEEL_ENV)
    if override:
        path = Path(override)
        if not path.is_file():
            raise ClientFetchError(f"{WHEEL_ENV}={override} does not name a file")
        verify_sha256(path, expected_sha256, f"{WHEEL_ENV}={override}")
        return path

    cached = cache_dir / CLIENT_WHEEL
    if cached.is_file():
        if file_sha256(cached) == expected_sha256:
            return cached
        cached.unlink()  # a truncated or altered copy: fetch a fresh one

    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as scratch:
        downloaded = (download or download_client_wheel)(Path(scratch))
        verify_sha256(downloaded, expected_sha256, "the package index")
        os.replace(downloaded, cached)
    return cached


def download_client_wheel(dest: Path) -> Path:
    """Download the pinned wheel into dest with pip, or from the index's JSON API without it."""
    failures = []
    for method in (_download_with_pip, _download_from_index):
        try:
            return method(dest)
        except (OSError, ValueError, KeyError, subprocess.SubprocessError) as error:
            failures.append(f"  {method.__name__}: {error}")
    raise ClientFetchError(
        f"could not download {CLIENT_WHEEL} (the Flet web client) from the package index:\n"
        + "\n".join(failures)
        + f"\nCheck access to the index, or download the file yourself and set {WHEEL_ENV} "
        "to its path."
    )


def _download_with_pip(dest: Path) -> Path:
    # pip honours the user's index, proxy and certificate settings; it may be missing from an
    # isolated build environment, in which case the JSON API below is tried.
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--platform=any",
        "--disable-pip-version-check",
        "--quiet",
        f"--dest={dest}",
        f"{CLIENT_PROJECT}=={CLIENT_VERSION}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    if result.returncode != 0:
        last_lines = result.stderr.strip().splitlines()[-3:]
        raise OSError(f"pip exited with {result.returncode}: {' / '.join(last_lines)}")
    path = dest / CLIENT_WHEEL
    if not path.is_file():
        raise OSError(f"pip did not produce {CLIENT_WHEEL}: got {sorted(os.listdir(dest))}")
    return path


def _default_index() -> str:
    """The index pip would use: PIP_INDEX_URL, else pip's own default."""
    configured = os.environ.get("PIP_INDEX_URL")
    if configured:
        return configured
    try:
        from pip._internal.models.index import PyPI  # the default index, as pip itself defines it
    except ImportError as error:
        raise OSError("set PIP_INDEX_URL to the package index to download the web client from") from error
    return str(PyPI.simple_url)


def _download_from_index(dest: Path) -> Path:
    index = _default_index().rstrip("/")
    project_url = f"{index}/{CLIENT_PROJECT}/"
    request = urllib.request.Request(project_url, headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        listing = json.load(response)
    urls = [f["url"] for f in listing["files"] if f["filename"] == CLIENT_WHEEL]
    if not urls:
        raise OSError(f"{project_url} does not list {CLIENT_WHEEL}")
    path = dest / CLIENT_WHEEL
    with (
        urllib.request.urlopen(urllib.parse.urljoin(project_url, urls[0]), timeout=300) as src,
        path.open("wb") as out,
    ):
        shutil.copyfileobj(src, out)
    return path


def extract_web(wheel: Path, target: Path) -> int:
    """Replace target with the wheel's flet/web/ folder; return how many files it holds."""
    with zipfile.ZipFile(wheel) as archive:
        members = [
            member
            for member in archive.infolist()
            if member.filename.startswith(CLIENT_WEB_PREFIX) and not member.is_dir()
        ]
        names = {member.filename.removeprefix(CLIENT_WEB_PREFIX) for member in members}
        missing = [name for name in REQUIRED_FILES if name not in names]
        if missing:
            raise ClientFetchError(f"{wheel} has no {CLIENT_WEB_PREFIX}{', '.join(missing)}")
        staging = target.with_name(f"{target.name}.partial")
        shutil.rmtree(staging, ignore_errors=True)
        for member in members:
            out = staging / member.filename.removeprefix(CLIENT_WEB_PREFIX)
            out.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as src, out.open("wb") as dst:
                shutil.copyfileobj(src, dst)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return len(members)


class WebClientBuildHook(BuildHookInterface[BuilderConfig]):
    """Adds the pinned Flet web client to wheels, and to the source tree for editable builds."""

    PLUGIN_NAME = "custom"
    _staging: Path | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Fetch and verify the client, then place it where this kind of build needs it."""
        root = Path(self.root)
        cache_dir = Path(os.environ.get(CACHE_ENV) or root / ".cache")
        wheel = fetch_client_wheel(cache_dir)
        if version == "editable":
            extract_web(wheel, root / EDITABLE_TARGET)
            return
        self._staging = Path(tempfile.mkdtemp(prefix="flet-web-assets-"))
        extract_web(wheel, self._staging / "web")
        build_data["force_include"][str(self._staging / "web")] = WHEEL_TARGET

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the folder the client was unpacked into for a regular wheel."""
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
