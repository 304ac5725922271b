"""Finding controls in a :class:`~flet_core.client_tree.ClientTree`: the one finder of the test harnesses.

The client keeps every control it was sent but shows only some: the top view of the page (the
others are under it), the overlay controls that are open, children of visible parents and the
selected tab's content. :func:`walk` goes through a subtree in page order and says, for each
control, whether it is on screen; :func:`find` keeps the controls that meet every criterion
given; :func:`texts` lists their texts.

flet-runtime's ``MemoryClient`` and ``flet.testing``'s queries both find controls here; they
differ only in the options they pass (which text attributes count, whether hidden controls
match, whether the subtree's root can match).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from flet_core.client_tree import ClientTree, WireControl

__all__ = [
    "OPENABLE_TYPES",
    "TEXT_ATTRS",
    "TextMatch",
    "Visit",
    "find",
    "hidden_reason",
    "matches",
    "text_matches",
    "texts",
    "walk",
]

TEXT_ATTRS = (
    "text",
    "value",
    "label",
    "hinttext",
    "helpertext",
    "errortext",
    "countertext",
    "prefixtext",
    "suffixtext",
    "placeholdertext",
    "title",
    "tooltip",
    "semanticslabel",
)
"""The attributes a text criterion looks at by default, in this order."""

OPENABLE_TYPES = frozenset(
    {
        "alertdialog",
        "banner",
        "bottomsheet",
        "cupertinoalertdialog",
        "cupertinobottomsheet",
        "datepicker",
        "navigationdrawer",
        "snackbar",
        "timepicker",
    }
)
"""Controls the client shows only while their ``open`` attribute is ``"true"``."""

TextMatch = str | re.Pattern[str]
"""A whole text, or a pattern searched in the text."""


@dataclass(frozen=True, slots=True)
class Visit:
    """One control met by :func:`walk`."""

    node: WireControl
    depth: int
    """0 for the control the walk started from."""
    shown: bool
    """Whether the browser shows it (it and all its parents are visible)."""
    reason: str | None
    """Why it is not shown, when the reason is this control's own (not a parent's)."""


def _top_view_id(tree: ClientTree) -> str | None:
    top = None
    for child in tree.children("page"):
        if child["t"] != "offstage" and child.get("visible") != "false":
            top = child["i"]
    return top


def hidden_reason(tree: ClientTree, node: WireControl, top_view: str | None = None) -> str | None:
    """Why the client does not show ``node`` even when its parent is shown, or ``None``."""
    if node.get("visible") == "false":
        return "visible=false"
    kind = node["t"]
    if kind in OPENABLE_TYPES and node.get("open") != "true":
        return "not open"
    parent_id = node["p"]
    if parent_id == "page" and kind != "offstage":
        if node["i"] != (top_view if top_view is not None else _top_view_id(tree)):
            return "under another view"
    elif node.get("n") == "content" and parent_id in tree:
        tab = tree[parent_id]
        if tab["t"] == "tab" and tab["p"] in tree:
            tabs = tree[tab["p"]]
            selected = tabs.get("selectedindex", "0")
            position = tabs["c"].index(tab["i"]) if tab["i"] in tabs["c"] else -1
            if str(position) != selected:
                return "in an unselected tab"
    return None


def _shown(tree: ClientTree, control_id: str, top_view: str | None) -> bool:
    current = tree.controls.get(control_id)
    while current is not None and current["i"] != "page":
        if hidden_reason(tree, current, top_view) is not None:
            return False
        current = tree.controls.get(current["p"])
    return current is not None


def walk(tree: ClientTree, root: str = "page", *, hidden: bool = False) -> Iterator[Visit]:
    """The controls of ``root``'s subtree in page order; hidden ones only with ``hidden=True``."""
    if root not in tree:
        return
    top_view = _top_view_id(tree)
    stack: list[tuple[str, int, bool]] = [(root, 0, _shown(tree, tree[root]["p"], top_view) or root == "page")]
    while stack:
        control_id, depth, parent_shown = stack.pop()
        node = tree.controls.get(control_id)
        if node is None:
            continue
        reason = None if control_id == "page" else hidden_reason(tree, node, top_view)
        shown = parent_shown and reason is None
        if not shown and not hidden:
            continue
        yield Visit(node, depth, shown, reason)
        stack.extend((child, depth + 1, shown) for child in reversed(node["c"]))


def text_matches(wanted: TextMatch, text: object) -> bool:
    """Whether ``text`` is ``wanted`` (a string) or contains a match of it (a pattern)."""
    if not isinstance(text, str):
        return False
    if isinstance(wanted, str):
        return text == wanted
    return wanted.search(text) is not None


def find(
    tree: ClientTree,
    root: str = "page",
    *,
    text: TextMatch | None = None,
    contains: str | None = None,
    type: str | None = None,
    key: str | None = None,
    where: Callable[[WireControl], bool] | None = None,
    attrs: tuple[str, ...] = TEXT_ATTRS,
    hidden: bool = False,
    include_root: bool = False,
) -> list[WireControl]:
    """The controls of ``root``'s subtree, in page order, that meet every criterion given.

    ``text`` equals (or, a pattern, is found in) one of the ``attrs`` attributes; ``contains`` is
    contained in one of them; ``type`` is the wire type name; ``key`` the control's key;
    ``where`` a predicate on the wire dict. Hidden controls match only with ``hidden=True``, the
    root itself only with ``include_root=True``.
    """
    return [
        visit.node
        for visit in walk(tree, root, hidden=hidden)
        if (include_root or visit.node["i"] != root)
        and matches(visit.node, text=text, contains=contains, type=type, key=key, attrs=attrs)
        and (where is None or where(visit.node))
    ]


def matches(
    node: WireControl,
    *,
    text: TextMatch | None = None,
    contains: str | None = None,
    type: str | None = None,
    key: str | None = None,
    attrs: tuple[str, ...] = TEXT_ATTRS,
) -> bool:
    """Whether one control meets every criterion given (see :func:`find`)."""
    if type is not None and node["t"] != type:
        return False
    if key is not None and node.get("key") != key:
        return False
    if text is not None and not any(text_matches(text, node.get(a)) for a in attrs):
        return False
    return contains is None or any(contains in (node.get(a) or "") for a in attrs)


def texts(
    tree: ClientTree,
    root: str = "page",
    *,
    type: str | None = None,
    attrs: tuple[str, ...] = TEXT_ATTRS,
    first_only: bool = False,
    hidden: bool = False,
) -> list[str]:
    """The ``attrs`` texts of ``root``'s subtree (``root`` included), in page order.

    Every text attribute a control has, or with ``first_only=True`` the first one it has.
    """
    out: list[str] = []
    for visit in walk(tree, root, hidden=hidden):
        node = visit.node
        if type is not None and node["t"] != type:
            continue
        for attr in attrs:
            if attr in node:
                out.append(str(node[attr]))
                if first_only:
                    break
    return out
