"""The seed 004 counter, exported with ft.app(export_asgi_app=True) for any ASGI server."""

from flet.app import app as flet_app

from counter import main

app = flet_app(main, export_asgi_app=True)
