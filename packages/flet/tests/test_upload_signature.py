"""Signed upload URLs: the 0.21.2 algorithm, checked against a URL upstream produced."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlsplit

import pytest

from flet.upload_signature import MissingSecretKeyError, UploadSignatureError, sign_upload_url, verify_upload

# Made by flet_runtime.uploads.build_upload_url("sub/upload", "dir/my file+x.txt", 60, "secret") of 0.21.2.
UPSTREAM_URL = (
    "/sub/upload?f=dir%2Fmy+file%2Bx.txt&e=2026-11-22T03%3A33%3A08.637627%2B00%3A00"
    "&s=050fb8376c078a350ee366a241c36fcf2dc80d71f797ee67fd1907ff99dc6181"
)
BEFORE_EXPIRY = datetime(2026, 11, 22, 3, 33, tzinfo=UTC)


def split(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return parts.path, dict(parse_qsl(parts.query))


def test_an_upstream_url_verifies() -> None:
    path, query = split(UPSTREAM_URL)
    signed = verify_upload(path, query["f"], query["e"], query["s"], "secret", now=BEFORE_EXPIRY)
    assert signed.file_name == "dir/my file+x.txt"


def test_signing_reproduces_the_upstream_url() -> None:
    now = datetime(2026, 11, 22, 3, 32, 8, 637627, tzinfo=UTC)
    assert sign_upload_url("sub/upload", "dir/my file+x.txt", 60, "secret", now=now) == UPSTREAM_URL


def test_the_proxy_prefix_is_in_the_url_but_not_in_the_signature() -> None:
    url = sign_upload_url("/upload", "a.txt", 60, "k", url_prefix="/proxy/")
    assert url.startswith("/proxy/upload?")
    _, query = split(url)
    verify_upload("/upload", query["f"], query["e"], query["s"], "k")


def test_flet_secret_key_wins_over_the_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_SECRET_KEY", "from-env")
    _, query = split(sign_upload_url("/upload", "a.txt", 60, "argument"))
    verify_upload("/upload", query["f"], query["e"], query["s"], None)
    monkeypatch.delenv("FLET_SECRET_KEY")
    with pytest.raises(UploadSignatureError) as refused:
        verify_upload("/upload", query["f"], query["e"], query["s"], "argument")
    assert refused.value.status == 403


def test_without_any_secret_no_url_is_made() -> None:
    with pytest.raises(MissingSecretKeyError, match="FLET_SECRET_KEY"):
        sign_upload_url("/upload", "a.txt", 60, None)


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"s": "0" * 64}, 403),
        ({"f": "other.txt"}, 403),
        ({"e": "2099-01-01T00:00:00+00:00"}, 403),
        ({"e": "tomorrow"}, 400),
        ({"e": "2099-01-01T00:00:00"}, 400),
        ({"s": ""}, 400),
        ({"f": ""}, 400),
    ],
)
def test_a_changed_or_incomplete_query_is_refused(change: dict[str, str], status: int) -> None:
    path, query = split(UPSTREAM_URL)
    query |= change
    with pytest.raises(UploadSignatureError) as refused:
        verify_upload(path, query.get("f"), query.get("e"), query.get("s"), "secret", now=BEFORE_EXPIRY)
    assert refused.value.status == status


def test_a_url_for_another_path_is_refused() -> None:
    _, query = split(UPSTREAM_URL)
    with pytest.raises(UploadSignatureError):
        verify_upload("/upload", query["f"], query["e"], query["s"], "secret", now=BEFORE_EXPIRY)


def test_an_expired_url_is_refused() -> None:
    path, query = split(UPSTREAM_URL)
    with pytest.raises(UploadSignatureError, match="expired") as refused:
        verify_upload(path, query["f"], query["e"], query["s"], "secret")
    assert refused.value.status == 403
