"""``flet.matplotlib_chart``: MatplotlibChart (needs the ``matplotlib`` extra)."""

from __future__ import annotations

from flet_core.matplotlib_chart import *  # noqa: F403  # the module's public names, re-exported
from flet_core.matplotlib_chart import __all__ as __all__
