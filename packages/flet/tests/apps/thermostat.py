"""A thermostat panel: themed, styled controls of many kinds, a dialog and a snack bar.

Written for our tests: it touches styles (ButtonStyle by state, gradients, shadows, transforms),
the page's app bar, navigation bar and floating button, and most input and layout controls.
"""

import flet as ft


def main(page: ft.Page):
    page.title = "Thermostat"
    page.theme = ft.Theme(color_scheme_seed="deeporange", use_material3=True)
    page.theme_mode = ft.ThemeMode.LIGHT

    target = ft.Text("20.0 °C", size=40, weight=ft.FontWeight.BOLD)
    mode = ft.Text("Mode: heat")
    log = ft.Column(spacing=2)

    def set_target(e):
        target.value = f"{float(e.control.value):.1f} °C"
        page.update()

    def set_mode(e):
        mode.value = f"Mode: {e.control.value}"
        page.update()

    def ask_reset(e):
        page.dialog = confirm
        confirm.open = True
        page.update()

    def reset(e):
        confirm.open = False
        dial.value = 20
        target.value = "20.0 °C"
        log.controls.append(ft.Text("reset to 20 °C"))
        page.snack_bar = ft.SnackBar(ft.Text("Back to 20 °C"), action="Undo")
        page.snack_bar.open = True
        page.update()

    def keep(e):
        confirm.open = False
        page.update()

    confirm = ft.AlertDialog(
        modal=True,
        title=ft.Text("Reset the schedule?"),
        content=ft.Text("The target goes back to 20 °C."),
        actions=[ft.TextButton("Reset", on_click=reset), ft.TextButton("Keep", on_click=keep)],
        actions_alignment=ft.MainAxisAlignment.END,
    )
    dial = ft.Slider(min=10, max=30, divisions=40, value=20, label="{value} °C", on_change=set_target)

    page.appbar = ft.AppBar(
        leading=ft.Icon(ft.icons.THERMOSTAT),
        title=ft.Text("Living room"),
        bgcolor=ft.colors.SURFACE_VARIANT,
        actions=[
            ft.IconButton(ft.icons.REFRESH, tooltip="Reset", on_click=ask_reset),
            ft.PopupMenuButton(
                items=[ft.PopupMenuItem(text="Rooms"), ft.PopupMenuItem(), ft.PopupMenuItem(text="Away", checked=False)]
            ),
        ],
    )
    page.navigation_bar = ft.NavigationBar(
        destinations=[
            ft.NavigationDestination(icon=ft.icons.HOME, label="Now"),
            ft.NavigationDestination(icon=ft.icons.CALENDAR_MONTH, label="Week"),
        ]
    )
    page.floating_action_button = ft.FloatingActionButton(icon=ft.icons.POWER_SETTINGS_NEW)
    page.add(
        ft.Container(
            content=ft.Column([target, mode], horizontal_alignment=ft.CrossAxisAlignment.CENTER),
            padding=ft.padding.symmetric(vertical=16, horizontal=24),
            border_radius=ft.border_radius.all(16),
            gradient=ft.LinearGradient(
                begin=ft.alignment.top_left,
                end=ft.alignment.bottom_right,
                colors=[ft.colors.ORANGE_100, ft.colors.RED_100],
            ),
            shadow=ft.BoxShadow(blur_radius=8, color=ft.colors.BLACK26, offset=ft.Offset(0, 2)),
            on_click=lambda e: log.controls.append(ft.Text("tapped the display")) or page.update(),
        ),
        dial,
        ft.RadioGroup(
            value="heat",
            on_change=set_mode,
            content=ft.Row(
                [
                    ft.Radio(value="heat", label="Heat"),
                    ft.Radio(value="cool", label="Cool"),
                    ft.Radio(value="off", label="Off"),
                ]
            ),
        ),
        ft.Row(
            [
                ft.Switch(
                    label="Eco",
                    value=False,
                    on_change=lambda e: log.controls.append(ft.Text(f"eco {e.data}")) or page.update(),
                ),
                ft.Checkbox(
                    label="Child lock",
                    on_change=lambda e: log.controls.append(ft.Text(f"lock {e.control.value}")) or page.update(),
                ),
                ft.Dropdown(
                    label="Fan",
                    width=140,
                    options=[ft.dropdown.Option("auto"), ft.dropdown.Option("low"), ft.dropdown.Option("high")],
                    on_change=lambda e: log.controls.append(ft.Text(f"fan {e.data}")) or page.update(),
                ),
            ]
        ),
        ft.ElevatedButton(
            "Boost 30 min",
            style=ft.ButtonStyle(
                color={ft.MaterialState.HOVERED: ft.colors.WHITE, ft.MaterialState.DEFAULT: ft.colors.DEEP_ORANGE},
                bgcolor={ft.MaterialState.HOVERED: ft.colors.DEEP_ORANGE, "": ft.colors.ORANGE_50},
                shape={ft.MaterialState.DEFAULT: ft.RoundedRectangleBorder(radius=6)},
                side={ft.MaterialState.DEFAULT: ft.BorderSide(1, ft.colors.DEEP_ORANGE)},
            ),
            on_click=lambda e: log.controls.append(ft.Text("boost on")) or page.update(),
        ),
        ft.Tabs(
            selected_index=0,
            tabs=[
                ft.Tab(text="Today", content=ft.Text("06:00 21 °C, 22:00 17 °C")),
                ft.Tab(text="Weekend", icon=ft.icons.WEEKEND, content=ft.Text("08:00 21 °C")),
            ],
            height=90,
        ),
        ft.DataTable(
            columns=[ft.DataColumn(ft.Text("Room")), ft.DataColumn(ft.Text("°C"), numeric=True)],
            rows=[
                ft.DataRow(cells=[ft.DataCell(ft.Text(room)), ft.DataCell(ft.Text(t))])
                for room, t in (("Hall", "18"), ("Study", "21"))
            ],
        ),
        ft.ExpansionTile(
            title=ft.Text("History"),
            controls=[ft.ListTile(title=ft.Text("Yesterday: 19.5 °C on average"))],
        ),
        ft.Stack(
            [ft.Container(width=24, height=24, bgcolor=ft.colors.GREEN, left=4, top=4)], width=32, height=32, opacity=0
        ),
        ft.Chip(label=ft.Text("Window open"), leading=ft.Icon(ft.icons.WINDOW), on_click=lambda e: None),
        ft.ProgressBar(value=0.4, width=300),
        log,
    )
