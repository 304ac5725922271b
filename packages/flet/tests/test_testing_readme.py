"""The "Testing your app" section of the flet README shows code that runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import flet as ft
from flet.testing import AppFactory

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE = Path(__file__).resolve().parent / "test_testing_readme_todo.py"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(), flags=re.DOTALL)


def test_the_todo_example_is_the_tested_file() -> None:
    assert EXAMPLE.read_text() in blocks("python")


@pytest.mark.asyncio
async def test_the_snapshot_sample_is_what_the_counter_shows(flet_app: AppFactory) -> None:
    def counter(page: ft.Page) -> None:
        page.title = "Counter"
        count = ft.TextField(value="0", key="count", width=100)

        def add(e: ft.ControlEvent) -> None:
            count.value = str(int(count.value or "0") + 1)
            page.update()

        page.add(ft.Row([ft.IconButton(ft.icons.REMOVE), count, ft.IconButton(ft.icons.ADD, on_click=add)]))

    app = await flet_app(counter)
    await app.click(type=ft.IconButton, where=lambda e: e.get("icon") == "add")
    (sample,) = blocks("text")
    assert app.snapshot() == sample.strip()
