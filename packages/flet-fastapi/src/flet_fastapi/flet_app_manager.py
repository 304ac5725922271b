"""Deprecated alias of `flet.fastapi.flet_app_manager`."""

from __future__ import annotations

from flet.fastapi.flet_app_manager import *  # noqa: F403  # re-exported unchanged; importing flet_fastapi warned
