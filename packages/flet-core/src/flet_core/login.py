"""What ``page.login()`` passes to the host that signs users in, and what apps read back.

The page model knows no OAuth: ``Page.login``/``logout`` hand the call to the page's
``login_handler``, a :class:`flet_core.page.LoginHandler` that the host sets on each new page
(the flet package sets its OAuth implementation; the protocol lives beside ``Page``, which its
methods take, so this module names no other). The protocols here describe, by shape only, the
provider an app passes in and the ``page.auth`` it gets back, so type checkers and editors know
them without flet-core importing the classes that implement them (``flet.auth``).
"""

from __future__ import annotations

from collections.abc import Callable, KeysView, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = [
    "AuthUserInfo",
    "AuthorizationInfo",
    "LoginRequest",
    "OAuthProviderInfo",
    "OAuthTokenInfo",
]


class OAuthProviderInfo(Protocol):
    """An OAuth 2 provider as ``page.login`` takes it (``flet.auth.OAuthProvider`` and subclasses)."""

    @property
    def client_id(self) -> str: ...
    @property
    def authorization_endpoint(self) -> str: ...
    @property
    def token_endpoint(self) -> str: ...
    @property
    def redirect_url(self) -> str: ...


class OAuthTokenInfo(Protocol):
    """The token of a sign-in (``flet.auth.OAuthToken``); save ``to_json()`` to sign in again."""

    @property
    def access_token(self) -> str: ...
    @property
    def refresh_token(self) -> str | None: ...
    @property
    def token_type(self) -> str | None: ...
    @property
    def scope(self) -> list[str] | None: ...
    @property
    def expires_at(self) -> float | None: ...
    def to_json(self) -> str: ...


class AuthUserInfo(Protocol):
    """The signed-in user (``flet.auth.User``): the provider's claims by key, plus ``id``."""

    @property
    def id(self) -> str: ...
    @property
    def groups(self) -> Sequence[Any]: ...
    def __getitem__(self, key: str, /) -> Any: ...
    def __contains__(self, key: object, /) -> bool: ...
    def get(self, key: str, default: Any = None, /) -> Any: ...
    def keys(self) -> KeysView[str]: ...


class AuthorizationInfo(Protocol):
    """``page.auth`` after a sign-in (``flet.auth.Authorization`` or the subclass passed to login)."""

    @property
    def provider(self) -> OAuthProviderInfo: ...
    @property
    def scope(self) -> list[str]: ...
    @property
    def fetch_user(self) -> bool: ...
    @property
    def fetch_groups(self) -> bool: ...
    @property
    def user(self) -> AuthUserInfo | None: ...
    @property
    def token(self) -> OAuthTokenInfo | None: ...


@dataclass(frozen=True, slots=True)
class LoginRequest:
    """One call of ``page.login()``/``login_async()``: the provider and the options the app gave."""

    provider: OAuthProviderInfo
    fetch_user: bool = True
    fetch_groups: bool = False
    scope: list[str] | None = None
    saved_token: str | None = None
    """A saved ``page.auth.token.to_json()``: sign in again without visiting the provider."""
    on_open_authorization_url: Callable[[str], Any] | None = None
    """Opens the provider's URL instead of ``page.launch_url`` (may be async for ``login_async``)."""
    complete_page_html: str | None = None
    redirect_to_page: bool = False
    authorization: Callable[..., AuthorizationInfo] | None = None
    """The ``Authorization`` class (or subclass) to create; None for the host's default."""
