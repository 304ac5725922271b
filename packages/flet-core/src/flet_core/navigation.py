"""Label options of the navigation bar and navigation rail."""

from __future__ import annotations

from enum import Enum
from typing import Literal, TypeAlias

__all__ = [
    "NavigationBarLabelBehavior",
    "NavigationBarLabelBehaviorString",
    "NavigationRailLabelType",
    "NavigationRailLabelTypeString",
]


class NavigationBarLabelBehavior(Enum):
    """When a navigation bar shows its destination labels."""

    ALWAYS_SHOW = "alwaysShow"
    ALWAYS_HIDE = "alwaysHide"
    ONLY_SHOW_SELECTED = "onlyShowSelected"


NavigationBarLabelBehaviorString: TypeAlias = Literal[None, "alwaysShow", "alwaysHide", "onlyShowSelected"]
"""The values of `NavigationBarLabelBehavior` as plain strings (None for unset)."""


class NavigationRailLabelType(Enum):
    """Which navigation rail destinations show a label."""

    NONE = "none"
    ALL = "all"
    SELECTED = "selected"


NavigationRailLabelTypeString: TypeAlias = Literal[None, "none", "all", "selected"]
"""The values of `NavigationRailLabelType` as plain strings (None for unset)."""
