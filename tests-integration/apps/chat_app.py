"""A chat served by several processes (run one uvicorn per port with the same FLET_PUBSUB_URL).

The page shows its process id, and counts what its subscribers received: ``all T D`` (general
messages received / distinct), ``room R`` (topic messages) and ``others O`` (send_others).
Buttons: "burst" sends five general messages, "others" one send_others, "join" subscribes to
the topic "room", "room" sends one message on it.
"""

import logging
import os
import threading

import flet as ft
import flet.fastapi as flet_fastapi

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


def main(page: ft.Page):
    lock = threading.Lock()
    seen: list[str] = []
    counts = {"room": 0, "others": 0}
    pid = ft.Text(f"pid {os.getpid()}")
    stats = ft.Text("all 0 0 | room 0 | others 0")
    joined = ft.Text("")

    def show():
        with lock:
            stats.value = f"all {len(seen)} {len(set(seen))} | room {counts['room']} | others {counts['others']}"
        page.update()

    def on_message(message):
        with lock:
            if isinstance(message, str) and message.startswith("others "):
                counts["others"] += 1
            else:
                seen.append(message)
        show()

    def on_room(topic, message):
        with lock:
            counts["room"] += 1
        show()

    def burst(e):
        for n in range(5):
            page.pubsub.send_all(f"{page.session_id}:{n}")

    def join(e):
        page.pubsub.subscribe_topic("room", on_room)
        joined.value = "joined"
        page.update()

    page.pubsub.subscribe(on_message)
    page.add(
        pid,
        stats,
        ft.ElevatedButton("burst", on_click=burst),
        ft.ElevatedButton("others", on_click=lambda e: page.pubsub.send_others(f"others {page.session_id}")),
        joined,
        ft.ElevatedButton("join", on_click=join),
        ft.ElevatedButton("room", on_click=lambda e: page.pubsub.send_all_on_topic("room", page.session_id)),
    )


app = flet_fastapi.app(main)
