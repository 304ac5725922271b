"""Pubsub fan-out, async: pubsub_sync.py with coroutine main, handler and subscriber."""

import flet as ft


async def main(page: ft.Page) -> None:
    last = ft.Text("none")

    async def on_message(message: str) -> None:
        last.value = message
        page.update()

    async def send(e: ft.ControlEvent) -> None:
        page.pubsub.send_all(e.data)

    page.pubsub.subscribe(on_message)
    page.add(ft.ElevatedButton("send", on_click=send), last)
