"""Text controls: `Text` and the inline spans it is made of."""

from __future__ import annotations

from flet_core._fields import control, event, prop, slot
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.text_style import TextOverflow, TextStyle, TextThemeStyle
from flet_core.types import FontWeight, TextAlign

__all__ = ["InlineSpan", "Text", "TextSpan"]


@control(None)
class InlineSpan(Control):
    """Base of the inline pieces of a `Text`."""


@control(
    "textspan",
    positional="text style spans url url_target on_click on_enter on_exit ref visible disabled data".split(),
)
class TextSpan(InlineSpan):
    """A piece of text in its own style, optionally a link, inside `Text`."""

    text: str | None = prop(default=None, kw_only=False)
    style: TextStyle | None = prop(default=None, json=True, kw_only=False)
    spans: list[InlineSpan] = slot(many=True, default=None, kw_only=False)
    url: str | None = None
    url_target: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(default=None)
    on_enter: EventHandler[ControlEvent] | None = event(default=None)
    on_exit: EventHandler[ControlEvent] | None = event(default=None)


@control(
    "text",
    positional=(
        "value spans text_align font_family size weight italic style theme_style max_lines overflow "
        "selectable no_wrap color bgcolor semantics_label ref key width height left top right bottom "
        "expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data rtl"
    ).split(),
)
class Text(ConstrainedControl):
    """A run of text, in one style or made of styled spans."""

    value: str | None = prop(default=None, kw_only=False)
    spans: list[TextSpan] = slot(many=True, default=None)
    text_align: TextAlign = TextAlign.NONE
    font_family: str | None = None
    size: int | float | None = None
    weight: FontWeight | None = None
    italic: bool | None = False
    style: TextThemeStyle | TextStyle | None = None
    theme_style: TextThemeStyle | None = prop(default=None, wire="theme_style")
    max_lines: int | None = None
    overflow: TextOverflow = TextOverflow.NONE
    selectable: bool | None = False
    no_wrap: bool | None = False
    color: str | None = None
    bgcolor: str | None = None
    semantics_label: str | None = None
