"""FletUpload through flet.fastapi.app(): signed PUTs land; refusals are 4xx with a reason."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import flet.fastapi as flet_fastapi
from flet.upload_signature import sign_upload_url


def main(page: object) -> None:
    return None


@pytest.fixture
def uploads(tmp_path: Path) -> Path:
    folder = tmp_path / "uploads"
    folder.mkdir()
    return folder


def client(upload_dir: Path | None, **options: object) -> TestClient:
    return TestClient(flet_fastapi.app(main, upload_dir=str(upload_dir) if upload_dir else None, **options))  # type: ignore[arg-type]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".part"))


def test_a_signed_upload_lands_in_the_folder(uploads: Path) -> None:
    url = sign_upload_url("/upload", "dir/hello.txt", 60, "k")
    response = client(uploads, secret_key="k").put(url, content=b"hello")
    assert (response.status_code, response.content) == (200, b"")
    assert (uploads / "dir" / "hello.txt").read_bytes() == b"hello"
    assert leftovers(uploads) == []


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_an_upload_gets_the_mode_the_umask_gives_new_files(uploads: Path, umask: int) -> None:
    """0.21 wrote uploads as any new file (0644 under the usual umask), readable by a web server."""
    previous = os.umask(umask)
    try:
        client(uploads, secret_key="k").put(sign_upload_url("/upload", "shared.txt", 60, "k"), content=b"x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((uploads / "shared.txt").stat().st_mode) == 0o666 & ~umask


def test_an_existing_file_is_replaced(uploads: Path) -> None:
    (uploads / "a.txt").write_bytes(b"old")
    client(uploads, secret_key="k").put(sign_upload_url("/upload", "a.txt", 60, "k"), content=b"new")
    assert (uploads / "a.txt").read_bytes() == b"new"


@pytest.mark.parametrize(
    ("url", "status", "reason"),
    [
        ("/upload?f=a.txt&e=2099-01-01T00%3A00%3A00%2B00%3A00&s=" + "0" * 64, 403, "signature"),
        ("/upload?f=a.txt", 400, "lacks"),
        ("/upload", 400, "lacks"),
    ],
)
def test_bad_urls_are_refused_with_a_reason(uploads: Path, url: str, status: int, reason: str) -> None:
    """UPSTREAM-BUG #16: every refusal used to be a 500 with a server traceback."""
    response = client(uploads, secret_key="k").put(url, content=b"x")
    assert response.status_code == status
    assert reason in response.json()["detail"]


def test_an_expired_url_is_403(uploads: Path) -> None:
    response = client(uploads, secret_key="k").put(sign_upload_url("/upload", "a.txt", -1, "k"), content=b"x")
    assert response.status_code == 403
    assert "expired" in response.json()["detail"]


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/passwd", "dir/../../escape.txt", "."])
def test_names_leaving_the_folder_are_400(uploads: Path, name: str) -> None:
    response = client(uploads, secret_key="k").put(sign_upload_url("/upload", name, 60, "k"), content=b"x")
    assert response.status_code == 400
    assert not (uploads.parent / "escape.txt").exists()


def test_a_file_over_the_limit_is_413_and_the_previous_one_survives(uploads: Path) -> None:
    """UPSTREAM-BUG #17: a refused over-size upload truncated the file uploaded before."""
    (uploads / "a.txt").write_bytes(b"good")
    response = client(uploads, secret_key="k", max_upload_size=10).put(
        sign_upload_url("/upload", "a.txt", 60, "k"), content=b"x" * 15
    )
    assert response.status_code == 413
    assert (uploads / "a.txt").read_bytes() == b"good"
    assert leftovers(uploads) == []


def test_a_streamed_body_growing_past_the_limit_is_413(uploads: Path) -> None:
    def chunks():  # no Content-Length: the size is only known while reading
        yield b"x" * 6
        yield b"x" * 6

    response = client(uploads, secret_key="k", max_upload_size=10).put(
        sign_upload_url("/upload", "b.txt", 60, "k"), content=chunks()
    )
    assert response.status_code == 413
    assert not (uploads / "b.txt").exists()
    assert leftovers(uploads) == []


def test_without_a_secret_key_nothing_is_accepted(uploads: Path) -> None:
    response = client(uploads).put(sign_upload_url("/upload", "a.txt", 60, "k"), content=b"x")
    assert response.status_code == 403


def test_without_an_upload_folder_there_is_no_upload_route() -> None:
    assert client(None, secret_key="k").put(sign_upload_url("/upload", "a.txt", 60, "k")).status_code == 405


def test_under_a_mount_the_signed_path_includes_the_prefix(uploads: Path) -> None:
    host = flet_fastapi.FastAPI()
    host.mount("/sub", flet_fastapi.app(main, upload_dir=str(uploads), secret_key="k"))
    with TestClient(host) as test_client:
        assert test_client.put(sign_upload_url("/sub/upload", "a.txt", 60, "k"), content=b"1").status_code == 200
        assert (
            test_client.put(
                sign_upload_url("/upload", "a.txt", 60, "k").replace("/upload", "/sub/upload"), content=b"1"
            ).status_code
            == 403
        )
