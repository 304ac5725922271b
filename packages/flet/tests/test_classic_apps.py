"""Classic Flet 0.21 apps (the shapes of the documentation examples) run unchanged under the testing kit."""

from __future__ import annotations

import asyncio

import pytest

import flet as ft
from flet.testing import open as open_app


# 1. classic todo app with UserControl (0.20 style)
class Task(ft.UserControl):
    def __init__(self, task_name, task_status_change, task_delete):
        super().__init__()
        self.completed = False
        self.task_name = task_name
        self.task_status_change = task_status_change
        self.task_delete = task_delete

    def build(self):
        self.display_task = ft.Checkbox(value=False, label=self.task_name, on_change=self.status_changed)
        self.edit_name = ft.TextField(expand=1)
        self.display_view = ft.Row(
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
            controls=[
                self.display_task,
                ft.Row(
                    spacing=0,
                    controls=[
                        ft.IconButton(icon=ft.icons.CREATE_OUTLINED, tooltip="Edit To-Do", on_click=self.edit_clicked),
                        ft.IconButton(ft.icons.DELETE_OUTLINE, tooltip="Delete To-Do", on_click=self.delete_clicked),
                    ],
                ),
            ],
        )
        self.edit_view = ft.Row(
            visible=False,
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
            controls=[
                self.edit_name,
                ft.IconButton(
                    icon=ft.icons.DONE_OUTLINE_OUTLINED,
                    icon_color=ft.colors.GREEN,
                    tooltip="Update To-Do",
                    on_click=self.save_clicked,
                ),
            ],
        )
        return ft.Column(controls=[self.display_view, self.edit_view])

    def edit_clicked(self, e):
        self.edit_name.value = self.display_task.label
        self.display_view.visible = False
        self.edit_view.visible = True
        self.update()

    def save_clicked(self, e):
        self.display_task.label = self.edit_name.value
        self.display_view.visible = True
        self.edit_view.visible = False
        self.update()

    def status_changed(self, e):
        self.completed = self.display_task.value
        self.task_status_change(self)

    def delete_clicked(self, e):
        self.task_delete(self)


class TodoApp(ft.UserControl):
    def build(self):
        self.new_task = ft.TextField(hint_text="Whats needs to be done?", on_submit=self.add_clicked, expand=True)
        self.tasks = ft.Column()
        self.filter = ft.Tabs(
            scrollable=False,
            selected_index=0,
            on_change=self.tabs_changed,
            tabs=[ft.Tab(text="all"), ft.Tab(text="active"), ft.Tab(text="completed")],
        )
        self.items_left = ft.Text("0 items left")
        return ft.Column(
            width=600,
            controls=[
                ft.Row(
                    [ft.Text(value="Todos", style=ft.TextThemeStyle.HEADLINE_MEDIUM)],
                    alignment=ft.MainAxisAlignment.CENTER,
                ),
                ft.Row(controls=[self.new_task, ft.FloatingActionButton(icon=ft.icons.ADD, on_click=self.add_clicked)]),
                ft.Column(
                    spacing=25,
                    controls=[
                        self.filter,
                        self.tasks,
                        ft.Row(
                            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
                            vertical_alignment=ft.CrossAxisAlignment.CENTER,
                            controls=[
                                self.items_left,
                                ft.OutlinedButton(text="Clear completed", on_click=self.clear_clicked),
                            ],
                        ),
                    ],
                ),
            ],
        )

    def add_clicked(self, e):
        if self.new_task.value:
            task = Task(self.new_task.value, self.task_status_change, self.task_delete)
            self.tasks.controls.append(task)
            self.new_task.value = ""
            self.new_task.focus()
            self.update()

    def task_status_change(self, task):
        self.update()

    def task_delete(self, task):
        self.tasks.controls.remove(task)
        self.update()

    def tabs_changed(self, e):
        self.update()

    def clear_clicked(self, e):
        for task in self.tasks.controls[:]:
            if task.completed:
                self.task_delete(task)

    def update(self):
        status = self.filter.tabs[self.filter.selected_index].text
        count = 0
        for task in self.tasks.controls:
            task.visible = (
                status == "all"
                or (status == "active" and not task.completed)
                or (status == "completed" and task.completed)
            )
            if not task.completed:
                count += 1
        self.items_left.value = f"{count} active item(s) left"
        super().update()


def todo_main(page: ft.Page):
    page.title = "ToDo App"
    page.horizontal_alignment = ft.CrossAxisAlignment.CENTER
    page.scroll = ft.ScrollMode.ADAPTIVE
    page.add(TodoApp())


# 2. routing example
def routing_main(page: ft.Page):
    page.title = "Routes Example"

    def route_change(route):
        page.views.clear()
        page.views.append(
            ft.View(
                "/",
                [
                    ft.AppBar(title=ft.Text("Flet app"), bgcolor=ft.colors.SURFACE_VARIANT),
                    ft.ElevatedButton("Visit Store", on_click=lambda _: page.go("/store")),
                ],
            )
        )
        if page.route == "/store":
            page.views.append(
                ft.View(
                    "/store",
                    [
                        ft.AppBar(title=ft.Text("Store"), bgcolor=ft.colors.SURFACE_VARIANT),
                        ft.ElevatedButton("Go Home", on_click=lambda _: page.go("/")),
                    ],
                )
            )
        page.update()

    def view_pop(view):
        page.views.pop()
        top_view = page.views[-1]
        page.go(top_view.route)

    page.on_route_change = route_change
    page.on_view_pop = view_pop
    page.go(page.route)


# 3. styled buttons, theme, containers, dialogs, snack bar
def styles_main(page: ft.Page):
    page.theme = ft.Theme(color_scheme_seed="green", use_material3=True)
    page.theme_mode = ft.ThemeMode.LIGHT
    page.fonts = {"Roboto": "/fonts/Roboto.ttf"}

    def open_dlg(e):
        page.dialog = dlg
        dlg.open = True
        page.update()

    def close_dlg(e):
        dlg.open = False
        page.update()

    dlg = ft.AlertDialog(
        modal=True,
        title=ft.Text("Please confirm"),
        content=ft.Text("Do you really?"),
        actions=[ft.TextButton("Yes", on_click=close_dlg), ft.TextButton("No", on_click=close_dlg)],
        actions_alignment=ft.MainAxisAlignment.END,
        on_dismiss=lambda e: print("dismissed"),
    )

    def snack(e):
        page.snack_bar = ft.SnackBar(ft.Text("Hello"), action="OK")
        page.snack_bar.open = True
        page.update()

    page.add(
        ft.ElevatedButton(
            "Styled",
            style=ft.ButtonStyle(
                color={ft.MaterialState.HOVERED: ft.colors.WHITE, ft.MaterialState.DEFAULT: ft.colors.BLACK},
                bgcolor={ft.MaterialState.FOCUSED: ft.colors.PINK_200, "": ft.colors.YELLOW},
                padding={ft.MaterialState.HOVERED: 20},
                overlay_color=ft.colors.TRANSPARENT,
                elevation={"pressed": 0, "": 1},
                animation_duration=500,
                side={ft.MaterialState.DEFAULT: ft.BorderSide(1, ft.colors.BLUE)},
                shape={
                    ft.MaterialState.HOVERED: ft.RoundedRectangleBorder(radius=20),
                    ft.MaterialState.DEFAULT: ft.RoundedRectangleBorder(radius=2),
                },
            ),
        ),
        ft.Container(
            content=ft.Text("box"),
            padding=ft.padding.all(10),
            margin=10,
            bgcolor=ft.colors.AMBER_100,
            border=ft.border.all(2, ft.colors.RED),
            border_radius=ft.border_radius.all(8),
            alignment=ft.alignment.center,
            gradient=ft.LinearGradient(
                begin=ft.alignment.top_center, end=ft.alignment.bottom_center, colors=[ft.colors.BLUE, ft.colors.YELLOW]
            ),
            shadow=ft.BoxShadow(
                spread_radius=1,
                blur_radius=15,
                color=ft.colors.BLUE_GREY_300,
                offset=ft.Offset(0, 0),
                blur_style=ft.ShadowBlurStyle.OUTER,
            ),
            animate=ft.animation.Animation(1000, ft.AnimationCurve.BOUNCE_OUT),
            on_click=open_dlg,
            ink=True,
            width=150,
            height=150,
            rotate=ft.transform.Rotate(0.1, alignment=ft.alignment.center),
            scale=ft.transform.Scale(1.1),
            offset=ft.transform.Offset(0, 0),
            animate_rotation=300,
        ),
        ft.Text(
            "Styled text",
            size=30,
            weight=ft.FontWeight.BOLD,
            italic=True,
            color=ft.colors.with_opacity(0.5, ft.colors.RED),
            spans=[ft.TextSpan("span", ft.TextStyle(decoration=ft.TextDecoration.UNDERLINE), on_click=lambda e: None)],
        ),
        ft.Dropdown(
            label="Color", options=[ft.dropdown.Option("Red"), ft.dropdown.Option("Green")], on_change=lambda e: None
        ),
        ft.ResponsiveRow(
            [ft.Container(ft.Text("c1"), col={"sm": 6, "md": 4}), ft.Container(ft.Text("c2"), col={"sm": 6})]
        ),
        ft.ElevatedButton("snack", on_click=snack),
        ft.Slider(min=0, max=100, divisions=10, label="{value}%"),
        ft.Switch(label="s", value=True),
        ft.Radio(value="a"),
        ft.RadioGroup(content=ft.Column([ft.Radio(value="red", label="Red"), ft.Radio(value="green", label="Green")])),
        ft.ListView(
            [
                ft.ListTile(
                    title=ft.Text("t"),
                    leading=ft.Icon(ft.icons.ALBUM),
                    trailing=ft.PopupMenuButton(items=[ft.PopupMenuItem(text="Item 1")]),
                )
            ],
            expand=1,
            spacing=10,
            padding=20,
            auto_scroll=True,
        ),
        ft.GridView(
            runs_count=5,
            max_extent=150,
            child_aspect_ratio=1.0,
            spacing=5,
            run_spacing=5,
            controls=[
                ft.Image(
                    src="https://picsum.photos/150/150?1",
                    fit=ft.ImageFit.NONE,
                    repeat=ft.ImageRepeat.NO_REPEAT,
                    border_radius=ft.border_radius.all(10),
                )
            ],
        ),
        ft.DataTable(
            columns=[ft.DataColumn(ft.Text("First name")), ft.DataColumn(ft.Text("Age"), numeric=True)],
            rows=[ft.DataRow(cells=[ft.DataCell(ft.Text("John")), ft.DataCell(ft.Text("43"))])],
        ),
        ft.Tabs(
            selected_index=1,
            animation_duration=300,
            tabs=[
                ft.Tab(text="Tab 1", content=ft.Container(ft.Text("This is Tab 1"))),
                ft.Tab(tab_content=ft.Icon(ft.icons.SEARCH), content=ft.Text("This is Tab 2")),
                ft.Tab(text="Tab 3", icon=ft.icons.SETTINGS, content=ft.Text("This is Tab 3")),
            ],
            expand=1,
        ),
        ft.Stack([ft.Container(width=20, height=20, bgcolor=ft.colors.RED, left=0, top=0)], width=40, height=40),
        ft.Markdown(
            "# Title\n\n* a",
            selectable=True,
            extension_set=ft.MarkdownExtensionSet.GITHUB_WEB,
            on_tap_link=lambda e: page.launch_url(e.data),
        ),
        ft.CupertinoButton(content=ft.Text("c"), bgcolor=ft.colors.PRIMARY, on_click=lambda e: None),
        ft.ProgressBar(width=400, color="amber", bgcolor="#eeeeee"),
        ft.ProgressRing(),
        ft.Card(
            content=ft.Container(
                content=ft.Column(
                    [ft.ListTile(leading=ft.Icon(ft.icons.ALBUM), title=ft.Text("The Enchanted Nightingale"))]
                ),
                width=400,
                padding=10,
            )
        ),
        ft.Chip(label=ft.Text("Chicken"), leading=ft.Icon(ft.icons.ADD), on_click=lambda e: None),
        ft.ExpansionTile(
            title=ft.Text("ExpansionTile 1"),
            subtitle=ft.Text("Trailing expansion arrow icon"),
            affinity=ft.TileAffinity.PLATFORM,
            maintain_state=True,
            collapsed_text_color=ft.colors.RED,
            text_color=ft.colors.RED,
            controls=[ft.ListTile(title=ft.Text("This is sub-tile number 1"))],
        ),
    )
    page.floating_action_button = ft.FloatingActionButton(icon=ft.icons.ADD)
    page.appbar = ft.AppBar(
        leading=ft.Icon(ft.icons.PALETTE),
        leading_width=40,
        title=ft.Text("AppBar Example"),
        center_title=False,
        bgcolor=ft.colors.SURFACE_VARIANT,
        actions=[
            ft.IconButton(ft.icons.WB_SUNNY_OUTLINED),
            ft.PopupMenuButton(
                items=[
                    ft.PopupMenuItem(text="Item 1"),
                    ft.PopupMenuItem(),
                    ft.PopupMenuItem(text="Checked item", checked=False),
                ]
            ),
        ],
    )
    page.navigation_bar = ft.NavigationBar(
        destinations=[
            ft.NavigationDestination(icon=ft.icons.EXPLORE, label="Explore"),
            ft.NavigationDestination(icon=ft.icons.COMMUTE, label="Commute"),
        ]
    )
    page.update()


# 4. async app old style + pubsub + session + client storage
async def async_main(page: ft.Page):
    page.session.set("k", 1)

    async def on_msg(msg):
        await page.add_async(ft.Text(msg))

    await page.pubsub.subscribe_async(on_msg)

    async def click(e):
        await page.pubsub.send_all_async("hello")
        await asyncio.sleep(0.01)

    await page.add_async(ft.ElevatedButton("send", on_click=click))


# these apps use the 0.20-era APIs on purpose (UserControl, *_async): they must keep working
pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


async def test_todo():
    async with open_app(todo_main) as app:
        field = app.find(type=ft.TextField)
        await app.type(field, "buy milk")
        await app.submit(field)
        assert app.sees("buy milk")
        await app.click(app.find(type=ft.Checkbox))
        assert app.sees("0 active item(s) left")
        await app.click(app.find(text="completed"))
        await app.click(app.find(text="Clear completed"))
        assert not app.sees("buy milk")


async def test_routing():
    async with open_app(routing_main) as app:
        await app.click(app.find(text="Visit Store"))
        assert app.sees("Store")
        await app.back()
        assert app.sees("Visit Store")


async def test_styles():
    async with open_app(styles_main) as app:
        await app.click(app.find(text="box"))
        assert app.sees("Please confirm")
        await app.click(app.find(text="Yes"))
        await app.click(app.find(text="snack"))


async def test_async_pubsub():
    async with open_app(async_main) as app:
        await app.click(app.find(text="send"))
        await app.wait_for(lambda: app.sees("hello"))
