"""The update engine: dirty controls + the client snapshot -> protocol messages.

Cost follows what changed. Fields record the attributes that really changed in their control's
record and mark the control in the page's :class:`~flet_core._update_state.UpdateState`;
observed child lists mark their owner. An update walks
only the registry: for each dirty control in scope it sends the changed attributes, and for
owners whose children changed it diffs the old child ids (from the snapshot) with the new
children. New subtrees are serialised whole.

Every command is applied to the snapshot (a :class:`ClientTree`) as it is produced, so the
snapshot always equals what the client holds, and later commands in the same batch are
computed against it. No I/O, no locks: the page holds the state's lock around
:func:`compute_update`. The engine needs the state and the roots only, not a ``Page``.
"""

from __future__ import annotations

import difflib
import gc
import warnings
from collections.abc import Sequence
from typing import Any, Final

from flet_core import protocol
from flet_core._fields import (
    EventField,
    FieldTable,
    Prop,
    aliases_differ,
    children,
    clear_child_lists,
    field_table,
    slot_children,
    sync_aliases,
)
from flet_core._update_state import Record, Scope, UpdateState, mark_changed, mark_children_changed, record
from flet_core.control import Control
from flet_core.encoding import as_plain
from flet_core.errors import ControlOnAnotherPageError

__all__ = ["Update", "compute_clean", "compute_update", "render_tree"]


class Update:
    """The messages of one update (each as JSON text) and the controls whose hooks must run after it.

    ``mounted`` lists only the added controls whose class overrides ``did_mount()`` (calling
    the base class's empty one 10,000 times for a page of Text would cost ~2 ms for nothing).
    A plain slotted class: one is made per update, for ~2k CPU instructions less than a dataclass
    whose lists come from ``default_factory``.
    """

    __slots__ = ("messages", "mounted", "unmounted")

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.mounted: list[Control] = []
        self.unmounted: list[Control] = []


HOOK, LEGACY_HOOK, BUILDS, MOUNTS = 1, 2, 4, 8
"""What a class overrides, as bits: an update hook (``before_update`` or 0.20's
``_before_build_command``), the 0.20 hook in particular, ``build()``, ``did_mount()``."""

_ClassInfo = tuple[int, FieldTable, str | None]
_CLASSES: dict[type, _ClassInfo] = {}
"""Per control class: its traits, its field table, and its wire type unless it computes it."""


def _class_info(control: Control) -> _ClassInfo:
    """What the engine needs of the control's class (cached per class; warns once for the 0.20 hook)."""
    cls = type(control)
    info = _CLASSES.get(cls)
    if info is None:
        traits = 0
        if _overrides(cls, "_before_build_command"):
            traits |= HOOK | LEGACY_HOOK
            warnings.warn(
                f"{cls.__qualname__}._before_build_command() is deprecated since version 0.21.0; "
                "override before_update() instead",
                DeprecationWarning,
                stacklevel=2,
            )
        elif _overrides(cls, "before_update"):
            traits |= HOOK
        if _overrides(cls, "build"):
            traits |= BUILDS
        if _overrides(cls, "did_mount"):
            traits |= MOUNTS
        wire_type = None if _overrides(cls, "_get_control_name") else _wire_type(control)
        info = _CLASSES[cls] = (traits, field_table(cls), wire_type)
    return info


def _overrides(cls: type, hook: str) -> bool:
    """Whether ``cls`` has its own ``hook`` method, not :class:`Control`'s."""
    return bool(getattr(cls, hook) is not getattr(Control, hook))


def _wire_type(control: Control) -> str:
    """The control's wire type (``t``)."""
    return control._get_control_name().lower()  # noqa: SLF001  # 0.21's hook for the wire type, overridden by user controls


def _run_hooks(control: Control) -> None:
    """Run the update hooks in 0.21's order: ``_before_build_command()``, then ``before_update()``."""
    if _class_info(control)[0] & LEGACY_HOOK:
        control._before_build_command()  # noqa: SLF001  # 0.20's hook name, overridden by user controls
    control.before_update()


_ALL, _ATTRS, _OUT = Scope.ALL, Scope.ATTRS, Scope.OUT
"""Looked up once: on Python 3.11 each ``Scope.ALL`` costs ~0.3 µs (enum class attributes are
slow), several times per dirty control."""


def _scope(control: Control, root: Control, roots: Sequence[Control] | None) -> Scope | None:
    """What an update over ``roots`` (``root`` when None) covers of ``control``; None: not under ``root``.

    An isolated control keeps its subtree to itself: its ancestors' updates send its own
    attributes but neither its children nor anything below them (as 0.21 did).
    """
    covers = _ATTRS if control.is_isolated() else _ALL
    if roots is None:  # page.update(), the common case: the loop below without its tests of roots
        ancestor = control
        while ancestor is not root:
            parent = record(ancestor).parent
            if parent is None:
                return None
            if parent is not root and parent.is_isolated():
                covers = _OUT
            ancestor = parent
        return covers
    node: Control | None = control
    while node is not None:
        if roots is not None and any(node is r for r in roots):
            return _ALL if node is control else covers
        if node is root:
            return covers if roots is None else _OUT
        if node is not control and node.is_isolated():
            covers = _OUT
        node = record(node).parent
    return None


_PASS: Final = 3
"""Of an ancestor (:class:`_Scopes`): the update reaches what is below it."""
_UNKNOWN: Final = -1


class _Scopes:
    """:func:`_scope` for many controls at once, each ancestor looked at once (10,000 siblings: one walk).

    Only valid while the tree does not change: the engine uses one per round of claims, which
    runs no user code.
    """

    __slots__ = ("below", "root", "roots")

    def __init__(self, root: Control, roots: Sequence[Control] | None) -> None:
        self.root = root
        self.roots = roots
        self.below: dict[Control, Scope | int | None] = {}
        """Ancestor -> what an update covers below it: ``_PASS``, ``Scope.OUT`` or None (not under the root)."""

    def of(self, control: Control, rec: Record) -> Scope | None:
        """The same as ``_scope(control, root, roots)``; ``rec`` is the control's record."""
        roots = self.roots
        if roots is not None and any(control is r for r in roots):
            return _ALL
        if control is self.root:
            return (_ATTRS if control.is_isolated() else _ALL) if roots is None else _OUT
        parent = rec.parent
        if parent is None:
            return None
        below = self.below.get(parent, _UNKNOWN)
        if below == _UNKNOWN:
            below = self._below(parent)
        if below == _PASS:
            return _ATTRS if control.is_isolated() else _ALL
        return _OUT if below == _OUT else None

    def _below(self, ancestor: Control) -> Scope | int | None:
        # walk up to a known ancestor or the end of the chain, then fill in the way back down
        below = self.below
        roots = self.roots
        path: list[Control] = []
        node: Control | None = ancestor
        found: Scope | int | None = None
        while node is not None:
            known = below.get(node, _UNKNOWN)
            if known != _UNKNOWN:
                found = known
                break
            if roots is not None and any(node is r for r in roots):
                found = below[node] = _PASS
                break
            if node is self.root:
                found = below[node] = _PASS if roots is None else _OUT
                break
            path.append(node)
            node = record(node).parent
        for node in reversed(path):
            if found == _PASS and node.is_isolated():
                found = _OUT
            below[node] = found
        return found


class _Engine:
    def __init__(self, state: UpdateState) -> None:
        self.state = state
        self.root = state.root
        self.tree = state.tree
        self.result = Update()
        self.removed: list[str] = []

    # -- emitting ---------------------------------------------------------------------------

    def emit(self, message: dict[str, Any]) -> None:
        # encoded now: later commands of the batch may change the snapshot's dicts it shares
        self.result.messages.append(protocol.encode(message))

    def emit_remove(self, ids: list[str]) -> None:
        # one at a time, as the client applies them: a descendant of an earlier id is gone already
        sent: list[str] = []
        for control_id in ids:
            if control_id in self.tree.controls:
                self.removed.extend(self.tree.remove([control_id]))
                sent.append(control_id)
        if sent:
            self.emit(protocol.remove_controls(sent))

    # -- attributes -------------------------------------------------------------------------

    def send_attrs(self, control: Control, rec: Record, uid: str) -> None:
        """Send the control's changed attributes (one message, as upstream) and apply them to the snapshot."""
        names = rec.dirty
        raw_names = rec.dirty_raw
        node = self.tree.controls[uid]
        changes: dict[str, str] = {}
        if names:
            rec.dirty = None
            fields = field_table(type(control)).by_name
            values = rec.values
            for name in names:
                field = fields[name]
                if type(field) is Prop:  # Prop.wire_value inlined: the hot case of every update
                    wire = field.wire
                    value = values.get(name)
                    if type(value) is str and field.encode is as_plain:  # as_plain(str) is the str
                        text = value
                    else:
                        text = "" if value is None else field.encode(value) or ""
                else:
                    wire, text = _wire_value(control, name)
                if node.get(wire, "") != text:
                    changes[wire] = text
        if raw_names:
            rec.dirty_raw = None
            for wire in raw_names:
                text = _raw_value(control, wire)
                if node.get(wire, "") != text:
                    changes[wire] = text
        if changes:
            for wire, text in changes.items():  # as ClientTree.update applies it
                if text:
                    node[wire] = text
                else:
                    node.pop(wire, None)
            self.result.messages.append(protocol.update_props_text(uid, changes))

    def watched_differ(self, control: Control) -> bool:
        """Whether :meth:`recheck_watched` would find a change (it only reads)."""
        rec = record(control)
        uid = rec.uid
        if uid is None or uid not in self.tree.controls:
            return False
        if rec.watch_aliases and aliases_differ(control):
            return True
        if not rec.watched:
            return False
        node = self.tree.controls[uid]
        for name in rec.watched:
            wire, text = _wire_value(control, name)
            if node.get(wire, "") != text:
                return True
        return False

    def recheck_watched(self, control: Control) -> None:
        """Values that can change in place (lists, value objects) are re-encoded and compared."""
        rec = record(control)
        uid = rec.uid
        if uid is None or uid not in self.tree.controls:
            return
        if rec.watch_aliases:
            sync_aliases(control)
        if not rec.watched:
            return
        node = self.tree.controls[uid]
        for name in rec.watched:
            wire, text = _wire_value(control, name)
            if node.get(wire, "") != text:
                mark_changed(control, name)

    # -- children ---------------------------------------------------------------------------

    def send_children(self, control: Control) -> None:
        rec = record(control)
        rec.children_dirty = False
        uid = rec.uid
        if uid is None:
            return
        controls = self.tree.controls
        old: list[str] = list(controls[uid]["c"])
        new = children(control)
        kept: dict[int, str] = {}
        if old:
            old_set = set(old)
            keys: list[Any] = []
            for index, (child, _) in enumerate(new):
                key = record(child).uid
                keys.append(key if key in old_set and controls[key]["p"] == uid else ("new", index))
            kept = _kept_indexes(old, keys)
            kept_ids = set(kept.values())
            self.emit_remove([old_id for old_id in old if old_id not in kept_ids])
        for index, (child, name) in enumerate(new):
            if index not in kept:
                self.add_subtree(child, uid, name, index)

    def add_subtree(self, root: Control, parent_id: str, name: str | None, at: int) -> None:
        wires: list[dict[str, Any]] = []
        stale: list[str] = []
        self.serialize(root, record(root), parent_id, name, wires, stale)
        wires[0]["at"] = str(at)  # the insertion index, as the root's last attribute
        if stale:
            # a control that is still shown elsewhere moves: take it away there first
            self.emit_remove(stale)
        # encoded now: later commands of the batch may change the snapshot's dicts it shares
        self.result.messages.append(protocol.add_controls_text(wires))
        self.tree.insert_subtree(wires, at)

    def serialize(
        self,
        control: Control,
        rec: Record,
        parent_id: str,
        name: str | None,
        out: list[dict[str, Any]],
        stale: list[str],
    ) -> None:
        # runs once per control sent (10,000 for a page of 10,000 Text), where each Python call
        # costs about as much as ten lines: helpers are inlined and class traits are cached
        state = self.state
        owner = rec.state
        if owner is not None and owner is not state:
            raise ControlOnAnotherPageError(f"{control!r} is already on another page; remove it there first")
        uid = rec.uid
        if uid is None:
            uid = rec.uid = state.next_uid()
        elif uid in self.tree.controls:
            stale.append(uid)
        info = _CLASSES.get(type(control))
        traits, table, wire_type = info if info is not None else _class_info(control)
        if owner is None:
            rec.state = state
            state.index[uid] = control
            if traits & MOUNTS:
                self.result.mounted.append(control)
            if traits & HOOK:
                state.hooked[control] = None
            if rec.watched or rec.watch_aliases:
                state.watch(control)
        if not rec.built:
            rec.built = True
            if traits & BUILDS:
                _adopt_build_result(control, control.build())
        if traits & HOOK:
            _run_hooks(control)
        if wire_type is None:
            wire_type = _wire_type(control)
        wire: dict[str, Any] = {"t": wire_type, "i": uid, "p": parent_id, "c": []}
        if name is not None:
            wire["n"] = name
        _put_wire_attrs(rec, table, wire)
        rec.dirty = rec.dirty_raw = None
        rec.children_dirty = False
        state.pending.pop(control, None)
        out.append(wire)
        if rec.lists is not None or table.single_slots:  # else there are no children
            child_ids = wire["c"]
            for child, child_name in slot_children(rec, table):
                child_rec = record(child)
                child_rec.parent = control
                self.serialize(child, child_rec, uid, child_name, out, stale)
                child_ids.append(child_rec.uid)

    # -- the whole update -------------------------------------------------------------------

    def run(self, roots: Sequence[Control] | None) -> Update:
        state = self.state
        root = self.root
        for control in list(state.hooked):
            if record(control).state is state and _scope(control, root, roots):
                _run_hooks(control)
        for control in list(state.watching):
            # the comparison first: it only reads and mostly finds nothing, then the scope walk
            # is not needed (a counter's page.update() with nothing changed: 41k CPU instructions
            # instead of 47k, valgrind)
            if record(control).state is state and self.watched_differ(control) and _scope(control, root, roots):
                self.recheck_watched(control)
        controls = self.tree.controls
        pending = state.pending
        while pending:  # controls added in a round (their hooks) may mark more for the next one
            todo = self.claim(roots)
            if not todo:
                break
            for control, rec, scope in todo:
                pending.pop(control, None)
                uid = rec.uid
                if uid is None or uid not in controls or rec.state is not state:
                    continue
                if rec.dirty or rec.dirty_raw:
                    self.send_attrs(control, rec, uid)
                if rec.children_dirty:
                    if scope == _ALL:
                        self.send_children(control)
                    else:
                        state.mark(control)  # left for the isolated control's own update()
        self.finish()
        return self.result

    def claim(self, roots: Sequence[Control] | None) -> list[tuple[Control, Record, Scope]]:
        """The pending controls this update takes now, with the scope it takes each in."""
        todo: list[tuple[Control, Record, Scope]] = []
        pending = list(self.state.pending)
        # one control (a handler changed one value): walking up from it costs ~8k CPU
        # instructions less than filling the cache of _Scopes, which pays from two on
        scopes = _Scopes(self.root, roots) if len(pending) > 1 else None
        for control in pending:
            rec = record(control)
            scope = _scope(control, self.root, roots) if scopes is None else scopes.of(control, rec)
            if scope is None:
                if roots is None:
                    # detached from the page: nothing to send; it is unmounted below if it was shown
                    self.state.unmark(control)
                    rec.dirty = rec.dirty_raw = None
            elif scope == _ALL or (scope == _ATTRS and (rec.dirty or rec.dirty_raw)):
                todo.append((control, rec, scope))
        return todo

    def finish(self) -> None:
        state = self.state
        tree = self.tree
        for uid in self.removed:
            if uid in tree:
                continue
            control = state.index.pop(uid, None)
            if control is not None and record(control).state is state:
                self.result.unmounted.append(control)


def _kept_indexes(old: list[str], keys: list[Any]) -> dict[int, str]:
    """Indexes of ``keys`` that keep their old child (a longest run of matches), mapped to it."""
    kept: dict[int, str] = {}
    start = 0
    limit = min(len(old), len(keys))
    while start < limit and old[start] == keys[start]:
        kept[start] = old[start]
        start += 1
    end_old, end_new = len(old), len(keys)
    while end_old > start and end_new > start and old[end_old - 1] == keys[end_new - 1]:
        end_old -= 1
        end_new -= 1
        kept[end_new] = old[end_old]
    if start < end_old and start < end_new:
        matcher = difflib.SequenceMatcher(None, old[start:end_old], keys[start:end_new], autojunk=False)
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                kept[start + block.b + offset] = old[start + block.a + offset]
    return kept


def compute_update(state: UpdateState, roots: Sequence[Control] | None = None) -> Update:
    """Messages that bring the client from ``state.tree`` to the current state of the controls.

    ``roots=None`` covers the whole tree under ``state.root``; otherwise only those controls' subtrees.
    """
    # The engine allocates a few containers per control it sends (wire dicts, child lists),
    # which make the cyclic collector run again and again over the growing heap: rendering
    # 10,000 Text cost a third more with it on. It stays off while the engine runs (the objects
    # made are long-lived, not garbage) and comes back as it was.
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return _Engine(state).run(roots)
    finally:
        if collecting:
            gc.enable()


def compute_clean(state: UpdateState, control: Control) -> Update:
    """``control.clean()``: empty its child lists and tell the client with ``cleanControl``."""
    engine = _Engine(state)
    tree = state.tree
    clear_child_lists(control)
    uid = record(control).uid
    if uid is not None and uid in tree:
        engine.removed.extend(tree.clean([uid]))
        engine.emit(protocol.clean_controls([uid]))
        if any(True for _ in children(control)):
            mark_children_changed(control)  # single-slot children are sent again on the next update
    engine.finish()
    return engine.result


def _wire_control(control: Control, uid: str, parent_id: str, name: str | None) -> dict[str, Any]:
    """The wire object of a control, its child list still empty (:meth:`_Engine.serialize` inlines it)."""
    wire: dict[str, Any] = {"t": _wire_type(control), "i": uid, "p": parent_id, "c": []}
    if name is not None:
        wire["n"] = name
    _put_wire_attrs(record(control), field_table(type(control)), wire)
    return wire


def _put_wire_attrs(rec: Record, table: FieldTable, out: dict[str, Any]) -> None:
    """Put all attributes to send when the control is added into ``out``."""
    values = rec.values
    if values:
        fields = table.by_name
        for name, value in values.items():
            if value is not None:
                field = fields.get(name)
                if isinstance(field, Prop):
                    # as_plain(str) is the str: skip the call for the most common attribute
                    text = value if type(value) is str and field.encode is as_plain else field.encode(value)
                    if text:  # None and "" both mean "no value" when a control is added
                        out[field.wire] = text
    raw = rec.raw
    if raw:
        out.update(raw)
    handlers = rec.handlers
    if handlers:
        events = table.events
        for event_name in handlers:
            ev = events.get(event_name)
            if ev is not None and isinstance(ev.flag, str):
                out[ev.flag] = "true"


def _wire_value(control: Control, name: str) -> tuple[str, str]:
    """(wire name, wire string or "") of one field, for an update."""
    field = field_table(type(control)).by_name[name]
    if isinstance(field, Prop):
        return field.wire, field.wire_value(control) or ""
    if isinstance(field, EventField) and isinstance(field.flag, str):
        return field.flag, field.wire_value(control) or ""
    raise KeyError(f"{type(control).__name__}.{name} is not sent to the client")


def _raw_value(control: Control, wire: str) -> str:
    """The wire string of a raw attribute, or "" while it is unset."""
    raw = record(control).raw
    return "" if raw is None else raw.get(wire, "")


def _adopt_build_result(control: Control, result: Any) -> None:
    """0.21 allowed build() to return content; it becomes the control's ``controls``."""
    if result is None:
        return
    if "controls" not in field_table(type(control)).by_name:
        return
    content = result if isinstance(result, list) else [result]
    setattr(control, "controls", content)  # noqa: B010  # a field of the subclass, checked above


def render_tree(root: Control) -> dict[str, dict[str, Any]]:
    """A fresh full render of the current model under ``root`` (the page), keyed by id (for checks and tests)."""
    out: dict[str, dict[str, Any]] = {}

    def visit(control: Control, parent_id: str, name: str | None) -> None:
        uid = record(control).uid or "?"
        wire = out[uid] = _wire_control(control, uid, parent_id, name)
        for child, child_name in children(control):
            visit(child, uid, child_name)
            wire["c"].append(record(child).uid or "?")

    visit(root, "", None)
    return out
