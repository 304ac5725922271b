"""The seed 002 mixed-handlers app as an ASGI app factory (for uvicorn --factory)."""

from flet.app import app as flet_app

from mixed import main


def create():
    return flet_app(main, export_asgi_app=True)
