"""The control tree as the 0.21.2 client holds it, and how it applies server messages.

Used twice: the page keeps one as its snapshot of what the client holds (it is what a
reconnecting tab receives), and tests feed frames into one to see what a browser would show.
Where the real client would throw a message away, :class:`ClientTree` raises
:class:`~flet_core.errors.ClientRejectedError` instead, so mistakes fail loudly in tests.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

from flet_core import protocol
from flet_core.errors import ClientRejectedError

__all__ = ["ClientTree"]

_RESERVED = frozenset({"t", "i", "p", "c", "n"})

WireControl = dict[str, Any]


def _empty_page() -> dict[str, WireControl]:
    return {"page": {"t": "page", "i": "page", "p": "", "c": []}}


class ClientTree:
    """A flat ``id -> control`` map with the client's add/update/remove/clean semantics."""

    def __init__(self) -> None:
        self.controls: dict[str, WireControl] = _empty_page()
        self.session_id: str | None = None
        self.error: str = ""
        self.crash_message: str | None = None
        self.inactive = False

    # -- reading ---------------------------------------------------------------------------

    def __contains__(self, control_id: object) -> bool:
        return control_id in self.controls

    def __getitem__(self, control_id: str) -> WireControl:
        return self.controls[control_id]

    def children(self, control_id: str) -> list[WireControl]:
        return [self.controls[c] for c in self.controls[control_id]["c"] if c in self.controls]

    def walk(self, control_id: str = "page") -> Iterator[WireControl]:
        """Controls of a subtree in pre-order."""
        stack = [control_id]
        while stack:
            node = self.controls.get(stack.pop())
            if node is None:
                continue
            yield node
            stack.extend(reversed(node["c"]))

    def snapshot(self) -> dict[str, WireControl]:
        """A deep copy of the map, as sent in a registration response."""
        return copy.deepcopy(self.controls)

    # -- applying messages -----------------------------------------------------------------

    def apply_frame(self, frame: str) -> None:
        """Apply one server frame (JSON text)."""
        self.apply(json.loads(frame))

    def apply(self, message: dict[str, Any]) -> None:
        """Apply one decoded server message, as the client does."""
        action = message.get("action")
        payload: Any = message.get("payload")
        if action == protocol.PAGE_CONTROLS_BATCH:
            if not isinstance(payload, list):
                raise ClientRejectedError("pageControlsBatch payload must be a list")
            staged = ClientTree()
            staged.controls = copy.deepcopy(self.controls)
            for sub in payload:
                if sub.get("action") not in (
                    protocol.ADD_PAGE_CONTROLS,
                    protocol.UPDATE_CONTROL_PROPS,
                    protocol.REMOVE_CONTROL,
                    protocol.CLEAN_CONTROL,
                ):
                    continue  # the client ignores anything else inside a batch
                staged.apply(sub)
            self.controls = staged.controls  # a batch is atomic
        elif action == protocol.REGISTER_WEB_CLIENT:
            self._register(payload)
        elif action == protocol.ADD_PAGE_CONTROLS:
            self.add(payload["controls"])
            self.remove(payload.get("trimIDs", []))
        elif action == protocol.UPDATE_CONTROL_PROPS:
            self.update(payload["props"])
        elif action == protocol.REMOVE_CONTROL:
            self.remove(payload["ids"])
        elif action == protocol.CLEAN_CONTROL:
            self.clean(payload["ids"])
        elif action == protocol.SESSION_CRASHED:
            self.crash_message = payload["message"]
        elif action == protocol.APP_BECOME_INACTIVE:
            self.inactive = True
        elif action in (protocol.INVOKE_METHOD, protocol.APP_BECOME_ACTIVE):
            pass  # no effect on the tree
        else:
            raise ClientRejectedError(f"unknown action {action!r}")

    def _register(self, payload: dict[str, Any]) -> None:
        if not isinstance(payload.get("appInactive"), bool):
            raise ClientRejectedError("registerWebClient response needs a boolean appInactive")
        error = payload.get("error") or ""
        self.error = error
        if error:
            return
        session = payload["session"]
        controls = session["controls"]
        if "page" not in controls:
            raise ClientRejectedError("registration response has no page control")
        self.session_id = session["id"]
        self.controls = copy.deepcopy(controls)
        self.crash_message = None
        self.inactive = False

    def add(self, controls: list[WireControl]) -> None:
        """``addPageControls``: store each control, link new roots into the insertion parent."""
        if not controls:
            return
        parent_id = controls[0].get("p")
        if parent_id not in self.controls:
            raise ClientRejectedError(f"addPageControls parent {parent_id!r} does not exist")
        for wire in controls:
            self._check(wire)
            stored = wire.copy()
            stored["c"] = wire["c"].copy()
            at = stored.pop("at", None)
            control_id = wire["i"]
            existing = self.controls.get(control_id)
            if existing is not None:
                stored["c"] = existing["c"]  # the client keeps the old children
                self.controls[control_id] = stored
                continue
            self.controls[control_id] = stored
            if wire["p"] == parent_id:
                siblings = self.controls[parent_id]["c"]
                if at is None:
                    siblings.append(control_id)
                else:
                    if not isinstance(at, str) or not at.isdigit() or int(at) > len(siblings):
                        raise ClientRejectedError(f"bad insertion index at={at!r} for {control_id}")
                    siblings.insert(int(at), control_id)

    def insert_subtree(self, wires: list[WireControl], at: int) -> None:
        """The server's own ``addPageControls``: a subtree in pre-order, its root put at index ``at``.

        What :meth:`add` does, without its checks and copies: the dicts become the tree's own
        (the engine's snapshot, which it built itself); the root's ``"at"`` is dropped.
        """
        controls = self.controls
        root = wires[0]
        root.pop("at", None)
        link = root["i"] not in controls
        for wire in wires:
            existing = controls.get(wire["i"])
            if existing is not None:
                wire["c"] = existing["c"]  # the client keeps the old children
            controls[wire["i"]] = wire
        if link:
            controls[root["p"]]["c"].insert(at, root["i"])

    def update(self, props: list[dict[str, Any]]) -> None:
        """``updateControlProps``: set attributes; ``""`` deletes; unknown ids are skipped."""
        for item in props:
            node = self.controls.get(item.get("i", ""))
            for key, value in item.items():
                if key == "i":
                    continue
                if not isinstance(value, str):
                    raise ClientRejectedError(f"attribute {key!r} must be a string, got {value!r}")
                if node is None:
                    continue
                if value == "":
                    node.pop(key, None)
                else:
                    node[key] = value

    def remove(self, ids: list[str]) -> list[str]:
        """``removeControl``: drop each control with its descendants; returns every id removed."""
        removed: list[str] = []
        for control_id in ids:
            node = self.controls.get(control_id)
            if node is None:
                raise ClientRejectedError(f"removeControl: unknown id {control_id!r}")
            removed.extend(self._drop_descendants(control_id))
            del self.controls[control_id]
            removed.append(control_id)
            parent = self.controls.get(node["p"])
            if parent is not None and control_id in parent["c"]:
                parent["c"].remove(control_id)
        return removed

    def clean(self, ids: list[str]) -> list[str]:
        """``cleanControl``: drop every descendant and empty the child list; returns the ids."""
        removed: list[str] = []
        for control_id in ids:
            if control_id not in self.controls:
                raise ClientRejectedError(f"cleanControl: unknown id {control_id!r}")
            removed.extend(self._drop_descendants(control_id))
            self.controls[control_id]["c"] = []
        return removed

    def _drop_descendants(self, control_id: str) -> list[str]:
        removed: list[str] = []
        stack = list(self.controls[control_id]["c"])
        while stack:
            child_id = stack.pop()
            child = self.controls.pop(child_id, None)
            if child is not None:
                removed.append(child_id)
                stack.extend(child["c"])
        return removed

    @staticmethod
    def _check(wire: WireControl) -> None:
        for key in ("t", "i", "p"):
            if not isinstance(wire.get(key), str):
                raise ClientRejectedError(f"control needs a string {key!r}: {wire!r}")
        if not isinstance(wire.get("c"), list):
            raise ClientRejectedError(f"control {wire['i']} has no child list 'c'")
        for key, value in wire.items():
            if key not in _RESERVED and key != "c" and not isinstance(value, str):
                raise ClientRejectedError(f"{wire['i']}.{key} must be a string, got {value!r}")
