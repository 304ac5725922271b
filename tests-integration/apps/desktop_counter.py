"""The classic counter as a desktop app: `python desktop_counter.py [view]` opens the Flet window.

Prints ``VALUE <n>`` whenever the count changes, so a test can follow the session's state.
"""

import sys

import flet as ft


def main(page: ft.Page):
    page.title = "Desktop counter"
    number = ft.TextField(value="0", text_align=ft.TextAlign.RIGHT, width=100)

    def change(delta):
        def handler(e):
            number.value = str(int(number.value) + delta)
            page.update()
            print(f"VALUE {number.value}", flush=True)

        return handler

    page.add(
        ft.Row(
            [
                ft.IconButton(ft.icons.REMOVE, on_click=change(-1)),
                number,
                ft.IconButton(ft.icons.ADD, on_click=change(1)),
            ],
            alignment=ft.MainAxisAlignment.CENTER,
        )
    )
    print("RENDERED", flush=True)


ft.app(main, view=ft.AppView(sys.argv[1]) if len(sys.argv) > 1 else ft.AppView.FLET_APP)
