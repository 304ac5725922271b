"""Deprecated alias of `flet.fastapi.flet_fastapi`."""

from __future__ import annotations

from flet.fastapi.flet_fastapi import *  # noqa: F403  # re-exported unchanged; importing flet_fastapi warned
