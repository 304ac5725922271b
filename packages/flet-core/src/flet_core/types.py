"""Shared type aliases, enums and constants used across controls.

Aliases name the unions that many attributes accept (`PaddingValue` is a number or a
`Padding`), so signatures stay short. The enums here are the ones upstream keeps in
`flet_core.types`; enums that belong to one family of controls live next to their value types.
"""

from __future__ import annotations

from enum import Enum
from typing import Final, TypeAlias

from flet_core.animation import Animation
from flet_core.border_radius import BorderRadius
from flet_core.margin import Margin
from flet_core.padding import Padding
from flet_core.transform import Offset, Rotate, Scale

__all__ = [
    "FLET_APP",
    "FLET_APP_HIDDEN",
    "FLET_APP_WEB",
    "WEB_BROWSER",
    "AnimationValue",
    "AppLifecycleState",
    "AppView",
    "BlendMode",
    "BorderRadiusValue",
    "BoxShape",
    "Brightness",
    "ClipBehavior",
    "ColorValue",
    "CrossAxisAlignment",
    "FloatingActionButtonLocation",
    "FontWeight",
    "ImageFit",
    "ImageRepeat",
    "LabelPosition",
    "MainAxisAlignment",
    "MarginValue",
    "MaterialState",
    "NotchShape",
    "OffsetValue",
    "OptionalNumber",
    "PaddingValue",
    "PagePlatform",
    "ResponsiveNumber",
    "RotateValue",
    "ScaleValue",
    "ScrollMode",
    "TabAlignment",
    "TextAlign",
    "ThemeMode",
    "VerticalAlignment",
    "WebRenderer",
]

WEB_BROWSER: Final = "web_browser"
"""`ft.app(view=...)`: open the app in a browser tab."""
FLET_APP: Final = "flet_app"
"""`ft.app(view=...)`: open the app in a native Flet window."""
FLET_APP_WEB: Final = "flet_app_web"
"""`ft.app(view=...)`: open the web build of the app in a native Flet window."""
FLET_APP_HIDDEN: Final = "flet_app_hidden"
"""`ft.app(view=...)`: start a native Flet window hidden."""

OptionalNumber: TypeAlias = int | float | None
"""A number, or None for "not set"."""

ColorValue: TypeAlias = str
"""A colour: a name from `colors`/`cupertino_colors`, `#RRGGBB`/`#AARRGGBB`, or `"name,opacity"`."""

PaddingValue: TypeAlias = int | float | Padding | None
"""Padding: one number for all sides, or a `Padding`."""

MarginValue: TypeAlias = int | float | Margin | None
"""Margin: one number for all sides, or a `Margin`."""

BorderRadiusValue: TypeAlias = int | float | BorderRadius | None
"""Corner rounding: one radius for all corners, or a `BorderRadius`."""

RotateValue: TypeAlias = int | float | Rotate | None
"""Rotation: an angle in radians around the centre, or a `Rotate`."""

ScaleValue: TypeAlias = int | float | Scale | None
"""Scale: one factor for both axes, or a `Scale`."""

OffsetValue: TypeAlias = Offset | tuple[float | int, float | int] | None
"""Offset: an `Offset` or an `(x, y)` pair."""

AnimationValue: TypeAlias = bool | int | Animation | None
"""Implicit animation: True for the default, a duration in milliseconds, or an `Animation`."""

ResponsiveNumber: TypeAlias = dict[str, int | float] | int | float
"""A number, or a mapping of breakpoint names (`"xs"`, `"sm"`, `"md"`, ...) to numbers."""


class AppLifecycleState(Enum):
    """Lifecycle states the client reports for the running app."""

    SHOW = "show"
    RESUME = "resume"
    HIDE = "hide"
    INACTIVE = "inactive"
    PAUSE = "pause"
    DETACH = "detach"
    RESTART = "restart"


class AppView(Enum):
    """Where `ft.app` shows the app: a browser tab or a native Flet window."""

    WEB_BROWSER = "web_browser"
    FLET_APP = "flet_app"
    FLET_APP_WEB = "flet_app_web"
    FLET_APP_HIDDEN = "flet_app_hidden"


class BlendMode(Enum):
    """Ways to combine source and destination pixels when painting."""

    NONE = None
    CLEAR = "clear"
    COLOR = "color"
    COLOR_BURN = "colorBurn"
    COLOR_DODGE = "colorDodge"
    DARKEN = "darken"
    DIFFERENCE = "difference"
    DST = "dst"
    DST_A_TOP = "dstATop"
    DST_IN = "dstIn"
    DST_OUT = "dstOut"
    DST_OVER = "dstOver"
    EXCLUSION = "exclusion"
    HARD_LIGHT = "hardLight"
    HUE = "hue"
    LIGHTEN = "lighten"
    LUMINOSITY = "luminosity"
    MODULATE = "modulate"
    MULTIPLY = "multiply"
    OVERLAY = "overlay"
    PLUS = "plus"
    SATURATION = "saturation"
    SCREEN = "screen"
    SOFT_LIGHT = "softLight"
    SRC = "src"
    SRC_A_TOP = "srcATop"
    SRC_IN = "srcIn"
    SRC_OUT = "srcOut"
    SRC_OVER = "srcOver"
    VALUES = "values"
    XOR = "xor"


class BoxShape(Enum):
    """Outline of a box: a rectangle or a circle."""

    RECTANGLE = "rectangle"
    CIRCLE = "circle"


class Brightness(Enum):
    """Light or dark colour brightness."""

    LIGHT = "light"
    DARK = "dark"


class ClipBehavior(Enum):
    """How content outside a control's bounds is clipped."""

    NONE = "none"
    ANTI_ALIAS = "antiAlias"
    ANTI_ALIAS_WITH_SAVE_LAYER = "antiAliasWithSaveLayer"
    HARD_EDGE = "hardEdge"


class CrossAxisAlignment(Enum):
    """Placement of children across a flex layout's main axis."""

    NONE = None
    START = "start"
    END = "end"
    CENTER = "center"
    STRETCH = "stretch"
    BASELINE = "baseline"


class FloatingActionButtonLocation(Enum):
    """Standard positions of the floating action button."""

    CENTER_DOCKED = "centerDocked"
    CENTER_FLOAT = "centerFloat"
    CENTER_TOP = "centerTop"
    END_CONTAINED = "endContained"
    END_DOCKED = "endDocked"
    END_FLOAT = "endFloat"
    END_TOP = "endTop"
    MINI_CENTER_DOCKED = "miniCenterDocked"
    MINI_CENTER_FLOAT = "miniCenterFloat"
    MINI_CENTER_TOP = "miniCenterTop"
    MINI_END_DOCKED = "miniEndDocked"
    MINI_END_FLOAT = "miniEndFloat"
    MINI_END_TOP = "miniEndTop"
    MINI_START_DOCKED = "miniStartDocked"
    MINI_START_FLOAT = "miniStartFloat"
    MINI_START_TOP = "miniStartTop"
    START_DOCKED = "startDocked"
    START_FLOAT = "startFloat"
    START_TOP = "startTop"


class FontWeight(Enum):
    """Thickness of glyphs, from thin (100) to black (900)."""

    NORMAL = "normal"
    BOLD = "bold"
    W_100 = "w100"
    W_200 = "w200"
    W_300 = "w300"
    W_400 = "w400"
    W_500 = "w500"
    W_600 = "w600"
    W_700 = "w700"
    W_800 = "w800"
    W_900 = "w900"


class ImageFit(Enum):
    """How an image is inscribed into its box."""

    NONE = "none"
    CONTAIN = "contain"
    COVER = "cover"
    FILL = "fill"
    FIT_HEIGHT = "fitHeight"
    FIT_WIDTH = "fitWidth"
    SCALE_DOWN = "scaleDown"


class ImageRepeat(Enum):
    """How an image repeats to fill its box."""

    NO_REPEAT = "noRepeat"
    REPEAT = "repeat"
    REPEAT_X = "repeatX"
    REPEAT_Y = "repeatY"


class LabelPosition(Enum):
    """Side of a checkbox, radio or switch on which the label sits."""

    NONE = None
    RIGHT = "right"
    LEFT = "left"


class MainAxisAlignment(Enum):
    """Placement of children along a flex layout's main axis."""

    NONE = None
    START = "start"
    END = "end"
    CENTER = "center"
    SPACE_BETWEEN = "spaceBetween"
    SPACE_AROUND = "spaceAround"
    SPACE_EVENLY = "spaceEvenly"


class MaterialState(Enum):
    """Interaction states used as keys of state-dependent style values."""

    HOVERED = "hovered"
    FOCUSED = "focused"
    PRESSED = "pressed"
    DRAGGED = "dragged"
    SELECTED = "selected"
    SCROLLED_UNDER = "scrolledUnder"
    DISABLED = "disabled"
    ERROR = "error"
    DEFAULT = ""


class NotchShape(Enum):
    """Shape of the notch a bottom app bar cuts for the floating action button."""

    AUTO = "auto"
    CIRCULAR = "circular"


class PagePlatform(Enum):
    """Platforms the client can report or emulate."""

    IOS = "ios"
    ANDROID = "android"
    MACOS = "macos"
    WINDOWS = "windows"
    LINUX = "linux"


class ScrollMode(Enum):
    """Scrolling behaviour and scroll bar visibility."""

    AUTO = "auto"
    ADAPTIVE = "adaptive"
    ALWAYS = "always"
    HIDDEN = "hidden"


class TabAlignment(Enum):
    """Horizontal placement of tabs in a tab bar."""

    NONE = None
    START = "start"
    START_OFFSET = "startOffset"
    FILL = "fill"
    CENTER = "center"


class TextAlign(Enum):
    """Horizontal alignment of text."""

    NONE = None
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"
    JUSTIFY = "justify"
    START = "start"
    END = "end"


class ThemeMode(Enum):
    """Whether the app uses the light theme, the dark theme or follows the system."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class VerticalAlignment(Enum):
    """Vertical alignment of text inside an input field."""

    NONE = None
    START = -1.0
    END = 1.0
    CENTER = 0.0


class WebRenderer(Enum):
    """Flutter web renderers."""

    AUTO = "auto"
    HTML = "html"
    CANVAS_KIT = "canvaskit"
