"""A small library catalogue with one view per route: ``/``, ``/book/<id>`` and ``/loans``.

Routing the 0.21 way: ``on_route_change`` rebuilds ``page.views`` from the route (read with
``TemplateRoute``), ``on_view_pop`` goes back. Written for our tests.
"""

import flet as ft

BOOKS = {
    "1": ("Gardening on a balcony", "R. Moss"),
    "2": ("Knots for sailors", "T. Bowline"),
    "3": ("A year of soups", "L. Leek"),
}


def main(page: ft.Page):
    page.title = "Library"
    loans = []

    def catalogue():
        tiles = [
            ft.ListTile(
                title=ft.Text(title),
                subtitle=ft.Text(author),
                trailing=ft.Icon(ft.icons.CHECK if key in loans else ft.icons.CHEVRON_RIGHT),
                on_click=lambda e, key=key: page.go(f"/book/{key}"),
            )
            for key, (title, author) in BOOKS.items()
        ]
        return ft.View(
            "/",
            [
                ft.AppBar(
                    title=ft.Text("Catalogue"),
                    actions=[ft.TextButton("My loans", on_click=lambda e: page.go("/loans"))],
                ),
                *tiles,
            ],
        )

    def book(key):
        title, author = BOOKS[key]

        def borrow(e):
            if key not in loans:
                loans.append(key)
            page.go("/loans")

        return ft.View(
            f"/book/{key}",
            [
                ft.AppBar(title=ft.Text(title)),
                ft.Text(f"by {author}", italic=True),
                ft.FilledButton("Borrow", disabled=key in loans, on_click=borrow),
            ],
        )

    def loan_list():
        names = [ft.Text(BOOKS[key][0]) for key in loans] or [ft.Text("Nothing borrowed yet")]
        return ft.View("/loans", [ft.AppBar(title=ft.Text("My loans")), *names])

    def route_change(e):
        route = ft.TemplateRoute(page.route)
        page.views.clear()
        page.views.append(catalogue())
        if route.match("/book/:id") and route.id in BOOKS:
            page.views.append(book(route.id))
        elif route.match("/loans"):
            page.views.append(loan_list())
        page.update()

    def view_pop(e):
        page.views.pop()
        page.go(page.views[-1].route)

    page.on_route_change = route_change
    page.on_view_pop = view_pop
    page.go(page.route)
