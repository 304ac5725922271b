"""The wire protocol of the Flet 0.21.2 web client: message shapes and JSON framing.

Every frame is one JSON object ``{"action": ..., "payload": ...}``. This module is the only
place that knows action names, payload keys and how frames are written and read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii
from typing import Any, Final

from flet_core.encoding import dumps
from flet_core.errors import ProtocolError

__all__ = [
    "ADD_PAGE_CONTROLS",
    "APP_BECOME_ACTIVE",
    "APP_BECOME_INACTIVE",
    "CLEAN_CONTROL",
    "INVOKE_METHOD",
    "PAGE_CONTROLS_BATCH",
    "PAGE_EVENT_FROM_WEB",
    "REGISTER_WEB_CLIENT",
    "REMOVE_CONTROL",
    "SESSION_CRASHED",
    "UPDATE_CONTROL_PROPS",
    "WINDOW_FIELDS",
    "ClientMessage",
    "PageEvent",
    "RegisterRequest",
    "UpdateProps",
    "add_controls",
    "add_controls_text",
    "app_become_active",
    "app_become_inactive",
    "batch",
    "batch_frame",
    "clean_controls",
    "decode_client_frame",
    "desktop_register_response",
    "encode",
    "invoke_method",
    "register_response",
    "remove_controls",
    "session_crashed",
    "update_props",
    "update_props_text",
]

REGISTER_WEB_CLIENT: Final = "registerWebClient"
PAGE_EVENT_FROM_WEB: Final = "pageEventFromWeb"
UPDATE_CONTROL_PROPS: Final = "updateControlProps"
ADD_PAGE_CONTROLS: Final = "addPageControls"
REMOVE_CONTROL: Final = "removeControl"
CLEAN_CONTROL: Final = "cleanControl"
PAGE_CONTROLS_BATCH: Final = "pageControlsBatch"
INVOKE_METHOD: Final = "invokeMethod"
SESSION_CRASHED: Final = "sessionCrashed"
APP_BECOME_ACTIVE: Final = "appBecomeActive"
APP_BECOME_INACTIVE: Final = "appBecomeInactive"

WINDOW_FIELDS: Final = (
    "windowwidth",
    "windowheight",
    "windowtop",
    "windowleft",
    "windowminimized",
    "windowmaximized",
    "windowfocused",
    "windowfullscreen",
)
"""The page attributes in which the 0.21.2 client reports its window (desktop; empty on the web)."""

Message = dict[str, Any]


def encode(message: Message) -> str:
    """Write one message as a compact JSON text frame."""
    return dumps(message)


# -- server -> client ------------------------------------------------------------------------


def _message(action: str, payload: Any) -> Message:
    return {"action": action, "payload": payload}


def register_response(
    session_id: str | None, controls: dict[str, dict[str, Any]] | None, *, error: str = "", app_inactive: bool = False
) -> Message:
    """The answer to ``registerWebClient``: the session id and the whole control tree."""
    session = None if session_id is None else {"id": session_id, "controls": controls or {}}
    return _message(REGISTER_WEB_CLIENT, {"session": session, "appInactive": app_inactive, "error": error})


# The page attributes of a registration, in the order 0.21.2's socket server writes them into its
# answer to the desktop client; it names the platform brightness as the client spells it.
_DESKTOP_PAGE_KEYS: Final = (
    "i", "t", "p", "c", "route", "width", "height", "windowwidth", "windowheight", "windowtop", "windowleft",
    "pwa", "web", "debug", "platform", "platformbrightness", "media",
)  # fmt: skip
_DESKTOP_PAGE_NAMES: Final = {"platformbrightness": "platformBrightness"}


def desktop_register_response(session_id: str, controls: dict[str, dict[str, Any]]) -> Message:
    """The answer to ``registerWebClient`` on the desktop client's socket, as 0.21.2 sends it there.

    The same tree as :func:`register_response`, written as upstream's socket path writes it: the
    page's registration attributes first (``platformbrightness`` as ``platformBrightness``; the
    client's later ``updateControlProps`` use the lowercase name), and ``error`` before ``appInactive``.
    """
    page = controls.get("page")
    if page is not None:
        keys: list[str] = [key for key in _DESKTOP_PAGE_KEYS if key in page]
        keys += [key for key in page if key not in _DESKTOP_PAGE_KEYS]
        controls = controls | {"page": {_DESKTOP_PAGE_NAMES.get(key, key): page[key] for key in keys}}
    session = {"id": session_id, "controls": controls}
    return _message(REGISTER_WEB_CLIENT, {"session": session, "error": "", "appInactive": False})


def update_props(props: list[dict[str, str]]) -> Message:
    """Attribute changes: each item has ``i`` (the control id) and wire attrs as strings."""
    return _message(UPDATE_CONTROL_PROPS, {"props": props})


def update_props_text(control_id: str, changes: dict[str, str]) -> str:
    """``encode(update_props([{"i": control_id, **changes}]))``, written without building the message.

    The engine sends one such message per changed control: this costs ~5k CPU instructions against ~30k
    for building the message and dumping it, with the same bytes (strings are escaped by the
    function ``json.dumps`` uses for them).
    """
    if "i" in changes:  # a raw attribute named "i" takes the id's place in the dict this stands for
        return encode(update_props([{"i": control_id, **changes}]))
    text = _UPDATE_PROPS_HEAD + encode_basestring_ascii(control_id)
    for key, value in changes.items():
        text = f"{text},{encode_basestring_ascii(key)}:{encode_basestring_ascii(value)}"
    return text + "}]}}"


_UPDATE_PROPS_HEAD: Final = '{"action":"' + UPDATE_CONTROL_PROPS + '","payload":{"props":[{"i":'


def add_controls(controls: list[dict[str, Any]]) -> Message:
    """Add controls (a subtree in pre-order; the first one's ``p`` is the insertion parent)."""
    return _message(ADD_PAGE_CONTROLS, {"controls": controls, "trimIDs": []})


def add_controls_text(controls: list[dict[str, Any]]) -> str:
    """``encode(add_controls(controls))``, written without building the message for a few controls.

    The engine sends one such message per added subtree, as upstream does: for a Text, written
    here costs ~19k CPU instructions against ~36k through ``json``, with the same bytes. From a
    handful of controls on, ``json``'s C encoder is cheaper (~11k per control against ~17k).
    Wire controls hold strings and their child id list; anything else is dumped as JSON.
    """
    if len(controls) > _FEW:
        return encode(add_controls(controls))
    # f-strings: one new string per attribute, where `+` makes one per operand
    objects = []
    for wire in controls:
        text = ""
        for key, value in wire.items():
            if type(value) is str:
                text = f"{text},{encode_basestring_ascii(key)}:{encode_basestring_ascii(value)}"
            else:
                text = f"{text},{encode_basestring_ascii(key)}:{_json_list(value)}"
        objects.append("{" + text[1:] + "}")
    return _ADD_CONTROLS_HEAD + ",".join(objects) + _ADD_CONTROLS_TAIL


_FEW: Final = 3


_ADD_CONTROLS_HEAD: Final = '{"action":"' + ADD_PAGE_CONTROLS + '","payload":{"controls":['
_ADD_CONTROLS_TAIL: Final = '],"trimIDs":[]}}'


def _json_list(value: Any) -> str:
    """A child id list (or any other value) as JSON."""
    if type(value) is list:
        try:
            return "[" + ",".join(map(encode_basestring_ascii, value)) + "]"
        except TypeError:  # not all strings
            pass
    return dumps(value)


def remove_controls(ids: list[str]) -> Message:
    return _message(REMOVE_CONTROL, {"ids": ids})


def clean_controls(ids: list[str]) -> Message:
    return _message(CLEAN_CONTROL, {"ids": ids})


def batch(messages: list[Message]) -> Message:
    """Several tree messages applied at once by the client (add, update, remove, clean only)."""
    return _message(PAGE_CONTROLS_BATCH, messages)


def batch_frame(encoded: list[str]) -> str:
    """A ``pageControlsBatch`` frame from messages already encoded as JSON text."""
    return '{"action":"' + PAGE_CONTROLS_BATCH + '","payload":[' + ",".join(encoded) + "]}"


def invoke_method(method_id: str, method_name: str, control_id: str, arguments: dict[str, str] | None) -> Message:
    """A client method call; like upstream, ``arguments`` is ``{}`` when there are none."""
    payload = {"methodId": method_id, "methodName": method_name, "controlId": control_id, "arguments": arguments or {}}
    return _message(INVOKE_METHOD, payload)


def session_crashed(message: str) -> Message:
    return _message(SESSION_CRASHED, {"message": message})


def app_become_inactive(message: str) -> Message:
    return _message(APP_BECOME_INACTIVE, {"message": message})


def app_become_active() -> Message:
    return _message(APP_BECOME_ACTIVE, {})


# -- client -> server ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegisterRequest:
    """``registerWebClient`` from the client; every value is text, as the client sends it."""

    page_name: str = ""
    page_route: str = "/"
    page_width: str = ""
    page_height: str = ""
    window_width: str = ""
    window_height: str = ""
    window_top: str = ""
    window_left: str = ""
    is_pwa: str = "false"
    is_web: str = "true"
    is_debug: str = "false"
    platform: str = ""
    platform_brightness: str = ""
    media: str = ""
    session_id: str = ""

    def page_attrs(self) -> dict[str, str]:
        """The page attributes a registration sets, by their (lowercase) wire names."""
        return {
            "route": self.page_route,
            "pwa": self.is_pwa,
            "web": self.is_web,
            "debug": self.is_debug,
            "platform": self.platform,
            "platformbrightness": self.platform_brightness,
            "media": self.media,
            "width": self.page_width,
            "height": self.page_height,
            "windowwidth": self.window_width,
            "windowheight": self.window_height,
            "windowtop": self.window_top,
            "windowleft": self.window_left,
        }


_REGISTER_KEYS: Final = {
    "pageName": "page_name",
    "pageRoute": "page_route",
    "pageWidth": "page_width",
    "pageHeight": "page_height",
    "windowWidth": "window_width",
    "windowHeight": "window_height",
    "windowTop": "window_top",
    "windowLeft": "window_left",
    "isPWA": "is_pwa",
    "isWeb": "is_web",
    "isDebug": "is_debug",
    "platform": "platform",
    "platformBrightness": "platform_brightness",
    "media": "media",
    "sessionId": "session_id",
}


@dataclass(frozen=True, slots=True)
class PageEvent:
    """``pageEventFromWeb``: an event on a control id (or ``"page"``)."""

    target: str
    name: str
    data: str


@dataclass(frozen=True, slots=True)
class UpdateProps:
    """``updateControlProps`` from the client: values it changed itself."""

    props: list[dict[str, str]]


ClientMessage = RegisterRequest | PageEvent | UpdateProps


def _text(payload: dict[str, Any], key: str, *, default: str | None = None) -> str:
    value = payload.get(key, default)
    if value is None:
        if default is not None:
            return default
        raise ProtocolError(f"missing {key!r}")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str):
        raise ProtocolError(f"{key!r} must be a string, got {type(value).__name__}")
    return value


_PLAIN_STRING: Final = r'"([^"\\\x00-\x1f]*)"'
"""A JSON string without escapes (nor the control characters JSON refuses): its text is its value."""

_EVENT_FRAME: Final = re.compile(
    r'\{"action": ?"pageEventFromWeb", ?"payload": ?\{'
    rf'"eventTarget": ?{_PLAIN_STRING}, ?"eventName": ?{_PLAIN_STRING}, ?"eventData": ?{_PLAIN_STRING}'
    r"\}\}"
)
"""An event frame as the 0.21.2 client writes it (or ``json.dumps`` with its default separators),
its strings without escapes.

Every event goes through :func:`decode_client_frame`: matched here, it costs ~12k CPU
instructions against ~37k through ``json.loads`` and the checks (a click, valgrind), for the
same result: a text this matches in full is valid JSON with exactly these members. Anything
else (other key orders, whitespace, escapes, bytes) takes the general path.
"""


def decode_client_frame(text: str | bytes) -> ClientMessage:
    """Parse one frame from the client; raises ProtocolError for anything malformed or unknown."""
    if type(text) is str:
        event = _EVENT_FRAME.fullmatch(text)
        if event is not None:
            return PageEvent(*event.groups())
    try:
        message = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise ProtocolError(f"frame is not JSON: {error}") from None
    except RecursionError:  # a deeply nested frame: no real client sends one
        raise ProtocolError("frame is nested too deeply") from None
    if not isinstance(message, dict):
        raise ProtocolError("frame is not a JSON object")
    action = message.get("action")
    payload = message.get("payload")
    if not isinstance(payload, dict):
        raise ProtocolError(f"{action!r} payload must be an object")
    if action == PAGE_EVENT_FROM_WEB:
        return PageEvent(
            target=_text(payload, "eventTarget"),
            name=_text(payload, "eventName"),
            data=_text(payload, "eventData", default=""),
        )
    if action == UPDATE_CONTROL_PROPS:
        props = payload.get("props")
        if not isinstance(props, list):
            raise ProtocolError("updateControlProps needs a 'props' list")
        clean: list[dict[str, str]] = []
        for item in props:
            if not isinstance(item, dict) or not isinstance(item.get("i"), str):
                raise ProtocolError("each updateControlProps item needs a string 'i'")
            clean.append({str(k).lower() if k != "i" else "i": _text(item, k, default="") for k in item})
        return UpdateProps(clean)
    if action == REGISTER_WEB_CLIENT:
        values = {attr: _text(payload, key, default="") for key, attr in _REGISTER_KEYS.items()}
        if not values["page_route"]:
            values["page_route"] = "/"
        return RegisterRequest(**values)
    raise ProtocolError(f"unknown action {action!r}")
