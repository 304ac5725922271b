"""What type checkers take as a control's positional parameters agrees with what it accepts.

`@control` is a `dataclass_transform`, so type checkers build each control's `__init__` from its
fields: in declaration order, base classes first (a redeclared field keeps its first place), and
only the fields declared `kw_only=False` positional. At run time the constructor takes 0.21's
positional order (`positional=`). The checkers' list must be a prefix of it, or a correct
`ft.TextField("text")` is a type error (and a wrong call passes).
"""

from __future__ import annotations

import inspect

import pytest

import flet_core
from flet_core._exports import EXPORTS
from flet_core._fields import Field
from flet_core.control import Control


def _checkers_positional(cls: type) -> list[str]:
    fields: dict[str, Field] = {}
    for klass in reversed(cls.__mro__):
        for name in klass.__dict__.get("__annotations__", {}):  # noqa: RUF063  # the class body's own
            value = klass.__dict__.get(name)
            if isinstance(value, Field):
                fields[name] = value  # a redeclared field keeps its place and takes the new kw_only
    return [name for name, field in fields.items() if not field.kw_only]


CONTROLS = sorted(
    name
    for name, target in EXPORTS.items()
    if not target.startswith("module:")
    and inspect.isclass(getattr(flet_core, name))
    and issubclass(getattr(flet_core, name), Control)
    and "_field_table" in vars(getattr(flet_core, name))
    and name != "Page"  # Page has its own __init__ (connection, session id, loop, executor)
)


@pytest.mark.parametrize("name", CONTROLS)
def test_checkers_positional_parameters_lead_the_run_time_order(name: str) -> None:
    cls = getattr(flet_core, name)
    for_checkers = _checkers_positional(cls)
    at_run_time = list(cls._field_table.positional)
    assert for_checkers == at_run_time[: len(for_checkers)], f"{name}: checkers {for_checkers}, 0.21 {at_run_time}"


def test_the_common_positional_calls_type_as_at_run_time() -> None:
    assert _checkers_positional(flet_core.View)[:2] == ["route", "controls"]
    assert _checkers_positional(flet_core.TextField) == ["value"]
    assert _checkers_positional(flet_core.Dropdown) == ["value"]
    assert _checkers_positional(flet_core.CupertinoTextField) == ["placeholder_text"]
