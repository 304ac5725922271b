"""The twelve built distributions: names, contents, and what installing them gives a user.

`nox -s integration` builds them (sdists, then wheels from the sdists) into a folder and names
it in FLET_DIST_DIR.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VERSION = (ROOT / "VERSION").read_text().strip()
PACKAGES = ("flet-core", "flet-runtime", "flet-web-assets", "flet-desktop", "flet", "flet-fastapi")
# flet-desktop's wheel holds the desktop client of the machine that built it (CI: Linux x86_64).
DESKTOP_TAG = "py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64"


@pytest.fixture(scope="module")
def dist() -> Path:
    folder = os.environ.get("FLET_DIST_DIR")
    if not folder:
        pytest.fail("FLET_DIST_DIR is not set; `nox -s integration` builds the wheels and sets it")
    return Path(folder)


def wheel_of(dist: Path, package: str) -> Path:
    tag = DESKTOP_TAG if package == "flet-desktop" else "py3-none-any"
    return dist / f"{package.replace('-', '_')}-{VERSION}-{tag}.whl"


def wheel_digests(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: base64.urlsafe_b64encode(hashlib.sha256(archive.read(name)).digest()).decode()
            for name in archive.namelist()
            if not name.endswith("/RECORD")
        }


def test_twelve_artifacts_share_one_version(dist: Path) -> None:
    expected = set()
    for package in PACKAGES:
        stem = f"{package.replace('-', '_')}-{VERSION}"
        expected |= {wheel_of(dist, package).name, f"{stem}.tar.gz"}
    assert {p.name for p in dist.iterdir()} == expected


def test_web_assets_wheel_carries_the_client_license_and_notice(dist: Path) -> None:
    with zipfile.ZipFile(wheel_of(dist, "flet-web-assets")) as archive:
        names = set(archive.namelist())
        index = archive.read("flet_web_assets/web/index.html").decode()
    web = {name for name in names if name.startswith("flet_web_assets/web/")}
    assert len(web) == 31
    assert "flet_web_assets/web/main.dart.js" in names
    assert 'name="flet-websocket-endpoint-path"' in index
    info = f"flet_web_assets-{VERSION}.dist-info"
    assert {f"{info}/licenses/LICENSE", f"{info}/licenses/NOTICE"} <= names


def test_desktop_wheel_is_a_platform_wheel_with_the_client_license_and_notice(dist: Path) -> None:
    with zipfile.ZipFile(wheel_of(dist, "flet-desktop")) as archive:
        names = set(archive.namelist())
        program = archive.getinfo("flet_desktop/client/flet/flet")
        manifest = archive.read("flet_desktop/client/client.json").decode()
        info = f"flet_desktop-{VERSION}.dist-info"
        wheel = archive.read(f"{info}/WHEEL").decode()
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
    assert program.external_attr >> 16 & 0o111  # still executable once installed
    assert "flet_desktop/client/flet/data/flutter_assets/NOTICES.Z" in names
    assert "flet_desktop/client/flet/lib/libflutter_linux_gtk.so" in names
    assert '"platform": "linux-x86_64"' in manifest
    assert "Root-Is-Purelib: false" in wheel and "Tag: py3-none-manylinux2014_x86_64" in wheel
    assert "[flet.desktop_client]" in entry_points and "default = flet_desktop:client_path" in entry_points
    assert {f"{info}/licenses/LICENSE", f"{info}/licenses/NOTICE"} <= names


@pytest.mark.parametrize("package", PACKAGES)
def test_wheel_from_sdist_equals_wheel_from_source_tree(dist: Path, package: str, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    command += ["--quiet", "--wheel-dir", str(tmp_path), str(ROOT / "packages" / package)]
    subprocess.run(command, check=True)
    (direct,) = tmp_path.glob("*.whl")
    assert wheel_digests(direct) == wheel_digests(wheel_of(dist, package))


@pytest.fixture(scope="module")
def user_env(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv into which only the flet wheel was asked for, siblings from dist."""
    location = tmp_path_factory.mktemp("user") / "venv"
    venv.create(location, with_pip=True)
    python = location / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--quiet", "--find-links", str(dist)]
    subprocess.run([*install, f"flet=={VERSION}"], check=True)
    return python


def run_in(python: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), *args], capture_output=True, text=True, check=False)


def test_installing_flet_pulls_its_three_siblings(user_env: Path) -> None:
    listing = run_in(user_env, "-m", "pip", "list", "--format=freeze").stdout.splitlines()
    for package in ("flet", "flet-core", "flet-runtime", "flet-web-assets"):
        assert f"{package}=={VERSION}" in listing
    assert not any(line.startswith(("flet-fastapi==", "flet-desktop==")) for line in listing)

    script = "import flet, flet_core, flet_runtime, flet_web_assets as w; print(w.web_root())"
    result = run_in(user_env, "-c", script)
    assert result.returncode == 0, result.stderr
    assert (Path(result.stdout.strip()) / "index.html").is_file()


def test_the_desktop_extra_installs_the_client(dist: Path, tmp_path: Path) -> None:
    location = tmp_path / "venv"
    venv.create(location, with_pip=True)
    python = location / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--quiet", "--find-links", str(dist)]
    subprocess.run([*install, f"flet[desktop]=={VERSION}"], check=True)
    script = "from flet.desktop import find_client; print(find_client())"
    result = run_in(python, "-c", script)
    assert result.returncode == 0, result.stderr
    program = Path(result.stdout.strip())
    assert program.name == "flet" and os.access(program, os.X_OK)
    assert program.is_relative_to(location)


def test_flet_command_is_installed(user_env: Path) -> None:
    result = subprocess.run([str(user_env.parent / "flet"), "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, VERSION)


def test_flet_fastapi_shim_warns_from_its_wheel(user_env: Path, dist: Path) -> None:
    install = [str(user_env), "-m", "pip", "install", "--quiet", "--no-index"]
    subprocess.run([*install, "--find-links", str(dist), f"flet-fastapi=={VERSION}"], check=True)

    strict = run_in(user_env, "-W", "error::DeprecationWarning", "-c", "import flet_fastapi")
    assert strict.returncode == 1
    assert "import flet.fastapi as flet_fastapi" in strict.stderr

    plain = run_in(user_env, "-c", "import flet_fastapi")
    assert plain.returncode == 0, plain.stderr
