"""What the simulated browser shows, and the readable text tree of it.

The client keeps every control it was sent, but shows only some: the top view of the page
(the others are under it), the overlay controls that are open, children of visible parents,
and the selected tab's content. :func:`walk` (flet_core.client_query's, the finder shared with
flet-runtime's ``MemoryClient``) goes through a client tree and says, for each control, whether it
is on screen; :func:`render` draws the tree as text for snapshot tests
and failure messages::

    page title="Counter" route="/"
    └─ view route="/"
       └─ row
          ├─ textfield key="count" value="0"
          └─ iconbutton icon="add"
"""

from __future__ import annotations

import json

from flet_core.client_query import OPENABLE_TYPES, TEXT_ATTRS, Visit, hidden_reason, walk
from flet_core.client_tree import ClientTree, WireControl

__all__ = ["OPENABLE_TYPES", "SUMMARY_ATTRS", "TEXT_ATTRS", "Visit", "describe", "hidden_reason", "render", "walk"]

SUMMARY_ATTRS = ("key", "route", *TEXT_ATTRS, "icon", "src", "url", "selectedindex", "selected", "disabled", "readonly")
"""The attributes a snapshot line shows; ``render(details=True)`` shows every attribute."""

_RESERVED = frozenset({"t", "i", "p", "c", "n"})
_PRIMARY_VALUE_TYPES = frozenset({"text", "markdown"})


_QUOTED = frozenset({"key", "route", *TEXT_ATTRS, "icon", "src", "url"})


def _format_value(name: str, text: str) -> str:
    if name not in _QUOTED:
        if text in ("true", "false"):
            return text
        try:
            float(text)
        except ValueError:
            pass
        else:
            return text
    return json.dumps(text, ensure_ascii=False)


def describe(node: WireControl, *, details: bool = False) -> str:
    """One line for a control: slot, type, its main text and the attributes that say what it is."""
    kind = node["t"]
    words = [f"{node['n']}: {kind}" if node.get("n") else kind]
    primary = "text" if "text" in node else "value" if kind in _PRIMARY_VALUE_TYPES and "value" in node else None
    if primary is not None:
        words.append(json.dumps(node[primary], ensure_ascii=False))
    names = [name for name in SUMMARY_ATTRS if name in node and name != primary]
    if details:
        names += sorted(name for name in node if name not in _RESERVED and name not in SUMMARY_ATTRS)
    words.extend(f"{name}={_format_value(name, str(node[name]))}" for name in names)
    return " ".join(words)


def _empty_offstage(visits: list[Visit], index: int) -> bool:
    visit = visits[index]
    if visit.node["t"] != "offstage":
        return False
    return index + 1 == len(visits) or visits[index + 1].depth <= visit.depth


def render(tree: ClientTree, root: str = "page", *, hidden: bool = False, details: bool = False) -> str:
    """The subtree of ``root`` as an indented text tree (what is on screen, by default)."""
    visits = list(walk(tree, root, hidden=hidden))
    if not hidden:  # an overlay with nothing open in it shows nothing
        visits = [v for i, v in enumerate(visits) if not _empty_offstage(visits, i)]
    # whether each control has a later sibling, found in one backward pass
    has_next = [False] * len(visits)
    seen_at: list[bool] = []
    for index in range(len(visits) - 1, -1, -1):
        depth = visits[index].depth
        del seen_at[depth + 1 :]
        seen_at.extend([False] * (depth + 1 - len(seen_at)))
        has_next[index] = seen_at[depth]
        seen_at[depth] = True
    lines: list[str] = []
    branches: list[bool] = []  # per depth: does that level's branch go on below this line
    for visit, more in zip(visits, has_next, strict=True):
        depth = visit.depth
        del branches[depth:]
        prefix = ""
        if depth:
            prefix = "".join("│  " if going_on else "   " for going_on in branches[1:]) + ("├─ " if more else "└─ ")
        branches.append(more)
        line = prefix + describe(visit.node, details=details)
        if not visit.shown:
            line += f"  [hidden: {visit.reason}]" if visit.reason else "  [hidden]"
        lines.append(line)
    return "\n".join(lines)
