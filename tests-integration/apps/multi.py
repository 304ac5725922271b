"""Two Flet apps under one FastAPI server: one at the root, one under /sub-app."""

import flet as ft
import flet.fastapi as flet_fastapi


async def root_main(page: ft.Page):
    await page.add_async(ft.Text("Front desk"))


async def sub_main(page: ft.Page):
    await page.add_async(ft.Text("Back office"))


app = flet_fastapi.FastAPI()

app.mount("/sub-app", flet_fastapi.app(sub_main))
app.mount("/", flet_fastapi.app(root_main))
