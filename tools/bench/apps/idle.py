"""The smallest page: one Text. Sessions of it sit idle while the server's memory is measured."""

import flet as ft


def main(page: ft.Page) -> None:
    page.add(ft.Text("Hello"))
