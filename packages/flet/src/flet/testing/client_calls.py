"""The simulated browser's side of client method calls (``invokeMethod``, protocol §7).

By default a tab answers like the 0.21.2 web client in a browser: client storage is kept in
:attr:`BrowserState.client_storage` (a dict of the stored values), the clipboard in
:attr:`BrowserState.clipboard`, ``canLaunchUrl`` says ``"true"``, and ``launchUrl``,
``setClipboard``, ``closeInAppWebView`` and ``windowToFront`` get no answer. Scripted answers
(``answers={"getClipboard": "pasted"}``) replace these per method name; an answer may be the
result text, ``None``, an exception (sent back as the call's error), :data:`NO_ANSWER`, or a
function of the :class:`ClientCall` returning one of those.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flet_runtime.memory_transport import NO_ANSWER, NoAnswer
from flet_runtime.memory_transport import Answer as WireAnswer

__all__ = ["NO_ANSWER", "Answer", "BrowserState", "ClientCall", "Result"]


@dataclass(frozen=True, slots=True)
class ClientCall:
    """One client method call the app made (``page.launch_url``, ``client_storage.get`` ...)."""

    method: str
    """The wire name, e.g. ``"launchUrl"``, ``"clientStorage:get"``, ``"getClipboard"``."""
    arguments: dict[str, str]
    control_id: str = ""
    """``""`` for page-level methods, else the id of the control whose method it is."""

    @classmethod
    def from_wire(cls, payload: dict[str, Any]) -> ClientCall:
        arguments = payload.get("arguments") or {}
        return cls(str(payload["methodName"]), {str(k): str(v) for k, v in arguments.items()}, payload["controlId"])


Result = str | None | BaseException | NoAnswer
Answer = Result | Callable[[ClientCall], Result]
"""A scripted answer: result text, ``None``, an exception, ``NO_ANSWER``, or a function of the call."""


@dataclass
class BrowserState:
    """What the browser keeps for a tab: local storage and the clipboard."""

    client_storage: dict[str, Any] = field(default_factory=dict)
    """The values stored with ``page.client_storage`` (pass one dict to several tabs to share it)."""
    clipboard: str | None = None

    def answers(self, scripted: Mapping[str, Answer] | None = None) -> dict[str, WireAnswer]:
        """The answer for each method name: the browser's behaviour, replaced where scripted."""
        storage = self.client_storage
        defaults: dict[str, Answer] = {
            "clientStorage:set": lambda c: self._store(c.arguments["key"], c.arguments.get("value", "null")),
            "clientStorage:get": lambda c: (
                json.dumps(json.dumps(storage[c.arguments["key"]], separators=(",", ":")))
                if c.arguments.get("key") in storage
                else None
            ),
            "clientStorage:containskey": lambda c: _flag(c.arguments.get("key") in storage),
            "clientStorage:getkeys": lambda c: json.dumps(
                [key for key in storage if key.startswith(c.arguments.get("key_prefix", ""))]
            ),
            "clientStorage:remove": lambda c: _flag(storage.pop(c.arguments.get("key", ""), _MISSING) is not _MISSING),
            "clientStorage:clear": lambda c: self._clear(),
            "getClipboard": lambda c: self.clipboard,
            "setClipboard": lambda c: self._set_clipboard(c.arguments.get("data")),
            "canLaunchUrl": lambda c: "true",
        }
        merged = {**defaults, **(scripted or {})}
        return {name: _on_wire(answer) for name, answer in merged.items()}

    def _store(self, key: str, text: str) -> str:
        try:
            self.client_storage[key] = json.loads(text)
        except ValueError:
            self.client_storage[key] = text
        return "true"

    def _clear(self) -> str:
        self.client_storage.clear()
        return "true"

    def _set_clipboard(self, text: str | None) -> NoAnswer:
        self.clipboard = text
        return NO_ANSWER


_MISSING = object()


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _on_wire(answer: Answer) -> WireAnswer:
    """Adapt an answer to the memory client's, which calls functions with the raw payload."""
    if callable(answer):
        function = answer

        def call(payload: dict[str, Any]) -> Result:
            return function(ClientCall.from_wire(payload))

        return call
    return answer
