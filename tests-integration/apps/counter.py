"""A tally served by flet.fastapi: the big number counts presses of the + button (async handlers)."""

import flet as ft
import flet.fastapi as flet_fastapi


async def main(page: ft.Page):
    tally = ft.Text("0", size=64, weight=ft.FontWeight.W_300)
    presses = 0

    async def press(e):
        nonlocal presses
        presses += 1
        tally.value = str(presses)
        await tally.update_async()

    page.floating_action_button = ft.FloatingActionButton(icon=ft.icons.ADD, tooltip="One more", on_click=press)
    await page.add_async(ft.Row([tally], alignment=ft.MainAxisAlignment.CENTER))


app = flet_fastapi.app(main)
