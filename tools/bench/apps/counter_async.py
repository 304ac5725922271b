"""Counter with async handlers: the same page as counter_sync.py, its main and handlers coroutines."""

import flet as ft


async def main(page: ft.Page) -> None:
    number = ft.TextField(value="0", text_align=ft.TextAlign.RIGHT, width=100)

    def step(delta: int):
        async def handler(e: ft.ControlEvent) -> None:
            number.value = str(int(number.value or "0") + delta)
            page.update()

        return handler

    page.add(
        ft.Row(
            [ft.IconButton(ft.icons.REMOVE, on_click=step(-1)), number, ft.IconButton(ft.icons.ADD, on_click=step(1))],
            alignment=ft.MainAxisAlignment.CENTER,
        )
    )
