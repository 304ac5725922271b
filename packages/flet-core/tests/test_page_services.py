"""The page's typed services: session, client storage, pubsub, sign-in through a login handler."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from flet_core.client_storage import ClientStorage
from flet_core.connection import InMemoryConnection
from flet_core.errors import FletError
from flet_core.login import AuthorizationInfo, LoginRequest
from flet_core.page import Page
from flet_core.pubsub import PubSubClient
from flet_core.session_storage import SessionStorage
from flet_core.types import Brightness, PagePlatform


def new_page(**details: str) -> Page:
    page = Page(InMemoryConnection(), session_id="s")
    page.apply_client_details({"route": "/", "width": "800", "height": "600", **details})
    return page


def test_a_new_page_has_its_session_and_client_storage() -> None:
    page = new_page()
    assert isinstance(page.session, SessionStorage) and isinstance(page.client_storage, ClientStorage)
    page.session.set("user", "ada")
    assert page.session.get("user") == "ada"
    assert new_page().session.get("user") is None  # one store per page


class _Client(PubSubClient):
    """A page.pubsub of flet-core's own (a subclass is made here; the base makes flet-runtime's)."""


def test_pubsub_before_the_host_sets_it_names_the_fix() -> None:
    page = new_page()
    with pytest.raises(FletError, match=r"ft\.app, flet\.fastapi"):
        _ = page.pubsub
    client = _Client()  # flet-core alone has no hub: flet-runtime implements PubSubHub and PubSubClient
    page.pubsub = client
    assert page.pubsub is client


def test_platform_and_brightness_read_back_as_enums() -> None:
    page = new_page(platform="ios", platformbrightness="dark")
    assert page.platform is PagePlatform.IOS
    assert page.platform_brightness is Brightness.DARK
    assert new_page(platform="fuchsia").platform == "fuchsia"  # a value this version does not know stays text


def test_login_without_a_login_handler_names_the_fix() -> None:
    page = new_page()
    with pytest.raises(FletError, match="login_handler"):
        page.login(object())  # type: ignore[arg-type]  # what a provider is does not matter here
    with pytest.raises(FletError, match="login_handler"):
        page.logout()


class Recorder:
    """A login handler that records each call and signs in with a fixed authorization."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Page, LoginRequest | None]] = []
        self.auth: Any = object()

    def login(self, page: Page, request: LoginRequest) -> AuthorizationInfo:
        self.calls.append(("login", page, request))
        page.auth = self.auth
        return self.auth  # type: ignore[no-any-return]

    async def login_async(self, page: Page, request: LoginRequest) -> AuthorizationInfo:
        return self.login(page, request)

    def logout(self, page: Page) -> None:
        self.calls.append(("logout", page, None))
        page.auth = None

    async def logout_async(self, page: Page) -> None:
        self.logout(page)


def test_login_and_logout_go_through_the_pages_login_handler() -> None:
    page = new_page()
    handler = Recorder()
    page.login_handler = handler
    provider: Any = object()
    opened: Callable[[str], None] = print
    assert page.login(provider, fetch_groups=True, scope=["email"], on_open_authorization_url=opened) is handler.auth
    assert page.auth is handler.auth
    assert handler.calls == [
        (
            "login",
            page,
            LoginRequest(provider, fetch_groups=True, scope=["email"], on_open_authorization_url=opened),
        )
    ]
    page.logout()
    assert page.auth is None and handler.calls[-1] == ("logout", page, None)


@pytest.mark.asyncio
async def test_the_async_forms_use_the_same_handler() -> None:
    page = new_page()
    handler = Recorder()
    page.login_handler = handler
    assert await page.login_async(object(), redirect_to_page=None) is handler.auth  # type: ignore[arg-type]
    request = handler.calls[0][2]
    assert request is not None and request.redirect_to_page is False and request.fetch_user is True
    await page.logout_async()
    assert page.auth is None
