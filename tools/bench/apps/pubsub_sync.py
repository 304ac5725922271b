"""Pubsub fan-out, sync: every session shows the last message; its button sends one to all sessions."""

import flet as ft


def main(page: ft.Page) -> None:
    last = ft.Text("none")

    def on_message(message: str) -> None:
        last.value = message
        page.update()

    def send(e: ft.ControlEvent) -> None:
        page.pubsub.send_all(e.data)

    page.pubsub.subscribe(on_message)
    page.add(ft.ElevatedButton("send", on_click=send), last)
