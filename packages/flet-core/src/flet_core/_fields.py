"""Field descriptors (props, child slots, events) and the ``@control`` class decorator.

A control class is a list of annotated fields. ``@control("ribbon")`` collects them, derives
wire names by rule (the Python name without underscores, lowercased), and records which
parameters are positional. Fields store values in the control's value table and tell the
control when a value really changed; everything else (dirty marks, diffing) lives in
:mod:`flet_core.control`, :mod:`flet_core._update_state` and :mod:`flet_core.diff`.
"""

from __future__ import annotations

import contextlib
import copy
import enum
import operator
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, SupportsIndex, TypeVar, cast, dataclass_transform, overload

from flet_core._update_state import mark_changed, mark_children_changed, record, watch_alias, watch_value
from flet_core.encoding import Encoder, as_json, as_plain

if TYPE_CHECKING:
    from flet_core._update_state import Record
    from flet_core.control import Control
    from flet_core.control_event import ControlEvent

__all__ = [
    "EventField",
    "Field",
    "Local",
    "ObservedList",
    "Prop",
    "Slot",
    "control",
    "event",
    "local",
    "prop",
    "slot",
    "slot_children",
    "wire_name",
]

_UNSET: Final[Any] = object()
T = TypeVar("T")
C = TypeVar("C", bound=type)

Decoder = Callable[[str], Any]
Converter = Callable[[Any], Any]


def wire_name(name: str) -> str:
    """The wire name rule: drop underscores and lowercase (``text_align`` -> ``textalign``)."""
    return name.replace("_", "").lower()


def _decode_str(value: str) -> Any:
    return value


def _decode_bool(value: str) -> Any:
    return value.lower() == "true"


def _decode_float(value: str) -> Any:
    return float(value)


def _decode_int(value: str) -> Any:
    try:
        return int(value)
    except ValueError:
        return int(float(value))


def _guess_decoder(annotation: str) -> Decoder:
    """Pick how to read a client-written string back, from the field's annotation text."""
    head = annotation.replace(" ", "").split("|")
    if "bool" in head:
        return _decode_bool
    if "int" in head and "float" not in head:
        return _decode_int
    if "float" in head or "OptionalNumber" in head or "Number" in head:
        return _decode_float
    return _decode_str


_IMMUTABLE: Final = (str, int, float, bool, enum.Enum, tuple, frozenset)
_PLAIN: Final = frozenset({str, int, float, bool})
"""Exact types checked first: a set lookup is ~10x cheaper than ``isinstance`` with a union."""


def _is_mutable_value(value: Any) -> bool:
    """Values that may change in place after assignment, so they are re-checked on update."""
    return type(value) not in _PLAIN and not isinstance(value, _IMMUTABLE)


_MAKING = threading.Lock()  # a record's lazily made containers are made once, whichever thread asks first

_NAME_SETS: dict[frozenset[str], frozenset[str]] = {}
_NAME_SETS_MAX = 1024


def _shared_names(names: frozenset[str]) -> frozenset[str] | None:
    """``names`` (None if empty), or an equal set returned before.

    A control's ``from_client`` names: controls the client wrote the same fields of share one
    set (a set of its own was 216 bytes per control, 728 for a page's registration). Bounded:
    past ``_NAME_SETS_MAX`` distinct sets, new ones are not kept.
    """
    if not names:
        return None
    shared = _NAME_SETS.get(names)
    if shared is not None:
        return shared
    if len(_NAME_SETS) >= _NAME_SETS_MAX:
        return names
    return _NAME_SETS.setdefault(names, names)


def _forget_client_value(rec: Record, name: str) -> None:
    """Drop ``name`` from ``rec.from_client``, under the page's update lock that client writes hold."""
    state = rec.state
    with state.lock if state is not None else contextlib.nullcontext():
        if rec.from_client is not None:
            rec.from_client = _shared_names(rec.from_client.difference((name,)))


class Field:
    """Base of every control field: knows its Python name and whether it is positional."""

    __slots__ = ("doc", "kw_only", "name")

    def __init__(self, *, kw_only: bool) -> None:
        self.name = ""
        self.kw_only = kw_only
        self.doc: str | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def init_value(self, obj: Control) -> None:
        """Store the value a new instance starts with (only eager props do anything)."""


class Prop(Field):
    """A scalar or structured attribute sent to the client."""

    __slots__ = ("convert", "decode", "default", "eager", "encode", "wire")

    def __init__(
        self,
        *,
        default: Any,
        wire: str | None,
        encode: Encoder,
        convert: Converter | None,
        decode: Decoder | None,
        kw_only: bool,
        eager: bool,
    ) -> None:
        super().__init__(kw_only=kw_only)
        self.default = default
        self.wire = wire or ""
        self.encode = encode
        self.convert = convert
        self.decode = decode
        self.eager = eager

    def __set_name__(self, owner: type, name: str) -> None:
        super().__set_name__(owner, name)
        if not self.wire:
            self.wire = wire_name(name)

    @overload
    def __get__(self, obj: None, owner: type) -> Prop: ...
    @overload
    def __get__(self, obj: Control, owner: type) -> Any: ...
    def __get__(self, obj: Control | None, owner: type) -> Any:
        if obj is None:
            return self
        return record(obj).values.get(self.name, self.default)

    def __set__(self, obj: Control, value: Any) -> None:
        # the hot path of every `control.attr = value` (10,000 of them in a "change all"): the
        # exact-type checks first and one mark_changed call make it ~2x cheaper than the general checks
        if self.convert is not None and value is not None:
            value = self.convert(value)
        rec = record(obj)
        values = rec.values
        name = self.name
        old = values.get(name, _UNSET)
        if value is None:
            if old is _UNSET:
                return
            del values[name]
        else:
            mutable = type(value) not in _PLAIN and _is_mutable_value(value)
            if old is value and not mutable:
                return
            from_client = rec.from_client
            if from_client is not None and name in from_client:
                # 0.21 kept what the client wrote as text ("15.0"): any number set after it is a change
                _forget_client_value(rec, name)
            elif old is not _UNSET and not mutable and not _is_mutable_value(old) and old == value:
                return  # equal by value is no change, as in 0.21: 0 after 0.0 keeps 0.0 and sends nothing
            values[name] = value
            if mutable:
                watch_value(obj, name)
        if rec.state is not None:  # off a page (e.g. in a constructor) there is nothing to mark
            mark_changed(obj, name)

    def init_value(self, obj: Control) -> None:
        if self.eager and self.default is not None:
            # each control gets its own copy of a mutable default (a list, a style object)
            default = self.default
            record(obj).values[self.name] = copy.copy(default) if _is_mutable_value(default) else default

    def wire_value(self, obj: Control) -> str | None:
        value = record(obj).values.get(self.name)
        return None if value is None else self.encode(value)

    def apply_client_value(self, obj: Control, text: str) -> None:
        """Store a value the client changed itself, without marking anything dirty."""
        rec = record(obj)
        if text == "":
            rec.values.pop(self.name, None)
            return
        from_client = rec.from_client
        if from_client is None or self.name not in from_client:
            # a frozenset shared between controls (see _shared_names), never changed in place
            names = frozenset((self.name,)) if from_client is None else from_client | {self.name}
            rec.from_client = _shared_names(names)
        decode = self.decode or _decode_str
        try:
            rec.values[self.name] = decode(text)
        except ValueError:
            rec.values[self.name] = text


class Local(Field):
    """A Python-only value (``data``, ``ref``): stored on the control, never sent."""

    __slots__ = ("default",)

    def __init__(self, *, default: Any, kw_only: bool) -> None:
        super().__init__(kw_only=kw_only)
        self.default = default

    def __get__(self, obj: Control | None, owner: type) -> Any:
        if obj is None:
            return self
        return record(obj).values.get(self.name, self.default)

    def __set__(self, obj: Control, value: Any) -> None:
        record(obj).values[self.name] = value
        if self.name == "ref" and value is not None:
            value.current = obj


class Slot(Field):
    """Child controls: a single control or a list of them, optionally named on the wire (``n``)."""

    __slots__ = ("many", "n")

    def __init__(self, *, n: str | None, many: bool, kw_only: bool) -> None:
        super().__init__(kw_only=kw_only)
        self.n = n
        self.many = many

    def __get__(self, obj: Control | None, owner: type) -> Any:
        if obj is None:
            return self
        if self.many:
            return child_list(obj, self.name)
        return record(obj).values.get(self.name)

    def __set__(self, obj: Control, value: Any) -> None:
        if self.many:
            set_child_list(obj, self.name, value)
            return
        values = record(obj).values
        old = values.get(self.name)
        if old is value:
            return
        if old is not None and record(old).parent is obj:
            record(old).parent = None
        if value is None:
            values.pop(self.name, None)
        else:
            values[self.name] = value
            record(value).parent = obj
        mark_children_changed(obj)


class EventField(Field):
    """An ``on_*`` handler: stored in the control's handler table, announced by a flag attr."""

    __slots__ = ("event", "event_class", "flag")

    def __init__(
        self, *, event: str | None, flag: str | bool | None, event_class: type[ControlEvent] | None, kw_only: bool
    ) -> None:
        super().__init__(kw_only=kw_only)
        self.event = event or ""
        self.flag: str | bool | None = flag
        self.event_class = event_class

    def __set_name__(self, owner: type, name: str) -> None:
        super().__set_name__(owner, name)
        if not self.event:
            self.event = name.removeprefix("on_")
        if self.flag is True:
            self.flag = wire_name(name)
        elif self.flag is False:
            self.flag = None

    def __get__(self, obj: Control | None, owner: type) -> Any:
        if obj is None:
            return self
        handlers = record(obj).handlers
        return None if handlers is None else handlers.get(self.event)

    def __set__(self, obj: Control, handler: Any) -> None:
        rec = record(obj)
        handlers = rec.handlers
        old = None if handlers is None else handlers.get(self.event)
        if handler is None:
            if handlers is not None:
                handlers.pop(self.event, None)
        else:
            if handlers is None:
                with _MAKING:  # two threads setting a control's first handlers keep both
                    handlers = rec.handlers
                    if handlers is None:
                        handlers = rec.handlers = {}
            handlers[self.event] = handler
        if self.flag and (old is None) != (handler is None):
            mark_changed(obj, self.name)

    def wire_value(self, obj: Control) -> str | None:
        handlers = record(obj).handlers
        return "true" if handlers is not None and self.event in handlers else None


class ObservedList(list[T]):
    """A list of child controls that tells its owner about every change.

    When the user passed a plain list of their own, the owner keeps that list as an alias and
    mirrors every change into it, so code holding the original list keeps seeing the children.
    """

    __slots__ = ("_alias", "_owner")

    def __init__(self, owner: Control, items: Iterable[T] = (), alias: list[T] | None = None) -> None:
        super().__init__(items)
        self._owner = owner
        self._alias = alias
        for item in self:
            _adopt(owner, item)

    def _touched(self, added: Iterable[T] = ()) -> None:
        owner = self._owner
        for item in added:
            _adopt(owner, item)
        if self._alias is not None and self._alias is not self:
            self._alias[:] = self
        mark_children_changed(owner)

    def _released(self, items: Iterable[T]) -> None:
        for item in items:
            rec = getattr(item, "_rec", None)
            if rec is not None and rec.parent is self._owner and item not in self:
                rec.parent = None

    def append(self, item: T) -> None:
        super().append(item)
        self._touched((item,))

    def extend(self, items: Iterable[T]) -> None:
        items = list(items)
        super().extend(items)
        self._touched(items)

    def insert(self, index: SupportsIndex, item: T) -> None:
        super().insert(index, item)
        self._touched((item,))

    def remove(self, item: T) -> None:
        super().remove(item)
        self._released((item,))
        self._touched()

    def pop(self, index: SupportsIndex = -1) -> T:
        item = super().pop(index)
        self._released((item,))
        self._touched()
        return item

    def clear(self) -> None:
        old = list(self)
        super().clear()
        self._released(old)
        self._touched()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        super().sort(*args, **kwargs)
        self._touched()

    def reverse(self) -> None:
        super().reverse()
        self._touched()

    def __setitem__(self, index: Any, value: Any) -> None:
        old = self[index]
        super().__setitem__(index, value)
        self._released(old if isinstance(index, slice) else (old,))
        self._touched(value if isinstance(index, slice) else (value,))

    def __delitem__(self, index: Any) -> None:
        old = self[index]
        super().__delitem__(index)
        self._released(old if isinstance(index, slice) else (old,))
        self._touched()

    def __iadd__(self, items: Iterable[T]) -> ObservedList[T]:  # type: ignore[override,misc]  # list returns Self
        self.extend(items)
        return self

    def __imul__(self, count: SupportsIndex) -> ObservedList[T]:
        before = list(self)
        super().__imul__(count)
        self._touched(before if int(count) > 0 else ())
        return self

    def __reduce__(self) -> Any:
        return (list, (list(self),))

    def _alias_differs(self) -> bool:
        """Whether the caller-owned list holds other items than this one (nothing is changed)."""
        alias = self._alias
        # map(operator.is_) rather than a generator: ~1 µs less per watched list and update
        return alias is not None and not (len(alias) == len(self) and all(map(operator.is_, alias, self)))

    def _sync_alias(self) -> bool:
        """Adopt changes made directly to the caller-owned list; True when something changed."""
        alias = self._alias
        if alias is None or not self._alias_differs():
            return False
        gone = [c for c in self if not any(c is a for a in alias)]
        list.__init__(self, alias)
        self._released(gone)
        owner = self._owner
        for item in self:
            record(cast("Control", item)).parent = owner
        return True

    def _clear_quietly(self) -> None:
        """Empty it and the caller's list, without marking the owner (``clean()`` tells the client itself)."""
        list.clear(self)
        if self._alias is not None:
            self._alias.clear()

    def _replaced(self) -> None:
        """Another list took its place in its owner: the children it held are no longer the owner's."""
        self._released(list(self))


def _adopt(owner: Control, item: Any) -> None:
    if item is None or not hasattr(item, "_rec"):
        from flet_core.errors import FletTypeError

        raise FletTypeError(f"{type(owner).__name__} children must be controls, got {item!r} ({type(item).__name__})")
    record(item).parent = owner


# -- a control's fields, as the engine and the page see them ----------------------------------


def field_table(cls: type[Control]) -> FieldTable:
    """The fields of a control class (set by :func:`control` on every decorated class)."""
    return cls._field_table  # set by control() on the class; read here by fields, the engine and the page


def _lists_of(owner: Control) -> dict[str, ObservedList[Any]]:
    rec = record(owner)
    if rec.lists is None:
        rec.lists = {}
    return rec.lists


def child_list(owner: Control, name: str) -> ObservedList[Any]:
    """The observed child list of ``owner``'s list slot ``name``, made empty on first use."""
    lists = _lists_of(owner)
    items = lists.get(name)
    if items is None:
        items = lists[name] = ObservedList(owner)
    return items


def set_child_list(owner: Control, name: str, value: Any) -> None:
    """Set ``owner``'s list slot ``name``; a plain list of the caller's stays in step with it."""
    lists = _lists_of(owner)
    old = lists.get(name)
    if value is None:
        value = []
    if old is not None and value is old:
        return
    if isinstance(value, ObservedList) or not isinstance(value, list):
        items: ObservedList[Any] = ObservedList(owner, value)
    else:
        # keep the caller's list in step with ours: 0.21 code often appends to it later
        items = ObservedList(owner, value, alias=value)
        watch_alias(owner)
    lists[name] = items
    if old is not None:
        old._replaced()  # noqa: SLF001  # ObservedList's engine side, kept off the list API users see
    mark_children_changed(owner)


def sync_aliases(owner: Control) -> bool:
    """Adopt changes made directly to caller-owned child lists; True when something changed."""
    changed = False
    for items in (record(owner).lists or {}).values():
        changed = items._sync_alias() or changed  # noqa: SLF001  # ObservedList's engine side, as above
    if changed:
        mark_children_changed(owner)
    return changed


def aliases_differ(owner: Control) -> bool:
    """Whether :func:`sync_aliases` would change anything (it only reads)."""
    for items in (record(owner).lists or {}).values():
        if items._alias_differs():  # noqa: SLF001  # ObservedList's engine side, as above
            return True
    return False


def clear_child_lists(owner: Control) -> None:
    """Empty every child list of ``owner`` (and the caller's lists they mirror) without marking it."""
    for items in (record(owner).lists or {}).values():
        items._clear_quietly()  # noqa: SLF001  # ObservedList's engine side, as above


def children(owner: Control) -> list[tuple[Control, str | None]]:
    """Every child of ``owner`` in wire order, with its slot name (``n``) or ``None``."""
    return slot_children(record(owner), field_table(type(owner)))


def slot_children(rec: Record, table: FieldTable) -> list[tuple[Control, str | None]]:
    """:func:`children` from the control's record and field table (the engine has both at hand)."""
    # a list, not a generator: called for every control sent, mostly leaves (10,000 Text: -5 ms)
    out: list[tuple[Control, str | None]] = []
    for slot in table.slots:
        if slot.many:
            items = None if rec.lists is None else rec.lists.get(slot.name)
            if items:
                n = slot.n
                out += [(child, n) for child in items]
        else:
            child = rec.values.get(slot.name)
            if child is not None:
                out.append((child, slot.n))
    return out


def apply_client_attr(owner: Control, wire: str, text: str) -> None:
    """Store a value the client changed itself (no dirty mark: it must not be echoed)."""
    field = field_table(type(owner)).by_wire.get(wire)
    if isinstance(field, Prop):
        field.apply_client_value(owner, text)
        return
    rec = record(owner)
    if text == "":
        if rec.raw is not None:
            rec.raw.pop(wire, None)
    else:
        if rec.raw is None:
            rec.raw = {}
        rec.raw[wire] = text


# -- field specifiers -------------------------------------------------------------------------


def prop(
    *,
    default: Any = None,
    wire: str | None = None,
    encode: Encoder | None = None,
    convert: Converter | None = None,
    decode: Decoder | None = None,
    kw_only: bool = True,
    eager: bool = False,
    json: bool = False,
) -> Any:
    """Declare an attribute. ``json=True`` is shorthand for ``encode=as_json``.

    ``eager=True`` stores the default at construction, so it is sent like an explicit value
    (upstream sends some defaults, e.g. ``modal: false`` on dialogs).
    """
    return Prop(
        default=default,
        wire=wire,
        encode=encode or (as_json if json else as_plain),
        convert=convert,
        decode=decode,
        kw_only=kw_only,
        eager=eager,
    )


def local(*, default: Any = None, kw_only: bool = True) -> Any:
    """Declare a Python-only value that is never sent to the client."""
    return Local(default=default, kw_only=kw_only)


def slot(*, n: str | None = None, many: bool = False, kw_only: bool = True, default: Any = None) -> Any:
    """Declare child controls: one (``many=False``) or a list; ``n`` is the wire slot name."""
    del default  # accepted so type checkers see an optional parameter; children start empty
    return Slot(n=n, many=many, kw_only=kw_only)


def event(
    event_class: type[ControlEvent] | None = None,
    *,
    name: str | None = None,
    flag: str | bool | None = True,
    kw_only: bool = True,
    default: Any = None,
) -> Any:
    """Declare an ``on_*`` handler; ``flag=False`` for events the client always sends."""
    del default
    return EventField(event=name, flag=flag, event_class=event_class, kw_only=kw_only)


# -- the class decorator ----------------------------------------------------------------------


class FieldTable:
    """Everything the model needs to know about one control class's fields."""

    __slots__ = ("by_name", "by_wire", "eager", "events", "locals", "positional", "props", "single_slots", "slots")

    def __init__(self, fields: dict[str, Field], positional: Sequence[str]) -> None:
        self.by_name = fields
        self.props = tuple(f for f in fields.values() if isinstance(f, Prop))
        self.slots = tuple(f for f in fields.values() if isinstance(f, Slot))
        self.single_slots = tuple(f for f in self.slots if not f.many)
        self.events = {f.event: f for f in fields.values() if isinstance(f, EventField)}
        self.locals = tuple(f for f in fields.values() if isinstance(f, Local))
        self.by_wire: dict[str, Prop | EventField] = {p.wire: p for p in self.props}
        for ev in self.events.values():
            if isinstance(ev.flag, str):
                self.by_wire.setdefault(ev.flag, ev)
        self.eager = tuple(p for p in self.props if p.eager and p.default is not None)
        self.positional = tuple(positional)


@dataclass_transform(kw_only_default=True, field_specifiers=(prop, slot, event, local))
def control(type_name: str | None = None, *, positional: Sequence[str] | None = None) -> Callable[[C], C]:
    """Register a control class: collect its fields and its wire type name.

    ``positional`` lists the parameters the constructor accepts positionally, in order; by
    default those declared with ``kw_only=False``, in declaration order.
    """

    def decorate(cls: C) -> C:
        fields: dict[str, Field] = {}
        for base in reversed(cls.__mro__[1:]):
            table = base.__dict__.get("_field_table")
            if table is not None:
                fields.update(table.by_name)
        # the class body's own annotations (inspect.get_annotations would cost an import of inspect)
        annotations: dict[str, Any] = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
        own_positional: list[str] = []
        for name, annotation in annotations.items():
            text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
            value = cls.__dict__.get(name, None)
            if text.startswith(("ClassVar", "typing.ClassVar", "Final")):
                continue
            if name.startswith("_") and not isinstance(value, Field):
                continue
            field: Field
            if isinstance(value, Field):
                field = value
            elif name.startswith("on_"):
                field = EventField(event=None, flag=True, event_class=None, kw_only=True)
            else:
                field = Prop(
                    default=value,
                    wire=None,
                    encode=as_plain,
                    convert=None,
                    decode=None,
                    kw_only=True,
                    eager=False,
                )
            if isinstance(field, Prop) and field.decode is None:
                field.decode = _guess_decoder(text)
            field.__set_name__(cls, name)
            setattr(cls, name, field)
            fields[name] = field
            if not field.kw_only:
                own_positional.append(name)
        if positional is not None:
            order: Sequence[str] = positional
        else:
            base_table: FieldTable | None = getattr(cls, "_field_table", None)
            order = own_positional or (list(base_table.positional) if base_table is not None else [])
        unknown = [n for n in order if n not in fields and n != "ref"]
        if unknown:
            raise TypeError(f"{cls.__name__}: positional parameters {unknown} are not fields")
        table = FieldTable(fields, order)
        cls._field_table = table  # type: ignore[attr-defined]  # set on every decorated class
        if type_name is not None:
            cls._control_type = type_name  # type: ignore[attr-defined]  # wire type
        return cls

    return decorate
