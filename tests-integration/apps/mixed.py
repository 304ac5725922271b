"""The release notes' mixed sync and async handlers (seed 002), with shorter sleeps."""

import asyncio
import time

import flet as ft
from flet.app import app as flet_app


def main(page: ft.Page):
    def handler(e):
        time.sleep(0.3)
        page.add(ft.Text("Handler clicked"))

    async def handler_async(e):
        await asyncio.sleep(0.3)
        page.add(ft.Text("Async handler clicked"))

    page.add(
        ft.ElevatedButton("Call handler", on_click=handler),
        ft.ElevatedButton("Call async handler", on_click=handler_async),
    )


if __name__ == "__main__":
    flet_app(main)
