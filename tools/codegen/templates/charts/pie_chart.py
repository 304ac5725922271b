"""Pie charts: the chart and its sections."""

from __future__ import annotations

from typing import Any

from flet_core._typed_events import JsonEvent, to_int


class PieChartEvent(JsonEvent):
    """A touch or hover on the chart (`type`) and the section under it (-1: none)."""

    def __init__(self, type: str = "", section_index: Any = -1) -> None:  # the client's key
        super().__init__("chart_event")
        self.type = type
        self.section_index = to_int(section_index)
