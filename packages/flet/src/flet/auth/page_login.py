"""``page.login()`` and ``page.logout()``: the page's side of the OAuth authorization-code flow.

The page model knows nothing of OAuth: ``Page.login``/``logout`` call the page's
``login_handler`` (:class:`flet_core.page.LoginHandler`), which the web host sets to its
:class:`PageLogin` on each new page. ``login`` opens the provider's page and registers the
``state``; the OAuth callback endpoint then calls :meth:`LoginFlow.complete`, which exchanges the
code, sets ``page.auth`` and fires ``on_login``.
"""

from __future__ import annotations

import inspect
import logging
import weakref
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from flet.auth._http import _httpx
from flet.auth.authorization import Authorization
from flet.auth.oauth_provider import OAuthProvider
from flet_core.control_event import ControlEvent
from flet_core.errors import FletTypeError
from flet_core.login import LoginRequest
from flet_core.page import Page
from flet_core.page_events import LoginEvent

__all__ = ["LoginFlow", "PageLogin", "StateRegistry"]

logger = logging.getLogger("flet.auth")


class StateRegistry(Protocol):
    """Where a pending sign-in waits for the provider's redirect (the app manager)."""

    def __call__(
        self, state: str, flow: LoginFlow, complete_page_url: str | None, complete_page_html: str | None
    ) -> None: ...


def _page_url(redirect_url: str, page_name: str, route: str | None) -> str:
    """``redirect_url`` with its path replaced by the app's path and the page's route."""
    parts = urlsplit(redirect_url)
    base = "/" + page_name.strip("/") if page_name.strip("/") else ""
    route = route or "/"
    return urlunsplit((parts.scheme, parts.netloc, base + (route if route.startswith("/") else "/" + route), "", ""))


def _fire(page: Any, event_name: str, event: ControlEvent) -> None:
    connection = page.connection
    if connection is None:
        logger.info("page gone before its %s event could run", event_name)
        return
    for handler in getattr(page, f"on_{event_name}"):
        connection.dispatch(handler, event)


def _login_event(page: Any, error: str | None, error_description: str | None) -> LoginEvent:
    # 0.21 COMPAT: a successful callback sign-in carries error=None, a saved-token one "".
    event = LoginEvent("", "", control=page, page=page)
    event.error = error  # None on callback success, as in 0.21
    event.error_description = error_description
    return event


class LoginFlow:
    """One sign-in waiting for the provider's redirect; holds its page weakly."""

    def __init__(self, page: Any, authorization: Authorization) -> None:
        self._page = weakref.ref(page)
        self.authorization = authorization

    @property
    def page(self) -> Any:
        """The page that started the sign-in, or ``None`` when its session has ended."""
        page = self._page()
        if page is None or page.connection is None:
            return None
        return page

    async def complete(self, code: str | None, error: str | None, error_description: str | None) -> None:
        """Exchange ``code`` for a token (unless the provider sent ``error``), then fire ``on_login``."""
        page = self.page
        if page is None:
            return
        if not error:
            if not code:
                error, error_description = "invalid_request", "the provider's redirect carried no code"
            else:
                try:
                    await self.authorization.request_token_async(code)
                except Exception as failure:  # any failure is reported to the app as LoginEvent.error
                    logger.warning("OAuth token exchange failed: %s", failure)
                    error = str(failure) or type(failure).__name__
        self._bring_app_forward(page)
        _fire(page, "login", _login_event(page, error or None, error_description if error else None))

    @staticmethod
    def _bring_app_forward(page: Any) -> None:
        try:
            if str(getattr(page, "platform", "") or "").lower() in {"ios", "android", "pageplatform.ios"}:
                page.close_in_app_web_view()
            elif not page.web:
                page.window_to_front()
        except Exception as failure:  # a cosmetic step; the sign-in still completes
            logger.debug("could not bring the app forward after sign-in: %s", failure)


def _new_authorization(page: Page, request: LoginRequest) -> Authorization:
    """The sign-in's ``Authorization``, set as ``page.auth``."""
    if not isinstance(request.provider, OAuthProvider):
        raise FletTypeError(
            "page.login() expects a flet.auth.OAuthProvider (e.g. GitHubOAuthProvider), "
            f"got {type(request.provider).__name__}"
        )
    _httpx()  # a missing httpx fails here, with the install hint, not after the provider's round trip
    factory = Authorization if request.authorization is None else request.authorization
    auth = factory(
        request.provider, fetch_user=request.fetch_user, fetch_groups=request.fetch_groups, scope=request.scope
    )
    if not isinstance(auth, Authorization):
        raise FletTypeError(
            f"page.login(authorization=...) expects flet.auth.Authorization or a subclass, got {factory!r}"
        )
    page.auth = auth
    return auth


class PageLogin:
    """The OAuth sign-in of an app's pages: the :class:`flet_core.page.LoginHandler` set on each."""

    def __init__(self, register_state: StateRegistry) -> None:
        self._register_state = register_state

    def attach(self, page: Page) -> None:
        """Make ``page.login``/``page.logout`` sign in through this app."""
        page.login_handler = self

    def _open_flow(self, page: Page, auth: Authorization, request: LoginRequest) -> str:
        url, state = auth.get_authorization_data()
        # Both forms keep the page's route (0.21's sync login dropped it, UPSTREAM-BUG #33).
        complete_url = (
            _page_url(auth.provider.redirect_url, page.name, page.route) if request.redirect_to_page else None
        )
        self._register_state(state, LoginFlow(page, auth), complete_url, request.complete_page_html)
        return url

    def login(self, page: Page, request: LoginRequest) -> Authorization:
        """Start signing in with ``request.provider``; ``on_login`` fires when it is done."""
        auth = _new_authorization(page, request)
        if request.saved_token is not None:
            auth.dehydrate_token(request.saved_token)
            _fire(page, "login", _login_event(page, "", ""))
            return auth
        url = self._open_flow(page, auth, request)
        if request.on_open_authorization_url is not None:
            request.on_open_authorization_url(url)
        else:
            page.launch_url(url, "flet_oauth_signin", web_popup_window=page.web)
        return auth

    async def login_async(self, page: Page, request: LoginRequest) -> Authorization:
        """``login`` for async code: the HTTP calls do not block the event loop."""
        auth = _new_authorization(page, request)
        if request.saved_token is not None:
            await auth.dehydrate_token_async(request.saved_token)
            _fire(page, "login", _login_event(page, "", ""))
            return auth
        url = self._open_flow(page, auth, request)
        if request.on_open_authorization_url is not None:
            result = request.on_open_authorization_url(url)
            if inspect.isawaitable(result):
                await result
        else:
            page.launch_url(url, "flet_oauth_signin", web_popup_window=page.web)
        return auth

    def logout(self, page: Page) -> None:
        """Forget the sign-in and fire ``on_logout`` (the provider is not told)."""
        page.auth = None
        _fire(page, "logout", ControlEvent("page", "logout", "", page, page))

    async def logout_async(self, page: Page) -> None:
        self.logout(page)
