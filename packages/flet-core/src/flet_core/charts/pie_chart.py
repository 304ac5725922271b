"""Pie charts: the chart and its sections."""

from __future__ import annotations

from typing import Any

from flet_core._fields import control, event, prop, slot
from flet_core._typed_events import JsonEvent, to_int
from flet_core.border import BorderSide
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import EventHandler
from flet_core.text_style import TextStyle
from flet_core.types import AnimationValue

__all__ = ["PieChart", "PieChartEvent", "PieChartSection"]


class PieChartEvent(JsonEvent):
    """A touch or hover on the chart (`type`) and the section under it (-1: none)."""

    def __init__(self, type: str = "", section_index: Any = -1) -> None:  # the client's key
        super().__init__("chart_event")
        self.type = type
        self.section_index = to_int(section_index)


@control(
    "section",
    positional=(
        "value radius color border_side title title_style title_position badge badge_position ref disabled visible data"
    ).split(),
)
class PieChartSection(Control):
    """One section of a pie chart."""

    value: int | float | None = prop(default=None, kw_only=False)
    radius: int | float | None = None
    color: str | None = None
    border_side: BorderSide | None = prop(default=None, json=True)
    title: str | None = None
    title_style: TextStyle | None = prop(default=None, json=True)
    title_position: int | float | None = 1.0
    badge: Control | None = slot(n="badge", default=None)
    badge_position: int | float | None = None


@control(
    "piechart",
    positional=(
        "sections center_space_color center_space_radius sections_space start_degree_offset animate "
        "on_chart_event ref width height left top right bottom expand expand_loose col opacity rotate "
        "scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class PieChart(ConstrainedControl):
    """A pie or donut chart made of sections."""

    sections: list[PieChartSection] = slot(many=True, default=None, kw_only=False)
    center_space_color: str | None = None
    center_space_radius: int | float | None = None
    sections_space: int | float | None = None
    start_degree_offset: int | float | None = None
    animate: AnimationValue = prop(default=None, json=True)
    on_chart_event: EventHandler[PieChartEvent] | None = event(PieChartEvent, default=None)
