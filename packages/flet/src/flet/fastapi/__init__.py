"""Serving Flet apps with FastAPI, or with any ASGI server.

``app(main)`` builds a complete Flet app (WebSocket sessions, uploads, OAuth callback, web
client); mount several under one ``FastAPI()``. The pieces are importable on their own for
custom layouts: ``FletApp``, ``FletStaticFiles``, ``FletUpload``, ``FletOAuth``.
"""

from __future__ import annotations

from flet.fastapi.app import app
from flet.fastapi.flet_app import FletApp
from flet.fastapi.flet_app_manager import app_manager
from flet.fastapi.flet_fastapi import FastAPI
from flet.fastapi.flet_oauth import FletOAuth
from flet.fastapi.flet_static_files import FletStaticFiles
from flet.fastapi.flet_upload import FletUpload

__all__ = ["FastAPI", "FletApp", "FletOAuth", "FletStaticFiles", "FletUpload", "app", "app_manager"]
