"""The ``Control`` base: a value table, plus the engine's record of what changed.

Controls store values and report changes to their page's
:class:`~flet_core._update_state.UpdateState`; the engine's bookkeeping for a control (id,
parent, dirty marks, raw attributes) is one :class:`~flet_core._update_state.Record` in
``control._rec``. Controls never build protocol messages: :mod:`flet_core.diff` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from flet_core._deprecation import deprecated_twin
from flet_core._fields import EventField, FieldTable, ObservedList, Prop, control, local, prop
from flet_core._update_state import Record
from flet_core.encoding import as_plain
from flet_core.errors import FletTypeError, NotOnPageError

if TYPE_CHECKING:
    from flet_core.connection import Connection
    from flet_core.page import Page

__all__ = ["Control", "OptionalNumber", "Ref"]

T = TypeVar("T")

OptionalNumber = int | float | None


class Ref(Generic[T]):
    """Holds a reference to a control, filled in when the control is created with ``ref=``."""

    def __init__(self) -> None:
        self._current: T | None = None

    @property
    def current(self) -> T:
        return self._current  # type: ignore[return-value]  # None until the control is created, as in 0.21

    @current.setter
    def current(self, value: T) -> None:
        self._current = value


def _encode_expand(value: Any) -> str | None:
    """``True`` goes out as ``1``; a falsy ``expand`` (``False``, ``0``) sends nothing, as in 0.21."""
    if not value:
        return None
    return "1" if value is True else as_plain(value)


def _clamp_opacity(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FletTypeError(f"opacity expects a number between 0 and 1, got {value!r} ({type(value).__name__})")
    # bounds first, value second: a bound equal to the value wins, so 0 becomes 0.0 (sent "0.0") as in 0.21
    return max(0.0, min(value, 1.0))


@control(None)
class Control:
    """Base of every control: shared fields, lifecycle hooks and ``update()``."""

    _field_table: ClassVar[FieldTable]
    _control_type: ClassVar[str] = ""

    ref: Ref[Any] | None = local(default=None)
    expand: bool | int | None = prop(default=None, encode=_encode_expand)
    expand_loose: bool | None = prop(default=False)
    col: dict[str, int | float] | int | float | None = prop(default=None, json=True)
    opacity: int | float | None = prop(default=1.0, convert=_clamp_opacity)
    tooltip: str | None = None
    visible: bool | None = True
    disabled: bool | None = False
    data: Any = local(default=None)
    rtl: bool | None = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._values: dict[str, Any] = {}
        self._lists: dict[str, ObservedList[Any]] | None = None
        self._handlers: dict[str, Any] = {}
        self._rec = Record()  # the update engine's bookkeeping (see flet_core._update_state)
        table = type(self)._field_table
        for field in table.eager:
            field.init_value(self)
        if args:
            positional = table.positional
            if len(args) > len(positional):
                raise TypeError(
                    f"{type(self).__name__}() takes {len(positional)} positional arguments "
                    f"({', '.join(positional) or 'none'}) but {len(args)} were given"
                )
            for name, value in zip(positional, args, strict=False):
                if name in kwargs:
                    raise TypeError(f"{type(self).__name__}() got multiple values for argument {name!r}")
                kwargs[name] = value
        fields = table.by_name
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {name!r}")
            if value is not None:
                setattr(self, name, value)

    def __repr__(self) -> str:
        uid = f" {self._rec.uid}" if self._rec.uid else ""
        return f"<{type(self).__name__}{uid}>"

    # -- public API of 0.21 ------------------------------------------------------------------

    @property
    def page(self) -> Page | None:
        """The page this control is on, or ``None`` before it is added and after removal."""
        state = self._rec.state
        return None if state is None else state.root  # type: ignore[return-value]  # the root of a session is its Page

    @page.setter
    def page(self, page: Page | None) -> None:
        self._rec.state = None if page is None else page._rec.state

    @property
    def uid(self) -> str | None:
        """The id the client knows this control by (``"_7"``), assigned when first added."""
        return self._rec.uid

    @property
    def parent(self) -> Control | None:
        """The control holding this one, if any."""
        return self._rec.parent

    @property
    def event_handlers(self) -> dict[str, Any]:
        """Wire event name -> handler, for the handlers set on this control."""
        return dict(self._handlers)

    def _get_control_name(self) -> str:
        return type(self)._control_type

    def update(self) -> None:
        """Send this control's pending changes (and those of its subtree) to the client."""
        self._require_page("update()").update(self)

    def clean(self) -> None:
        """Remove every child of this control, on the client too."""
        self._require_page("clean()")._clean(self)

    update_async = deprecated_twin(update)
    clean_async = deprecated_twin(clean)

    def build(self) -> Any:
        """Hook: called once, when the control is first added to a page, before it is sent."""
        return None

    def before_update(self) -> None:
        """Hook: called before the control is sent, on add and on every update that covers it."""

    def _before_build_command(self) -> None:
        """0.20's name of :meth:`before_update`: an override still runs just before it (deprecated)."""

    def did_mount(self) -> None:
        """Hook: called after the control was sent to the client."""

    def will_unmount(self) -> None:
        """Hook: called when the control leaves the page (or the session ends)."""

    def is_isolated(self) -> bool:
        """Isolated controls are left out of their ancestors' updates; call their own update()."""
        return False

    def invoke_method(
        self,
        method_name: str,
        arguments: dict[str, str] | None = None,
        wait_for_result: bool = False,
        wait_timeout: float | None = 5,
    ) -> str | None:
        """Call a client-side method of this control; returns the result when waiting for it."""
        connection, uid = self._method_target(method_name)
        return connection.invoke_method(uid, method_name, arguments, wait_for_result, wait_timeout)

    async def invoke_method_async(
        self,
        method_name: str,
        arguments: dict[str, str] | None = None,
        wait_for_result: bool = False,
        wait_timeout: float | None = 5,
    ) -> str | None:
        """Awaitable form of :meth:`invoke_method`, for async code."""
        connection, uid = self._method_target(method_name)
        return await connection.invoke_method_async(uid, method_name, arguments, wait_for_result, wait_timeout)

    # -- internals used by fields and the update engine ----------------------------------------

    def _method_target(self, method_name: str) -> tuple[Connection, str]:
        """The connection a client method call of this control goes through, and the control's id."""
        page = self._require_page(f"{method_name}()")
        return page._connection_for_calls(), self._rec.uid or ""

    def _require_page(self, what: str) -> Page:
        page = self.page
        if page is None:
            raise NotOnPageError(
                f"{type(self).__name__} must be added to the page first: call page.add(...) before {what}"
            )
        return page

    def _changed(self, name: str) -> None:
        rec = self._rec
        state = rec.state
        if state is not None:
            rec.dirty.add(name)
            state.mark(self)

    def _raw_changed(self, wire: str) -> None:
        rec = self._rec
        state = rec.state
        if state is not None:
            rec.dirty_raw.add(wire)
            state.mark(self)

    def _children_changed(self) -> None:
        rec = self._rec
        state = rec.state
        if state is not None:
            rec.children_dirty = True
            state.mark(self)

    def _watch(self, name: str) -> None:
        rec = self._rec
        if rec.watched is None:
            rec.watched = set()
        rec.watched.add(name)
        if rec.state is not None:
            rec.state.watch(self)

    def _list(self, name: str) -> ObservedList[Any]:
        lists = self._lists
        if lists is None:
            lists = self._lists = {}
        items = lists.get(name)
        if items is None:
            items = lists[name] = ObservedList(self)
        return items

    def _set_list(self, name: str, value: Any) -> None:
        lists = self._lists
        if lists is None:
            lists = self._lists = {}
        old = lists.get(name)
        if value is None:
            value = []
        if old is not None and value is old:
            return
        if isinstance(value, ObservedList) or not isinstance(value, list):
            items: ObservedList[Any] = ObservedList(self, value)
        else:
            # keep the caller's list in step with ours: 0.21 code often appends to it later
            items = ObservedList(self, value, alias=value)
            self._watch_alias()
        lists[name] = items
        if old is not None:
            old._released(list(old))
        self._children_changed()

    def _watch_alias(self) -> None:
        rec = self._rec
        rec.watch_aliases = True
        if rec.state is not None:
            rec.state.watch(self)

    def _sync_aliases(self) -> bool:
        """Adopt changes made directly to a caller-owned list; True when something changed."""
        changed = False
        for items in (self._lists or {}).values():
            alias = items._alias
            if alias is None or (len(alias) == len(items) and all(a is b for a, b in zip(alias, items, strict=True))):
                continue
            gone = [c for c in items if not any(c is a for a in alias)]
            list.__init__(items, alias)
            items._released(gone)
            for item in items:
                item._rec.parent = self
            changed = True
        if changed:
            self._children_changed()
        return changed

    def _children(self) -> Iterator[tuple[Control, str | None]]:
        """Every child in wire order, with its slot name (``n``) or ``None``."""
        for slot in type(self)._field_table.slots:
            for child in slot.children(self):
                yield child, slot.n

    def _wire_attrs(self) -> dict[str, str]:
        """All attributes to send when the control is added."""
        table = type(self)._field_table
        fields = table.by_name
        out: dict[str, str] = {}
        for name, value in self._values.items():
            field = fields.get(name)
            if isinstance(field, Prop) and value is not None:
                text = field.encode(value)
                if text:  # None and "" both mean "no value" when a control is added
                    out[field.wire] = text
        raw = self._rec.raw
        if raw:
            out.update(raw)
        if self._handlers:
            events = table.events
            for event_name in self._handlers:
                ev = events.get(event_name)
                if ev is not None and isinstance(ev.flag, str):
                    out[ev.flag] = "true"
        return out

    def _wire_value(self, name: str) -> tuple[str, str]:
        """(wire name, wire string or "") of one field, for an update."""
        field = type(self)._field_table.by_name[name]
        if isinstance(field, Prop):
            return field.wire, field.wire_value(self) or ""
        if isinstance(field, EventField) and isinstance(field.flag, str):
            return field.flag, field.wire_value(self) or ""
        raise KeyError(f"{type(self).__name__}.{name} is not sent to the client")

    def _set_attr(self, name: str, value: Any, dirty: bool = True) -> None:
        """Set a raw wire attribute that no field declares (kept for 0.21 custom controls)."""
        wire = name.lower()
        text = as_plain(value)
        rec = self._rec
        raw = rec.raw
        if text is None:
            if raw is not None and raw.pop(wire, None) is not None and dirty:
                self._raw_changed(wire)
            return
        if raw is None:
            raw = rec.raw = {}
        if raw.get(wire) != text:
            raw[wire] = text
            if dirty:
                self._raw_changed(wire)

    def _raw_value(self, wire: str) -> str:
        """The wire string of a raw attribute, or "" while it is unset."""
        raw = self._rec.raw
        return "" if raw is None else raw.get(wire, "")

    def _get_attr(self, name: str, def_value: Any = None, data_type: str = "string") -> Any:
        """Read a raw wire attribute set with :meth:`_set_attr` (0.21 compatibility)."""
        raw = self._rec.raw
        text = None if raw is None else raw.get(name.lower())
        if text is None:
            return def_value
        if data_type == "bool":
            return text.lower() == "true"
        if data_type == "float":
            return float(text)
        return text

    def _apply_client_attr(self, wire: str, text: str) -> None:
        """Store a value the client changed itself (no dirty mark: it must not be echoed)."""
        field = type(self)._field_table.by_wire.get(wire)
        if isinstance(field, Prop):
            field.apply_client_value(self, text)
        elif text == "":
            if self._rec.raw is not None:
                self._rec.raw.pop(wire, None)
        else:
            if self._rec.raw is None:
                self._rec.raw = {}
            self._rec.raw[wire] = text

    def _legacy_build_result(self, result: Any) -> None:
        """0.21 allowed build() to return content; it becomes the control's ``controls``."""
        if result is None:
            return
        if "controls" not in type(self)._field_table.by_name:
            return
        content = result if isinstance(result, list) else [result]
        setattr(self, "controls", content)  # noqa: B010  # a field of the subclass, checked above
