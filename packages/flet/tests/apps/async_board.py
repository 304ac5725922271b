"""A message board in the 0.21 async style: ``*_async`` calls, pubsub between sessions, session state.

Written for our tests: each session posts under a nickname kept in ``page.session``; every
session's board shows what any session posted.
"""

import flet as ft


async def main(page: ft.Page):
    page.session.set("nick", "guest")
    board = ft.Column()

    async def on_post(text):
        board.controls.append(ft.Text(text))
        await page.update_async()

    await page.pubsub.subscribe_async(on_post)

    async def post(e):
        if message.value:
            await page.pubsub.send_all_async(f"{page.session.get('nick')}: {message.value}")
            message.value = ""
            await page.update_async()

    async def rename(e):
        page.session.set("nick", nick.value or "guest")

    nick = ft.TextField(label="Nickname", value="guest", on_change=rename, width=160)
    message = ft.TextField(label="Message", on_submit=post, expand=True)
    await page.add_async(ft.Row([nick, message, ft.ElevatedButton("Post", on_click=post)]), board)
