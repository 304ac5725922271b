"""Flet added to an existing FastAPI app with its own lifespan (seed 004)."""

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


@app.get("/api/hello")
async def hello():
    return {"hello": "world"}


async def main(page: ft.Page):
    await page.add_async(ft.Text("Hello, Flet!"))


app.mount("/flet-app", flet_fastapi.app(main))
