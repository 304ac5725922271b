"""flet's login handler on a page: what it accepts, and logout (the full flow: test_flet_oauth.py)."""

from __future__ import annotations

from typing import Any

import pytest

from flet.auth import Authorization, OAuthProvider
from flet.auth.page_login import LoginFlow, PageLogin
from flet_core.connection import InMemoryConnection
from flet_core.errors import FletTypeError
from flet_core.page import Page

PROVIDER = OAuthProvider(
    client_id="id",
    client_secret="secret",
    authorization_endpoint="https://provider.example/authorize",
    token_endpoint="https://provider.example/token",
    redirect_url="https://app.example/oauth_callback",
)


def signed_in_page() -> tuple[Page, list[str], list[Any]]:
    page = Page(InMemoryConnection(), session_id="s")
    states: list[str] = []
    events: list[Any] = []

    def register(state: str, flow: LoginFlow, complete_url: str | None, complete_html: str | None) -> None:
        states.append(state)

    PageLogin(register).attach(page)
    page.on_logout = events.append
    return page, states, events


def test_login_opens_the_provider_and_registers_the_state() -> None:
    page, states, _ = signed_in_page()
    opened: list[str] = []
    auth = page.login(PROVIDER, on_open_authorization_url=opened.append)
    assert isinstance(auth, Authorization) and page.auth is auth
    assert len(states) == 1 and f"state={states[0]}" in opened[0]


def test_login_names_what_it_expected_when_given_something_else() -> None:
    page, _, _ = signed_in_page()
    with pytest.raises(FletTypeError, match=r"flet\.auth\.OAuthProvider .*got str"):
        page.login("github")  # type: ignore[arg-type]  # the mistake under test
    with pytest.raises(FletTypeError, match=r"flet\.auth\.Authorization or a subclass"):
        page.login(PROVIDER, authorization=lambda *args, **kwargs: object())  # type: ignore[arg-type,return-value]


def test_logout_forgets_the_sign_in_and_fires_on_logout() -> None:
    page, _, events = signed_in_page()
    page.login(PROVIDER, on_open_authorization_url=lambda url: None)
    page.logout()
    assert page.auth is None
    assert [event.name for event in events] == ["logout"]
