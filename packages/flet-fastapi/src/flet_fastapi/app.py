"""Deprecated alias of `flet.fastapi.app`."""

from __future__ import annotations

from flet.fastapi.app import *  # noqa: F403  # re-exported unchanged; importing flet_fastapi warned
