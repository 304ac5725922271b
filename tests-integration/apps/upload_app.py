"""A FilePicker that uploads what the user picks (needs FLET_SECRET_KEY and FLET_UPLOAD_DIR)."""

import flet as ft
from flet.app import app as flet_app


def main(page: ft.Page):
    status = ft.Text("nothing uploaded")

    def picked(e):
        if e.files:
            picker.upload(
                [ft.FilePickerUploadFile(f.name, upload_url=page.get_upload_url(f.name, 600)) for f in e.files]
            )

    def progressed(e):
        if e.error:
            status.value = f"upload failed: {e.error}"
        elif e.progress == 1:
            status.value = f"uploaded {e.file_name}"
        status.update()

    picker = ft.FilePicker(on_result=picked, on_upload=progressed)
    page.overlay.append(picker)
    page.add(ft.ElevatedButton("Pick a file", on_click=lambda _: picker.pick_files()), status)


app = flet_app(main, export_asgi_app=True)
