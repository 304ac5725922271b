"""Tests of hatch_build.py: fetching, verifying and unpacking the pinned client wheel.

They use small wheels made on the spot; the error-path tests run the real `pip download`
against an index on 127.0.0.1 that refuses connections.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import socket
import venv
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HOOK_PATH = Path(__file__).resolve().parents[1] / "hatch_build.py"


@pytest.fixture(scope="module")
def hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("flet_web_assets_build_hook", HOOK_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLET_WEB_ASSETS_WHEEL", raising=False)
    monkeypatch.delenv("FLET_WEB_ASSETS_CACHE", raising=False)


def make_wheel(path: Path, files: dict[str, bytes]) -> str:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return hashlib.sha256(path.read_bytes()).hexdigest()


CLIENT_FILES = {
    "flet/__init__.py": b"",
    "flet/web/index.html": b"<html></html>",
    "flet/web/main.dart.js": b"main();",
    "flet/web/flutter.js": b"loader();",
    "flet/web/assets/fonts/icons.otf": b"\x00\x01",
    "flet-0.21.2.dist-info/METADATA": b"Name: flet\n",
}


def downloader_of(source: Path, calls: list[Path]) -> Callable[[Path], Path]:
    def download(dest: Path) -> Path:
        calls.append(dest)
        target = dest / source.name
        target.write_bytes(source.read_bytes())
        return target

    return download


def build_hook(hook: ModuleType, root: Path) -> Any:
    """The hatchling hook as hatchling makes it, for a package at root."""
    return hook.WebClientBuildHook(str(root), {}, None, None, str(root / "dist"), "wheel")


def refuse_download(dest: Path) -> Path:
    raise AssertionError("the cached wheel should have been used")


def test_pins_the_platform_independent_wheel(hook: ModuleType) -> None:
    assert hook.CLIENT_WHEEL == "flet-0.21.2-py3-none-any.whl"
    assert len(hook.CLIENT_SHA256) == 64


def test_downloads_once_then_uses_the_cache(hook: ModuleType, tmp_path: Path) -> None:
    source = tmp_path / "upstream" / hook.CLIENT_WHEEL
    source.parent.mkdir()
    sha = make_wheel(source, CLIENT_FILES)
    cache, calls = tmp_path / "cache", []

    first = hook.fetch_client_wheel(cache, download=downloader_of(source, calls), expected_sha256=sha)
    again = hook.fetch_client_wheel(cache, download=refuse_download, expected_sha256=sha)

    assert first == again == cache / hook.CLIENT_WHEEL
    assert len(calls) == 1
    assert sorted(p.name for p in cache.iterdir()) == [hook.CLIENT_WHEEL]


def test_a_download_with_the_wrong_hash_stops_the_build(hook: ModuleType, tmp_path: Path) -> None:
    source = tmp_path / "upstream" / hook.CLIENT_WHEEL
    source.parent.mkdir()
    actual = make_wheel(source, CLIENT_FILES)
    cache = tmp_path / "cache"

    with pytest.raises(hook.ClientFetchError) as error:
        hook.fetch_client_wheel(cache, download=downloader_of(source, []), expected_sha256="0" * 64)

    assert actual in str(error.value)
    assert "0" * 64 in str(error.value)
    assert not any(cache.rglob("*.whl"))


def test_a_corrupt_cached_copy_is_fetched_again(hook: ModuleType, tmp_path: Path) -> None:
    source = tmp_path / "upstream" / hook.CLIENT_WHEEL
    source.parent.mkdir()
    sha = make_wheel(source, CLIENT_FILES)
    cache, calls = tmp_path / "cache", []
    cache.mkdir()
    (cache / hook.CLIENT_WHEEL).write_bytes(b"truncated")

    path = hook.fetch_client_wheel(cache, download=downloader_of(source, calls), expected_sha256=sha)

    assert len(calls) == 1
    assert path.read_bytes() == source.read_bytes()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def unreachable_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """pip configured with one index that refuses connections, and nothing else to look in."""
    index = f"http://127.0.0.1:{closed_port()}/simple"
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)  # no machine or user pip.conf
    for name in [name for name in os.environ if name.startswith("PIP_") and name != "PIP_CONFIG_FILE"]:
        monkeypatch.delenv(name)
    (tmp_path / "links").mkdir()
    monkeypatch.setenv("PIP_INDEX_URL", index)
    monkeypatch.setenv("PIP_FIND_LINKS", str(tmp_path / "links"))
    monkeypatch.setenv("PIP_RETRIES", "1")
    monkeypatch.setenv("PIP_TIMEOUT", "5")
    monkeypatch.setenv("PIP_NO_CACHE_DIR", "1")
    return index


def test_no_reachable_index_is_one_paragraph_naming_the_offline_variable(
    hook: ModuleType, tmp_path: Path, unreachable_index: str
) -> None:
    """Issue 10: the error says what failed, where pip looked, and how to build offline."""
    with pytest.raises(hook.ClientFetchError) as error:
        hook.fetch_client_wheel(tmp_path / "cache")  # the real `pip download`

    message = str(error.value)
    assert "\n" not in message
    assert message.startswith("Could not download flet-0.21.2-py3-none-any.whl")
    assert unreachable_index in message
    assert "the index did not answer (Failed to establish a new connection" in message
    assert "No matching distribution found for flet==0.21.2" in message
    assert "set FLET_WEB_ASSETS_WHEEL to its path" in message
    assert not any((tmp_path / "cache").rglob("*.whl"))


def test_a_build_without_the_client_stops_with_that_paragraph_alone(
    hook: ModuleType, tmp_path: Path, unreachable_index: str
) -> None:
    """The build ends with the message itself (SystemExit), not a traceback of hatchling's."""
    with pytest.raises(SystemExit) as stopped:
        build_hook(hook, tmp_path).initialize("standard", {"force_include": {}})

    message = str(stopped.value.code)
    assert message.startswith("flet-web-assets: Could not download")
    assert "FLET_WEB_ASSETS_WHEEL" in message and "\n" not in message


def test_a_python_without_pip_is_named(hook: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    venv.create(tmp_path / "bare", with_pip=False)
    python = tmp_path / "bare" / "bin" / "python"
    monkeypatch.setattr(hook.sys, "executable", str(python))

    with pytest.raises(hook.ClientFetchError, match=f"pip is not installed for {python}") as error:
        hook.download_client_wheel(tmp_path)
    assert "FLET_WEB_ASSETS_WHEEL" in str(error.value)


def test_an_offline_copy_with_the_wrong_hash_stops_the_build(
    hook: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = tmp_path / hook.CLIENT_WHEEL
    actual = make_wheel(local, CLIENT_FILES)
    monkeypatch.setenv("FLET_WEB_ASSETS_WHEEL", str(local))

    with pytest.raises(SystemExit) as stopped:
        build_hook(hook, tmp_path).initialize("editable", {"force_include": {}})

    message = str(stopped.value.code)
    assert f"has sha256 {actual}, but the build pins {hook.CLIENT_SHA256}" in message
    assert not (tmp_path / "src").exists()


def test_an_offline_copy_is_verified_too(hook: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    local = tmp_path / hook.CLIENT_WHEEL
    sha = make_wheel(local, CLIENT_FILES)
    monkeypatch.setenv("FLET_WEB_ASSETS_WHEEL", str(local))

    assert hook.fetch_client_wheel(tmp_path / "cache", download=refuse_download, expected_sha256=sha) == local
    with pytest.raises(hook.ClientFetchError, match="sha256"):
        hook.fetch_client_wheel(tmp_path / "cache", download=refuse_download)


def test_extract_copies_only_the_web_folder(hook: ModuleType, tmp_path: Path) -> None:
    wheel = tmp_path / hook.CLIENT_WHEEL
    make_wheel(wheel, CLIENT_FILES)
    target = tmp_path / "out" / "web"
    target.mkdir(parents=True)
    (target / "stale.js").write_text("left from an older unpack")

    count = hook.extract_web(wheel, target)

    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert files == ["assets/fonts/icons.otf", "flutter.js", "index.html", "main.dart.js"]
    assert count == 4
    assert sorted(p.name for p in target.parent.iterdir()) == ["web"]


def test_extract_rejects_a_wheel_without_the_client(hook: ModuleType, tmp_path: Path) -> None:
    wheel = tmp_path / hook.CLIENT_WHEEL
    make_wheel(wheel, {"flet/web/index.html": b"<html></html>"})
    with pytest.raises(hook.ClientFetchError, match=r"main\.dart\.js"):
        hook.extract_web(wheel, tmp_path / "web")
