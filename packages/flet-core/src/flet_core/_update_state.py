"""What the update engine knows about a session: one :class:`UpdateState` per page.

Controls hold values; everything the engine tracks about them lives here. Each control carries
one slotted :class:`Record` (its id, parent, dirty marks, raw attributes); the page's
:class:`UpdateState` holds the registries that span controls (the ``uid -> control`` index,
the dirty, hooked and watched sets, the id counter, the snapshot of what the client holds and
the update lock). Controls report changes with :meth:`UpdateState.mark` and
:meth:`UpdateState.watch`; :mod:`flet_core.diff` reads the state and the roots and computes
an update. Nothing here does I/O.
"""

from __future__ import annotations

import enum
import threading
from typing import TYPE_CHECKING

from flet_core.client_tree import ClientTree

if TYPE_CHECKING:
    from flet_core.control import Control

__all__ = ["Record", "Scope", "UpdateState"]


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
        "parent",
        "raw",
        "state",
        "uid",
        "watch_aliases",
        "watched",
    )

    def __init__(self) -> None:
        self.uid: str | None = None
        """The id the client knows the control by, assigned when it is first sent."""
        self.state: UpdateState | None = None
        """The update state of the page the control is on; None while it is on none."""
        self.parent: Control | None = None
        self.built = False
        """Whether ``build()`` has run (once, before the control is first sent)."""
        self.dirty: set[str] = set()
        """Names of fields changed since the last update."""
        self.dirty_raw: set[str] = set()
        """Wire names of raw attributes changed since the last update."""
        self.children_dirty = False
        self.watched: set[str] | None = None
        """Fields holding values that can change in place, re-encoded and compared on update."""
        self.watch_aliases = False
        """Whether a child list mirrors a caller-owned list that is compared on update."""
        self.from_client: set[str] | None = None
        """Fields whose value the client wrote (kept as the client's text, see ``Prop``)."""
        self.raw: dict[str, str] | None = None
        """Raw wire attributes that no field declares (``_set_attr``), wire name -> text."""


class UpdateState:
    """One page's update state: registries, id counter, client snapshot and update lock."""

    def __init__(self, root: Control, root_id: str = "page") -> None:
        self.root = root
        """The control the client tree is rooted at (the page)."""
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
        self._next_id = 1
        root._rec.uid = root_id
        root._rec.state = self

    def next_uid(self) -> str:
        """A new control id (``"_1"``, ``"_2"``, ...)."""
        uid = f"_{self._next_id}"
        self._next_id += 1
        return uid

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
        control._rec.state = None
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
