"""TemplateRoute: path-to-regexp templates matched against routes."""

from __future__ import annotations

import pytest

from flet_core.template_route import TemplateRoute


@pytest.mark.parametrize(
    ("route", "template", "params"),
    [
        ("/books/42", "/books/:id", {"id": "42"}),
        ("/Books/42/", "/books/:id", {"id": "42"}),  # any case, a trailing slash
        ("/files/a/b/c", "/files/:path*", {"path": "a/b/c"}),
        ("/files", "/files/:path*", {"path": None}),
        ("/files/a/b", "/files/:path+", {"path": "a/b"}),
        ("/users", "/users/:id?", {"id": None}),
        ("/users/7", "/users/:id?", {"id": "7"}),
        ("/users/7", "/users/:id(\\d+)", {"id": "7"}),
        ("/a.json", "/:name.:ext", {"name": "a", "ext": "json"}),
        ("/anything/at/all", "/*", {}),
        ("/a:b", "/a\\:b", {}),
        ("/x/abc", "/x/(\\w+)", {}),
        ("/", "/", {}),
    ],
)
def test_matches(route: str, template: str, params: dict[str, str | None]) -> None:
    matcher = TemplateRoute(route)
    assert matcher.match(template)
    for name, value in params.items():
        assert getattr(matcher, name) == value


@pytest.mark.parametrize(
    ("route", "template"),
    [
        ("/books", "/books/:id"),
        ("/books/42/reviews", "/books/:id"),  # the whole route must match
        ("/files", "/files/:path+"),
        ("/users/abc", "/users/:id(\\d+)"),
        ("/booksX", "/books"),
    ],
)
def test_does_not_match(route: str, template: str) -> None:
    assert not TemplateRoute(route).match(template)


def test_a_query_string_is_not_part_of_a_parameter() -> None:
    """Upstream defect #31: the query string leaked into the last parameter."""
    matcher = TemplateRoute("/books/42?x=1")
    assert matcher.match("/books/:id")
    assert matcher.id == "42"


def test_parameters_of_the_previous_match_are_reset() -> None:
    matcher = TemplateRoute("/books/42")
    assert matcher.match("/books/:id")
    assert not matcher.match("/authors/:name")
    assert matcher.id is None
    assert matcher.name is None
    assert matcher.route == "/books/42"
