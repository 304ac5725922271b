"""Hatchling build hook that puts the published Flet 0.21.2 desktop client into a platform wheel.

The client is neither built nor committed here. Upstream published it inside its platform
wheels of ``flet==0.21.2``; at wheel-build time this hook has pip download the one for the
target platform (so the user's index, proxy and certificate settings apply), checks it against
the sha256 pinned below, and copies the client out of it:

* Linux: ``flet/bin/flet-linux-<arch>.tar.gz`` unpacked to ``flet_desktop/client/flet/``;
* Windows: the ``flet/bin/flet/`` folder copied to ``flet_desktop/client/flet/``;
* macOS: ``flet/bin/flet-macos-amd64.tar.gz`` kept packed (an app bundle needs its symlinks,
  which a wheel cannot hold) and unpacked by ``flet_desktop`` on first use.

``flet_desktop/client/client.json`` records which file it came from and where the executable
is. The wheel is tagged for that platform (``py3-none-<platform tag>``).

The target is the build machine's platform, or ``$FLET_DESKTOP_PLATFORM`` (one of
:data:`TARGETS`). The downloaded file is cached in ``.cache/`` beside this file, or in
``$FLET_DESKTOP_CACHE``. To build offline, set ``$FLET_DESKTOP_CLIENT_WHEEL`` to a copy of
the pinned file.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CLIENT_PROJECT = "flet"
CLIENT_VERSION = "0.21.2"

WHEEL_TARGET = "flet_desktop/client"
EDITABLE_TARGET = "src/flet_desktop/client"
MANIFEST = "client.json"
PLATFORM_ENV = "FLET_DESKTOP_PLATFORM"
CACHE_ENV = "FLET_DESKTOP_CACHE"
WHEEL_ENV = "FLET_DESKTOP_CLIENT_WHEEL"
PIP_TIMEOUT = 900


class Target(NamedTuple):
    """One platform's client: the upstream wheel holding it, and how it is laid out."""

    name: str
    pip_platform: str
    """What ``pip download --platform`` is given to select the upstream wheel."""
    wheel: str
    sha256: str
    member: str
    """The archive (``.tar.gz``) or folder (ending in ``/``) in the upstream wheel."""
    executable: str
    """The client program, relative to ``flet_desktop/client/`` once unpacked."""
    tag: str
    """The wheel tag of the flet-desktop wheel built for this platform."""

    @property
    def keeps_archive(self) -> bool:
        """Whether the archive ships packed, to be unpacked at run time (macOS app bundles)."""
        return self.name.startswith("macos-")


def _upstream(platform_tag: str) -> str:
    return f"{CLIENT_PROJECT}-{CLIENT_VERSION}-py3-none-{platform_tag}.whl"


_LINUX_X86_64 = "manylinux_2_17_x86_64.manylinux2014_x86_64"
_LINUX_AARCH64 = "manylinux_2_17_aarch64.manylinux2014_aarch64"

# The sha256 of each file as published on the Python Package Index (computed from downloads
# with `pip download --platform ...`). Only linux-x86_64 is built and run by our tests.
TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target(
            "linux-x86_64",
            "manylinux2014_x86_64",
            _upstream(_LINUX_X86_64),
            "675ee595eed1d27b165283d49fefa4348b892f48735717a0145aa99cfcf9c6fb",
            "flet/bin/flet-linux-amd64.tar.gz",
            "flet/flet",
            f"py3-none-{_LINUX_X86_64}",
        ),
        Target(
            "linux-aarch64",
            "manylinux2014_aarch64",
            _upstream(_LINUX_AARCH64),
            "d39a3693b6035e100d9c3ce70e800306e760b65364a097635dfe778b6ea581b9",
            "flet/bin/flet-linux-arm64.tar.gz",
            "flet/flet",
            f"py3-none-{_LINUX_AARCH64}",
        ),
        Target(
            "macos-x86_64",
            "macosx_10_14_x86_64",
            _upstream("macosx_10_14_x86_64"),
            "d2447291ddc8aa8dd234aea0afd5ce54de4f268ed75a5f614453ff771fe3f33a",
            "flet/bin/flet-macos-amd64.tar.gz",
            "Flet.app/Contents/MacOS/Flet",
            "py3-none-macosx_10_14_x86_64",
        ),
        Target(
            "macos-arm64",
            "macosx_12_0_arm64",
            _upstream("macosx_12_0_arm64"),
            "fff79b4520b89fe4053612a03bd7c491f970e5e340006e9dd8179ef16c348ff4",
            "flet/bin/flet-macos-amd64.tar.gz",  # upstream ships one universal app for both
            "Flet.app/Contents/MacOS/Flet",
            "py3-none-macosx_12_0_arm64",
        ),
        Target(
            "windows-x86_64",
            "win_amd64",
            _upstream("win_amd64"),
            "eaa331b65bc65b5e6a95e54dfd644850d080364fb8ad1bfed0517f64813db92f",
            "flet/bin/flet/",
            "flet/flet.exe",
            "py3-none-win_amd64",
        ),
        Target(
            "windows-x86",
            "win32",
            _upstream("win32"),
            "0b0a86a46662df08377beb3cc040a86d7f3371a688a0832ea456bc09bdec10c1",
            "flet/bin/flet/",
            "flet/flet.exe",
            "py3-none-win32",
        ),
    )
}

_MACHINES = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "arm64", "x86": "x86"}

Downloader = Callable[[Target, Path], Path]
"""Downloads the target's pinned upstream wheel into the given folder; returns the file's path."""


class ClientFetchError(RuntimeError):
    """The pinned desktop client could not be fetched, or it is not the file that was pinned."""


def host_target_name(system: str = sys.platform, machine: str = platform.machine()) -> str:
    """The :data:`TARGETS` key of a machine (default: this one)."""
    arch = _MACHINES.get(machine.lower(), machine.lower())
    if system.startswith("linux"):
        return f"linux-{'aarch64' if arch == 'arm64' else arch}"
    if system == "darwin":
        return f"macos-{'arm64' if arch == 'aarch64' else arch}"
    if system in {"win32", "cygwin"}:
        return "windows-x86_64" if arch == "x86_64" else f"windows-{arch}"
    return f"{system}-{arch}"


def select_target(name: str | None = None) -> Target:
    """The target named by ``name``, else by ``$FLET_DESKTOP_PLATFORM``, else this machine's."""
    chosen = name or os.environ.get(PLATFORM_ENV) or host_target_name()
    try:
        return TARGETS[chosen]
    except KeyError:
        known = ", ".join(TARGETS)
        raise ClientFetchError(
            f"flet-desktop has no Flet 0.21.2 desktop client for {chosen!r}; set {PLATFORM_ENV} to one of: {known}"
        ) from None


def file_sha256(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_sha256(path: Path, target: Target, source: str) -> None:
    """Raise ClientFetchError unless the file at path is the target's pinned wheel."""
    actual = file_sha256(path)
    if actual != target.sha256:
        raise ClientFetchError(
            f"{target.wheel} from {source} has sha256 {actual}, but the build pins {target.sha256}. "
            "The file was not used and the build stops here: a changed upstream file is never shipped silently."
        )


def fetch_client_wheel(target: Target, cache_dir: Path, *, download: Downloader | None = None) -> Path:
    """Return a verified local copy of the target's upstream wheel, downloading it if needed."""
    override = os.environ.get(WHEEL_ENV)
    if override:
        path = Path(override)
        if not path.is_file():
            raise ClientFetchError(f"{WHEEL_ENV}={override} does not name a file")
        verify_sha256(path, target, f"{WHEEL_ENV}={override}")
        return path
    cached = cache_dir / target.wheel
    if cached.is_file():
        if file_sha256(cached) == target.sha256:
            return cached
        cached.unlink()  # a truncated or altered copy: fetch a fresh one
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as scratch:
        downloaded = (download or download_with_pip)(target, Path(scratch))
        verify_sha256(downloaded, target, "the package index")
        os.replace(downloaded, cached)
    return cached


def download_with_pip(target: Target, dest: Path) -> Path:
    """Have pip download the target's upstream wheel into dest, as the user's pip is configured.

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
        f"--platform={target.pip_platform}",
        "--disable-pip-version-check",
        f"--dest={dest}",
        f"{CLIENT_PROJECT}=={CLIENT_VERSION}",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=PIP_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise ClientFetchError(_download_failure(target, f"pip did not finish within {PIP_TIMEOUT} s")) from None
    path = dest / target.wheel
    if result.returncode != 0 or not path.is_file():
        raise ClientFetchError(_download_failure(target, _pip_failure(result)))
    return path


def _pip_failure(result: subprocess.CompletedProcess[str]) -> str:
    """What went wrong, on one line: where pip looked and the error it reported."""
    errors = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    if any("No module named pip" in line for line in errors):
        return f"pip is not installed for {sys.executable} (build with isolation, or install pip there)"
    places = [
        line.partition(":")[2].strip()
        for line in result.stdout.splitlines()
        if line.startswith(("Looking in indexes:", "Looking in links:"))
    ]
    reported = [line.removeprefix("ERROR: ") for line in errors if line.startswith("ERROR:")]
    reason = reported[-1] if reported else f"pip exited with status {result.returncode}"
    return f"it looked in {', '.join(places)}; {reason}" if places else reason


def _download_failure(target: Target, reason: str) -> str:
    """The build's one-paragraph error: what failed, why, and how to build offline."""
    return (
        f"Could not download {target.wheel} (the Flet {CLIENT_VERSION} desktop client for {target.name} that "
        f"flet-desktop ships) with pip: {reason}. pip used your own configuration (pip.conf and PIP_* "
        "variables: index, extra indexes, find-links, proxy, certificates), so check that it reaches an index "
        f"that has the file. To build offline, download the file elsewhere (pip download "
        f"{CLIENT_PROJECT}=={CLIENT_VERSION} --no-deps --only-binary=:all: --platform {target.pip_platform}), "
        f"copy it here and set {WHEEL_ENV} to its path; its sha256 ({target.sha256}) is checked either way."
    )


def extract_client(wheel: Path, target: Target, dest: Path) -> Path:
    """Replace dest with the target's client (and client.json); return the executable's path."""
    staging = dest.with_name(f"{dest.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        if target.member.endswith("/"):
            members = [n for n in names if n.startswith(target.member) and not n.endswith("/")]
            if not members:
                raise ClientFetchError(f"{wheel.name} has no {target.member} folder")
            for name in members:
                out = staging / "flet" / name.removeprefix(target.member)
                out.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(name) as src, out.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
        elif target.member not in names:
            raise ClientFetchError(f"{wheel.name} has no {target.member}")
        elif target.keeps_archive:
            with archive.open(target.member) as src, (staging / Path(target.member).name).open("wb") as dst:
                shutil.copyfileobj(src, dst)
        else:
            with archive.open(target.member) as src, tarfile.open(fileobj=src, mode="r:gz") as tar:
                if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
                    tar.extractall(staging, filter="data")
                else:  # pragma: no cover - the upstream archive holds plain files and folders only
                    tar.extractall(staging)
    manifest = {
        "platform": target.name,
        "executable": target.executable,
        "archive": Path(target.member).name if target.keeps_archive else None,
        "source": target.wheel,
        "sha256": target.sha256,
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    if not target.keeps_archive and not (staging / target.executable).is_file():
        raise ClientFetchError(f"{wheel.name} holds no {target.executable} under {target.member}")
    shutil.rmtree(dest, ignore_errors=True)
    staging.rename(dest)
    return dest / target.executable


class DesktopClientBuildHook(BuildHookInterface[BuilderConfig]):
    """Adds the pinned Flet desktop client to platform wheels, and to the sources for editable builds."""

    PLUGIN_NAME = "custom"
    _staging: Path | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Fetch and verify the client for the target platform, then put it where this build needs it.

        A failure ends the build with its one-paragraph message (SystemExit), not under a
        traceback of the build backend's internals.
        """
        try:
            self._add_client(version, build_data)
        except ClientFetchError as error:
            raise SystemExit(f"flet-desktop: {error}") from None

    def _add_client(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        target = select_target()
        wheel = fetch_client_wheel(target, Path(os.environ.get(CACHE_ENV) or root / ".cache"))
        if version == "editable":
            extract_client(wheel, target, root / EDITABLE_TARGET)
            return
        self._staging = Path(tempfile.mkdtemp(prefix="flet-desktop-"))
        extract_client(wheel, target, self._staging / "client")
        build_data["force_include"][str(self._staging / "client")] = WHEEL_TARGET
        build_data["pure_python"] = False
        build_data["tag"] = target.tag

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the folder the client was unpacked into for a regular wheel."""
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
