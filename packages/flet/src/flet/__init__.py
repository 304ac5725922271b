"""Flet for Python: `import flet as ft` gives the whole public API of Flet 0.21."""

from __future__ import annotations

from flet_core import *  # noqa: F403  (flet's public API is flet-core's, re-exported whole)

from flet.version import version as __version__
