"""What the update engine knows about a session: one :class:`UpdateState` per page.

Controls hold values; everything the engine tracks about them lives here. Each control carries
one slotted :class:`Record` (its values and handlers, id, parent, dirty marks, raw attributes); the page's
:class:`UpdateState` holds the registries that span controls (the ``uid -> control`` index,
the dirty, hooked and watched sets, the id counter, the snapshot of what the client holds and
the update lock). Controls report changes with :meth:`UpdateState.mark` and
:meth:`UpdateState.watch`; :mod:`flet_core.diff` reads the state and the roots and computes
an update. Nothing here does I/O.
"""

from __future__ import annotations

import enum
import itertools
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from flet_core.client_tree import ClientTree
from flet_core.encoding import as_plain
from flet_core.errors import FletError

if TYPE_CHECKING:
    from flet_core._fields import ObservedList
    from flet_core.connection import Connection
    from flet_core.control import Control

__all__ = [
    "Record",
    "Scope",
    "UpdateState",
    "mark_changed",
    "mark_children_changed",
    "record",
    "set_raw_attr",
    "watch_alias",
    "watch_value",
]


class Scope(enum.IntEnum):
    """How much of a dirty control an update covers."""

    OUT = 0
    """Nothing: the control is outside the update."""
    ATTRS = 1
    """Its own attributes (an isolated control under an update of an ancestor)."""
    ALL = 2
    """Its attributes and its children."""


class Record:
    """The engine's bookkeeping for one control."""

    __slots__ = (
        "built",
        "children_dirty",
        "dirty",
        "dirty_raw",
        "from_client",
        "handlers",
        "lists",
        "parent",
        "raw",
        "state",
        "uid",
        "values",
        "watch_aliases",
        "watched",
    )

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        """Field name -> value, for the fields that hold one (``Prop``, ``Local``, single ``Slot``)."""
        self.handlers: dict[str, Any] | None = None
        """Event name -> handler, for the ``on_*`` fields that are set (None until one is: 64 bytes per control)."""
        self.lists: dict[str, ObservedList[Any]] | None = None
        """Field name -> child list, for the list ``Slot`` fields read or set so far."""
        self.uid: str | None = None
        """The id the client knows the control by, assigned when it is first sent."""
        self.state: UpdateState | None = None
        """The update state of the page the control is on; None while it is on none."""
        self.parent: Control | None = None
        self.built = False
        """Whether ``build()`` has run (once, before the control is first sent)."""
        # None rather than an empty set until something changes: two sets per control were
        # 430 bytes of every control's memory and an allocation per control per update
        self.dirty: set[str] | None = None
        """Names of fields changed since the last update (None: none)."""
        self.dirty_raw: set[str] | None = None
        """Wire names of raw attributes changed since the last update (None: none)."""
        self.children_dirty = False
        self.watched: set[str] | None = None
        """Fields holding values that can change in place, re-encoded and compared on update."""
        self.watch_aliases = False
        """Whether a child list mirrors a caller-owned list that is compared on update."""
        self.from_client: frozenset[str] | None = None
        """Fields whose value the client wrote (kept as the client's text, see ``Prop``).

        A frozenset shared between records, replaced rather than changed in place."""
        self.raw: dict[str, str] | None = None
        """Raw wire attributes that no field declares (``_set_attr``), wire name -> text."""


def _no_page(*_: object) -> Any:
    raise FletError("no page sends the updates of this control tree")


class UpdateState:
    """One page's update state: registries, id counter, client snapshot and update lock.

    ``clean`` and ``connection_for_calls`` are what a control asks of the page it is on
    (``Control.clean()``, client method calls); the page passes its own, a bare state (the
    engine's tests) has none.
    """

    def __init__(
        self,
        root: Control,
        root_id: str = "page",
        *,
        clean: Callable[[Control], None] = _no_page,
        connection_for_calls: Callable[[], Connection] = _no_page,
    ) -> None:
        self.root = root
        """The control the client tree is rooted at (the page)."""
        self.clean = clean
        """Remove a control's children, on the client too, and send it (``Control.clean()``)."""
        self.connection_for_calls = connection_for_calls
        """The connection client method calls go through; raises once the page is disconnected."""
        self.lock = threading.RLock()
        """Held while an update is computed and sent."""
        self.tree = ClientTree()
        """What the client holds, kept equal to it by applying every message sent."""
        self.index: dict[str, Control] = {root_id: root}
        self.pending: dict[Control, None] = {}
        """Controls with dirty fields or children (insertion-ordered set)."""
        self.hooked: dict[Control, None] = {}
        """Mounted controls whose class overrides an update hook."""
        self.watching: dict[Control, None] = {}
        """Mounted controls with watched values or aliased child lists."""
        self._ids = itertools.count(1)
        rec = record(root)
        rec.uid = root_id
        rec.state = self

    def next_uid(self) -> str:
        """A new control id (``"_1"``, ``"_2"``, ...)."""
        return f"_{next(self._ids)}"

    def mark(self, control: Control) -> None:
        """``control`` has dirty fields or children: the next update that covers it sends them."""
        self.pending[control] = None

    def unmark(self, control: Control) -> None:
        self.pending.pop(control, None)

    def watch(self, control: Control) -> None:
        """``control`` holds values that can change in place: compare them on every update."""
        self.watching[control] = None

    def forget(self, control: Control) -> None:
        """``control`` left the page: drop it from the registries and unlink it."""
        record(control).state = None
        self.pending.pop(control, None)
        self.hooked.pop(control, None)
        self.watching.pop(control, None)

    def reset(self) -> list[Control]:
        """Drop every control but the root (the session ended); returns the dropped ones."""
        root = self.root
        controls = [c for c in self.index.values() if c is not root]
        self.index = {uid: c for uid, c in self.index.items() if c is root}
        self.pending.clear()
        self.hooked.clear()
        self.watching.clear()
        return controls


# -- the package's way into a control's record --------------------------------------------------


def record(control: Control) -> Record:
    """The engine's bookkeeping for ``control``: how modules other than ``control.py`` reach it."""
    return control._rec  # noqa: SLF001  # the seam: the one way into a control's state from other modules


def mark_changed(control: Control, name: str, *, raw: bool = False) -> None:
    """``control``'s field ``name`` (raw attribute with ``raw=True``) changed: the next update sends it."""
    rec = record(control)
    state = rec.state
    if state is not None:
        if raw:
            if rec.dirty_raw is None:
                rec.dirty_raw = {name}
            else:
                rec.dirty_raw.add(name)
        elif rec.dirty is None:
            rec.dirty = {name}
        else:
            rec.dirty.add(name)
        state.pending[control] = None  # state.mark(), inlined: this runs for every attribute set


def mark_children_changed(control: Control) -> None:
    """``control``'s children changed: the next update that covers it diffs them."""
    rec = record(control)
    state = rec.state
    if state is not None:
        rec.children_dirty = True
        state.mark(control)


def watch_value(control: Control, name: str) -> None:
    """Field ``name`` holds a value that can change in place: compare it on every update."""
    rec = record(control)
    if rec.watched is None:
        rec.watched = set()
    rec.watched.add(name)
    if rec.state is not None:
        rec.state.watch(control)


def watch_alias(control: Control) -> None:
    """A child list of ``control`` mirrors a caller-owned list: compare them on every update."""
    rec = record(control)
    rec.watch_aliases = True
    if rec.state is not None:
        rec.state.watch(control)


def set_raw_attr(target: Control, name: str, value: Any, dirty: bool = True) -> None:
    """Set a raw wire attribute that no field declares (``Control._set_attr``); ``None`` removes it."""
    wire = name.lower()
    text = as_plain(value)
    rec = record(target)
    raw = rec.raw
    if text is None:
        if raw is not None and raw.pop(wire, None) is not None and dirty:
            mark_changed(target, wire, raw=True)
        return
    if raw is None:
        raw = rec.raw = {}
    if raw.get(wire) != text:
        raw[wire] = text
        if dirty:
            mark_changed(target, wire, raw=True)
