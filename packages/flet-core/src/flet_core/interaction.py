"""Controls that react to pointers: gesture detectors, drag and drop, and dismissible items."""

from __future__ import annotations

from typing import Any, Self

from flet_core._deprecation import deprecated_twin
from flet_core._fields import control, event, prop, slot
from flet_core._typed_events import JsonEvent, to_float
from flet_core.adaptive_control import AdaptiveControl
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.gesture_events import (
    DragEndEvent,
    DragStartEvent,
    DragUpdateEvent,
    HoverEvent,
    LongPressEndEvent,
    LongPressStartEvent,
    MultiTapEvent,
    ScaleEndEvent,
    ScaleStartEvent,
    ScaleUpdateEvent,
    ScrollEvent,
    TapEvent,
)
from flet_core.gestures import DismissDirection, MouseCursor

__all__ = [
    "Dismissible",
    "DismissibleDismissEvent",
    "DismissibleUpdateEvent",
    "DragTarget",
    "DragTargetAcceptEvent",
    "Draggable",
    "GestureDetector",
    "TransparentPointer",
    "WindowDragArea",
]


class DragTargetAcceptEvent(JsonEvent):
    """A draggable was dropped on the target: its control id and the drop position."""

    def __init__(self, src_id: Any = "", x: Any = 0, y: Any = 0) -> None:
        super().__init__("accept")
        self.src_id = src_id
        """The id of the `Draggable` that was dropped; `page.get_control(src_id)` finds it."""
        self.x = to_float(x)
        self.y = to_float(y)


def _direction(value: Any) -> DismissDirection | None:
    try:
        return DismissDirection(value)
    except ValueError:
        return None


class DismissibleDismissEvent(ControlEvent):
    """The control was swiped away, in `direction`."""

    def __init__(self, direction: DismissDirection | str | None) -> None:
        super().__init__("", "dismiss", "")
        self.direction = direction if isinstance(direction, DismissDirection) else _direction(direction)

    @classmethod
    def from_wire(cls, target: str, name: str, data: str, control: Any, page: Any) -> Self:
        event = cls(data)
        event.target, event.name, event.data = target, name, data
        event.control, event.page = control, page
        return event


class DismissibleUpdateEvent(JsonEvent):
    """The control is being dragged: the direction, the progress, and whether it passed the threshold."""

    def __init__(
        self,
        direction: Any = None,
        progress: Any = 0,
        reached: bool = False,
        previous_reached: bool = False,
    ) -> None:
        super().__init__("update")
        self.direction = direction if isinstance(direction, DismissDirection) else _direction(direction)
        self.progress = to_float(progress)
        self.reached = bool(reached)
        self.previous_reached = bool(previous_reached)


@control(
    "gesturedetector",
    positional=(
        "content mouse_cursor drag_interval hover_interval on_tap on_tap_down on_tap_up on_multi_tap "
        "multi_tap_touches on_multi_long_press on_secondary_tap on_secondary_tap_down on_secondary_tap_up "
        "on_long_press_start on_long_press_end on_secondary_long_press_start on_secondary_long_press_end "
        "on_double_tap on_double_tap_down on_horizontal_drag_start on_horizontal_drag_update "
        "on_horizontal_drag_end on_vertical_drag_start on_vertical_drag_update on_vertical_drag_end "
        "on_pan_start on_pan_update on_pan_end on_scale_start on_scale_update on_scale_end on_hover "
        "on_enter on_exit on_scroll ref key width height left top right bottom expand expand_loose col "
        "opacity rotate scale offset aspect_ratio animate_opacity animate_size animate_position "
        "animate_rotation animate_scale animate_offset on_animation_end visible disabled data adaptive"
    ).split(),
)
class GestureDetector(ConstrainedControl, AdaptiveControl):
    """Reports taps, drags, scales, hovers and scrolls over its content."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    mouse_cursor: MouseCursor | None = None
    drag_interval: int | None = None
    hover_interval: int | None = None
    on_tap: EventHandler[ControlEvent] | None = event(default=None)
    on_tap_down: EventHandler[TapEvent] | None = event(TapEvent, default=None)
    on_tap_up: EventHandler[TapEvent] | None = event(TapEvent, default=None)
    on_multi_tap: EventHandler[MultiTapEvent] | None = event(MultiTapEvent, default=None)
    multi_tap_touches: int | None = None
    on_multi_long_press: EventHandler[ControlEvent] | None = event(default=None)
    on_secondary_tap: EventHandler[ControlEvent] | None = event(default=None)
    on_secondary_tap_down: EventHandler[TapEvent] | None = event(TapEvent, default=None)
    on_secondary_tap_up: EventHandler[TapEvent] | None = event(TapEvent, default=None)
    on_long_press_start: EventHandler[LongPressStartEvent] | None = event(LongPressStartEvent, default=None)
    on_long_press_end: EventHandler[LongPressEndEvent] | None = event(LongPressEndEvent, default=None)
    on_secondary_long_press_start: EventHandler[LongPressStartEvent] | None = event(LongPressStartEvent, default=None)
    on_secondary_long_press_end: EventHandler[LongPressEndEvent] | None = event(LongPressEndEvent, default=None)
    on_double_tap: EventHandler[ControlEvent] | None = event(default=None)
    on_double_tap_down: EventHandler[TapEvent] | None = event(TapEvent, default=None)
    on_horizontal_drag_start: EventHandler[DragStartEvent] | None = event(DragStartEvent, default=None)
    on_horizontal_drag_update: EventHandler[DragUpdateEvent] | None = event(DragUpdateEvent, default=None)
    on_horizontal_drag_end: EventHandler[DragEndEvent] | None = event(DragEndEvent, default=None)
    on_vertical_drag_start: EventHandler[DragStartEvent] | None = event(DragStartEvent, default=None)
    on_vertical_drag_update: EventHandler[DragUpdateEvent] | None = event(DragUpdateEvent, default=None)
    on_vertical_drag_end: EventHandler[DragEndEvent] | None = event(DragEndEvent, default=None)
    on_pan_start: EventHandler[DragStartEvent] | None = event(DragStartEvent, default=None)
    on_pan_update: EventHandler[DragUpdateEvent] | None = event(DragUpdateEvent, default=None)
    on_pan_end: EventHandler[DragEndEvent] | None = event(DragEndEvent, default=None)
    on_scale_start: EventHandler[ScaleStartEvent] | None = event(ScaleStartEvent, default=None)
    on_scale_update: EventHandler[ScaleUpdateEvent] | None = event(ScaleUpdateEvent, default=None)
    on_scale_end: EventHandler[ScaleEndEvent] | None = event(ScaleEndEvent, default=None)
    on_hover: EventHandler[HoverEvent] | None = event(HoverEvent, default=None)
    on_enter: EventHandler[HoverEvent] | None = event(HoverEvent, default=None)
    on_exit: EventHandler[HoverEvent] | None = event(HoverEvent, default=None)
    on_scroll: EventHandler[ScrollEvent] | None = event(ScrollEvent, default=None)


@control(
    "draggable",
    positional="group content content_when_dragging content_feedback ref disabled visible data".split(),
)
class Draggable(Control):
    """A control the user can drag onto a `DragTarget` of the same group."""

    group: str | None = prop(default=None, kw_only=False)
    content: Control | None = slot(n="content", default=None)
    content_when_dragging: Control | None = slot(n="content_when_dragging", default=None)
    content_feedback: Control | None = slot(n="content_feedback", default=None)


@control(
    "dragtarget",
    positional="group content on_will_accept on_accept on_leave ref disabled visible data".split(),
)
class DragTarget(Control):
    """A control that accepts `Draggable` controls of its group dropped on it."""

    group: str | None = prop(default=None, kw_only=False)
    content: Control | None = slot(n="content", default=None)
    on_will_accept: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_accept: EventHandler[DragTargetAcceptEvent] | None = event(DragTargetAcceptEvent, flag=False, default=None)
    on_leave: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "dismissible",
    positional=(
        "content background secondary_background dismiss_direction dismiss_thresholds movement_duration "
        "resize_duration cross_axis_end_offset on_update on_dismiss on_confirm_dismiss on_resize ref "
        "width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data key adaptive"
    ).split(),
)
class Dismissible(ConstrainedControl, AdaptiveControl):
    """A control that can be swiped away in a direction."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    background: Control | None = slot(n="background", default=None)
    secondary_background: Control | None = slot(n="secondaryBackground", default=None)
    dismiss_direction: DismissDirection | None = None
    dismiss_thresholds: dict[DismissDirection, int | float | None] | None = prop(default=None, json=True)
    # the client reads `duration`; upstream sent `movementduration`, which it ignored
    movement_duration: int | None = prop(default=None, wire="duration")
    resize_duration: int | None = None
    cross_axis_end_offset: int | float | None = None
    on_update: EventHandler[DismissibleUpdateEvent] | None = event(DismissibleUpdateEvent, default=None)
    on_dismiss: EventHandler[DismissibleDismissEvent] | None = event(DismissibleDismissEvent, default=None)
    on_confirm_dismiss: EventHandler[DismissibleDismissEvent] | None = event(DismissibleDismissEvent, default=None)
    on_resize: EventHandler[ControlEvent] | None = event(default=None)

    def confirm_dismiss(self, dismiss: bool) -> None:
        """Answer an `on_confirm_dismiss` event: let the swipe dismiss the control, or not."""
        self.invoke_method("confirm_dismiss", {"dismiss": "true" if dismiss else "false"})

    confirm_dismiss_async = deprecated_twin(confirm_dismiss)


@control(
    "transparentpointer",
    positional=(
        "content ref width height left top right bottom expand expand_loose opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class TransparentPointer(ConstrainedControl):
    """Lets pointer events pass through its content to the controls below."""

    content: Control | None = slot(n="content", default=None, kw_only=False)


@control(
    "windowDragArea",
    positional=(
        "content maximizable ref width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class WindowDragArea(ConstrainedControl):
    """Lets the user drag or maximize the desktop window by its content."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    maximizable: bool | None = True
