"""Button and menu styles, and the outlined border shapes they use.

Most `ButtonStyle` and `MenuStyle` fields take either one value or a dict from `MaterialState`
(or its string value, `""` for the default) to a value, so a button can change its look when
hovered, pressed, disabled and so on. Each border shape carries a fixed `type` field that tells
the client which shape it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flet_core.alignment import Alignment
from flet_core.border import BorderSide
from flet_core.gestures import MouseCursor
from flet_core.types import BorderRadiusValue, ColorValue, MaterialState, PaddingValue

__all__ = [
    "BeveledRectangleBorder",
    "ButtonStyle",
    "CircleBorder",
    "ContinuousRectangleBorder",
    "MenuStyle",
    "OutlinedBorder",
    "RoundedRectangleBorder",
    "StadiumBorder",
]


@dataclass
class OutlinedBorder:
    """Base of the border shapes; use one of the concrete subclasses."""

    def __post_init__(self) -> None:
        if type(self) is OutlinedBorder:
            raise TypeError(
                "OutlinedBorder is abstract; use RoundedRectangleBorder, StadiumBorder, "
                "CircleBorder, BeveledRectangleBorder or ContinuousRectangleBorder"
            )


@dataclass
class StadiumBorder(OutlinedBorder):
    """A pill shape: semicircles at both ends of a rectangle."""

    type: str = field(default="stadium", kw_only=True)


@dataclass
class RoundedRectangleBorder(OutlinedBorder):
    """A rectangle with rounded corners."""

    type: str = field(default="roundedRectangle", kw_only=True)
    radius: BorderRadiusValue = None


@dataclass
class CircleBorder(OutlinedBorder):
    """A circle that fits the shorter side of the box."""

    type: str = field(default="circle", kw_only=True)


@dataclass
class BeveledRectangleBorder(OutlinedBorder):
    """A rectangle with corners cut off diagonally."""

    type: str = field(default="beveledRectangle", kw_only=True)
    radius: BorderRadiusValue = None


@dataclass
class ContinuousRectangleBorder(OutlinedBorder):
    """A rectangle with smooth, continuously curved corners (a squircle)."""

    type: str = field(default="continuousRectangle", kw_only=True)
    radius: BorderRadiusValue = None


@dataclass
class ButtonStyle:
    """Colours, elevation, padding and shape of a button, optionally per interaction state."""

    color: ColorValue | dict[str | MaterialState, ColorValue] | None = None
    """Colour of the button's text and icon."""
    bgcolor: ColorValue | dict[str | MaterialState, ColorValue] | None = None
    overlay_color: ColorValue | dict[str | MaterialState, ColorValue] | None = None
    """Colour laid over the button to show that it is hovered, focused or pressed."""
    shadow_color: ColorValue | dict[str | MaterialState, ColorValue] | None = None
    surface_tint_color: ColorValue | dict[str | MaterialState, ColorValue] | None = None
    elevation: float | dict[str | MaterialState, float] | None = None
    animation_duration: int | None = None
    """Duration in milliseconds of the shape and elevation animations."""
    padding: PaddingValue | dict[str | MaterialState, PaddingValue] = None
    side: BorderSide | dict[str | MaterialState, BorderSide] | None = None
    shape: OutlinedBorder | dict[str | MaterialState, OutlinedBorder] | None = None


@dataclass
class MenuStyle:
    """Colours, elevation, padding and shape of a menu, optionally per interaction state."""

    alignment: Alignment | None = None
    """Where the menu opens relative to its anchor."""
    bgcolor: ColorValue | dict[str | MaterialState, ColorValue] | None = None
    shadow_color: ColorValue | dict[str | MaterialState, ColorValue] | None = None
    surface_tint_color: ColorValue | dict[str | MaterialState, ColorValue] | None = None
    elevation: float | dict[str | MaterialState, float] | None = None
    padding: PaddingValue | dict[str | MaterialState, PaddingValue] = None
    side: BorderSide | dict[str | MaterialState, BorderSide] | None = None
    shape: OutlinedBorder | dict[str | MaterialState, OutlinedBorder] | None = None
    mouse_cursor: MouseCursor | dict[str | MaterialState, MouseCursor] | None = None
