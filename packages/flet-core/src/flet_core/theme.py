"""Theme: the Material design settings of a page, and the sub-themes it is built from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, TypeAlias

from flet_core.border import BorderSide
from flet_core.border_radius import BorderRadius
from flet_core.text_style import TextStyle
from flet_core.types import Brightness, ColorValue, MaterialState, PaddingValue

__all__ = [
    "ColorScheme",
    "PageTransitionString",
    "PageTransitionTheme",
    "PageTransitionsTheme",
    "ScrollbarTheme",
    "SystemOverlayStyle",
    "TabsTheme",
    "TextTheme",
    "Theme",
    "ThemeVisualDensity",
    "VisualDensityString",
]


class PageTransitionTheme(Enum):
    """Animations used when routes are pushed and popped."""

    NONE = "none"
    FADE_UPWARDS = "fadeUpwards"
    OPEN_UPWARDS = "openUpwards"
    ZOOM = "zoom"
    CUPERTINO = "cupertino"


PageTransitionString: TypeAlias = Literal["fadeUpwards", "openUpwards", "zoom", "cupertino"]
"""The values of `PageTransitionTheme` as plain strings."""


class ThemeVisualDensity(Enum):
    """Compactness of Material components."""

    NONE = None
    STANDARD = "standard"
    COMPACT = "compact"
    COMFORTABLE = "comfortable"
    ADAPTIVEPLATFORMDENSITY = "adaptivePlatformDensity"
    # Same value, so an alias of the member above; 0.21 offers both spellings.
    ADAPTIVE_PLATFORM_DENSITY = "adaptivePlatformDensity"


VisualDensityString: TypeAlias = Literal[None, "standard", "compact", "comfortable", "adaptivePlatformDensity"]
"""The values of `ThemeVisualDensity` as plain strings (None for unset)."""


@dataclass
class ColorScheme:
    """Colours of the Material colour scheme; unset roles are derived from the seed colour."""

    primary: ColorValue | None = None
    on_primary: ColorValue | None = None
    primary_container: ColorValue | None = None
    on_primary_container: ColorValue | None = None
    secondary: ColorValue | None = None
    on_secondary: ColorValue | None = None
    secondary_container: ColorValue | None = None
    on_secondary_container: ColorValue | None = None
    tertiary: ColorValue | None = None
    on_tertiary: ColorValue | None = None
    tertiary_container: ColorValue | None = None
    on_tertiary_container: ColorValue | None = None
    error: ColorValue | None = None
    on_error: ColorValue | None = None
    error_container: ColorValue | None = None
    on_error_container: ColorValue | None = None
    background: ColorValue | None = None
    on_background: ColorValue | None = None
    surface: ColorValue | None = None
    on_surface: ColorValue | None = None
    surface_variant: ColorValue | None = None
    on_surface_variant: ColorValue | None = None
    outline: ColorValue | None = None
    outline_variant: ColorValue | None = None
    shadow: ColorValue | None = None
    scrim: ColorValue | None = None
    inverse_surface: ColorValue | None = None
    on_inverse_surface: ColorValue | None = None
    inverse_primary: ColorValue | None = None
    surface_tint: ColorValue | None = None


@dataclass
class TextTheme:
    """Text styles of the Material type scale; unset styles keep their defaults."""

    body_large: TextStyle | None = None
    body_medium: TextStyle | None = None
    body_small: TextStyle | None = None
    display_large: TextStyle | None = None
    display_medium: TextStyle | None = None
    display_small: TextStyle | None = None
    headline_large: TextStyle | None = None
    headline_medium: TextStyle | None = None
    headline_small: TextStyle | None = None
    label_large: TextStyle | None = None
    label_medium: TextStyle | None = None
    label_small: TextStyle | None = None
    title_large: TextStyle | None = None
    title_medium: TextStyle | None = None
    title_small: TextStyle | None = None


@dataclass
class ScrollbarTheme:
    """Look and behaviour of scroll bars; most values may depend on the interaction state."""

    thumb_visibility: bool | dict[MaterialState, bool] | None = None
    thickness: float | dict[MaterialState, float] | None = None
    track_visibility: bool | dict[MaterialState, bool] | None = None
    radius: float | None = None
    thumb_color: ColorValue | dict[MaterialState, ColorValue] | None = None
    track_color: ColorValue | dict[MaterialState, ColorValue] | None = None
    track_border_color: ColorValue | dict[MaterialState, ColorValue] | None = None
    cross_axis_margin: float | None = None
    main_axis_margin: float | None = None
    min_thumb_length: float | None = None
    interactive: bool | None = None


@dataclass
class TabsTheme:
    """Look of tab bars: divider, indicator and label colours."""

    divider_color: ColorValue | None = None
    indicator_border_radius: BorderRadius | None = None
    indicator_border_side: BorderSide | None = None
    indicator_padding: PaddingValue = None
    indicator_color: ColorValue | None = None
    indicator_tab_size: bool | None = None
    """True to size the indicator to the whole tab rather than its label."""
    label_color: ColorValue | None = None
    unselected_label_color: ColorValue | None = None
    overlay_color: ColorValue | dict[MaterialState, ColorValue] | None = None


@dataclass
class SystemOverlayStyle:
    """Colours and icon brightness of the mobile status bar and system navigation bar."""

    status_bar_color: ColorValue | None = None
    system_navigation_bar_color: ColorValue | None = None
    system_navigation_bar_divider_color: ColorValue | None = None
    enforce_system_navigation_bar_contrast: bool | None = None
    enforce_system_status_bar_contrast: bool | None = None
    system_navigation_bar_icon_brightness: Brightness | None = None
    status_bar_brightness: Brightness | None = None
    status_bar_icon_brightness: Brightness | None = None


@dataclass
class PageTransitionsTheme:
    """Route transition animation per platform; unset platforms use their native default."""

    android: PageTransitionTheme | None = None
    ios: PageTransitionTheme | None = None
    linux: PageTransitionTheme | None = None
    macos: PageTransitionTheme | None = None
    windows: PageTransitionTheme | None = None


@dataclass
class Theme:
    """Material theme of a page: colours, text styles, density and component themes."""

    color_scheme_seed: ColorValue | None = None
    """Colour from which the whole colour scheme is generated."""
    primary_swatch: ColorValue | None = None
    color_scheme: ColorScheme | None = None
    text_theme: TextTheme | None = None
    primary_text_theme: TextTheme | None = None
    """Text styles for text drawn on the primary colour."""
    scrollbar_theme: ScrollbarTheme | None = None
    tabs_theme: TabsTheme | None = None
    font_family: str | None = None
    use_material3: bool | None = None
    visual_density: ThemeVisualDensity = ThemeVisualDensity.STANDARD
    page_transitions: PageTransitionsTheme = field(default_factory=PageTransitionsTheme)
    system_overlay_style: SystemOverlayStyle = field(default_factory=SystemOverlayStyle)
