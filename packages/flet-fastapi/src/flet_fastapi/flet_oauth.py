"""Deprecated alias of `flet.fastapi.flet_oauth`."""

from __future__ import annotations

from flet.fastapi.flet_oauth import *  # noqa: F403  # re-exported unchanged; importing flet_fastapi warned
