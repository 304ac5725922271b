"""Hatchling build hook that puts the published Flet 0.21.2 web client into the wheel.

The client is neither built nor committed here. At wheel-build time the hook downloads one
pinned file with `pip download` (pip is a build requirement, so it runs in an isolated build
too, under the user's own pip configuration), checks its sha256, and copies the `flet/web/`
folder inside it into the wheel as `flet_web_assets/web/`. An editable build unpacks the same folder next to the
sources (`src/flet_web_assets/web/`, git-ignored) instead.

The downloaded file is kept in `.cache/` beside this file, or in `$FLET_WEB_ASSETS_CACHE`.
For an offline build, point `$FLET_WEB_ASSETS_WHEEL` at a copy of the pinned file.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
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
PIP_TIMEOUT = 900
NETWORK_PROBLEM = re.compile(
    r"(Failed to establish a new connection|Cannot connect to proxy|CERTIFICATE_VERIFY_FAILED|Read timed out"
    r"|Failed to resolve|Name or service not known|Temporary failure in name resolution)[^'\"]*"
)
"""The gist of pip's retry warnings, quoted in the error."""
"""Seconds `pip download` may take (its own network timeouts and retries apply within)."""

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
    """Download the pinned wheel into dest with ``pip download``, as the user's pip is configured.

    pip is a build requirement of this package, so it is there in an isolated build too, and it
    reads the user's own settings (pip.conf, PIP_* variables: index, extra indexes, find-links,
    proxy, certificates). Options given on the outer pip's command line are not passed down.
    """
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--platform=any",
        "--disable-pip-version-check",
        f"--dest={dest}",
        f"{CLIENT_PROJECT}=={CLIENT_VERSION}",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=PIP_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise ClientFetchError(_download_failure(f"pip did not finish within {PIP_TIMEOUT} seconds")) from None
    path = dest / CLIENT_WHEEL
    if result.returncode != 0 or not path.is_file():
        raise ClientFetchError(_download_failure(_pip_failure(result)))
    return path


def _pip_failure(result: subprocess.CompletedProcess[str]) -> str:
    """What went wrong, from pip's output, on one line: where it looked, the network, its error."""
    errors = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    if any("No module named pip" in line for line in errors):
        return f"pip is not installed for {sys.executable} (build with isolation, or install pip there)"
    places = [
        line.partition(":")[2].strip()
        for line in result.stdout.splitlines()
        if line.startswith(("Looking in indexes:", "Looking in links:"))
    ]
    parts = [f"it looked in {', '.join(places)}"] if places else []
    retries = [line for line in errors if line.startswith("WARNING: Retrying")]
    if retries:
        known = NETWORK_PROBLEM.search(retries[-1])
        detail = known.group(0) if known else retries[-1].partition(" after ")[2][:200]
        parts.append(f"the index did not answer ({detail})")
    warnings = [line.removeprefix("WARNING: ")[:300] for line in errors if line.startswith("WARNING:")]
    parts += [line for line in dict.fromkeys(warnings) if not line.startswith("Retrying")][:2]
    reported = [line.removeprefix("ERROR: ") for line in errors if line.startswith("ERROR:")]
    parts.append(reported[-1] if reported else f"pip exited with status {result.returncode}")
    return "; ".join(parts)


def _download_failure(reason: str) -> str:
    """The build's one-paragraph error: what failed, why, and how to build offline."""
    return (
        f"Could not download {CLIENT_WHEEL} (the Flet {CLIENT_VERSION} web client that flet-web-assets "
        f"ships) with pip: {reason}. pip used your own configuration (pip.conf and PIP_* variables: index, "
        "extra indexes, find-links, proxy, certificates), so check that it reaches an index that has the "
        f"file. To build offline, download the file elsewhere (pip download {CLIENT_PROJECT}=={CLIENT_VERSION} "
        f"--no-deps), copy it here and set {WHEEL_ENV} to its path; its sha256 is checked either way."
    )


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
        """Fetch and verify the client, then place it where this kind of build needs it.

        A failure ends the build with its one-paragraph message (SystemExit), not under a
        traceback of the build backend's internals.
        """
        try:
            self._add_client(version, build_data)
        except ClientFetchError as error:
            raise SystemExit(f"flet-web-assets: {error}") from None

    def _add_client(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        wheel = fetch_client_wheel(Path(os.environ.get(CACHE_ENV) or root / ".cache"))
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
