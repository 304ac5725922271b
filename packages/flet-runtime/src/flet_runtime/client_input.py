"""What a client may change on the server: the write-back allow-list and the event filter.

The 0.21.2 web client writes back only a few attributes, each for a few control types (a text
field's ``value``, a dialog's ``open`` when dismissed, a file picker's ``state``, ...), and it
sends events only for controls it renders and that are enabled. A crafted client could send
anything, so the server takes from ``updateControlProps`` and ``pageEventFromWeb`` only what the
real client could have sent:

* an attribute is applied only if :data:`CLIENT_WRITABLE` lists it for the control's type (the
  type the client holds, ``t`` of the page snapshot), and ``value`` not while ``read_only``;
  anything else is dropped;
* an event, or a write, for a control the client does not hold, or whose control or any ancestor
  is ``disabled`` or not ``visible`` in what the client holds, is dropped (the client neither
  renders a hidden control nor lets a disabled one fire). The page's own events always pass;
* the bytes of values a client keeps written into its session are capped
  (``FLET_MAX_CLIENT_STATE``); a write past the cap ends the connection with 1009.

Dropped input is logged at debug level, rate-limited. The table is ours, from the 0.21.2
client's behaviour (``updateControlProps`` it sends, lowercase names, by wire type).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Final

from flet_core import protocol
from flet_core.page import Page
from flet_runtime import config
from flet_runtime.ratelog import RateLimitedLog

__all__ = ["CLIENT_WRITABLE", "MESSAGE_TOO_BIG_CLOSE_CODE", "ClientInputGuard", "ClientLimitError"]

logger = logging.getLogger("flet")
_log = RateLimitedLog(logger)

MESSAGE_TOO_BIG_CLOSE_CODE: Final = 1009

_WINDOW = frozenset(protocol.WINDOW_FIELDS)
_VALUE = frozenset({"value"})
_OPEN = frozenset({"open"})
_SELECTED_INDEX = frozenset({"selectedindex"})
_SCROLL = frozenset({"method"})  # the client clears a scroll_to request it has carried out

CLIENT_WRITABLE: Final[Mapping[str, frozenset[str]]] = {
    "page": frozenset({"route", "width", "height", "platformbrightness", "media", "method", "open"}) | _WINDOW,
    "view": frozenset({"method", "open"}),
    # dismissed by the user
    "alertdialog": _OPEN,
    "bottomsheet": _OPEN,
    "cupertinoalertdialog": _OPEN,
    "cupertinoactionsheet": _OPEN,
    "cupertinobottomsheet": _OPEN,
    "snackbar": _OPEN,
    "pagelet": _OPEN,
    "navigationdrawer": _OPEN | _SELECTED_INDEX,
    "datepicker": _OPEN | _VALUE,
    "timepicker": _OPEN | _VALUE,
    # inputs
    "textfield": _VALUE,
    "cupertinotextfield": _VALUE,
    "searchbar": _VALUE | _SCROLL,
    "checkbox": _VALUE,
    "cupertinocheckbox": _VALUE,
    "switch": _VALUE,
    "cupertinoswitch": _VALUE,
    "radio": _VALUE,
    "cupertinoradio": _VALUE,
    "radiogroup": _VALUE,
    "dropdown": _VALUE,
    "slider": _VALUE,
    "cupertinoslider": _VALUE,
    "rangeslider": frozenset({"startvalue", "endvalue"}),
    "cupertinodatepicker": _VALUE,
    "cupertinotimerpicker": _VALUE,
    "chip": frozenset({"selected"}),
    "segmentedbutton": frozenset({"selected"}),
    # selections
    "tabs": _SELECTED_INDEX,
    "navigationbar": _SELECTED_INDEX,
    "navigationrail": _SELECTED_INDEX,
    "cupertinonavigationbar": _SELECTED_INDEX,
    "cupertinopicker": _SELECTED_INDEX,
    "cupertinosegmentedbutton": _SELECTED_INDEX,
    "cupertinoslidingsegmentedbutton": _SELECTED_INDEX,
    "expansionpanellist": frozenset({"expanded"}),
    "expansionpanel": frozenset({"expanded"}),
    "filepicker": frozenset({"state"}),
    # scrollables
    "column": _SCROLL,
    "row": _SCROLL,
    "listview": _SCROLL,
    "gridview": _SCROLL,
}
"""Attributes the client may write back, by the control's wire type (lowercase names)."""

_MAX_DEPTH = 10_000  # a guard against a cycle in the ancestor chain; real trees are far shallower


class ClientLimitError(Exception):
    """The client went past a limit; the connection ends with ``close_code``."""

    def __init__(self, message: str, close_code: int) -> None:
        super().__init__(message)
        self.close_code = close_code


class ClientInputGuard:
    """Filters one session's client input against what its client holds; counts what it stores."""

    __slots__ = ("_max_state", "_stored", "_tag", "_total")  # one per session: no instance dict

    def __init__(self, tag: str, max_state: int | None = None) -> None:
        self._tag = tag
        self._max_state = config.MAX_CLIENT_STATE.get() if max_state is None else max_state
        self._stored: dict[tuple[str, str], int] = {}
        self._total = 0

    @property
    def stored_bytes(self) -> int:
        """Bytes of client-written values currently counted against ``FLET_MAX_CLIENT_STATE``."""
        return self._total

    def accepts_event(self, page: Page, target: str) -> bool:
        """Whether the client could have sent an event of ``target`` (call under the update lock)."""
        if target == "page":
            return True
        reason = _blocked(page, target)
        if reason is None:
            return True
        _log.log(logging.DEBUG, "event", "Dropped an event of %s: %s (session %s)", target, reason, self._tag)
        return False

    def filter_props(self, page: Page, props: list[dict[str, str]]) -> list[dict[str, str]]:
        """The part of ``updateControlProps`` items the client may write (call under the update lock).

        Raises:
            ClientLimitError: the values would take the session past ``FLET_MAX_CLIENT_STATE``.
        """
        kept: list[dict[str, str]] = []
        for item in props:
            control_id = item.get("i", "")
            reason = None if control_id == "page" else _blocked(page, control_id)
            node = page.client_control(control_id)
            if reason is None and node is None:
                reason = "not on the page"
            if reason is not None or node is None:
                _log.log(
                    logging.DEBUG, "props", "Dropped a write to %s: %s (session %s)", control_id, reason, self._tag
                )
                continue
            writable = CLIENT_WRITABLE.get(str(node.get("t", "")), frozenset())
            if node.get("readonly") == "true":
                writable = writable - _VALUE  # the user cannot type into a read-only field
            allowed = {key: value for key, value in item.items() if key in writable}
            if len(allowed) + 1 < len(item):
                refused = sorted(key for key in item if key != "i" and key not in writable)
                _log.log(
                    logging.DEBUG,
                    "attrs",
                    "Dropped client writes of %s to %s %s (session %s)",
                    ", ".join(refused[:5]),
                    node.get("t"),
                    control_id,
                    self._tag,
                )
            if allowed:
                self._count(page, control_id, allowed)
                kept.append({"i": control_id, **allowed})
        return kept

    def _count(self, page: Page, control_id: str, values: dict[str, str]) -> None:
        change = sum(len(text) - self._stored.get((control_id, key), 0) for key, text in values.items())
        if self._total + change > self._max_state:
            self._prune(page)
            change = sum(len(text) - self._stored.get((control_id, key), 0) for key, text in values.items())
            if self._total + change > self._max_state:
                raise ClientLimitError(
                    f"the client's values would exceed FLET_MAX_CLIENT_STATE ({self._max_state} bytes)",
                    MESSAGE_TOO_BIG_CLOSE_CODE,
                )
        for key, text in values.items():
            self._stored[(control_id, key)] = len(text)
        self._total += change

    def _prune(self, page: Page) -> None:
        """Forget values of controls that are gone (a removed form's fields no longer count)."""
        self._stored = {key: size for key, size in self._stored.items() if page.client_control(key[0]) is not None}
        self._total = sum(self._stored.values())


def _blocked(page: Page, control_id: str) -> str | None:
    """Why the client could not have acted on ``control_id``, or None if it could."""
    # the map looked up once, not page.client_control() per ancestor: runs for every event
    controls = page.client_controls()
    node = controls.get(control_id)
    if node is None:
        return "not on the page"
    for _ in range(_MAX_DEPTH):
        # most controls hold neither attribute: two membership tests are ~2k CPU instructions
        # less per event (a button three levels deep) than two lookups and comparisons
        if "disabled" in node or "visible" in node:
            if node.get("disabled") == "true":
                return "disabled"
            if node.get("visible") == "false":
                return "hidden"
        parent = node.get("p")
        if not parent:
            return None
        node = controls.get(parent)
        if node is None:
            return None
    return "too deep"
