"""A Flet app mounted into a FastAPI app that has its own API route and lifespan."""

from contextlib import asynccontextmanager

from fastapi import FastAPI

import flet as ft
import flet.fastapi as flet_fastapi


@asynccontextmanager
async def lifespan(app: FastAPI):
    await flet_fastapi.app_manager.start()
    yield
    await flet_fastapi.app_manager.shutdown()


app = FastAPI(lifespan=lifespan)


@app.get("/api/status")
async def status():
    return {"status": "up"}


async def main(page: ft.Page):
    await page.add_async(ft.Text("Flet next to an API"))


app.mount("/flet-app", flet_fastapi.app(main))
