"""A Flet app that signs in with the stand-in provider named by FAKE_PROVIDER_URL."""

import os

import flet as ft
import flet.fastapi as flet_fastapi
from flet.auth import OAuthProvider

PROVIDER = os.environ["FAKE_PROVIDER_URL"]
APP = os.environ["APP_URL"]


def main(page: ft.Page):
    provider = OAuthProvider(
        client_id="cid",
        client_secret="csecret",
        authorization_endpoint=f"{PROVIDER}/authorize",
        token_endpoint=f"{PROVIDER}/token",
        redirect_url=f"{APP}/oauth_callback",
        user_endpoint=f"{PROVIDER}/user",
        user_id_fn=lambda user: user["id"],
        scopes=["read:user"],
    )
    status = ft.Text("signed out")

    def on_login(e):
        if e.error:
            status.value = f"error: {e.error}"
        else:
            status.value = f"Hello, {page.auth.user['login']} ({page.auth.user.id})"
        status.update()

    page.on_login = on_login
    page.add(status, ft.ElevatedButton("Sign in", on_click=lambda e: page.login(provider)))


app = flet_fastapi.app(main)
