"""Tests of hatch_build.py: choosing the platform, fetching and verifying, unpacking the client.

They use small wheels made on the spot; pip is only run against a folder with no index.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HOOK_PATH = Path(__file__).resolve().parents[1] / "hatch_build.py"


@pytest.fixture(scope="module")
def hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("flet_desktop_build_hook", HOOK_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def no_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FLET_DESKTOP_CLIENT_WHEEL", "FLET_DESKTOP_PLATFORM"):
        monkeypatch.delenv(name, raising=False)


def tar_gz(files: dict[str, tuple[bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, (data, mode) in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), mode
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


LINUX_CLIENT = tar_gz(
    {
        "flet/flet": (b"#!/bin/sh\n", 0o755),
        "flet/lib/libapp.so": (b"\x7fELF", 0o644),
        "flet/data/flutter_assets/NOTICES.Z": (b"x\x9c", 0o644),
    }
)


def make_wheel(path: Path, files: dict[str, bytes]) -> str:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pinned_to(hook: ModuleType, name: str, wheel: Path, files: dict[str, bytes]) -> Any:
    """The named target, re-pinned to a small wheel written at ``wheel`` (with its file name)."""
    target = hook.TARGETS[name]
    path = wheel.parent / target.wheel
    sha = make_wheel(path, files)
    return target._replace(sha256=sha)


def downloader_of(source: Path, calls: list[Path]) -> Callable[[Any, Path], Path]:
    def download(target: Any, dest: Path) -> Path:
        calls.append(dest)
        out = dest / target.wheel
        out.write_bytes(source.read_bytes())
        return out

    return download


@pytest.mark.parametrize(
    ("system", "machine", "expected"),
    [
        ("linux", "x86_64", "linux-x86_64"),
        ("linux", "aarch64", "linux-aarch64"),
        ("linux", "arm64", "linux-aarch64"),
        ("darwin", "x86_64", "macos-x86_64"),
        ("darwin", "arm64", "macos-arm64"),
        ("win32", "AMD64", "windows-x86_64"),
        ("win32", "x86", "windows-x86"),
    ],
)
def test_the_host_platform_names_a_target(hook: ModuleType, system: str, machine: str, expected: str) -> None:
    assert hook.host_target_name(system, machine) == expected
    assert expected in hook.TARGETS


def test_every_target_pins_a_distinct_upstream_file(hook: ModuleType) -> None:
    targets = list(hook.TARGETS.values())
    assert len({t.wheel for t in targets}) == len({t.sha256 for t in targets}) == len(targets)
    for target in targets:
        assert len(target.sha256) == 64 and int(target.sha256, 16) >= 0
        assert target.wheel.startswith("flet-0.21.2-py3-none-") and target.wheel.endswith(".whl")
        assert target.wheel.removeprefix("flet-0.21.2-").removesuffix(".whl") == target.tag


def test_an_unknown_platform_is_refused_with_the_choices(hook: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_DESKTOP_PLATFORM", "haiku-x86_64")
    with pytest.raises(hook.ClientFetchError, match=r"'haiku-x86_64'.*linux-x86_64, linux-aarch64"):
        hook.select_target()
    monkeypatch.setenv("FLET_DESKTOP_PLATFORM", "windows-x86_64")
    assert hook.select_target().tag == "py3-none-win_amd64"


def test_linux_client_is_unpacked_with_its_modes_and_a_manifest(hook: ModuleType, tmp_path: Path) -> None:
    target = pinned_to(hook, "linux-x86_64", tmp_path / "w.whl", {"flet/bin/flet-linux-amd64.tar.gz": LINUX_CLIENT})
    calls: list[Path] = []
    wheel = hook.fetch_client_wheel(target, tmp_path / "cache", download=downloader_of(tmp_path / target.wheel, calls))
    executable = hook.extract_client(wheel, target, tmp_path / "client")
    assert executable == tmp_path / "client" / "flet" / "flet"
    assert executable.stat().st_mode & 0o111
    assert (tmp_path / "client" / "flet" / "data" / "flutter_assets" / "NOTICES.Z").is_file()
    manifest = json.loads((tmp_path / "client" / "client.json").read_text())
    assert manifest == {
        "platform": "linux-x86_64",
        "executable": "flet/flet",
        "archive": None,
        "source": target.wheel,
        "sha256": target.sha256,
    }
    # cached: a second fetch does not download
    assert hook.fetch_client_wheel(target, tmp_path / "cache", download=downloader_of(wheel, calls)) == wheel
    assert len(calls) == 1


def test_windows_client_folder_is_copied(hook: ModuleType, tmp_path: Path) -> None:
    files = {"flet/bin/flet/flet.exe": b"MZ", "flet/bin/flet/data/app.so": b"so", "flet/__init__.py": b""}
    target = pinned_to(hook, "windows-x86_64", tmp_path / "w.whl", files)
    hook.extract_client(tmp_path / target.wheel, target, tmp_path / "client")
    assert sorted(p.relative_to(tmp_path / "client").as_posix() for p in (tmp_path / "client").rglob("*.*")) == [
        "client.json",
        "flet/data/app.so",
        "flet/flet.exe",
    ]


def test_macos_client_stays_packed(hook: ModuleType, tmp_path: Path) -> None:
    bundle = tar_gz({"Flet.app/Contents/MacOS/Flet": (b"\xcf\xfa", 0o755)})
    target = pinned_to(hook, "macos-arm64", tmp_path / "w.whl", {"flet/bin/flet-macos-amd64.tar.gz": bundle})
    hook.extract_client(tmp_path / target.wheel, target, tmp_path / "client")
    assert (tmp_path / "client" / "flet-macos-amd64.tar.gz").read_bytes() == bundle
    manifest = json.loads((tmp_path / "client" / "client.json").read_text())
    assert manifest["archive"] == "flet-macos-amd64.tar.gz"
    assert manifest["executable"] == "Flet.app/Contents/MacOS/Flet"


def test_a_wheel_without_the_client_is_refused(hook: ModuleType, tmp_path: Path) -> None:
    target = pinned_to(hook, "linux-x86_64", tmp_path / "w.whl", {"flet/__init__.py": b""})
    with pytest.raises(hook.ClientFetchError, match=r"has no flet/bin/flet-linux-amd64\.tar\.gz"):
        hook.extract_client(tmp_path / target.wheel, target, tmp_path / "client")
    assert not (tmp_path / "client").exists()


def test_a_changed_file_stops_the_build(hook: ModuleType, tmp_path: Path) -> None:
    target = pinned_to(hook, "linux-x86_64", tmp_path / "w.whl", {"flet/bin/flet-linux-amd64.tar.gz": LINUX_CLIENT})
    other = tmp_path / "other" / target.wheel
    other.parent.mkdir()
    make_wheel(other, {"flet/bin/flet-linux-amd64.tar.gz": b"tampered"})
    with pytest.raises(hook.ClientFetchError, match="never shipped silently"):
        hook.fetch_client_wheel(target, tmp_path / "cache", download=downloader_of(other, []))
    assert not (tmp_path / "cache" / target.wheel).exists()


def test_the_offline_variable_names_a_local_copy(
    hook: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = pinned_to(hook, "linux-x86_64", tmp_path / "w.whl", {"flet/bin/flet-linux-amd64.tar.gz": LINUX_CLIENT})
    monkeypatch.setenv("FLET_DESKTOP_CLIENT_WHEEL", str(tmp_path / target.wheel))
    assert hook.fetch_client_wheel(target, tmp_path / "cache", download=None) == tmp_path / target.wheel
    monkeypatch.setenv("FLET_DESKTOP_CLIENT_WHEEL", str(tmp_path / "missing.whl"))
    with pytest.raises(hook.ClientFetchError, match="does not name a file"):
        hook.fetch_client_wheel(target, tmp_path / "cache")


def test_without_an_index_pip_fails_with_one_paragraph_naming_the_offline_variable(
    hook: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty_index = tmp_path / "index"
    empty_index.mkdir()
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(empty_index))
    with pytest.raises(hook.ClientFetchError) as failure:
        hook.download_with_pip(hook.TARGETS["linux-x86_64"], tmp_path)
    message = str(failure.value)
    assert "\n" not in message
    assert "FLET_DESKTOP_CLIENT_WHEEL" in message and hook.TARGETS["linux-x86_64"].sha256 in message
    assert f"it looked in {empty_index}" in message
    assert "--platform manylinux2014_x86_64" in message and "pip.conf" in message
