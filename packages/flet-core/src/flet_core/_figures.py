"""Turning Matplotlib and Plotly figures into SVG images, for the two chart controls.

Neither library is a dependency of flet-core: the chart controls import them only when they
render a figure, and say which extra to install when they are missing.
"""

from __future__ import annotations

import importlib
import io
import re
import xml.etree.ElementTree as ElementTree
from typing import Any

__all__ = ["figure_pixels", "matplotlib_svg", "plotly_svg", "require", "svg_aspect_ratio", "svg_size"]

_NUMBER = re.compile(r"[\d.]+")


def require(module: str, extra: str, control: str) -> None:
    """Import `module`, or raise ImportError telling how to install it."""
    try:
        importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f'{control} needs the {module} package; install it with: pip install "flet[{extra}]"'
        ) from error


def matplotlib_svg(figure: Any, transparent: bool) -> str:
    """The figure as SVG text."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", transparent=transparent)
    return buffer.getvalue()


def figure_pixels(figure: Any) -> tuple[float, float] | None:
    """A Matplotlib figure's size in pixels at its resolution, if it can tell."""
    bounds = getattr(getattr(figure, "bbox", None), "bounds", None)
    if bounds is None or len(bounds) != 4:
        return None
    return float(bounds[2]), float(bounds[3])


def plotly_svg(figure: Any) -> str:
    """The figure as SVG text (Plotly renders it with its image engine)."""
    image = figure.to_image(format="svg")
    return image.decode("utf-8") if isinstance(image, bytes) else str(image)


def svg_size(svg: str) -> tuple[float, float] | None:
    """The width and height an SVG document declares (units dropped), if it declares both."""
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError:
        return None
    width = _NUMBER.search(root.attrib.get("width", ""))
    height = _NUMBER.search(root.attrib.get("height", ""))
    if width is None or height is None:
        return None
    return float(width.group(0)), float(height.group(0))


def svg_aspect_ratio(svg: str) -> float | None:
    """Width divided by height of an SVG document, if it declares a size."""
    size = svg_size(svg)
    if size is None or size[1] == 0:
        return None
    return size[0] / size[1]
