"""``FletOAuth``: the endpoint the OAuth provider redirects the sign-in popup to.

An unknown, expired or already used ``state`` is answered with a 400 page saying so, and a
state whose session has ended with a 410 page, never a 500 (UPSTREAM-BUG #39).
"""

from __future__ import annotations

import html
import logging

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from flet.fastapi.flet_app_manager import FletAppManager, app_manager
from flet_runtime.ratelog import session_tag

__all__ = ["FletOAuth"]

logger = logging.getLogger("flet.fastapi")

_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body style="font-family: sans-serif; margin: 3em;"><h1>{title}</h1><p>{text}</p>{script}</body></html>
"""

DEFAULT_COMPLETE_PAGE_HTML = _PAGE.format(
    title="Signed in",
    text="You have signed in successfully. You can close this window or tab now.",
    script="<script>window.close();</script>",
)


def _message_page(title: str, text: str, status: int) -> HTMLResponse:
    body = _PAGE.format(title=html.escape(title), text=html.escape(text), script="")
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


class FletOAuth:
    """Completes the sign-in a page started with ``page.login()``."""

    def __init__(self, manager: FletAppManager | None = None) -> None:
        self._manager = manager or app_manager

    async def handle(self, request: Request) -> Response:
        query = request.query_params
        state_id = query.get("state")
        state = await self._manager.claim_state(state_id) if state_id else None
        if state is None:
            logger.info("OAuth callback with an unknown, expired or reused state")
            return _message_page(
                "Sign-in link not valid",
                "This sign-in link is unknown, has expired, or was already used. "
                "Close this window and sign in again from the app.",
                400,
            )
        flow = state.flow
        code, error, description = query.get("code"), query.get("error"), query.get("error_description")
        if flow is None and state_id and await self._manager.forward_oauth(state_id, code, error, description):
            logger.info(
                "OAuth callback for session %s handed to the worker that holds it", session_tag(state.session_id)
            )
        elif flow is None or flow.page is None:
            return _message_page(
                "Sign-in session ended",
                "The app session that started this sign-in has ended. Reload the app and sign in again.",
                410,
            )
        else:
            await flow.complete(code, error, description)
        if state.complete_page_url:
            return RedirectResponse(state.complete_page_url, status_code=307)
        return HTMLResponse(
            state.complete_page_html or DEFAULT_COMPLETE_PAGE_HTML, headers={"Cache-Control": "no-store"}
        )
