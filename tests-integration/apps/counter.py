"""The counter of the "Running Flet with FastAPI" guide (seed 004), word for word."""

import flet as ft
import flet.fastapi as flet_fastapi


async def main(page: ft.Page):
    counter = ft.Text("0", size=50, data=0)

    async def add_click(e):
        counter.data += 1
        counter.value = str(counter.data)
        await counter.update_async()

    page.floating_action_button = ft.FloatingActionButton(icon=ft.icons.ADD, on_click=add_click)
    await page.add_async(ft.Container(counter, alignment=ft.alignment.center, expand=True))


app = flet_fastapi.app(main)
