"""FletStaticFiles: the patched index.html and manifest.json, assets, 404s, gzip and caching."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient

from flet.fastapi import FletStaticFiles
from flet.web_client import web_root

PAGE = {"accept": "text/html,application/xhtml+xml"}


def client_for(files: FletStaticFiles, mount: str = "/", **options: object) -> TestClient:
    host = FastAPI()
    host.mount(mount, files)
    return TestClient(host, **options)  # type: ignore[arg-type]


def meta(html: str, name: str) -> str:
    start = html.index(f'<meta name="{name}" content="') + len(f'<meta name="{name}" content="')
    return html[start : html.index('"', start)]


def test_index_is_patched_for_the_root() -> None:
    html = client_for(FletStaticFiles(web_renderer="html", use_color_emoji=True)).get("/").text
    assert '<base href="/">' in html
    assert meta(html, "flet-websocket-endpoint-path") == "/ws"
    assert meta(html, "flet-route-url-strategy") == "path"
    assert meta(html, "flet-web-pyodide") == "false"
    assert '<script>webRenderer="html";</script>' in html
    assert "<script>useColorEmoji=true;</script>" in html


def test_index_under_a_mount_points_base_and_websocket_there() -> None:
    html = client_for(FletStaticFiles(), "/sub").get("/sub/").text
    assert '<base href="/sub/">' in html
    assert meta(html, "flet-websocket-endpoint-path") == "/sub/ws"
    assert '<script>webRenderer="canvaskit";</script>' in html


def test_one_app_under_two_prefixes_answers_each_correctly() -> None:
    files = FletStaticFiles()
    host = FastAPI()
    host.mount("/a", files)
    host.mount("/b", files)
    client = TestClient(host)
    assert '<base href="/a/">' in client.get("/a/").text
    assert '<base href="/b/">' in client.get("/b/").text


@pytest.mark.parametrize(
    ("options", "headers", "base", "websocket"),
    [
        ({"proxy_path": "/proxy"}, {}, "/proxy/sub/", "/proxy/sub/ws"),
        ({}, {"x-forwarded-prefix": "/edge"}, "/edge/sub/", "/edge/sub/ws"),
        ({"app_mount_path": "/elsewhere"}, {}, "/elsewhere/", "/elsewhere/ws"),
        ({"websocket_endpoint_path": "/custom/socket"}, {}, "/sub/", "/custom/socket"),
        ({"websocket_endpoint": "api/socket"}, {}, "/sub/", "/sub/api/socket"),
    ],
)
def test_prefixes_from_a_proxy_reach_the_client(
    options: dict[str, str], headers: dict[str, str], base: str, websocket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_FORWARDED_ALLOW_IPS", "*")  # the test client's peer is "testclient"
    html = client_for(FletStaticFiles(**options), "/sub").get("/sub/", headers=headers).text  # type: ignore[arg-type]
    assert f'<base href="{base}">' in html
    assert meta(html, "flet-websocket-endpoint-path") == websocket


def test_uvicorn_root_path_is_part_of_the_prefix() -> None:
    html = client_for(FletStaticFiles(), "/sub", root_path="/outer").get("/outer/sub/").text
    assert '<base href="/outer/sub/">' in html


def test_pwa_metadata_is_html_escaped() -> None:
    """UPSTREAM-BUG #23: app names went into index.html unescaped."""
    files = FletStaticFiles(app_name='My <App> "1"', app_description="Fish & <chips>")
    client = client_for(files)
    html = client.get("/").text
    assert meta(html, "apple-mobile-web-app-title") == "My &lt;App&gt; &quot;1&quot;"
    assert meta(html, "description") == "Fish &amp; &lt;chips&gt;"
    assert "<title>My &lt;App&gt; &quot;1&quot;</title>" in html
    assert "<App>" not in html


def test_manifest_carries_the_pwa_names() -> None:
    files = FletStaticFiles(app_name="My App", app_short_name="MyA", app_description="Desc")
    manifest = client_for(files).get("/manifest.json").json()
    assert (manifest["name"], manifest["short_name"], manifest["description"]) == ("My App", "MyA", "Desc")
    assert manifest["start_url"] == "."


def test_client_files_are_served_with_cache_headers() -> None:
    response = client_for(FletStaticFiles()).get("/favicon.png")
    assert response.status_code == 200
    assert response.content == (web_root() / "favicon.png").read_bytes()
    assert response.headers["cache-control"].startswith("public, max-age=")
    assert "etag" in response.headers and "last-modified" in response.headers
    assert client_for(FletStaticFiles()).get("/index.html").headers["cache-control"] == "no-cache"


def test_a_repeated_request_gets_304() -> None:
    client = client_for(FletStaticFiles())
    for path, headers in (("/favicon.png", {}), ("/main.dart.js", {"accept-encoding": "gzip"}), ("/", {})):
        first = client.get(path, headers=headers)
        again = client.get(path, headers=headers | {"if-none-match": first.headers["etag"]})
        assert again.status_code == 304, path


def test_the_big_client_script_is_gzipped_when_accepted() -> None:
    """UPSTREAM-BUG #22: main.dart.js (6.7 MB) was sent uncompressed."""
    client = client_for(FletStaticFiles())
    compressed = client.get("/main.dart.js", headers={"accept-encoding": "gzip, deflate"})
    assert compressed.headers["content-encoding"] == "gzip"
    assert compressed.headers["vary"] == "Accept-Encoding"
    assert int(compressed.headers["content-length"]) < (web_root() / "main.dart.js").stat().st_size / 2
    assert compressed.content == (web_root() / "main.dart.js").read_bytes()  # httpx decodes it
    plain = client.get("/main.dart.js", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers


def test_gzip_refused_with_q_zero() -> None:
    response = client_for(FletStaticFiles()).get("/flutter.js", headers={"accept-encoding": "gzip;q=0"})
    assert "content-encoding" not in response.headers


@pytest.mark.parametrize("path", ["/missing.js", "/assets/x.txt", "/icons/nothing.png", "/ws", "/../etc/hosts.allow"])
def test_missing_files_are_404_for_non_navigations(path: str) -> None:
    """UPSTREAM-BUG #20: every missing file used to be answered with index.html."""
    response = client_for(FletStaticFiles()).get(path, headers={"accept": "*/*"})
    assert response.status_code == 404


def test_a_path_leaving_the_root_never_serves_the_file() -> None:
    response = client_for(FletStaticFiles()).get("/../etc/passwd", headers={"accept": "*/*"})
    assert "root:" not in response.text
    assert response.status_code == 404 or "flet-websocket-endpoint-path" in response.text


@pytest.mark.parametrize("accept", [None, "*/*", "application/json"])
@pytest.mark.parametrize("path", ["/store", "/store/item/42", "/users/me/"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_deep_links_get_the_index_whatever_the_accept_header(path: str, accept: str | None, method: str) -> None:
    """curl, health checks, link-preview bots and fetch() open deep links too (0.21 served them)."""
    headers = {"accept": accept} if accept is not None else {}
    client = client_for(FletStaticFiles())
    client.headers.pop("accept", None)
    response = client.request(method, path, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    if method == "GET":
        assert "flet-websocket-endpoint-path" in response.text


@pytest.mark.parametrize("path", ["/store/item", "/users/first.last", "/icons"])
def test_page_navigations_to_app_routes_get_the_index(path: str) -> None:
    response = client_for(FletStaticFiles()).get(path, headers=PAGE)
    assert response.status_code == 200
    assert "flet-websocket-endpoint-path" in response.text
    assert response.headers["cache-control"] == "no-cache"


def test_the_always_fallback_of_0_21_can_be_restored() -> None:
    response = client_for(FletStaticFiles(spa_fallback="always")).get("/missing.js")
    assert response.status_code == 200
    assert "flet-websocket-endpoint-path" in response.text


def test_only_get_and_head_are_allowed() -> None:
    client = client_for(FletStaticFiles())
    assert client.post("/").status_code == 405
    head = client.head("/favicon.png")
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == (web_root() / "favicon.png").stat().st_size


def test_assets_override_client_files_and_serve_their_own(tmp_path: Path) -> None:
    (tmp_path / "favicon.png").write_bytes(b"mine")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.svg").write_text("<svg/>")
    template = (web_root() / "index.html").read_text().replace("<title>Flet</title>", "<title>Custom</title>")
    (tmp_path / "index.html").write_text(template)
    client = client_for(FletStaticFiles(assets_dir=str(tmp_path), web_renderer="auto"), "/sub")
    assert client.get("/sub/favicon.png").content == b"mine"
    assert client.get("/sub/images/logo.svg").text == "<svg/>"
    assert client.get("/sub/images/logo.svg").headers["cache-control"] == "no-cache"
    html = client.get("/sub/").text
    assert "<title>Custom</title>" in html and '<base href="/sub/">' in html


def test_a_missing_assets_folder_is_ignored(tmp_path: Path) -> None:
    client = client_for(FletStaticFiles(assets_dir=str(tmp_path / "nope")))
    assert client.get("/favicon.png").status_code == 200


def test_a_bad_renderer_is_refused() -> None:
    with pytest.raises(ValueError, match="web_renderer"):
        FletStaticFiles(web_renderer="skia")


def test_index_is_compressed_too() -> None:
    response = client_for(FletStaticFiles()).get("/", headers={"accept-encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    raw = client_for(FletStaticFiles()).get("/", headers={"accept-encoding": "identity"})
    assert gzip.compress(raw.content)  # sanity: the plain body is the page itself
    assert json.loads(client_for(FletStaticFiles()).get("/manifest.json").text)["name"] == "Flet"
