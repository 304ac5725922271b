"""Line charts: the chart, its data series and their points."""

from __future__ import annotations

from typing import Any

from flet_core._typed_events import JsonEvent, to_int


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
