"""The ``Control`` base: a value table, plus the engine's record of what changed.

Controls store values and report changes to their page's
:class:`~flet_core._update_state.UpdateState`; the engine's bookkeeping for a control (id,
parent, dirty marks, raw attributes) is one :class:`~flet_core._update_state.Record` in
``control._rec``. Controls never build protocol messages: :mod:`flet_core.diff` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from flet_core._deprecation import deprecated_twin
from flet_core._fields import FieldTable, control, local, prop
from flet_core._update_state import Record, UpdateState, record, set_raw_attr
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
        self._rec = Record()  # values, handlers and the update engine's bookkeeping (flet_core._update_state)
        table = self._field_table
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
        self._rec.state = None if page is None else record(page).state

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
        return dict(self._rec.handlers or {})

    def _get_control_name(self) -> str:
        return self._control_type

    def update(self) -> None:
        """Send this control's pending changes (and those of its subtree) to the client."""
        self._require_page("update()").update(self)

    def clean(self) -> None:
        """Remove every child of this control, on the client too."""
        self._require_state("clean()").clean(self)  # computed and sent by the page, under its update lock

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
        return self._require_state(f"{method_name}()").connection_for_calls(), self._rec.uid or ""

    def _require_state(self, what: str) -> UpdateState:
        """The update state of the page this control is on; ``what`` names the call that needs it."""
        state = self._rec.state
        if state is None:
            raise NotOnPageError(
                f"{type(self).__name__} must be added to the page first: call page.add(...) before {what}"
            )
        return state

    def _require_page(self, what: str) -> Page:
        return self._require_state(what).root  # type: ignore[return-value]  # the root of a session is its Page

    def _set_attr(self, name: str, value: Any, dirty: bool = True) -> None:
        """Set a raw wire attribute that no field declares (kept for 0.21 custom controls)."""
        set_raw_attr(self, name, value, dirty)

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
