"""An ft.app that prints its PID first, so a test can check the process is gone."""

import os

import flet as ft
from flet.app import app as flet_app

print(f"APP PID {os.getpid()}", flush=True)


def main(page: ft.Page):
    page.add(ft.Text("running"))


flet_app(main)
