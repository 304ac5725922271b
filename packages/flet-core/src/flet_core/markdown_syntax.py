"""Markdown syntax options: which set of syntax extensions the renderer understands."""

from __future__ import annotations

from enum import Enum
from typing import Literal, TypeAlias

__all__ = ["MarkdownExtensionSet", "MarkdownExtensionSetString"]


class MarkdownExtensionSet(Enum):
    """Sets of Markdown syntax extensions."""

    NONE = "none"
    COMMON_MARK = "commonMark"
    GITHUB_WEB = "gitHubWeb"
    GITHUB_FLAVORED = "gitHubFlavored"


MarkdownExtensionSetString: TypeAlias = Literal[None, "none", "commonMark", "gitHubWeb", "gitHubFlavored"]
"""The values of `MarkdownExtensionSet` as plain strings (None for unset)."""
