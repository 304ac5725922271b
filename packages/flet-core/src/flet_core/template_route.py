"""``TemplateRoute``: match a route against path templates such as ``/books/:id``.

Templates use the path-to-regexp syntax (the one JavaScript routers use), translated to a
Python regular expression here:

* ``:name`` matches one path segment; ``:name(\\d+)`` uses a custom pattern;
* a modifier follows a parameter: ``?`` optional, ``*`` zero or more segments, ``+`` one or
  more (``/files/:path*`` matches ``/files/a/b`` with ``path == "a/b"``);
* ``(pattern)`` is an unnamed group, ``*`` alone matches anything, ``\\:`` is a literal colon;
* a ``/`` or ``.`` in front of a parameter belongs to it, so ``/:id?`` makes ``/x`` optional.

The whole route must match, a trailing ``/`` is allowed, letters match in any case. The
query string is not part of the match (0.21 let it leak into the last parameter).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["TemplateRoute"]

_TOKEN = re.compile(
    r"""
    (\\.)                                       # an escaped character
    | ([/.])?                                   # the prefix a parameter owns
      (?:
          (?::(\w+)(?:\(((?:\\.|[^\\()])+)\))?  # :name with an optional (pattern)
          | \(((?:\\.|[^\\()])+)\)              # an unnamed (pattern)
        )([+*?])?                               # its modifier
        | (\*)                                  # a bare asterisk
      )
    """,
    re.VERBOSE,
)
_GROUP_SPECIALS = re.compile(r"([=!:$/()])")


@dataclass(frozen=True, slots=True)
class _Param:
    name: str | None
    prefix: str
    pattern: str
    optional: bool
    repeat: bool
    partial: bool


def _tokens(template: str) -> list[str | _Param]:
    tokens: list[str | _Param] = []
    literal = ""
    position = 0
    for found in _TOKEN.finditer(template):
        literal += template[position : found.start()]
        position = found.end()
        escaped, prefix, name, custom, group, modifier, asterisk = found.groups()
        if escaped:
            literal += escaped[1]
            continue
        if literal:
            tokens.append(literal)
            literal = ""
        following = template[position] if position < len(template) else None
        delimiter = prefix or "/"
        pattern = custom or group
        if pattern:
            pattern = _GROUP_SPECIALS.sub(r"\\\1", pattern)
        elif asterisk:
            pattern = ".*"
        else:
            pattern = f"[^{re.escape(delimiter)}]+?"
        tokens.append(
            _Param(
                name=name,
                prefix=prefix or "",
                pattern=pattern,
                optional=modifier in ("?", "*"),
                repeat=modifier in ("+", "*"),
                partial=prefix is not None and following is not None and following != prefix,
            )
        )
    literal += template[position:]
    if literal:
        tokens.append(literal)
    return tokens


@functools.lru_cache(maxsize=256)
def _compile(template: str) -> tuple[re.Pattern[str], tuple[str | None, ...]]:
    """The regular expression of a template and the parameter name of each of its groups."""
    parts: list[str] = []
    names: list[str | None] = []
    tokens = _tokens(template)
    for token in tokens:
        if isinstance(token, str):
            parts.append(re.escape(token))
            continue
        group = f"g{len(names)}"
        names.append(token.name)
        prefix = re.escape(token.prefix)
        capture = f"(?:{token.pattern})"
        if token.repeat:
            capture += f"(?:{prefix}{capture})*"
        if token.optional and not token.partial:
            parts.append(f"(?:{prefix}(?P<{group}>{capture}))?")
        elif token.optional:
            parts.append(f"{prefix}(?P<{group}>{capture})?")
        else:
            parts.append(f"{prefix}(?P<{group}>{capture})")
    if tokens and isinstance(tokens[-1], str) and tokens[-1].endswith("/"):
        parts[-1] = re.escape(tokens[-1][:-1])
    return re.compile("^" + "".join(parts) + "(?:/(?=$))?$", re.IGNORECASE), tuple(names)


class TemplateRoute:
    """A route to test against templates; a successful match sets each parameter as an attribute."""

    def __init__(self, route: str) -> None:
        self.route = route
        self._matched: list[str] = []

    def match(self, route_template: str) -> bool:
        """Whether the route matches the template; parameters of the last match are reset to None."""
        for previous in self._matched:
            setattr(self, previous, None)
        self._matched = []
        pattern, names = _compile(route_template)
        path = self.route.partition("?")[0]
        found = pattern.match(path)
        if found is None:
            return False
        for index, name in enumerate(names):
            if name is not None:
                setattr(self, name, found.group(f"g{index}"))
                self._matched.append(name)
        return True

    def __getattr__(self, name: str) -> Any:
        # parameters of templates not matched yet read as None, as after a reset
        if name.startswith("_"):
            raise AttributeError(name)
        return None

    def __repr__(self) -> str:
        return f"TemplateRoute({self.route!r})"
