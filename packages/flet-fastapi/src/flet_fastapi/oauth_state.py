"""Deprecated alias of `flet.fastapi.oauth_state`."""

from __future__ import annotations

from flet.fastapi.oauth_state import *  # noqa: F403  # re-exported unchanged; importing flet_fastapi warned
