"""Typing test: a user's app written against `import flet as ft`, never run.

The typecheck session checks this file with `mypy --strict` and with pyright (basedpyright);
each `assert_type` states what both must infer, so a public name that degrades to `Any`, a
Page attribute that loses its type or a method a checker cannot see fails the session. The
`# type: ignore[...]` lines state errors both must report (both flag an unused ignore).

The app: a small team notes board. Sign in with GitHub, write notes, filter and share them
with the other sessions over pubsub, keep a draft in client storage, and change the theme.
"""

# pyright: standard, reportUnnecessaryTypeIgnoreComment=true

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, assert_type

import flet as ft
from flet.auth.providers import GitHubOAuthProvider
from flet.fastapi import FastAPI
from flet_core.client_storage import ClientStorage
from flet_core.login import AuthorizationInfo, AuthUserInfo, OAuthTokenInfo
from flet_core.pickers import FilePickerFile
from flet_core.session_storage import SessionStorage


@dataclass
class Note:
    author: str
    text: str
    pinned: bool = False


class NoteCard(ft.UserControl):
    """A classic 0.21 user control: a card with the note, a pin switch and a delete button."""

    def __init__(self, note: Note, on_delete: ft.EventHandler[ft.ControlEvent]) -> None:
        super().__init__()
        self.note = note
        self.pin = ft.Switch(label="Pinned", value=note.pinned, on_change=self.toggle_pin)
        self.delete = ft.IconButton(icon=ft.icons.DELETE_OUTLINE, tooltip="Delete", on_click=on_delete)

    def build(self) -> ft.Control:
        return ft.Card(
            content=ft.Container(
                content=ft.Column(
                    [
                        ft.Text(self.note.text, size=16, weight=ft.FontWeight.W_500),
                        ft.Row(
                            [ft.Text(f"by {self.note.author}", italic=True), self.pin, self.delete],
                            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
                        ),
                    ],
                    tight=True,
                ),
                padding=ft.padding.symmetric(horizontal=16, vertical=8),
            ),
            elevation=2,
        )

    def toggle_pin(self, e: ft.ControlEvent) -> None:
        assert_type(self.pin.value, bool | None)
        # `Control.page` is typed `Page`: what keeps control.py and page.py in one circle for the type checker
        assert_type(self.pin.page, ft.Page | None)
        self.note.pinned = bool(self.pin.value)
        self.update()


def main(page: ft.Page) -> None:
    # -- the page itself -----------------------------------------------------------------------
    assert_type(page.title, str | None)
    assert_type(page.route, str | None)
    assert_type(page.theme, ft.Theme | None)
    assert_type(page.theme_mode, ft.ThemeMode | None)
    assert_type(page.window_width, float | None)
    assert_type(page.window_maximized, bool | None)
    assert_type(page.platform, ft.PagePlatform | None)
    assert_type(page.web, bool)
    assert_type(page.width, float)
    assert_type(page.controls, list[ft.Control])
    assert_type(page.overlay, list[ft.Control])
    assert_type(page.views, list[ft.View])
    assert_type(page.appbar, ft.AppBar | ft.CupertinoAppBar | None)
    assert_type(page.navigation_bar, ft.NavigationBar | ft.CupertinoNavigationBar | None)
    assert_type(page.floating_action_button, ft.FloatingActionButton | None)
    assert_type(page.vertical_alignment, ft.MainAxisAlignment)
    assert_type(page.scroll, ft.ScrollMode | None)
    assert_type(page.snack_bar, ft.SnackBar | None)
    assert_type(page.banner, ft.Banner | None)
    assert_type(page.query, ft.QueryString)
    assert_type(page.session_id, str)
    page.title = "Notes board"
    page.theme_mode = ft.ThemeMode.LIGHT
    page.theme = ft.Theme(color_scheme_seed=ft.colors.INDIGO, use_material3=True)
    page.dark_theme = ft.Theme(color_scheme_seed=ft.colors.DEEP_PURPLE)
    page.padding = 0
    page.horizontal_alignment = ft.CrossAxisAlignment.STRETCH
    page.window_width = 480
    page.window_min_height = 600.0
    page.window_always_on_top = False

    # -- per-session state, client storage and pubsub ------------------------------------------
    assert_type(page.session, SessionStorage)
    assert_type(page.client_storage, ClientStorage)
    assert_type(page.pubsub, ft.PubSubClient)
    page.session.set("filter", "all")
    assert_type(page.session.contains_key("filter"), bool)
    assert_type(page.client_storage.get_keys("notes."), list[str])
    assert_type(page.client_storage.set("notes.draft", ""), bool)

    notes: list[Note] = []
    board = ft.ListView(expand=True, spacing=8, padding=16, auto_scroll=True)
    assert_type(board.controls, list[ft.Control])

    def render() -> None:
        chosen = page.session.get("filter")
        board.controls = [NoteCard(note, on_delete=remover(note)) for note in notes if chosen == "all" or note.pinned]
        page.update()

    def remover(note: Note) -> ft.EventHandler[ft.ControlEvent]:
        return lambda e: remove(note)

    def remove(note: Note) -> None:
        notes.remove(note)
        page.pubsub.send_others_on_topic("notes", ("removed", note))
        render()

    def on_message(topic: str, message: tuple[str, Note]) -> None:
        kind, note = message
        if kind == "added":
            notes.append(note)
        render()

    page.pubsub.subscribe_topic("notes", on_message)

    # -- signing in ----------------------------------------------------------------------------
    provider = GitHubOAuthProvider(
        client_id="id", client_secret="secret", redirect_url="http://localhost:8550/oauth_callback"
    )
    user_name = ft.Ref[ft.Text]()

    def on_login(e: ft.LoginEvent) -> None:
        assert_type(e.error, str | None)
        auth = page.auth
        assert_type(auth, AuthorizationInfo | None)
        if auth is None or auth.user is None:
            return
        assert_type(auth.user, AuthUserInfo)
        assert_type(auth.user.id, str)
        user_name.current.value = str(auth.user["login"])
        assert_type(auth.user.get("email"), Any)
        token = auth.token
        assert_type(token, OAuthTokenInfo | None)
        if token is not None:
            page.client_storage.set("github.token", token.to_json())
        page.update()

    def sign_in(e: ft.ControlEvent) -> None:
        saved = page.client_storage.get("github.token")
        result = page.login(provider, saved_token=saved, fetch_groups=False, scope=["read:user"])
        assert_type(result, AuthorizationInfo)

    def sign_out(e: ft.ControlEvent) -> None:
        assert_type(page.logout(), None)

    async def sign_in_async(e: ft.ControlEvent) -> None:
        assert_type(await page.login_async(provider), AuthorizationInfo)
        await page.logout_async()

    page.on_login = on_login
    page.on_logout = lambda e: page.update()

    # -- the editor ----------------------------------------------------------------------------
    draft = ft.TextField(
        label="New note",
        hint_text="What's up?",
        multiline=True,
        min_lines=1,
        max_lines=4,
        border=ft.InputBorder.UNDERLINE,
        prefix_icon=ft.icons.EDIT_NOTE,
        keyboard_type=ft.KeyboardType.MULTILINE,
        capitalization=ft.TextCapitalization.SENTENCES,
        expand=True,
    )
    assert_type(draft.value, str | None)
    assert_type(ft.TextField("prefilled").value, str | None)  # 0.21's first parameter, as at run time
    assert_type(ft.Dropdown("amber").value, str | None)
    assert_type(draft.label, str | None)
    pinned = ft.Checkbox(label="Pin it", value=False)
    assert_type(pinned.value, bool | None)
    colour = ft.Dropdown(
        label="Colour",
        options=[ft.dropdown.Option("amber"), ft.dropdown.Option("teal")],
        width=140,
    )
    assert_type(colour.value, str | None)
    assert_type(colour.options, list[ft.dropdown.Option])
    size = ft.Slider(min=10, max=30, divisions=4, value=16, label="{value}")
    assert_type(size.value, int | float | None)

    def add_note(e: ft.ControlEvent) -> None:
        if not draft.value:
            draft.error_text = "Write something first"
            page.update()
            return
        note = Note(author=page.session.get("user") or "me", text=draft.value, pinned=bool(pinned.value))
        notes.append(note)
        page.pubsub.send_others_on_topic("notes", ("added", note))
        draft.value = ""
        page.snack_bar = ft.SnackBar(ft.Text("Note added"), action="Undo", bgcolor=ft.colors.GREEN_100)
        page.snack_bar.open = True
        render()

    save = ft.ElevatedButton("Add", icon=ft.icons.ADD, on_click=add_note)
    assert_type(save.text, str | None)
    assert_type(ft.icons.ADD, Literal["add"])
    assert_type(ft.colors.RED, Literal["red"])
    assert_type(ft.cupertino_icons.ADD, Literal["cupertino_add"])
    assert_type(ft.colors.with_opacity(0.5, ft.colors.BLUE), str)

    # -- dialogs and sheets -------------------------------------------------------------------
    def close_dialog(e: ft.ControlEvent) -> None:
        page.close_dialog()

    confirm = ft.AlertDialog(
        modal=True,
        title=ft.Text("Clear the board?"),
        content=ft.Text("Every note of this session goes."),
        actions=[ft.TextButton("Cancel", on_click=close_dialog), ft.FilledButton("Clear", on_click=close_dialog)],
        actions_alignment=ft.MainAxisAlignment.END,
    )
    assert_type(confirm.actions, list[ft.Control])
    sheet = ft.BottomSheet(ft.Container(ft.Text("Shortcuts"), padding=20), show_drag_handle=True)
    page.show_dialog(confirm)
    page.show_bottom_sheet(sheet)
    page.banner = ft.Banner(
        bgcolor=ft.colors.AMBER_100,
        leading=ft.Icon(ft.icons.WARNING_AMBER_ROUNDED, color=ft.colors.AMBER, size=40),
        content=ft.Text("You are offline."),
        actions=[ft.TextButton("Retry")],
    )
    files = ft.FilePicker(on_result=lambda e: None)
    page.overlay.append(files)

    def picked(e: ft.FilePickerResultEvent) -> None:
        assert_type(e.files, list[FilePickerFile] | None)

    files.on_result = picked

    # -- navigation ----------------------------------------------------------------------------
    def change_tab(e: ft.ControlEvent) -> None:
        assert_type(page.navigation_bar, ft.NavigationBar | ft.CupertinoNavigationBar | None)
        page.go("/settings" if e.data == "1" else "/")

    page.appbar = ft.AppBar(
        leading=ft.Icon(ft.icons.STICKY_NOTE_2),
        title=ft.Text("Notes", ref=user_name),
        center_title=False,
        bgcolor=ft.colors.SURFACE_VARIANT,
        actions=[
            ft.IconButton(ft.icons.LOGIN, on_click=sign_in),
            ft.IconButton(ft.icons.LOGOUT, on_click=sign_out),
            ft.PopupMenuButton(
                items=[
                    ft.PopupMenuItem(text="Pinned only", on_click=lambda e: page.session.set("filter", "pinned")),
                    ft.PopupMenuItem(),
                    ft.PopupMenuItem(text="Clear", on_click=lambda e: page.show_dialog(confirm)),
                ]
            ),
        ],
    )
    page.navigation_bar = ft.NavigationBar(
        destinations=[
            ft.NavigationDestination(icon=ft.icons.NOTES, label="Notes"),
            ft.NavigationDestination(icon=ft.icons.SETTINGS_OUTLINED, label="Settings"),
        ],
        on_change=change_tab,
    )
    page.floating_action_button = ft.FloatingActionButton(icon=ft.icons.ADD, on_click=add_note)

    def settings_view() -> ft.View:
        def set_mode(e: ft.ControlEvent) -> None:
            page.theme_mode = ft.ThemeMode.DARK if e.data == "dark" else ft.ThemeMode.LIGHT
            page.update()

        return ft.View(
            "/settings",
            [
                ft.Text("Settings", style=ft.TextThemeStyle.HEADLINE_SMALL),
                ft.RadioGroup(
                    content=ft.Column([ft.Radio(value="light", label="Light"), ft.Radio(value="dark", label="Dark")]),
                    on_change=set_mode,
                ),
                ft.Divider(height=1),
                ft.Tabs(
                    selected_index=0,
                    tabs=[ft.Tab(text="About", content=ft.Markdown("**Notes** 1.0")), ft.Tab(text="Help")],
                ),
                ft.ProgressBar(value=0.3, color=ft.colors.PRIMARY),
            ],
            appbar=ft.AppBar(title=ft.Text("Settings")),
            padding=ft.padding.all(24),
        )

    def route_change(e: ft.RouteChangeEvent) -> None:
        assert_type(e.route, str)
        page.views.clear()
        page.views.append(
            ft.View(
                "/",
                [
                    ft.ResponsiveRow(
                        [
                            ft.Container(draft, col={"sm": 12, "md": 8}),
                            ft.Row([pinned, colour, save], col={"sm": 12, "md": 4}, wrap=True),
                        ]
                    ),
                    size,
                    board,
                ],
                vertical_alignment=ft.MainAxisAlignment.START,
            )
        )
        route = ft.TemplateRoute(page.route or "/")
        if route.match("/settings"):
            page.views.append(settings_view())
        page.update()

    def view_pop(e: ft.ViewPopEvent) -> None:
        assert_type(e.view, ft.View | None)
        if e.view is not None:
            assert_type(e.view.appbar, ft.AppBar | ft.CupertinoAppBar | None)
            assert_type(e.view.padding, int | float | ft.Padding | None)
        page.views.pop()
        page.go(page.views[-1].route or "/")

    def on_key(e: ft.KeyboardEvent) -> None:
        assert_type(e.key, str)
        assert_type(e.ctrl, bool)
        if e.ctrl and e.key == "Enter":
            add_note(e)

    page.on_route_change = route_change
    page.on_view_pop = view_pop
    page.on_keyboard_event = on_key
    page.on_resize = lambda e: None

    # -- a header with some decoration --------------------------------------------------------
    header = ft.Container(
        content=ft.Stack(
            [
                ft.Image(src="/header.png", fit=ft.ImageFit.COVER, opacity=0.4),
                ft.Text("Team notes", size=28, color=ft.colors.WHITE, text_align=ft.TextAlign.CENTER),
            ]
        ),
        height=120,
        alignment=ft.alignment.center,
        border_radius=ft.border_radius.only(bottom_left=16, bottom_right=16),
        border=ft.border.all(1, ft.colors.OUTLINE),
        margin=ft.margin.only(bottom=8),
        gradient=ft.LinearGradient(colors=[ft.colors.INDIGO_200, ft.colors.BLUE_100]),
        shadow=ft.BoxShadow(blur_radius=8, color=ft.colors.BLACK26),
        animate=ft.animation.Animation(300, ft.AnimationCurve.EASE_OUT),
        on_click=lambda e: page.scroll_to(offset=0, duration=300),
    )
    assert_type(header.content, ft.Control | None)
    assert_type(ft.padding.all(4), ft.Padding)
    assert_type(ft.border_radius.all(4), ft.BorderRadius)
    assert_type(ft.alignment.center, ft.Alignment)
    assert_type(ft.border.all(1), ft.Border)
    assert_type(ft.margin.only(top=2), ft.Margin)
    assert_type(ft.MainAxisAlignment.CENTER, Literal[ft.MainAxisAlignment.CENTER])
    assert_type(ft.FontWeight.BOLD, Literal[ft.FontWeight.BOLD])

    tile = ft.ListTile(
        leading=ft.CircleAvatar(content=ft.Text("N")),
        title=ft.Text("Pinned notes"),
        subtitle=ft.Text("shown first"),
        trailing=ft.Icon(ft.icons.PUSH_PIN),
    )
    assert_type(tile.title, ft.Control | None)
    grid = ft.GridView(runs_count=3, max_extent=120, child_aspect_ratio=1.0)
    assert_type(grid.controls, list[ft.Control])

    page.add(header, tile, grid)
    assert_type(page.add(), None)
    assert_type(page.update(), None)
    assert_type(page.go("/"), None)
    assert_type(page.can_launch_url("https://flet.dev"), bool)
    assert_type(page.get_clipboard(), str | None)
    assert_type(page.run_thread(render), None)

    # what both checkers must reject
    page.login()  # type: ignore[call-arg]
    page.session = None  # type: ignore[assignment]
    ft.Text(size="big")  # type: ignore[arg-type]
    page.theme_mode = "dark"  # type: ignore[assignment]
    page.on_keyboard_event = route_change  # type: ignore[assignment]  # a handler of another event
    page.pubsub = None  # type: ignore[assignment]


# `uvicorn user_app:asgi` serves the app; `python user_app.py` runs it in the browser.
asgi = ft.app(main, name="notes", assets_dir="assets", web_renderer=ft.WebRenderer.HTML, export_asgi_app=True)
assert_type(asgi, FastAPI)

if __name__ == "__main__":
    assert_type(ft.app(target=main, view=ft.AppView.WEB_BROWSER, port=8550), None)
