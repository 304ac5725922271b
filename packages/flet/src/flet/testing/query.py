"""Finding controls in the simulated browser's tree: :class:`Element` and :class:`Query`.

A query is a conjunction of criteria, all optional:

* ``text``: a string equal to one of the control's text attributes, or a compiled regular
  expression found in one (``re.compile("Saved")``). The attributes are, in this order:
  ``text``, ``value``, ``label``, ``hinttext``, ``helpertext``, ``errortext``, ``countertext``,
  ``prefixtext``, ``suffixtext``, ``placeholdertext``, ``title``, ``tooltip``, ``semanticslabel``
  (the wire names of ``TextField.hint_text``, ``error_text``, ...).
* ``contains``: a string that one of those attributes contains.
* ``type``: a control class (``ft.TextField``) or a wire type name (``"textfield"``). Classes
  are compared by their wire type, so ``ft.FilledButton`` matches every ``elevatedbutton``.
* ``key``: the control's ``key``.
* ``where``: a predicate taking the :class:`Element`.

Only controls on screen match, unless ``hidden=True``; the page itself never does.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from flet.testing.errors import AmbiguousControlError, ControlNotFoundError
from flet.testing.snapshot import describe, render
from flet_core import client_query
from flet_core.client_query import TEXT_ATTRS, TextMatch, hidden_reason, walk
from flet_core.client_tree import ClientTree, WireControl
from flet_core.control import Control

__all__ = ["ControlType", "Element", "Query", "TextMatch", "wire_type"]

ControlType = type[Control] | str
"""A control class or the wire type name the client knows it by."""

_RESERVED = frozenset({"t", "i", "p", "c", "n"})


def wire_type(kind: ControlType) -> str:
    """The wire type name of a control class (``ft.TextField`` -> ``"textfield"``), or the name given."""
    if isinstance(kind, str):
        return kind.lower()
    name = getattr(kind, "_control_type", None)
    if not isinstance(name, str) or not name:
        raise TypeError(f"{kind.__qualname__} has no wire type; pass a control class such as ft.TextField, or a name")
    return name


@dataclass(frozen=True, slots=True)
class Query:
    """What to look for; every given criterion must hold."""

    text: TextMatch | None = None
    contains: str | None = None
    type: ControlType | None = None
    key: str | None = None
    where: Callable[[Element], bool] | None = None
    hidden: bool = False
    """Whether controls that are not on screen match too."""

    def matches(self, tree: ClientTree, node: WireControl) -> bool:
        kind = None if self.type is None else wire_type(self.type)
        if node["i"] == "page":
            return False
        if not client_query.matches(node, text=self.text, contains=self.contains, type=kind, key=self.key):
            return False
        return self.where is None or bool(self.where(Element(tree, node["i"])))

    def describe(self) -> str:
        """The criteria as they were given, for messages."""
        parts = []
        if self.text is not None:
            parts.append(
                f"text={self.text.pattern!r} (pattern)" if isinstance(self.text, re.Pattern) else f"text={self.text!r}"
            )
        if self.contains is not None:
            parts.append(f"contains={self.contains!r}")
        if self.type is not None:
            parts.append(f"type={wire_type(self.type)}")
        if self.key is not None:
            parts.append(f"key={self.key!r}")
        if self.where is not None:
            parts.append(f"where={getattr(self.where, '__qualname__', self.where)}")
        return ", ".join(parts) or "any control"

    def run(self, tree: ClientTree, root: str = "page") -> list[Element]:
        """The matching controls of ``root``'s subtree, in page order."""
        where = self.where
        nodes = client_query.find(
            tree,
            root,
            text=self.text,
            contains=self.contains,
            type=None if self.type is None else wire_type(self.type),
            key=self.key,
            where=None if where is None else (lambda node: bool(where(Element(tree, node["i"])))),
            hidden=self.hidden,
        )
        return [Element(tree, node["i"]) for node in nodes if node["i"] != "page"]

    def one(self, tree: ClientTree, root: str = "page") -> Element:
        """The single matching control; raises with the screen when there are none or several."""
        __tracebackhide__ = True
        found = self.run(tree, root)
        if len(found) == 1:
            return found[0]
        if not found:
            raise ControlNotFoundError(not_found_message(self, tree, root))
        listing = "\n".join(f"  {element.describe()}" for element in found[:10])
        more = f"\n  ... and {len(found) - 10} more" if len(found) > 10 else ""
        raise AmbiguousControlError(
            f"{len(found)} controls match {self.describe()}; narrow the query (type=, key=, within an element):\n"
            f"{listing}{more}\n\n{screen(tree, root)}"
        )


def not_found_message(query: Query, tree: ClientTree, root: str = "page") -> str:
    """Why nothing matches ``query``: near misses that are hidden, close texts, and the screen."""
    lines = [f"no control on screen matches {query.describe()}"]
    if not query.hidden:
        for element in replace(query, hidden=True).run(tree, root)[:3]:
            lines.append(f"  {element.describe()} matches but is not on screen ({element.hidden_reason()})")
    wanted = query.text if isinstance(query.text, str) else query.contains
    if wanted:
        texts = {node.get(a) for v in walk(tree, root) for node in [v.node] for a in TEXT_ATTRS if node.get(a)}
        close = difflib.get_close_matches(wanted, sorted(t for t in texts if isinstance(t, str)), n=3, cutoff=0.6)
        if close:
            lines.append("  texts on screen that come close: " + ", ".join(repr(t) for t in close))
    return "\n".join(lines) + "\n\n" + screen(tree, root)


def screen(tree: ClientTree, root: str = "page") -> str:
    """The on-screen tree for a failure message."""
    where = "" if root == "page" else f" (inside {describe(tree[root])})" if root in tree else ""
    return f"What is on screen{where}:\n{render(tree, root) or '(nothing)'}"


class Element:
    """A control as the browser holds it: its type and attributes (strings), read live.

    An element stays tied to its control id, so it shows the current attributes after
    every update; it raises :class:`ControlNotFoundError` once the control was removed.
    """

    __slots__ = ("_tree", "id")

    def __init__(self, tree: ClientTree, control_id: str) -> None:
        self._tree = tree
        self.id = control_id
        """The control id (``"_5"``), as on the wire."""

    def __repr__(self) -> str:
        node = self._tree.controls.get(self.id)
        return f"<Element {self.id} {describe(node) if node is not None else '(removed)'}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Element) and other._tree is self._tree and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def node(self) -> WireControl:
        """The control's wire dict (``t``, ``i``, ``p``, ``c``, ``n`` and string attributes)."""
        __tracebackhide__ = True
        node = self._tree.controls.get(self.id)
        if node is None:
            raise ControlNotFoundError(f"control {self.id} is no longer on the page\n\n{screen(self._tree)}")
        return node

    @property
    def type(self) -> str:
        """The wire type name, e.g. ``"textfield"``."""
        return str(self.node["t"])

    @property
    def slot(self) -> str | None:
        """The name of the place it fills in its parent (``"title"``, ``"content"``), if any."""
        slot = self.node.get("n")
        return str(slot) if slot is not None else None

    @property
    def attrs(self) -> dict[str, str]:
        """Every attribute by its wire name (a copy)."""
        return {name: value for name, value in self.node.items() if name not in _RESERVED}

    def get(self, attr: str, default: str | None = None) -> str | None:
        """An attribute by its wire name (``"hinttext"``), or ``default`` when the client has none."""
        value = self.node.get(attr.lower())
        return default if value is None else str(value)

    def __getitem__(self, attr: str) -> str:
        __tracebackhide__ = True
        value = self.get(attr)
        if value is None:
            raise KeyError(f"{self.describe()} has no attribute {attr!r}")
        return value

    @property
    def text(self) -> str | None:
        """The first text attribute it has (``text``, ``value``, ``label``, ...; see the module doc)."""
        node = self.node
        return next((str(node[a]) for a in TEXT_ATTRS if a in node), None)

    @property
    def texts(self) -> list[str]:
        """The text attributes of its subtree that are on screen, in page order."""
        return client_query.texts(self._tree, self.id)

    @property
    def value(self) -> str | None:
        return self.get("value")

    @property
    def key(self) -> str | None:
        return self.get("key")

    @property
    def disabled(self) -> bool:
        """Whether it or a parent is disabled (the client disables a whole subtree)."""
        return any(node.get("disabled") == "true" for node in self._ancestry())

    @property
    def shown(self) -> bool:
        """Whether the browser shows it (see :func:`hidden_reason`)."""
        return self.hidden_reason() is None

    def hidden_reason(self) -> str | None:
        """Why the browser does not show it (its own reason or a parent's), or ``None``."""
        for node in self._ancestry():
            if node["i"] == "page":
                break
            reason = hidden_reason(self._tree, node)
            if reason is not None:
                return reason if node["i"] == self.id else f"inside {describe(node)}: {reason}"
        return None

    @property
    def parent(self) -> Element:
        """The control it is in (the page for a view); the page itself has none and raises."""
        __tracebackhide__ = True
        parent = self.node["p"]
        if parent not in self._tree:
            raise ControlNotFoundError(f"{self.describe()} has no parent")
        return Element(self._tree, parent)

    @property
    def children(self) -> list[Element]:
        return [Element(self._tree, child["i"]) for child in self._tree.children(self.id)]

    def ancestors(self) -> Iterator[Element]:
        """Its parent, the parent's parent, ... up to the page."""
        current = self
        while current.id != "page" and current.node["p"] in self._tree:
            current = current.parent
            yield current

    def _ancestry(self) -> Iterator[WireControl]:
        node: WireControl | None = self.node
        while node is not None:
            yield node
            node = self._tree.controls.get(node["p"])

    def find(
        self,
        text: TextMatch | None = None,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
        hidden: bool = False,
    ) -> Element:
        """The single control inside this one that matches (see the module doc for the criteria)."""
        __tracebackhide__ = True
        return Query(text, contains, type, key, where, hidden).one(self._tree, self.node["i"])

    def find_all(
        self,
        text: TextMatch | None = None,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
        hidden: bool = False,
    ) -> list[Element]:
        """Every control inside this one that matches, in page order (maybe none)."""
        return Query(text, contains, type, key, where, hidden).run(self._tree, self.node["i"])

    def describe(self) -> str:
        """Its snapshot line: type, main text and the attributes that say what it is."""
        return describe(self.node)

    def snapshot(self, *, hidden: bool = False, details: bool = False) -> str:
        """Its subtree as a text tree (see :func:`flet.testing.snapshot.render`)."""
        return render(self._tree, self.id, hidden=hidden, details=details)
