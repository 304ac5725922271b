"""`PlotlyChart`: a Plotly figure shown as an SVG image (needs `flet[plotly]`).

The chart is a `Container` whose content is an `Image` holding the figure rendered as SVG; the
figure is rendered again on every update of the chart.
"""

from __future__ import annotations

from typing import Any

from flet_core._fields import control, local, prop, slot
from flet_core._figures import plotly_svg, require, svg_aspect_ratio, svg_size
from flet_core.alignment import Alignment
from flet_core.container import Container
from flet_core.control import Control
from flet_core.display import Image
from flet_core.types import ImageFit

__all__ = ["PlotlyChart"]


def _figure(value: Any) -> Any:
    require("plotly", "plotly", "PlotlyChart")
    return value


@control(
    "container",
    positional=(
        "figure isolated original_size ref key expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class PlotlyChart(Container):
    """Shows a Plotly figure as an SVG image."""

    figure: Any = local(default=None, kw_only=False)
    isolated: bool = local(default=False)
    original_size: bool = local(default=False)
    alignment: Alignment | None = prop(default=Alignment(0, 0), json=True, eager=True)
    content: Control | None = slot(n="content", default=None)

    def is_isolated(self) -> bool:
        return self.isolated

    def before_update(self) -> None:
        super().before_update()
        image = self.content
        if not isinstance(image, Image):
            image = self.content = Image(fit=ImageFit.FILL)
        if self.figure is None:
            return
        _figure(self.figure)
        svg = plotly_svg(self.figure)
        image.src = svg
        if self.original_size:
            size = svg_size(svg)
            if size is not None:
                image.width, image.height = size
        else:
            image.aspect_ratio = svg_aspect_ratio(svg)
