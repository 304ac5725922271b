"""`Container`: a box with padding, decoration, background image and click events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flet_core._fields import control, event, prop, slot
from flet_core._typed_events import JsonEvent, to_float
from flet_core.adaptive_control import AdaptiveControl
from flet_core.alignment import Alignment
from flet_core.blur import Blur
from flet_core.border import Border
from flet_core.constrained_control import ConstrainedControl
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.gradients import Gradient
from flet_core.shadow import BoxShadow
from flet_core.theme import Theme
from flet_core.types import (
    AnimationValue,
    BlendMode,
    BorderRadiusValue,
    BoxShape,
    ClipBehavior,
    ImageFit,
    ImageRepeat,
    MarginValue,
    PaddingValue,
    ThemeMode,
)

if TYPE_CHECKING:
    from flet_core.control import Control


__all__ = ["Container", "ContainerTapEvent"]


class ContainerTapEvent(JsonEvent):
    """A click on a container that has `on_click`, and where it happened."""

    def __init__(self, lx: Any = 0, ly: Any = 0, gx: Any = 0, gy: Any = 0) -> None:
        super().__init__("click")
        self.local_x = to_float(lx)
        self.local_y = to_float(ly)
        self.global_x = to_float(gx)
        self.global_y = to_float(gy)


@control(
    "container",
    positional=(
        "content ref key width height left top right bottom expand expand_loose col opacity rotate scale "
        "offset aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data rtl padding margin alignment "
        "bgcolor gradient blend_mode border border_radius image_src image_src_base64 image_repeat "
        "image_fit image_opacity shape clip_behavior ink ink_color animate blur shadow url url_target "
        "theme theme_mode on_click on_long_press on_hover adaptive"
    ).split(),
)
class Container(ConstrainedControl, AdaptiveControl):
    """A box that decorates and positions one control: padding, colour, border, image."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    padding: PaddingValue = prop(default=None, json=True)
    margin: MarginValue = prop(default=None, json=True)
    alignment: Alignment | None = prop(default=None, json=True)
    bgcolor: str | None = None
    gradient: Gradient | None = prop(default=None, json=True)
    blend_mode: BlendMode = BlendMode.NONE
    border: Border | None = prop(default=None, json=True)
    border_radius: BorderRadiusValue = prop(default=None, json=True)
    image_src: str | None = None
    image_src_base64: str | None = None
    image_repeat: ImageRepeat | None = None
    image_fit: ImageFit | None = None
    image_opacity: int | float | None = 1.0
    shape: BoxShape | None = None
    clip_behavior: ClipBehavior | None = None
    ink: bool | None = False
    ink_color: str | None = None
    animate: AnimationValue = prop(default=None, json=True)
    blur: float | int | tuple[float | int, float | int] | Blur | None = prop(default=None, json=True)
    shadow: BoxShadow | list[BoxShadow] | None = prop(default=None, json=True)
    url: str | None = None
    url_target: str | None = None
    theme: Theme | None = prop(default=None, json=True)
    theme_mode: ThemeMode | None = None
    on_click: EventHandler[ContainerTapEvent] | None = event(ContainerTapEvent, default=None)
    on_long_press: EventHandler[ControlEvent] | None = event(default=None)
    on_hover: EventHandler[ControlEvent] | None = event(default=None)
