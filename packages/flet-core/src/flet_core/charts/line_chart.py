"""Line charts: the chart, its data series and their points."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flet_core._fields import control, event, prop, slot
from flet_core._typed_events import JsonEvent, to_int
from flet_core.border import Border
from flet_core.chart_styles import ChartGridLines, ChartPointLine, ChartPointShape
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import EventHandler
from flet_core.gradients import Gradient
from flet_core.shadow import BoxShadow
from flet_core.text_style import TextStyle
from flet_core.types import AnimationValue, TextAlign

if TYPE_CHECKING:
    from flet_core.charts.chart_axis import ChartAxis


__all__ = ["LineChart", "LineChartData", "LineChartDataPoint", "LineChartEvent", "LineChartEventSpot"]


class LineChartEventSpot:
    """A touched point: the index of its data series and its index in that series."""

    def __init__(self, bar_index: int, spot_index: int) -> None:
        self.bar_index = bar_index
        self.spot_index = spot_index

    def __repr__(self) -> str:
        return f"LineChartEventSpot(bar_index={self.bar_index}, spot_index={self.spot_index})"


class LineChartEvent(JsonEvent):
    """A touch or hover on the chart (`type`) and the points under it."""

    def __init__(self, type: str = "", spots: list[Any] | None = None) -> None:  # the client's key
        super().__init__("chart_event")
        self.type = type
        self.spots = [
            item
            if isinstance(item, LineChartEventSpot)
            else LineChartEventSpot(to_int(item.get("bar_index")), to_int(item.get("spot_index")))
            for item in spots or []
        ]


@control(
    "p",
    positional=(
        "x y selected show_tooltip tooltip tooltip_style tooltip_align point selected_point "
        "show_above_line show_below_line selected_below_line ref disabled visible data"
    ).split(),
)
class LineChartDataPoint(Control):
    """One point of a line chart data series."""

    x: int | float | None = prop(default=0, kw_only=False)
    y: int | float | None = prop(default=0, kw_only=False)
    selected: bool | None = False
    show_tooltip: bool | None = True
    tooltip: str | None = None
    tooltip_style: TextStyle | None = prop(default=None, json=True)
    tooltip_align: TextAlign = TextAlign.NONE
    point: bool | ChartPointShape | None = prop(default=None, json=True)
    selected_point: bool | ChartPointShape | None = prop(default=None, json=True)
    show_above_line: bool | None = True
    show_below_line: bool | None = True
    selected_below_line: bool | ChartPointLine | None = prop(default=None, json=True)


@control(
    "data",
    positional=(
        "data_points curved color gradient stroke_width stroke_cap_round prevent_curve_over_shooting "
        "prevent_curve_over_shooting_threshold dash_pattern shadow above_line_bgcolor above_line_gradient "
        "above_line_cutoff_y above_line below_line_bgcolor below_line_gradient below_line_cutoff_y "
        "below_line selected_below_line point selected_point ref disabled visible data"
    ).split(),
)
class LineChartData(Control):
    """One data series of a line chart and how its line is drawn."""

    data_points: list[LineChartDataPoint] = slot(many=True, default=None, kw_only=False)
    curved: bool | None = False
    color: str | None = None
    gradient: Gradient | None = prop(default=None, json=True)
    stroke_width: int | float | None = 1.0
    stroke_cap_round: bool | None = False
    prevent_curve_over_shooting: bool | None = False
    prevent_curve_over_shooting_threshold: int | float | None = None
    dash_pattern: list[int] | None = prop(default=None, json=True)
    shadow: BoxShadow | None = prop(default=None, json=True)
    above_line_bgcolor: str | None = None
    above_line_gradient: Gradient | None = prop(default=None, json=True)
    above_line_cutoff_y: int | float | None = None
    above_line: ChartPointLine | None = prop(default=None, json=True)
    below_line_bgcolor: str | None = None
    below_line_gradient: Gradient | None = prop(default=None, json=True)
    below_line_cutoff_y: int | float | None = None
    below_line: ChartPointLine | None = prop(default=None, json=True)
    selected_below_line: bool | ChartPointLine | None = prop(default=None, json=True)
    point: bool | ChartPointShape | None = prop(default=None, json=True)
    selected_point: bool | ChartPointShape | None = prop(default=None, json=True)


@control(
    "linechart",
    positional=(
        "data_series animate interactive point_line_start point_line_end bgcolor tooltip_bgcolor border "
        "horizontal_grid_lines vertical_grid_lines left_axis top_axis right_axis bottom_axis baseline_x "
        "min_x max_x baseline_y min_y max_y on_chart_event ref width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class LineChart(ConstrainedControl):
    """A line chart of one or more data series, with axes, grid lines and tooltips."""

    data_series: list[LineChartData] = slot(many=True, default=None, kw_only=False)
    animate: AnimationValue = prop(default=None, json=True)
    interactive: bool | None = True
    point_line_start: int | float | None = None
    point_line_end: int | float | None = None
    bgcolor: str | None = None
    tooltip_bgcolor: str | None = None
    border: Border | None = prop(default=None, json=True)
    horizontal_grid_lines: ChartGridLines | None = prop(default=None, json=True)
    vertical_grid_lines: ChartGridLines | None = prop(default=None, json=True)
    left_axis: ChartAxis | None = slot(n="l", default=None)
    top_axis: ChartAxis | None = slot(n="t", default=None)
    right_axis: ChartAxis | None = slot(n="r", default=None)
    bottom_axis: ChartAxis | None = slot(n="b", default=None)
    baseline_x: int | float | None = None
    min_x: int | float | None = None
    max_x: int | float | None = None
    baseline_y: int | float | None = None
    min_y: int | float | None = None
    max_y: int | float | None = None
    on_chart_event: EventHandler[LineChartEvent] | None = event(LineChartEvent, default=None)
