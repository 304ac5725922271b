"""Text appearance: `TextStyle` and the enums for decorations, overflow and theme styles."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntFlag
from typing import Literal, TypeAlias

from flet_core.painting import Paint
from flet_core.shadow import BoxShadow
from flet_core.types import ColorValue, FontWeight

__all__ = [
    "TextDecoration",
    "TextDecorationStyle",
    "TextOverflow",
    "TextOverflowString",
    "TextStyle",
    "TextThemeStyle",
]


class TextDecoration(IntFlag):
    """Lines drawn near text; members combine with `|`."""

    NONE = 0
    UNDERLINE = 1
    OVERLINE = 2
    LINE_THROUGH = 4


class TextDecorationStyle(Enum):
    """Line style of a text decoration."""

    SOLID = "solid"
    DOUBLE = "double"
    DOTTED = "dotted"
    DASHED = "dashed"
    WAVY = "wavy"


class TextOverflow(Enum):
    """How text that does not fit is shown."""

    NONE = None
    CLIP = "clip"
    ELLIPSIS = "ellipsis"
    FADE = "fade"
    VISIBLE = "visible"


TextOverflowString: TypeAlias = Literal[None, "clip", "ellipsis", "fade", "visible"]
"""The values of `TextOverflow` as plain strings (None for unset)."""


class TextThemeStyle(Enum):
    """Named text styles of the Material text theme."""

    DISPLAY_LARGE = "displayLarge"
    DISPLAY_MEDIUM = "displayMedium"
    DISPLAY_SMALL = "displaySmall"
    HEADLINE_LARGE = "headlineLarge"
    HEADLINE_MEDIUM = "headlineMedium"
    HEADLINE_SMALL = "headlineSmall"
    TITLE_LARGE = "titleLarge"
    TITLE_MEDIUM = "titleMedium"
    TITLE_SMALL = "titleSmall"
    LABEL_LARGE = "labelLarge"
    LABEL_MEDIUM = "labelMedium"
    LABEL_SMALL = "labelSmall"
    BODY_LARGE = "bodyLarge"
    BODY_MEDIUM = "bodyMedium"
    BODY_SMALL = "bodySmall"


@dataclass
class TextStyle:
    """Font, colour, decoration and spacing of a run of text."""

    size: float | None = None
    height: float | None = None
    """Line height as a multiple of the font size."""
    weight: FontWeight | None = None
    italic: bool | None = None
    decoration: TextDecoration | None = None
    decoration_color: ColorValue | None = None
    decoration_thickness: float | None = None
    """Thickness of the decoration lines as a multiple of the font's default thickness."""
    decoration_style: TextDecorationStyle | None = None
    font_family: str | None = None
    color: ColorValue | None = None
    bgcolor: ColorValue | None = None
    shadow: BoxShadow | list[BoxShadow] | None = None
    foreground: Paint | None = None
    """Paint for the glyphs; overrides `color`."""
    letter_spacing: float | None = None
