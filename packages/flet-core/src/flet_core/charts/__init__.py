"""Line, bar and pie charts with their axes, data and events."""

from __future__ import annotations

from flet_core.charts.bar_chart import BarChart, BarChartEvent, BarChartGroup, BarChartRod, BarChartRodStackItem
from flet_core.charts.chart_axis import ChartAxis, ChartAxisLabel
from flet_core.charts.line_chart import LineChart, LineChartData, LineChartDataPoint, LineChartEvent, LineChartEventSpot
from flet_core.charts.pie_chart import PieChart, PieChartEvent, PieChartSection

__all__ = [
    "BarChart",
    "BarChartEvent",
    "BarChartGroup",
    "BarChartRod",
    "BarChartRodStackItem",
    "ChartAxis",
    "ChartAxisLabel",
    "LineChart",
    "LineChartData",
    "LineChartDataPoint",
    "LineChartEvent",
    "LineChartEventSpot",
    "PieChart",
    "PieChartEvent",
    "PieChartSection",
]
