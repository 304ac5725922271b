"""Deprecated alias of `flet.fastapi.serve_fastapi_web_app`."""

from __future__ import annotations

from flet.fastapi.serve_fastapi_web_app import *  # noqa: F403  # re-exported unchanged; importing flet_fastapi warned
