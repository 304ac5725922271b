"""Material buttons; styles set on the control are folded into the `style` the client reads."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from flet_core._fields import control, event, local, prop, slot
from flet_core._focusable import Focusable
from flet_core._style_states import per_state, wrap_states
from flet_core.adaptive_control import AdaptiveControl
from flet_core.buttons import ButtonStyle, OutlinedBorder
from flet_core.constrained_control import ConstrainedControl
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.types import OptionalNumber

if TYPE_CHECKING:
    from flet_core.control import Control


__all__ = [
    "ElevatedButton",
    "FilledButton",
    "FilledTonalButton",
    "FloatingActionButton",
    "IconButton",
    "OutlinedButton",
    "TextButton",
]


_STYLE_STATES = ("padding", "side", "shape")


@control(
    "elevatedbutton",
    positional=(
        "text icon icon_color color bgcolor content elevation style autofocus adaptive url url_target "
        "on_click on_long_press on_hover on_focus on_blur ref key width height left top right bottom "
        "expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class ElevatedButton(Focusable, ConstrainedControl, AdaptiveControl):
    """A Material button with an elevation shadow.

    `color`, `bgcolor` and `elevation` are shorthands for the same fields of `style`; a hook folds
    them into the one `style` attribute the client reads (a field set in `style` wins).
    """

    text: str | None = prop(default=None, kw_only=False)
    icon: str | None = None
    icon_color: str | None = None
    color: str | None = local(default=None)
    bgcolor: str | None = None
    content: Control | None = slot(n="content", default=None)
    elevation: OptionalNumber = local(default=None)
    style: ButtonStyle | None = local(default=None)
    autofocus: bool | None = False
    url: str | None = None
    url_target: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_long_press: EventHandler[ControlEvent] | None = event(default=None)
    on_hover: EventHandler[ControlEvent] | None = event(default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)

    def _style_defaults(self) -> tuple[str | None, OptionalNumber]:
        """The text colour and elevation used when neither the control nor its style sets them."""
        return None, None

    def before_update(self) -> None:
        super().before_update()
        self._set_attr("style", self._effective_style())

    def _effective_style(self) -> ButtonStyle | None:
        default_color, default_elevation = self._style_defaults()
        color = self.color if self.color is not None else default_color
        elevation = self.elevation if self.elevation is not None else default_elevation
        if self.style is None and color is None and self.bgcolor is None and elevation is None:
            return None
        style = copy.copy(self.style) if self.style is not None else ButtonStyle()
        if not self.disabled:
            # a disabled button takes the theme's disabled colours
            if style.color is None:
                style.color = color
            if style.bgcolor is None:
                style.bgcolor = self.bgcolor
        if elevation is not None:
            style.elevation = elevation
        return wrap_states(style, _STYLE_STATES)


@control(
    "elevatedbutton",
    positional=(
        "text adaptive icon icon_color style content autofocus url url_target on_click on_long_press "
        "on_hover ref key width height expand expand_loose col opacity tooltip visible disabled data"
    ).split(),
)
class FilledButton(ElevatedButton):
    """A Material button filled with the primary colour."""

    bgcolor: str | None = prop(default="primary", eager=True)

    def _style_defaults(self) -> tuple[str | None, OptionalNumber]:
        return "onPrimary", 0


@control(
    "elevatedbutton",
    positional=(
        "text icon icon_color style content autofocus url url_target on_click on_long_press on_hover ref "
        "key width height expand expand_loose col opacity tooltip visible disabled data adaptive"
    ).split(),
)
class FilledTonalButton(ElevatedButton):
    """A Material button filled with the secondary container colour."""

    bgcolor: str | None = prop(default="secondaryContainer", eager=True)

    def _style_defaults(self) -> tuple[str | None, OptionalNumber]:
        return "onSecondaryContainer", 0


@control(
    "outlinedbutton",
    positional=(
        "text icon icon_color content style autofocus url url_target on_click on_long_press on_hover "
        "on_focus on_blur ref key width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data adaptive"
    ).split(),
)
class OutlinedButton(Focusable, ConstrainedControl, AdaptiveControl):
    """A Material button with an outline."""

    text: str | None = prop(default=None, kw_only=False)
    icon: str | None = None
    icon_color: str | None = None
    content: Control | None = slot(n="content", default=None)
    style: ButtonStyle | None = prop(default=None, encode=per_state(*_STYLE_STATES))
    autofocus: bool | None = False
    url: str | None = None
    url_target: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_long_press: EventHandler[ControlEvent] | None = event(default=None)
    on_hover: EventHandler[ControlEvent] | None = event(default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "textbutton",
    positional=(
        "text icon icon_color content style autofocus url url_target on_click on_long_press on_hover "
        "on_focus on_blur ref key width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data adaptive"
    ).split(),
)
class TextButton(Focusable, ConstrainedControl, AdaptiveControl):
    """A flat Material button with no background or outline."""

    text: str | None = prop(default=None, kw_only=False)
    icon: str | None = None
    icon_color: str | None = None
    content: Control | None = slot(n="content", default=None)
    style: ButtonStyle | None = prop(default=None, encode=per_state(*_STYLE_STATES))
    autofocus: bool | None = False
    url: str | None = None
    url_target: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_long_press: EventHandler[ControlEvent] | None = event(default=None)
    on_hover: EventHandler[ControlEvent] | None = event(default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "iconbutton",
    positional=(
        "icon icon_color icon_size selected selected_icon selected_icon_color bgcolor highlight_color "
        "style content autofocus url url_target on_click on_focus on_blur ref key width height left top "
        "right bottom expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data adaptive"
    ).split(),
)
class IconButton(Focusable, ConstrainedControl, AdaptiveControl):
    """A button that shows an icon."""

    icon: str | None = prop(default=None, kw_only=False)
    icon_color: str | None = None
    icon_size: int | float | None = None
    selected: bool | None = False
    selected_icon: str | None = None
    selected_icon_color: str | None = None
    bgcolor: str | None = None
    highlight_color: str | None = None
    style: ButtonStyle | None = prop(default=None, encode=per_state(*_STYLE_STATES))
    content: Control | None = slot(n="content", default=None)
    autofocus: bool | None = False
    url: str | None = None
    url_target: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_focus: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_blur: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "floatingactionbutton",
    positional=(
        "text icon bgcolor content shape autofocus mini url url_target on_click ref key width height left "
        "top right bottom expand expand_loose col opacity rotate scale offset aspect_ratio "
        "animate_opacity animate_size animate_position animate_rotation animate_scale animate_offset "
        "on_animation_end tooltip visible disabled data"
    ).split(),
)
class FloatingActionButton(ConstrainedControl):
    """A Material floating action button, usually placed on a view."""

    text: str | None = prop(default=None, kw_only=False)
    icon: str | None = None
    bgcolor: str | None = None
    content: Control | None = slot(n="content", default=None)
    shape: OutlinedBorder | None = prop(default=None, json=True)
    autofocus: bool | None = False
    mini: bool | None = False
    url: str | None = None
    url_target: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)
