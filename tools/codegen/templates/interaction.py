"""Controls that react to pointers: gesture detectors, drag and drop, and dismissible items."""

from __future__ import annotations

from typing import Any, Self

from flet_core._deprecation import deprecated_twin
from flet_core._fields import prop
from flet_core._typed_events import JsonEvent, to_float
from flet_core.control_event import ControlEvent
from flet_core.gestures import DismissDirection


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


class Dismissible:
    # the client reads `duration`; upstream sent `movementduration`, which it ignored
    movement_duration: int | None = prop(default=None, wire="duration")

    def confirm_dismiss(self, dismiss: bool) -> None:
        """Answer an `on_confirm_dismiss` event: let the swipe dismiss the control, or not."""
        self.invoke_method("confirm_dismiss", {"dismiss": "true" if dismiss else "false"})

    confirm_dismiss_async = deprecated_twin(confirm_dismiss)
