"""Text input options: borders, keyboards, capitalisation and input filters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal, TypeAlias

__all__ = [
    "InputBorder",
    "InputBorderString",
    "InputFilter",
    "KeyboardType",
    "KeyboardTypeString",
    "NumbersOnlyInputFilter",
    "TextCapitalization",
    "TextCapitalizationString",
    "TextOnlyInputFilter",
    "VisibilityMode",
]


class InputBorder(Enum):
    """Border drawn around a text input."""

    NONE = "none"
    OUTLINE = "outline"
    UNDERLINE = "underline"


InputBorderString: TypeAlias = Literal[None, "outline", "underline", "none"]
"""The values of `InputBorder` as plain strings (None for unset)."""


class KeyboardType(Enum):
    """Keyboard layout requested for a text input."""

    NONE = "none"
    TEXT = "text"
    MULTILINE = "multiline"
    NUMBER = "number"
    PHONE = "phone"
    DATETIME = "datetime"
    EMAIL = "email"
    URL = "url"
    VISIBLE_PASSWORD = "visiblePassword"
    NAME = "name"
    STREET_ADDRESS = "streetAddress"


KeyboardTypeString: TypeAlias = Literal[
    None,
    "text",
    "multiline",
    "number",
    "phone",
    "datetime",
    "email",
    "url",
    "visiblePassword",
    "name",
    "streetAddress",
    "none",
]
"""The values of `KeyboardType` as plain strings (None for unset)."""


class TextCapitalization(Enum):
    """Automatic capitalisation applied by the on-screen keyboard."""

    NONE = None
    CHARACTERS = "characters"
    WORDS = "words"
    SENTENCES = "sentences"


TextCapitalizationString: TypeAlias = Literal[None, "none", "characters", "words", "sentences"]
"""The values of `TextCapitalization` as plain strings (None for unset)."""


class VisibilityMode(Enum):
    """When a Cupertino text field shows its prefix or suffix."""

    NEVER = "never"
    EDITING = "editing"
    NOT_EDITING = "notEditing"
    ALWAYS = "always"


@dataclass
class InputFilter:
    """A regular expression that allows (or, with `allow=False`, blocks) typed characters."""

    regex_string: str
    allow: bool = True
    replacement_string: str = ""
    """Text put in place of each rejected match."""


class NumbersOnlyInputFilter(InputFilter):
    """An input filter that lets only the digits 0-9 through."""

    def __init__(self) -> None:
        super().__init__(regex_string=r"[0-9]")


class TextOnlyInputFilter(InputFilter):
    """An input filter that lets only the letters a-z and A-Z through."""

    def __init__(self) -> None:
        super().__init__(regex_string=r"[a-zA-Z]")
