"""`UserControl`, the 0.21 base class of reusable composite controls."""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

from flet_core._fields import control
from flet_core.layout import Stack

__all__ = ["UserControl"]


@control(
    "stack",
    positional=(
        "controls clip_behavior ref key width height left top right bottom expand expand_loose col "
        "opacity rotate scale offset aspect_ratio animate_opacity animate_size animate_position "
        "animate_rotation animate_scale animate_offset on_animation_end visible disabled data adaptive"
    ).split(),
)
class UserControl(Stack):
    """A reusable composite control: `build()` returns its content (deprecated in 0.21).

    The result of `build()` becomes the stack's only child. A user control is isolated: changes
    inside it reach the client on its own `update()`, not on its parent's.
    """

    _warned: ClassVar[set[type]] = set()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        if cls not in UserControl._warned:
            UserControl._warned.add(cls)
            warnings.warn(
                f"{cls.__name__}: UserControl is deprecated since version 0.21.0; inherit from the "
                "control whose layout you need (for example Column or Container) instead",
                DeprecationWarning,
                stacklevel=2,
            )
        super().__init__(*args, **kwargs)

    def is_isolated(self) -> bool:
        return True
