"""``FletStaticFiles``: the web client, the app's assets, and the patched ``index.html``.

Lookup order for a path under the mount: the patched ``index.html`` and ``manifest.json``, the
app's assets folder, then the client build. What 0.21 did differently, on purpose:

* ``index.html`` is patched per mount prefix (the ASGI ``root_path``, behind ``proxy_path`` or an
  ``X-Forwarded-Prefix`` header), so one app answers correctly under any prefix; every inserted
  value is HTML-escaped (UPSTREAM-BUG #23).
* A missing file is a real 404: a path whose last segment names a file (``app.js``,
  ``assets/logo.png``) or the WebSocket route, unless the request is a page navigation
  (``Accept: text/html``). Every other unknown path gets ``index.html``, whatever the Accept
  header, so deep links work for curl, health checks and link-preview bots as in 0.21
  (UPSTREAM-BUG #20); ``spa_fallback="always"`` restores 0.21's answer-everything behaviour.
* Text files are sent gzip-compressed when the browser accepts it (compressed once, kept in
  memory), with ``Cache-Control`` next to ETag and Last-Modified (UPSTREAM-BUG #22).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import logging
import mimetypes
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from typing import Literal

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from flet import web_client
from flet.fastapi.forwarded import forwarded_prefix
from flet_core.types import WebRenderer
from flet_runtime import config

__all__ = ["FletStaticFiles"]

logger = logging.getLogger("flet.fastapi")

SpaFallback = Literal["navigation", "always"]

_NO_CACHE = "no-cache"
_CLIENT_CACHE = "public, max-age=600"
_ALWAYS_REVALIDATE = frozenset({"index.html", "manifest.json", "flutter_service_worker.js", "version.json"})
_COMPRESSIBLE = frozenset(
    {".js", ".mjs", ".json", ".html", ".css", ".svg", ".txt", ".map", ".xml", ".otf", ".ttf", ".frag", ".wasm"}
)
_MAX_SHELLS = 64
_COMPRESS_MIN_SIZE = 1024
_COMPRESS_MAX_SIZE = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Shell:
    """The patched ``index.html`` and ``manifest.json`` for one mount prefix."""

    index: bytes
    manifest: bytes
    etag: str


@dataclass(frozen=True, slots=True)
class _Compressed:
    mtime_ns: int
    size: int
    body: bytes


def _renderer(value: WebRenderer | str | None) -> WebRenderer:
    if value is None or value == "":
        return WebRenderer.AUTO
    try:
        return WebRenderer(value.value if isinstance(value, WebRenderer) else str(value).lower())
    except ValueError:
        choices = ", ".join(repr(r.value) for r in WebRenderer)
        raise ValueError(f"web_renderer must be one of {choices}, got {value!r}") from None


def _accepts_gzip(headers: Headers) -> bool:
    for part in headers.get("accept-encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in {"gzip", "*"}:
            return params.replace(" ", "") not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}
    return False


def _etag_matches(headers: Headers, etag: str) -> bool:
    wanted = headers.get("if-none-match")
    if wanted is None:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in wanted.split(",")}
    return "*" in tags or etag.removeprefix("W/") in tags


class FletStaticFiles(StaticFiles):
    """Serves a Flet app's web client and assets under whatever path it is mounted at.

    Args:
        proxy_path: path prefix a reverse proxy strips before forwarding (0.21).
        assets_dir: the app's assets folder, served at the app's root; it may override any
            client file, including ``index.html`` and ``manifest.json`` (used as templates).
        websocket_endpoint_path: absolute path the client connects its WebSocket to; default
            ``<mount>/<websocket_endpoint>``.
        app_mount_path: absolute mount path, instead of the one the request tells (seed docs).
        websocket_endpoint: the WebSocket route relative to the mount (``ws``).
        spa_fallback: ``"navigation"`` answers unknown paths with ``index.html`` except missing
            files (a last segment with an extension) and the WebSocket route outside page
            navigations (404); ``"always"`` does it for every request, as 0.21 did.
    """

    def __init__(
        self,
        proxy_path: str | None = None,
        assets_dir: str | os.PathLike[str] | None = None,
        app_name: str | None = None,
        app_short_name: str | None = None,
        app_description: str | None = None,
        web_renderer: WebRenderer | str | None = WebRenderer.CANVAS_KIT,
        use_color_emoji: bool = False,
        route_url_strategy: str = "path",
        websocket_endpoint_path: str | None = None,
        *,
        app_mount_path: str | None = None,
        websocket_endpoint: str = "ws",
        spa_fallback: SpaFallback = "navigation",
    ) -> None:
        self._web_root = web_client.web_root()
        super().__init__(directory=str(self._web_root), html=True, check_dir=False)
        self.web_renderer = _renderer(config.WEB_RENDERER.get_or(web_renderer))
        # COMPAT (UPSTREAM-BUG #24, kept): a set variable wins even when it says "no".
        self.use_color_emoji = config.WEB_USE_COLOR_EMOJI.get_or(bool(use_color_emoji))
        self.route_url_strategy = config.WEB_ROUTE_URL_STRATEGY.get_or(route_url_strategy)
        self.proxy_path = proxy_path
        self.app_mount_path = app_mount_path
        self.assets_dir = Path(assets_dir).resolve() if assets_dir else None
        if self.assets_dir is not None and not self.assets_dir.is_dir():
            logger.info("assets folder %s does not exist; serving the client files only", self.assets_dir)
            self.assets_dir = None
        self.app_name = app_name
        self.app_short_name = app_short_name
        self.app_description = app_description
        self.websocket_endpoint_path = websocket_endpoint_path
        self.websocket_endpoint = websocket_endpoint.strip("/") or "ws"
        if spa_fallback not in ("navigation", "always"):
            raise ValueError(f"spa_fallback must be 'navigation' or 'always', got {spa_fallback!r}")
        self.spa_fallback: SpaFallback = spa_fallback
        self._shells: dict[str, _Shell] = {}
        self._compressed: dict[str, _Compressed] = {}

    # -- ASGI ---------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            # No WebSocket route matched (e.g. a client built for another endpoint): refuse it.
            await send({"type": "websocket.close", "code": 1008, "reason": "no Flet WebSocket endpoint here"})
            return
        if scope["type"] != "http":
            return
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            response: Response = PlainTextResponse("Method Not Allowed", 405, headers={"Allow": "GET, HEAD"})
        else:
            response = await self._respond(scope)
        await response(scope, receive, send)

    async def _respond(self, scope: Scope) -> Response:
        headers = Headers(scope=scope)
        relative = self.get_path(scope).replace(os.sep, "/").lstrip("/")
        if relative in {"", ".", "index.html"}:
            return self._shell_response(scope, headers, "index.html")
        if relative == "manifest.json":
            return self._shell_response(scope, headers, "manifest.json")
        found = self._find(relative)
        if found is not None:
            path, cache_control = found
            return await self._file_response(scope, headers, path, cache_control)
        if (
            self.spa_fallback == "always"
            or "text/html" in headers.get("accept", "")
            or not self._names_a_file(relative)
        ):
            return self._shell_response(scope, headers, "index.html")
        return PlainTextResponse("Not Found", 404, headers={"Cache-Control": _NO_CACHE})

    # -- files --------------------------------------------------------------------------------

    def _names_a_file(self, relative: str) -> bool:
        """Whether a missing path asks for a file (404) rather than an app route (``index.html``)."""
        parts = relative.split("/")
        if ".." in parts or relative == self.websocket_endpoint:
            return True
        return "." in parts[-1].strip(".")

    def _find(self, relative: str) -> tuple[Path, str] | None:
        if relative.startswith("../") or relative == ".." or "\x00" in relative:
            return None  # a NUL byte names no file (and would make the OS calls raise)
        folders: list[tuple[Path, str]] = []
        if self.assets_dir is not None:
            folders.append((self.assets_dir, _NO_CACHE))
        cache = _NO_CACHE if relative in _ALWAYS_REVALIDATE else _CLIENT_CACHE
        folders.append((self._web_root, cache))
        for folder, cache_control in folders:
            root = os.path.realpath(folder)
            candidate = os.path.realpath(os.path.join(root, relative))
            if os.path.commonpath([root, candidate]) != root:
                continue
            if os.path.isfile(candidate):
                return Path(candidate), cache_control
        return None

    async def _file_response(self, scope: Scope, headers: Headers, path: Path, cache_control: str) -> Response:
        stat = path.stat()
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        compressible = path.suffix.lower() in _COMPRESSIBLE and stat.st_size >= _COMPRESS_MIN_SIZE
        extra = {"Cache-Control": cache_control}
        if compressible:
            extra["Vary"] = "Accept-Encoding"
        if compressible and stat.st_size <= _COMPRESS_MAX_SIZE and _accepts_gzip(headers):
            body = await self._gzipped(path, stat.st_mtime_ns, stat.st_size)
            etag = '"' + hashlib.md5(f"{stat.st_mtime}-{stat.st_size}-gzip".encode(), usedforsecurity=False).hexdigest()
            etag += '"'
            extra |= {
                "ETag": etag,
                "Last-Modified": formatdate(stat.st_mtime, usegmt=True),
                "Content-Encoding": "gzip",
            }
            return self._body_response(scope, headers, body, media_type, extra)
        response = FileResponse(path, stat_result=stat, headers=extra, media_type=media_type)
        if _etag_matches(headers, response.headers.get("etag", "")):
            return self._not_modified(response.headers)
        if scope["method"] == "HEAD":
            # Starlette < 0.39 decides HEAD-ness from a constructor argument; this works with all.
            return Response(b"", media_type=media_type, headers=dict(response.headers))
        return response

    async def _gzipped(self, path: Path, mtime_ns: int, size: int) -> bytes:
        sibling = path.with_name(path.name + ".gz")
        if sibling.is_file() and sibling.stat().st_mtime_ns >= mtime_ns:
            return sibling.read_bytes()
        key = str(path)
        cached = self._compressed.get(key)
        if cached is None or (cached.mtime_ns, cached.size) != (mtime_ns, size):
            body = await run_in_threadpool(lambda: gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
            cached = self._compressed[key] = _Compressed(mtime_ns, size, body)
        return cached.body

    # -- index.html and manifest.json ----------------------------------------------------------

    def _mount_prefix(self, scope: Scope) -> str:
        if self.app_mount_path is not None:
            mount = self.app_mount_path
        else:
            mount = str(scope.get("root_path", ""))
        if self.proxy_path is not None:
            outer = self.proxy_path
        else:
            client = scope.get("client")
            outer = forwarded_prefix(Headers(scope=scope), client[0] if client else None)
        prefix = "/".join(part for part in (outer.strip("/"), mount.strip("/")) if part)
        return f"/{prefix}" if prefix else ""

    def _shell_response(self, scope: Scope, headers: Headers, name: str) -> Response:
        shell = self._shell(self._mount_prefix(scope))
        body = shell.index if name == "index.html" else shell.manifest
        media_type = "text/html; charset=utf-8" if name == "index.html" else "application/manifest+json"
        extra = {"Cache-Control": _NO_CACHE, "ETag": f'"{shell.etag}-{name}"', "Vary": "X-Forwarded-Prefix"}
        if _accepts_gzip(headers):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            extra["Content-Encoding"] = "gzip"
            extra["Vary"] += ", Accept-Encoding"
        return self._body_response(scope, headers, body, media_type, extra)

    def _body_response(
        self, scope: Scope, headers: Headers, body: bytes, media_type: str, extra: dict[str, str]
    ) -> Response:
        if _etag_matches(headers, extra["ETag"]):
            return self._not_modified(extra)
        if scope["method"] == "HEAD":
            return Response(b"", media_type=media_type, headers=extra | {"Content-Length": str(len(body))})
        return Response(body, media_type=media_type, headers=extra)

    @staticmethod
    def _not_modified(headers: Mapping[str, str]) -> Response:
        keep = {"cache-control", "etag", "last-modified", "vary", "content-location", "date", "expires"}
        return Response(status_code=304, headers={k: v for k, v in headers.items() if k.lower() in keep})

    def _template(self, name: str) -> str:
        if self.assets_dir is not None and (self.assets_dir / name).is_file():
            return (self.assets_dir / name).read_text(encoding="utf-8")
        return (self._web_root / name).read_text(encoding="utf-8")

    def _shell(self, prefix: str) -> _Shell:
        shell = self._shells.get(prefix)
        if shell is None:
            if len(self._shells) >= _MAX_SHELLS:
                self._shells.clear()  # prefixes come from request headers: keep the cache bounded
            index = self._patch_index(self._template("index.html"), prefix).encode()
            manifest = self._patch_manifest(self._template("manifest.json")).encode()
            etag = hashlib.sha1(index + b"\0" + manifest, usedforsecurity=False).hexdigest()[:20]
            shell = self._shells[prefix] = _Shell(index, manifest, etag)
        return shell

    def _patch_index(self, text: str, prefix: str) -> str:
        def set_meta(text: str, name: str, value: str) -> str:
            pattern = re.compile(rf'<meta name="{re.escape(name)}" content="[^"]*">')
            return pattern.sub(lambda _: f'<meta name="{name}" content="{html.escape(value)}">', text, count=1)

        base = f"{prefix}/" if prefix else "/"
        text = text.replace('<base href="/">', f'<base href="{html.escape(base)}">', 1)
        websocket = self.websocket_endpoint_path or f"{prefix}/{self.websocket_endpoint}"
        text = set_meta(text, "flet-websocket-endpoint-path", websocket)
        text = set_meta(text, "flet-route-url-strategy", self.route_url_strategy)
        text = set_meta(text, "flet-web-pyodide", "false")
        if self.app_name:
            text = set_meta(text, "apple-mobile-web-app-title", self.app_name)
            text = text.replace("<title>Flet</title>", f"<title>{html.escape(self.app_name)}</title>", 1)
        if self.app_description:
            text = set_meta(text, "description", self.app_description)
        # The renderer is an enum value, and the emoji flag a JS literal, so neither needs quoting.
        text = text.replace("<!-- webRenderer -->", f'<script>webRenderer="{self.web_renderer.value}";</script>', 1)
        emoji = "true" if self.use_color_emoji else "false"
        return text.replace("<!-- useColorEmoji -->", f"<script>useColorEmoji={emoji};</script>", 1)

    def _patch_manifest(self, text: str) -> str:
        manifest = json.loads(text)
        if self.app_name:
            manifest["name"] = self.app_name
            manifest["short_name"] = self.app_name
        if self.app_short_name:
            manifest["short_name"] = self.app_short_name
        if self.app_description:
            manifest["description"] = self.app_description
        return json.dumps(manifest, indent=2)
