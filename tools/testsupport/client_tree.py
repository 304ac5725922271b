"""The control tree a 0.21.2 client holds, kept up to date from the server's messages."""

from __future__ import annotations

from typing import Any


class ClientTree:
    """Controls by id, as the client would have them after each message it was sent."""

    def __init__(self) -> None:
        self.controls: dict[str, dict[str, Any]] = {}

    def apply(self, message: dict[str, Any]) -> None:
        action, payload = message["action"], message["payload"]
        if action == "registerWebClient":
            self.controls = dict((payload.get("session") or {}).get("controls") or {})
        elif action == "pageControlsBatch":
            for item in payload:
                self.apply(item)
        elif action == "addPageControls":
            for control in payload["controls"]:
                self.controls[control["i"]] = dict(control)
        elif action == "updateControlProps":
            for props in payload["props"]:
                self.controls.setdefault(props["i"], {}).update(props)
        elif action == "removeControl":
            for control_id in payload["ids"]:
                self.controls.pop(control_id, None)
