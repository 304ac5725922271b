"""`DataTable` and its columns, rows and cells."""

from __future__ import annotations

from typing import Any

from flet_core._fields import control, event, local, prop, slot
from flet_core._typed_events import JsonEvent, to_int
from flet_core.border import Border, BorderSide
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.gesture_events import TapEvent
from flet_core.gradients import Gradient
from flet_core.text_style import TextStyle
from flet_core.types import BorderRadiusValue, MaterialState

__all__ = ["DataCell", "DataColumn", "DataColumnSortEvent", "DataRow", "DataTable", "Item"]


class DataColumnSortEvent(JsonEvent):
    """The user asked to sort by a column: its index and the direction."""

    def __init__(self, i: Any = 0, a: Any = True) -> None:
        super().__init__("sort")
        self.column_index = to_int(i)
        self.ascending = bool(a)


@control("c", positional="label numeric tooltip on_sort ref visible disabled data".split())
class DataColumn(Control):
    """The header of one data table column, optionally sortable."""

    label: Control | None = slot(n="l", default=None, kw_only=False)
    numeric: bool | None = False
    tooltip: str | None = None
    on_sort: EventHandler[DataColumnSortEvent] | None = event(DataColumnSortEvent, default=None)


@control(
    "c",
    positional=(
        "content on_double_tap on_long_press on_tap on_tap_cancel on_tap_down placeholder show_edit_icon "
        "ref visible disabled data"
    ).split(),
)
class DataCell(Control):
    """One cell of a data table row."""

    content: Control | None = slot(default=None, kw_only=False)
    on_double_tap: EventHandler[ControlEvent] | None = event(default=None)
    on_long_press: EventHandler[ControlEvent] | None = event(default=None)
    on_tap: EventHandler[ControlEvent] | None = event(default=None)
    on_tap_cancel: EventHandler[ControlEvent] | None = event(default=None)
    on_tap_down: EventHandler[TapEvent] | None = event(TapEvent, default=None)
    placeholder: bool | None = False
    show_edit_icon: bool | None = False


@control(
    "r",
    positional="cells ref visible disabled data color selected on_long_press on_select_changed".split(),
)
class DataRow(Control):
    """One row of a data table."""

    cells: list[Control] = slot(many=True, default=None, kw_only=False)
    color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    selected: bool | None = False
    on_long_press: EventHandler[ControlEvent] | None = event(default=None)
    on_select_changed: EventHandler[ControlEvent] | None = event(default=None)


@control(
    "datatable",
    positional=(
        "columns rows sort_ascending show_checkbox_column sort_column_index show_bottom_border border "
        "border_radius horizontal_lines vertical_lines checkbox_horizontal_margin column_spacing "
        "data_row_color data_row_min_height data_row_max_height data_text_style bgcolor gradient "
        "divider_thickness heading_row_color heading_row_height heading_text_style horizontal_margin "
        "on_select_all ref key width height left top right bottom expand expand_loose col opacity rotate "
        "scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class DataTable(ConstrainedControl):
    """A Material table of rows and columns."""

    columns: list[DataColumn] = slot(many=True, default=None, kw_only=False)
    rows: list[DataRow] = slot(many=True, default=None)
    sort_ascending: bool | None = False
    show_checkbox_column: bool | None = False
    sort_column_index: int | None = None
    show_bottom_border: bool | None = False
    border: Border | None = prop(default=None, json=True)
    border_radius: BorderRadiusValue = prop(default=None, json=True)
    horizontal_lines: BorderSide | None = prop(default=None, json=True)
    vertical_lines: BorderSide | None = prop(default=None, json=True)
    checkbox_horizontal_margin: int | float | None = None
    column_spacing: int | float | None = None
    data_row_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    data_row_min_height: int | float | None = None
    data_row_max_height: int | float | None = None
    data_text_style: TextStyle | None = prop(default=None, json=True)
    bgcolor: str | None = None
    gradient: Gradient | None = prop(default=None, json=True)
    divider_thickness: int | float | None = 1.0
    heading_row_color: str | dict[MaterialState, str] | None = prop(default=None, json=True)
    heading_row_height: int | float | None = None
    heading_text_style: TextStyle | None = prop(default=None, json=True)
    horizontal_margin: int | float | None = None
    on_select_all: EventHandler[ControlEvent] | None = event(default=None)


@control("item", positional="obj".split())
class Item(Control):
    """A key-value object sent as a control (kept for 0.21 compatibility)."""

    obj: str | None = local(default=None, kw_only=False)
