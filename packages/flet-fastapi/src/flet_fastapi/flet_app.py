"""Deprecated alias of `flet.fastapi.flet_app`."""

from __future__ import annotations

from flet.fastapi.flet_app import *  # noqa: F403  # re-exported unchanged; importing flet_fastapi warned
