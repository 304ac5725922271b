"""A shopping list in the 0.20 style: ``UserControl`` subclasses that build their own content.

Each entry has a quantity stepper, a "got it" checkbox, and an edit mode; the list filters by
what is still to buy and counts what is left. Written for our tests, in the style 0.20 apps used.
"""

import flet as ft


class Entry(ft.UserControl):
    def __init__(self, name, on_changed, on_remove):
        super().__init__()
        self.name = name
        self.quantity = 1
        self.on_changed = on_changed
        self.on_remove = on_remove
        self.got = ft.Checkbox(label=name, on_change=lambda e: self.on_changed())

    @property
    def bought(self):
        return bool(self.got.value)

    def build(self):
        self.count = ft.Text("x1", width=40)
        self.rename_field = ft.TextField(value=self.name, dense=True, expand=True, on_submit=self.rename)
        self.show_row = ft.Row(
            [
                self.got,
                ft.Row(
                    [
                        ft.IconButton(ft.icons.REMOVE, tooltip="One less", on_click=self.less),
                        self.count,
                        ft.IconButton(ft.icons.ADD, tooltip="One more", on_click=self.more),
                        ft.IconButton(ft.icons.EDIT, tooltip="Rename", on_click=self.start_rename),
                        ft.IconButton(ft.icons.CLOSE, tooltip="Remove", on_click=lambda e: self.on_remove(self)),
                    ],
                    spacing=2,
                ),
            ],
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
        )
        self.rename_row = ft.Row([self.rename_field, ft.TextButton("Save", on_click=self.rename)], visible=False)
        return ft.Column([self.show_row, self.rename_row], spacing=0)

    def less(self, e):
        self.quantity = max(1, self.quantity - 1)
        self.count.value = f"x{self.quantity}"
        self.update()

    def more(self, e):
        self.quantity += 1
        self.count.value = f"x{self.quantity}"
        self.update()

    def start_rename(self, e):
        self.show_row.visible = False
        self.rename_row.visible = True
        self.update()

    def rename(self, e):
        self.name = self.rename_field.value or self.name
        self.got.label = self.name
        self.show_row.visible = True
        self.rename_row.visible = False
        self.update()


class ShoppingList(ft.UserControl):
    def build(self):
        self.new_name = ft.TextField(label="Something to buy", on_submit=self.add, expand=True)
        self.entries = ft.Column()
        self.view = ft.RadioGroup(
            value="all",
            on_change=lambda e: self.update(),
            content=ft.Row([ft.Radio(value="all", label="All"), ft.Radio(value="left", label="Still to buy")]),
        )
        self.summary = ft.Text()
        return ft.Column(
            [
                ft.Text("Shopping", size=28, weight=ft.FontWeight.W_600),
                ft.Row([self.new_name, ft.ElevatedButton("Add", icon=ft.icons.ADD_SHOPPING_CART, on_click=self.add)]),
                self.view,
                self.entries,
                ft.Row([self.summary, ft.OutlinedButton("Drop what I have", on_click=self.drop_bought)]),
            ],
            width=520,
        )

    def add(self, e):
        if self.new_name.value:
            self.entries.controls.append(Entry(self.new_name.value, self.update, self.remove))
            self.new_name.value = ""
            self.update()

    def remove(self, entry):
        self.entries.controls.remove(entry)
        self.update()

    def drop_bought(self, e):
        for entry in list(self.entries.controls):
            if entry.bought:
                self.entries.controls.remove(entry)
        self.update()

    def update(self):
        left = 0
        for entry in self.entries.controls:
            entry.visible = self.view.value == "all" or not entry.bought
            left += 0 if entry.bought else 1
        self.summary.value = f"{left} to buy"
        super().update()


def main(page: ft.Page):
    page.title = "Shopping"
    page.add(ShoppingList())
