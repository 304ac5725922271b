"""The seed 002 mixed-handlers app as an ASGI app factory (for uvicorn --factory)."""

from mixed import main

from flet.app import app as flet_app


def create():
    return flet_app(main, export_asgi_app=True)
