"""The app the hostile-client tests attack: inputs, guards, a blocking handler, a flood, uploads.

Served with ``uvicorn hostile_app:app``; FLET_SECRET_KEY and FLET_UPLOAD_DIR come from the test.
"""

import os
import threading
import time

import flet as ft
import flet.fastapi as flet_fastapi

lock = threading.Lock()


def main(page: ft.Page):
    counter = ft.Text("0")
    secret = ft.Text("server-owned")
    upload_url = ft.Text("")
    locked = ft.TextField(value="read only", read_only=True)
    name = ft.TextField(value="")

    def count(e):
        with lock:  # sync handlers of one session run two at a time here: no lost increments
            counter.value = str(int(counter.value) + 1)
        counter.update()

    def guarded(e):
        secret.value = "guard bypassed"
        secret.update()

    def block(e):
        time.sleep(2)

    def flood(e):
        for index in range(2000):  # 2 MB of updates
            counter.value = f"flood {index} " + "x" * 1000
            counter.update()
        counter.value = "0"
        counter.update()

    def sign(e):
        upload_url.value = page.get_upload_url("picked.txt", 600)
        upload_url.update()

    page.add(
        counter,
        secret,
        upload_url,
        locked,
        name,
        ft.ElevatedButton("count", on_click=count),
        ft.ElevatedButton("disabled", on_click=guarded, disabled=True),
        ft.ElevatedButton("hidden", on_click=guarded, visible=False),
        ft.Column([ft.ElevatedButton("inside disabled", on_click=guarded)], disabled=True),
        ft.ElevatedButton("block", on_click=block),
        ft.ElevatedButton("flood", on_click=flood),
        ft.ElevatedButton("sign", on_click=sign),
    )


app = flet_fastapi.app(main, upload_dir=os.environ.get("FLET_UPLOAD_DIR"), secret_key="hostile-tests")
