"""What the 0.21.2 web client sends when a user acts on a control (protocol §4.2).

Each function returns the messages, in wire order, as :class:`Props` (a client-side
``updateControlProps``) and :class:`Event` (a ``pageEventFromWeb``) steps; the tab sends them.
Events the client only sends when a flag attribute is ``"true"`` (``onclick``, ``onchange``)
are left out when the flag is not set, as the client does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from flet.testing.errors import ControlNotInteractableError
from flet.testing.query import Element, screen
from flet_core.client_tree import ClientTree, WireControl

__all__ = [
    "TEXT_INPUT_TYPES",
    "Event",
    "Props",
    "Step",
    "click",
    "dismiss",
    "long_press",
    "set_value",
    "submit",
    "type_text",
]


@dataclass(frozen=True, slots=True)
class Props:
    """The client reports attributes it changed itself (``updateControlProps``)."""

    control_id: str
    attrs: dict[str, str]


@dataclass(frozen=True, slots=True)
class Event:
    """A ``pageEventFromWeb``."""

    target: str
    name: str
    data: str = ""


Step = Props | Event

_CLICKED = frozenset(
    {
        "cupertinoactionsheetaction",
        "cupertinobutton",
        "cupertinocontextmenuaction",
        "cupertinodialogaction",
        "elevatedbutton",
        "floatingactionbutton",
        "iconbutton",
        "outlinedbutton",
        "popupmenuitem",
        "textbutton",
    }
)
_CLICKED_WITH_FLAG = frozenset({"chip", "container", "cupertinolisttile", "listtile", "menuitembutton", "textspan"})
_TOGGLES = frozenset({"checkbox", "cupertinocheckbox", "cupertinoswitch", "switch"})
_RADIOS = frozenset({"cupertinoradio", "radio"})
TEXT_INPUT_TYPES = frozenset({"cupertinotextfield", "searchbar", "textfield"})
_DESTINATIONS = {
    "tab": "tabs",
    "navigationdestination": "navigationbar",
    "navigationdrawerdestination": "navigationdrawer",
    "navigationraildestination": "navigationrail",
}
_SELECTED_INDEX = frozenset(
    {
        "cupertinonavigationbar",
        "cupertinopicker",
        "cupertinosegmentedbutton",
        "cupertinoslidingsegmentedbutton",
        "navigationbar",
        "navigationdrawer",
        "navigationrail",
        "tabs",
    }
)
_VALUE_WITHOUT_DATA = frozenset({"cupertinoslider", "slider"})
_VALUE_INPUTS = (
    _TOGGLES | _VALUE_WITHOUT_DATA | {"dropdown", "radiogroup", "cupertinodatepicker", "cupertinotimerpicker"}
)
_DISMISSABLE = frozenset(
    {"alertdialog", "bottomsheet", "cupertinoalertdialog", "cupertinobottomsheet", "datepicker", "timepicker"}
)
_TAP_POSITION = json.dumps({"lx": 0, "ly": 0, "gx": 0, "gy": 0}, separators=(",", ":"))


def _refuse(element: Element, tree: ClientTree, why: str) -> ControlNotInteractableError:
    return ControlNotInteractableError(f"cannot act on {element.describe()}: {why}\n\n{screen(tree)}")


def _check_enabled(element: Element, tree: ClientTree) -> None:
    __tracebackhide__ = True
    if element.disabled:
        raise _refuse(element, tree, "it is disabled (disabled=true on it or a parent)")


def _click_steps(tree: ClientTree, node: WireControl) -> list[Step] | None:
    """What a click on ``node`` itself sends; ``None`` when it ignores clicks (the parent may not)."""
    kind, control_id = node["t"], node["i"]
    if kind in _CLICKED:
        return [Event(control_id, "click")]
    if kind in _CLICKED_WITH_FLAG and node.get("onclick") == "true":
        return [Event(control_id, "click", _TAP_POSITION if kind == "container" else "")]
    if kind == "gesturedetector" and node.get("ontap") == "true":
        return [Event(control_id, "tap")]
    if kind in _TOGGLES:
        return _toggle(node)
    if kind in _RADIOS:
        return _pick_radio(tree, node)
    if kind in _DESTINATIONS:
        return _pick_destination(tree, node)
    if kind in TEXT_INPUT_TYPES:
        return [Event(control_id, "focus")]
    return None


def _toggle(node: WireControl) -> list[Step]:
    current = node.get("value")
    if node.get("tristate") == "true":
        after = {"false": "true", "true": "", "": "false"}.get(current or "", "true")
    else:
        after = "false" if current == "true" else "true"
    return [Props(node["i"], {"value": after}), Event(node["i"], "change", after)]


def _pick_radio(tree: ClientTree, node: WireControl) -> list[Step] | None:
    parent = tree.controls.get(node["p"])
    while parent is not None and parent["t"] != "radiogroup":
        parent = tree.controls.get(parent["p"])
    if parent is None:
        return None
    value = node.get("value", "")
    return [Props(parent["i"], {"value": value}), Event(parent["i"], "change", value)]


def _pick_destination(tree: ClientTree, node: WireControl) -> list[Step] | None:
    owner = tree.controls.get(node["p"])
    if owner is None or owner["t"] != _DESTINATIONS[node["t"]]:
        return None
    siblings = [child["i"] for child in tree.children(owner["i"]) if child["t"] == node["t"]]
    index = str(siblings.index(node["i"]))
    return [Props(owner["i"], {"selectedindex": index}), Event(owner["i"], "change", index)]


def click(tree: ClientTree, element: Element) -> tuple[Element, list[Step]]:
    """A click on ``element``: handled by it or by the nearest parent that takes clicks."""
    __tracebackhide__ = True
    for target in (element, *element.ancestors()):
        if target.id == "page":
            break
        if target.type in ("dropdown", *_VALUE_WITHOUT_DATA):
            raise _refuse(target, tree, "pick its value with set_value() instead of clicking")
        steps = _click_steps(tree, target.node)
        if steps is not None:
            _check_enabled(target, tree)
            return target, steps
    raise _refuse(element, tree, "neither it nor a control around it handles clicks (is on_click set?)")


def long_press(tree: ClientTree, element: Element) -> tuple[Element, list[Step]]:
    """A long press: sent to the nearest control (it or a parent) whose ``onlongpress`` is set."""
    __tracebackhide__ = True
    for target in (element, *element.ancestors()):
        if target.get("onlongpress") == "true":
            _check_enabled(target, tree)
            return target, [Event(target.id, "long_press")]
    raise _refuse(element, tree, "neither it nor a control around it has on_long_press set")


def type_text(tree: ClientTree, element: Element, text: str) -> list[Step]:
    """Typing into a text field: the new value, then ``change`` if the field has ``on_change``."""
    __tracebackhide__ = True
    if element.type not in TEXT_INPUT_TYPES:
        raise _refuse(element, tree, "it is not a text field")
    _check_enabled(element, tree)
    if element.get("readonly") == "true":
        raise _refuse(element, tree, "it is read-only")
    steps: list[Step] = [Props(element.id, {"value": text})]
    if element.get("onchange") == "true":
        steps.append(Event(element.id, "change", text))
    return steps


def submit(tree: ClientTree, element: Element) -> list[Step]:
    """Pressing Enter in a text field: ``submit``, then ``blur`` for a single-line field."""
    __tracebackhide__ = True
    if element.type not in TEXT_INPUT_TYPES:
        raise _refuse(element, tree, "only text fields can be submitted")
    _check_enabled(element, tree)
    if element.type == "searchbar" and element.get("onsubmit") != "true":
        return []
    steps: list[Step] = [Event(element.id, "submit")]
    if element.get("multiline") != "true":
        steps.append(Event(element.id, "blur"))
    return steps


def set_value(tree: ClientTree, element: Element, value: object) -> list[Step]:
    """Setting an input's value the way its widget reports it (checkbox, slider, dropdown, tabs...)."""
    __tracebackhide__ = True
    kind = element.type
    _check_enabled(element, tree)
    if kind in TEXT_INPUT_TYPES:
        return type_text(tree, element, str(value))
    if kind in _SELECTED_INDEX:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _refuse(element, tree, f"a {kind} takes the selected index (an int), got {value!r}")
        index = str(value)
        return [Props(element.id, {"selectedindex": index}), Event(element.id, "change", index)]
    if kind not in _VALUE_INPUTS:
        raise _refuse(element, tree, f"set_value() does not know how a {kind} reports its value")
    text = _wire_value(value)
    if kind == "dropdown":
        text = _option_key(tree, element, text)
    return [
        Props(element.id, {"value": text}),
        Event(element.id, "change", "" if kind in _VALUE_WITHOUT_DATA else text),
    ]


def _wire_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _option_key(tree: ClientTree, dropdown: Element, wanted: str) -> str:
    __tracebackhide__ = True
    options = [child for child in dropdown.children if child.type == "dropdownoption"]
    for option in options:
        if option.get("key") == wanted:
            return wanted
    for option in options:
        if option.get("text") == wanted and option.get("key") is not None:
            return str(option.get("key"))
    known = ", ".join(repr(o.get("key")) for o in options)
    raise _refuse(dropdown, tree, f"it has no option with key or text {wanted!r} (keys: {known or 'none'})")


def dismiss(tree: ClientTree, element: Element) -> list[Step]:
    """Closing a dialog or sheet by tapping outside it (or pressing Escape): ``open`` false, ``dismiss``."""
    __tracebackhide__ = True
    if element.type not in _DISMISSABLE and element.type != "navigationdrawer":
        raise _refuse(element, tree, "only dialogs, sheets, pickers and drawers can be dismissed")
    if element.get("open") != "true":
        raise _refuse(element, tree, "it is not open")
    if element.get("modal") == "true":
        raise _refuse(element, tree, "it is modal, so tapping outside does not close it; use one of its buttons")
    return [Props(element.id, {"open": "false"}), Event(element.id, "dismiss")]
