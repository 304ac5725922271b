from __future__ import annotations

import pytest

import flet as ft
from flet.testing import AppFactory


def todo_app(page: ft.Page) -> None:
    page.title = "Todo"
    new_task = ft.TextField(hint_text="What needs to be done?", expand=True)
    tasks = ft.Column()
    items_left = ft.Text()

    def count_left() -> None:
        left = sum(1 for row in tasks.controls if not row.controls[0].value)
        items_left.value = f"{left} item{'' if left == 1 else 's'} left"

    def add(e: ft.ControlEvent) -> None:
        if not new_task.value:
            new_task.error_text = "Type a task first"
            page.update()
            return
        row = ft.Row()
        row.controls = [
            ft.Checkbox(label=new_task.value, on_change=checked),
            ft.IconButton(ft.icons.DELETE_OUTLINE, tooltip="Delete", on_click=lambda e: delete(row)),
        ]
        tasks.controls.append(row)
        new_task.value, new_task.error_text = "", None
        count_left()
        page.update()

    def checked(e: ft.ControlEvent) -> None:
        count_left()
        page.update()

    def delete(row: ft.Row) -> None:
        tasks.controls.remove(row)
        count_left()
        page.update()

    new_task.on_submit = add
    count_left()
    page.add(ft.Row([new_task, ft.FloatingActionButton(icon=ft.icons.ADD, on_click=add)]), tasks, items_left)


@pytest.mark.asyncio
async def test_adding_checking_and_deleting_tasks(flet_app: AppFactory) -> None:
    app = await flet_app(todo_app)
    assert app.sees("0 items left")

    await app.click(type=ft.FloatingActionButton)  # nothing typed yet
    assert app.find("What needs to be done?").get("errortext") == "Type a task first"

    await app.type("What needs to be done?", "Buy milk")
    await app.submit()  # Enter in the focused field
    await app.type("What needs to be done?", "Walk the dog")
    await app.click(type=ft.FloatingActionButton)
    assert app.sees("2 items left")

    await app.click("Buy milk")  # the checkbox's label
    assert app.find("Buy milk").value == "true"
    assert app.sees("1 item left")

    walk_the_dog = app.find("Walk the dog").parent  # the task's row
    await app.click(walk_the_dog.find("Delete"))
    assert not app.sees("Walk the dog")
    assert app.snapshot() == (
        'page route="/" title="Todo"\n'
        "└─ view\n"
        "   ├─ row\n"
        '   │  ├─ textfield hinttext="What needs to be done?"\n'
        '   │  └─ floatingactionbutton icon="add"\n'
        "   ├─ column\n"
        "   │  └─ row\n"
        '   │     ├─ checkbox value="true" label="Buy milk"\n'
        '   │     └─ iconbutton tooltip="Delete" icon="delete_outline"\n'
        '   └─ text "0 items left"'
    )
