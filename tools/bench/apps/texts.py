"""10,000 Text controls and a button that changes every one of them, then calls page.update()."""

import os

import flet as ft

SIZE = int(os.environ.get("BENCH_TEXTS", "10000"))


def main(page: ft.Page) -> None:
    texts = [ft.Text(f"item {i}") for i in range(SIZE)]

    def change_all(e: ft.ControlEvent) -> None:
        for i, text in enumerate(texts):
            text.value = f"{e.data} {i}"
        page.update()

    page.add(ft.ElevatedButton("change all", on_click=change_all), *texts)
