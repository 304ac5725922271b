"""The tally app (apps/counter.py), exported with ft.app(export_asgi_app=True) for any ASGI server."""

from counter import main

from flet.app import app as flet_app

app = flet_app(main, export_asgi_app=True)
