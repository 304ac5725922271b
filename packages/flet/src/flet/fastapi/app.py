"""``flet.fastapi.app()``: one Flet app as a FastAPI app, to serve directly or to mount.

Routes, relative to where the app is mounted (each renamed by its FLET_* variable, and the
client is told: the WebSocket path goes into ``index.html`` and upload URLs are signed for the
renamed route, UPSTREAM-BUG #18 and #19):

* ``ws`` (WebSocket, FLET_WEBSOCKET_HANDLER_ENDPOINT): the sessions;
* ``upload`` (PUT, FLET_UPLOAD_HANDLER_ENDPOINT): uploads, only with an upload folder;
* ``oauth_callback`` (GET, FLET_OAUTH_CALLBACK_HANDLER_ENDPOINT): the OAuth redirect;
* everything else: the web client and the app's assets.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from flet.fastapi.flet_app import (
    DEFAULT_FLET_OAUTH_STATE_TIMEOUT,
    DEFAULT_FLET_SESSION_TIMEOUT,
    FletApp,
    SessionHandler,
)
from flet.fastapi.flet_fastapi import FastAPI
from flet.fastapi.flet_oauth import FletOAuth
from flet.fastapi.flet_static_files import FletStaticFiles
from flet.fastapi.flet_upload import FletUpload
from flet_core.types import WebRenderer
from flet_runtime import config, metrics

__all__ = ["app"]

logger = logging.getLogger("flet.fastapi")


def _absolute(path: str | os.PathLike[str] | None, what: str) -> str | None:
    """A relative folder is taken from the current directory (0.21 dropped it, UPSTREAM-BUG #25)."""
    if path is None or str(path) == "":
        return None
    folder = Path(path).expanduser()
    if not folder.is_absolute():
        resolved = folder.resolve()
        logger.info("%s %r is relative; using %s", what, str(path), resolved)
        return str(resolved)
    return str(folder)


def app(
    session_handler: SessionHandler,
    proxy_path: str | None = None,
    assets_dir: str | os.PathLike[str] | None = None,
    app_name: str | None = None,
    app_short_name: str | None = None,
    app_description: str | None = None,
    web_renderer: WebRenderer | str = WebRenderer.CANVAS_KIT,
    use_color_emoji: bool = False,
    route_url_strategy: str = "path",
    upload_dir: str | os.PathLike[str] | None = None,
    max_upload_size: int | None = None,
    secret_key: str | None = None,
    session_timeout_seconds: float = DEFAULT_FLET_SESSION_TIMEOUT,
    oauth_state_timeout_seconds: float = DEFAULT_FLET_OAUTH_STATE_TIMEOUT,
) -> FastAPI:
    """A FastAPI app serving ``session_handler`` (``main(page)``, sync or async) as a Flet app.

    Serving it directly (``uvicorn counter:app``) starts ``app_manager``; when you mount it into
    another app, start ``app_manager`` in that app's lifespan. FLET_UPLOAD_DIR wins over
    ``upload_dir`` and enables uploads by itself.
    """
    websocket_endpoint = config.WEBSOCKET_HANDLER_ENDPOINT.get()
    upload_endpoint = config.UPLOAD_HANDLER_ENDPOINT.get()
    oauth_endpoint = config.OAUTH_CALLBACK_HANDLER_ENDPOINT.get()
    upload_folder = _absolute(config.UPLOAD_DIR.get_or(upload_dir), "upload_dir")
    assets_folder = _absolute(assets_dir, "assets_dir")

    # No /docs, /redoc or /openapi.json: they would shadow the app's own routes (UPSTREAM-BUG #21).
    fastapi_app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    flet_app = FletApp(
        session_handler,
        session_timeout_seconds,
        oauth_state_timeout_seconds,
        secret_key=secret_key,
        proxy_path=proxy_path,
        websocket_endpoint=websocket_endpoint,
        upload_endpoint=upload_endpoint,
    )

    fastapi_app.add_flet_websocket(f"/{websocket_endpoint}", flet_app.handle)

    if upload_folder is not None:
        uploads = FletUpload(upload_folder, max_upload_size, secret_key)

        async def upload_handler(request: Request) -> Response:
            return await uploads.handle(request)

        fastapi_app.add_route(f"/{upload_endpoint}", upload_handler, methods=["PUT"], include_in_schema=False)

    oauth = FletOAuth()

    async def oauth_handler(request: Request) -> Response:
        return await oauth.handle(request)

    fastapi_app.add_route(f"/{oauth_endpoint}", oauth_handler, methods=["GET"], include_in_schema=False)

    if config.METRICS.get():
        metrics.current()  # fails now, naming the extra, if prometheus_client is missing

        async def metrics_handler(request: Request) -> Response:
            body, content_type = metrics.exposition()
            return Response(body, media_type=content_type)

        fastapi_app.add_route(config.METRICS_PATH.get(), metrics_handler, methods=["GET"], include_in_schema=False)

    fastapi_app.mount(
        "/",
        FletStaticFiles(
            proxy_path=proxy_path,
            assets_dir=assets_folder,
            app_name=app_name,
            app_short_name=app_short_name,
            app_description=app_description,
            web_renderer=web_renderer,
            use_color_emoji=use_color_emoji,
            route_url_strategy=route_url_strategy,
            websocket_endpoint=websocket_endpoint,
        ),
    )
    return fastapi_app
