"""A small tour of Flet: a counter, a validated form, Cupertino controls, and two routed views.

Run it with ``python -m flet.demo`` (``bash tools/run.sh`` in a checkout sets everything up).
A control missing from the catalog is replaced by a note, so the demo always starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import flet as ft

__all__ = ["main"]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _control(name: str, *args: Any, **kwargs: Any) -> Any:
    """``ft.<name>(*args, **kwargs)``, or a note when this build lacks the control."""
    factory: Callable[..., Any] | None = getattr(ft, name, None)
    if factory is None:
        return ft.Text(f"({name} is not available in this build)", italic=True)
    try:
        return factory(*args, **kwargs)
    except (TypeError, ValueError) as error:
        return ft.Text(f"({name} could not be built: {error})", italic=True)


def _counter() -> Any:
    count = ft.Text("0", size=40, key="counter-value")

    def change(delta: int) -> Callable[[Any], None]:
        def handler(_: Any) -> None:
            count.value = str(int(count.value or "0") + delta)
            count.update()

        return handler

    return ft.Column(
        [
            ft.Text("Counter", size=20, weight=ft.FontWeight.BOLD),
            ft.Row(
                [
                    _control("IconButton", icon=ft.icons.REMOVE, tooltip="Decrement", on_click=change(-1)),
                    count,
                    _control("IconButton", icon=ft.icons.ADD, tooltip="Increment", on_click=change(1)),
                ],
                alignment=ft.MainAxisAlignment.CENTER,
            ),
        ],
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
    )


def _form() -> Any:
    name = ft.TextField(label="Name", width=320)
    email = ft.TextField(label="E-mail", width=320)
    agree = ft.Checkbox(label="I agree to the terms")
    result = ft.Text("")

    def submit(_: Any) -> None:
        name.error_text = None if (name.value or "").strip() else "Please enter your name"
        email.error_text = None if _EMAIL.match(email.value or "") else "Please enter a valid e-mail address"
        problems = sum(field.error_text is not None for field in (name, email))
        if not agree.value:
            problems += 1
            result.value = "Please accept the terms."
        elif problems:
            result.value = "Please correct the fields above."
        else:
            result.value = f"Thank you, {(name.value or '').strip()}!"
        for control in (name, email, result):
            control.update()

    return ft.Column(
        [
            ft.Text("Form with validation", size=20, weight=ft.FontWeight.BOLD),
            name,
            email,
            agree,
            ft.ElevatedButton("Submit", on_click=submit),
            result,
        ]
    )


def _cupertino() -> Any:
    status = ft.Text("Switch is off")

    def toggled(event: Any) -> None:
        status.value = f"Switch is {'on' if event.control.value else 'off'}"
        status.update()

    return ft.Column(
        [
            ft.Text("Cupertino", size=20, weight=ft.FontWeight.BOLD),
            ft.Row([_control("CupertinoSwitch", value=False, on_change=toggled), status]),
            _control("CupertinoSlider", value=0.3, width=320),
            _control("CupertinoButton", content=ft.Text("Cupertino button"), on_click=lambda _: None),
            _control("CupertinoActivityIndicator"),
        ]
    )


def main(page: ft.Page) -> None:
    """The demo's session handler."""
    page.title = "Flet demo"

    def views() -> None:
        page.views.clear()
        page.views.append(
            ft.View(
                "/",
                [
                    ft.AppBar(title=ft.Text("Flet demo")),
                    _counter(),
                    ft.Divider(),
                    _form(),
                    ft.Divider(),
                    _cupertino(),
                    ft.Divider(),
                    ft.ElevatedButton("About this demo", on_click=lambda _: page.go("/about")),
                ],
                scroll=ft.ScrollMode.AUTO,
            )
        )
        if page.route == "/about":
            page.views.append(
                ft.View(
                    "/about",
                    [
                        ft.AppBar(title=ft.Text("About")),
                        ft.Text("A FastAPI + uvicorn server rendering Flet 0.21 controls."),
                        ft.ElevatedButton("Back to the demo", on_click=lambda _: page.go("/")),
                    ],
                )
            )
        page.update()

    def route_changed(_: Any) -> None:
        views()

    def view_popped(_: Any) -> None:
        page.go("/")

    page.on_route_change = route_changed
    page.on_view_pop = view_popped
    views()


if __name__ == "__main__":
    from flet.app import app

    app(main)
