"""Bar charts: the chart, its groups, rods and rod stack items."""

from __future__ import annotations

from typing import Any

from flet_core._fields import prop
from flet_core._typed_events import JsonEvent, to_int
from flet_core.text_style import TextStyle


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


class BarChartRod:
    # the client reads `tooltipstyle`; upstream kept the value in Python only
    tooltip_style: TextStyle | None = prop(default=None, json=True)
