"""Accessibility controls: semantic annotations and selectable regions.

`Semantics` sends some attributes and events under the names the 0.21.2 client reads, which
differ from what upstream sent (see "Compatibility with Flet 0.21.2" in the repository README).
"""

from __future__ import annotations

from flet_core._aliases import alias
from flet_core._fields import control, event, prop, slot
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler

__all__ = ["MergeSemantics", "SelectionArea", "Semantics"]


@control(
    "semantics",
    positional=(
        "content label expanded hidden selected button obscured multiline focusable read_only focus "
        "slider tooltip toggled max_value_length checked value increased_value decreased_value hint_text "
        "on_tap_hint_text on_long_press_hint_text container live_region textfield link header image "
        "on_tap on_double_tap on_increase on_decrease on_dismiss on_scroll_left on_scroll_right "
        "on_scroll_up on_scroll_down on_copy on_cut on_paste on_long_press "
        "on_move_cursor_forward_by_character on_move_cursor_backward_by_character "
        "on_did_gain_accessibility_focus on_did_lose_accessibility_focus ref visible disabled data"
    ).split(),
)
class Semantics(Control):
    """Annotates its content with a description for accessibility tools."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    label: str | None = None
    expanded: bool | None = None
    hidden: bool | None = None
    selected: bool | None = None
    button: bool | None = None
    obscured: bool | None = None
    multiline: bool | None = None
    focusable: bool | None = None
    read_only: bool | None = None
    # 0.21's constructor takes `focus` for the `focused` attribute
    focus: bool | None = alias("focused")
    slider: bool | None = None
    tooltip: str | None = None
    toggled: bool | None = None
    max_value_length: int | float | None = None
    checked: bool | None = None
    value: str | None = None
    increased_value: str | None = None
    decreased_value: str | None = None
    hint_text: str | None = prop(default=None, wire="hint")
    on_tap_hint_text: str | None = prop(default=None, wire="ontaphint")
    on_long_press_hint_text: str | None = prop(default=None, wire="onlongpresshint")
    # the 0.21.2 client null-checks `container` on every build: always send it
    container: bool | None = prop(default=False, eager=True)
    live_region: bool | None = None
    textfield: bool | None = None
    link: bool | None = None
    header: bool | None = None
    image: bool | None = None
    # the client runs taps through the `onclick` flag and the `click` event
    on_tap: EventHandler[ControlEvent] | None = event(name="click", flag="onclick", default=None)
    on_double_tap: EventHandler[ControlEvent] | None = event(default=None)
    on_increase: EventHandler[ControlEvent] | None = event(default=None)
    on_decrease: EventHandler[ControlEvent] | None = event(default=None)
    on_dismiss: EventHandler[ControlEvent] | None = event(default=None)
    on_scroll_left: EventHandler[ControlEvent] | None = event(name="scrollLeft", default=None)
    on_scroll_right: EventHandler[ControlEvent] | None = event(name="scrollRight", default=None)
    on_scroll_up: EventHandler[ControlEvent] | None = event(name="scrollUp", default=None)
    on_scroll_down: EventHandler[ControlEvent] | None = event(name="scrollDown", default=None)
    on_copy: EventHandler[ControlEvent] | None = event(default=None)
    on_cut: EventHandler[ControlEvent] | None = event(default=None)
    on_paste: EventHandler[ControlEvent] | None = event(default=None)
    on_long_press: EventHandler[ControlEvent] | None = event(default=None)
    on_move_cursor_forward_by_character: EventHandler[ControlEvent] | None = event(default=None)
    on_move_cursor_backward_by_character: EventHandler[ControlEvent] | None = event(default=None)
    on_did_gain_accessibility_focus: EventHandler[ControlEvent] | None = event(default=None)
    on_did_lose_accessibility_focus: EventHandler[ControlEvent] | None = event(default=None)
    focused: bool | None = None


@control("mergesemantics", positional="content ref visible disabled data".split())
class MergeSemantics(Control):
    """Merges the semantics of its content into a single node."""

    content: Control | None = slot(n="content", default=None, kw_only=False)


@control("selectionarea", positional="content ref data".split())
class SelectionArea(Control):
    """Makes the text of its content selectable."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
