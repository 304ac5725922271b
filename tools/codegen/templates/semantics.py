"""Accessibility controls: semantic annotations and selectable regions.

`Semantics` sends some attributes and events under the names the 0.21.2 client reads, which
differ from what upstream sent (see "Deviations from upstream 0.21.2" in the README).
"""

from __future__ import annotations

from flet_core._aliases import alias
from flet_core._fields import event, prop
from flet_core.control_event import ControlEvent, EventHandler


class Semantics:
    hint_text: str | None = prop(default=None, wire="hint")
    on_tap_hint_text: str | None = prop(default=None, wire="ontaphint")
    on_long_press_hint_text: str | None = prop(default=None, wire="onlongpresshint")
    # the 0.21.2 client null-checks `container` on every build: always send it
    container: bool | None = prop(default=False, eager=True)
    # 0.21's constructor takes `focus` for the `focused` attribute
    focus: bool | None = alias("focused")
    # the client runs taps through the `onclick` flag and the `click` event
    on_tap: EventHandler[ControlEvent] | None = event(name="click", flag="onclick", default=None)
    on_scroll_left: EventHandler[ControlEvent] | None = event(name="scrollLeft", default=None)
    on_scroll_right: EventHandler[ControlEvent] | None = event(name="scrollRight", default=None)
    on_scroll_up: EventHandler[ControlEvent] | None = event(name="scrollUp", default=None)
    on_scroll_down: EventHandler[ControlEvent] | None = event(name="scrollDown", default=None)
