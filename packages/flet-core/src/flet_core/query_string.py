"""``page.query``: the query string of the current route."""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flet_core.page import Page

__all__ = ["QueryString"]


class QueryString:
    """Parsed query of ``page.route``; refreshed on every route change (and at session start)."""

    __slots__ = ("_page", "_params", "_path")  # one per session: no instance dict

    def __init__(self, page: Page) -> None:
        self._page = page
        self._path = ""
        self._params: dict[str, str] = {}

    def __call__(self) -> None:
        """Re-read the page's current route."""
        self.read(self._page.route or "")

    def read(self, route: str) -> None:
        """Parse ``route`` (the page's route when it was last re-read)."""
        if route.startswith("#"):
            route = route[1:]
        parts = urllib.parse.urlsplit(route)
        self._path = parts.path
        self._params = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))

    def get(self, key: str) -> str:
        """The value of ``key``; KeyError when the route has no such parameter."""
        return self._params[key]

    @property
    def to_dict(self) -> dict[str, str]:
        return dict(self._params)

    @property
    def path(self) -> str:
        """The route without its query."""
        return self._path

    def post(self, kwargs: dict[str, Any]) -> str:
        """``"?" + urlencode(kwargs)``, the query ``page.go(route, **kwargs)`` appends."""
        return "?" + urllib.parse.urlencode(kwargs)

    def __repr__(self) -> str:
        return f"QueryString(path={self._path!r}, params={self._params!r})"
