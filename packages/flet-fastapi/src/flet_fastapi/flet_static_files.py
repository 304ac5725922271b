"""Deprecated alias of `flet.fastapi.flet_static_files`."""

from __future__ import annotations

from flet.fastapi.flet_static_files import *  # noqa: F403  # re-exported unchanged; importing flet_fastapi warned
