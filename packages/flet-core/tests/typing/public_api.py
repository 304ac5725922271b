"""Typing test of the public API: checked by `mypy --strict` (nox -s typecheck), never run.

Each `assert_type` states what a type checker must infer; `# type: ignore[...]` lines state
what it must reject (mypy --strict reports an unused ignore if the error goes away).
"""

# pyright: standard, reportUnnecessaryTypeIgnoreComment=true

from __future__ import annotations

from typing import assert_type

from flet_core._fields import control, prop, slot
from flet_core.control import Control, Ref
from flet_core.control_event import ControlEvent
from flet_core.page import Page
from flet_core.view import View


@control("ribbon")
class Ribbon(Control):
    text: str | None = prop(default=None, kw_only=False)
    elevation: float | None = None
    content: Control | None = slot(default=None)
    items: list[Control] = slot(many=True, default=None)


def check(page: Page, event: ControlEvent) -> None:
    ribbon = Ribbon("new", elevation=2.0)
    assert_type(ribbon.text, str | None)
    assert_type(ribbon.elevation, float | None)
    assert_type(ribbon.items, list[Control])
    assert_type(ribbon.page, Page | None)
    assert_type(ribbon.uid, str | None)
    assert_type(page.update(), None)
    assert_type(page.views, list[View])
    assert_type(event.data, str)
    ref: Ref[Ribbon] = Ref()
    assert_type(ref.current, Ribbon)
    Ribbon(text=3)  # type: ignore[arg-type]
    Ribbon(colour="red")  # type: ignore[call-arg]
