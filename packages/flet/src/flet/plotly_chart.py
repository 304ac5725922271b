"""``flet.plotly_chart``: PlotlyChart (needs the ``plotly`` extra)."""

from __future__ import annotations

from flet_core.plotly_chart import *  # noqa: F403  # the module's public names, re-exported
from flet_core.plotly_chart import __all__ as __all__
