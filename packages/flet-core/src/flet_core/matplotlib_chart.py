"""`MatplotlibChart`: a Matplotlib figure shown as an SVG image (needs `flet[matplotlib]`).

The chart is a `Container` whose content is an `Image` holding the figure rendered as SVG; the
figure is rendered again on every update of the chart.
"""

from __future__ import annotations

from typing import Any

from flet_core._fields import control, local, prop, slot
from flet_core._figures import figure_pixels, matplotlib_svg, require, svg_aspect_ratio, svg_size
from flet_core.alignment import Alignment
from flet_core.container import Container
from flet_core.control import Control
from flet_core.display import Image
from flet_core.types import ImageFit

__all__ = ["MatplotlibChart"]


def _figure(value: Any) -> Any:
    require("matplotlib", "matplotlib", "MatplotlibChart")
    return value


@control(
    "container",
    positional=(
        "figure isolated original_size transparent ref key expand expand_loose col opacity rotate scale "
        "offset aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class MatplotlibChart(Container):
    """Shows a Matplotlib figure as an SVG image."""

    figure: Any = local(default=None, kw_only=False)
    isolated: bool = local(default=False)
    original_size: bool = local(default=False)
    transparent: bool = local(default=False)
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
        svg = matplotlib_svg(self.figure, self.transparent)
        image.src = svg
        if self.original_size:
            size = figure_pixels(self.figure) or svg_size(svg)
            if size is not None:
                image.width, image.height = size
        else:
            image.aspect_ratio = svg_aspect_ratio(svg)
