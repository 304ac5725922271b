"""Bar charts: the chart, its groups, rods and rod stack items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flet_core._fields import control, event, prop, slot
from flet_core._typed_events import JsonEvent, to_int
from flet_core.border import Border, BorderSide
from flet_core.chart_styles import ChartGridLines
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import EventHandler
from flet_core.gradients import Gradient
from flet_core.text_style import TextStyle
from flet_core.types import AnimationValue, BorderRadiusValue, TextAlign

if TYPE_CHECKING:
    from flet_core.charts.chart_axis import ChartAxis


__all__ = ["BarChart", "BarChartEvent", "BarChartGroup", "BarChartRod", "BarChartRodStackItem"]


class BarChartEvent(JsonEvent):
    """A touch or hover on the chart (`type`) and the group, rod and stack item under it (-1: none)."""

    def __init__(
        self,
        type: str = "",  # the client's key
        group_index: Any = -1,
        rod_index: Any = -1,
        stack_item_index: Any = -1,
    ) -> None:
        super().__init__("chart_event")
        self.type = type
        self.group_index = to_int(group_index)
        self.rod_index = to_int(rod_index)
        self.stack_item_index = to_int(stack_item_index)


@control("stack_item", positional="from_y to_y color border_side ref disabled visible data".split())
class BarChartRodStackItem(Control):
    """One stacked segment of a bar chart rod."""

    from_y: int | float | None = prop(default=None, kw_only=False)
    to_y: int | float | None = None
    color: str | None = None
    border_side: BorderSide | None = prop(default=None, json=True)


@control(
    "rod",
    positional=(
        "rod_stack_items from_y to_y width color gradient border_radius border_side bg_from_y bg_to_y "
        "bg_color bg_gradient selected show_tooltip tooltip tooltip_style tooltip_align ref disabled "
        "visible data"
    ).split(),
)
class BarChartRod(Control):
    """One bar of a bar chart group, optionally stacked from several items."""

    rod_stack_items: list[BarChartRodStackItem] = slot(many=True, default=None, kw_only=False)
    from_y: int | float | None = None
    to_y: int | float | None = None
    width: int | float | None = None
    color: str | None = None
    gradient: Gradient | None = prop(default=None, json=True)
    border_radius: BorderRadiusValue = prop(default=None, json=True)
    border_side: BorderSide | None = prop(default=None, json=True)
    bg_from_y: int | float | None = None
    bg_to_y: int | float | None = None
    bg_color: str | None = None
    bg_gradient: Gradient | None = prop(default=None, json=True)
    selected: bool | None = False
    show_tooltip: bool | None = True
    tooltip: str | None = None
    # the client reads `tooltipstyle`; upstream kept the value in Python only
    tooltip_style: TextStyle | None = prop(default=None, json=True)
    tooltip_align: TextAlign = TextAlign.NONE


@control("group", positional="x bar_rods group_vertically bars_space ref disabled visible data".split())
class BarChartGroup(Control):
    """A group of rods at one x position of a bar chart."""

    x: int | None = prop(default=None, kw_only=False)
    bar_rods: list[BarChartRod] = slot(many=True, default=None, kw_only=False)
    group_vertically: bool | None = False
    bars_space: int | float | None = None


@control(
    "barchart",
    positional=(
        "bar_groups groups_space animate interactive bgcolor tooltip_bgcolor border horizontal_grid_lines "
        "vertical_grid_lines left_axis top_axis right_axis bottom_axis baseline_y min_y max_y "
        "on_chart_event ref width height left top right bottom expand expand_loose col opacity rotate "
        "scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class BarChart(ConstrainedControl):
    """A bar chart of groups of rods, with axes, grid lines and tooltips."""

    bar_groups: list[BarChartGroup] = slot(many=True, default=None, kw_only=False)
    groups_space: int | float | None = None
    animate: AnimationValue = prop(default=None, json=True)
    interactive: bool | None = True
    bgcolor: str | None = None
    tooltip_bgcolor: str | None = None
    border: Border | None = prop(default=None, json=True)
    horizontal_grid_lines: ChartGridLines | None = prop(default=None, json=True)
    vertical_grid_lines: ChartGridLines | None = prop(default=None, json=True)
    left_axis: ChartAxis | None = slot(n="l", default=None)
    top_axis: ChartAxis | None = slot(n="t", default=None)
    right_axis: ChartAxis | None = slot(n="r", default=None)
    bottom_axis: ChartAxis | None = slot(n="b", default=None)
    baseline_y: int | float | None = None
    min_y: int | float | None = None
    max_y: int | float | None = None
    on_chart_event: EventHandler[BarChartEvent] | None = event(BarChartEvent, default=None)
