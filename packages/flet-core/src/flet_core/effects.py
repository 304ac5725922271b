"""Visual effects: animated content switches and shader masks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flet_core._fields import control, prop, slot
from flet_core.animation import AnimatedSwitcherTransition, AnimationCurve
from flet_core.constrained_control import ConstrainedControl
from flet_core.gradients import Gradient
from flet_core.types import BlendMode, BorderRadiusValue

if TYPE_CHECKING:
    from flet_core.control import Control


__all__ = ["AnimatedSwitcher", "ShaderMask"]


@control(
    "animatedswitcher",
    positional=(
        "content duration reverse_duration switch_in_curve switch_out_curve transition ref width height "
        "left top right bottom expand expand_loose col opacity rotate scale offset aspect_ratio "
        "animate_opacity animate_size animate_position animate_rotation animate_scale animate_offset "
        "on_animation_end tooltip visible disabled data"
    ).split(),
)
class AnimatedSwitcher(ConstrainedControl):
    """Animates the change from its old content to its new content."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    duration: int | None = None
    reverse_duration: int | None = None
    switch_in_curve: AnimationCurve | None = None
    switch_out_curve: AnimationCurve | None = None
    transition: AnimatedSwitcherTransition | None = None


@control(
    "shadermask",
    positional=(
        "content blend_mode shader border_radius ref width height left top right bottom expand "
        "expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class ShaderMask(ConstrainedControl):
    """Applies a gradient shader as a mask to its content."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    blend_mode: BlendMode = BlendMode.NONE
    shader: Gradient | None = prop(default=None, json=True)
    border_radius: BorderRadiusValue = prop(default=None, json=True)
