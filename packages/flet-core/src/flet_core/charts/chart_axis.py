"""Chart axes and their labels, shared by line and bar charts."""

from __future__ import annotations

from flet_core._fields import control, prop, slot
from flet_core.control import Control

__all__ = ["ChartAxis", "ChartAxisLabel"]


@control("l", positional="value label ref disabled visible data".split())
class ChartAxisLabel(Control):
    """A label shown at one value of a chart axis."""

    value: int | float | None = prop(default=1.0, kw_only=False)
    label: Control | None = slot(default=None, kw_only=False)


@control(
    "axis",
    positional="title title_size show_labels labels labels_interval labels_size ref disabled visible data".split(),
)
class ChartAxis(Control):
    """An axis of a line or bar chart, with a title and labels."""

    labels: list[ChartAxisLabel] = slot(n="l", many=True, default=None)
    title_size: int | float | None = None
    show_labels: bool | None = True
    title: Control | None = slot(n="t", default=None, kw_only=False)
    labels_interval: int | float | None = 1.0
    labels_size: int | float | None = None
