"""Material buttons; styles set on the control are folded into the `style` the client reads."""

from __future__ import annotations

import copy

from flet_core._fields import local, prop
from flet_core._style_states import per_state, wrap_states
from flet_core.buttons import ButtonStyle
from flet_core.types import OptionalNumber

_STYLE_STATES = ("padding", "side", "shape")


class ElevatedButton:
    """A Material button with an elevation shadow.

    `color`, `bgcolor` and `elevation` are shorthands for the same fields of `style`; a hook folds
    them into the one `style` attribute the client reads (a field set in `style` wins).
    """

    color: str | None = local(default=None)
    elevation: OptionalNumber = local(default=None)
    style: ButtonStyle | None = local(default=None)

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


class FilledButton:
    def _style_defaults(self) -> tuple[str | None, OptionalNumber]:
        return "onPrimary", 0


class FilledTonalButton:
    def _style_defaults(self) -> tuple[str | None, OptionalNumber]:
        return "onSecondaryContainer", 0


class OutlinedButton:
    style: ButtonStyle | None = prop(default=None, encode=per_state(*_STYLE_STATES))


class TextButton:
    style: ButtonStyle | None = prop(default=None, encode=per_state(*_STYLE_STATES))


class IconButton:
    style: ButtonStyle | None = prop(default=None, encode=per_state(*_STYLE_STATES))
