"""``flet.canvas``: the Canvas control and its shapes (``import flet.canvas as cv``)."""

from __future__ import annotations

from flet_core.canvas import *  # noqa: F403  # the module's public names, re-exported
from flet_core.canvas import __all__ as __all__
