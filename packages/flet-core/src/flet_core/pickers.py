"""Picker options and results: date and time pickers, and the file picker."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal, TypeAlias

__all__ = [
    "CupertinoDatePickerDateOrder",
    "CupertinoDatePickerMode",
    "CupertinoTimerPickerMode",
    "DatePickerEntryMode",
    "DatePickerMode",
    "FilePickerFile",
    "FilePickerFileType",
    "FilePickerState",
    "FilePickerUploadFile",
    "FileTypeString",
    "TimePickerEntryMode",
]


class DatePickerEntryMode(Enum):
    """Initial input mode of the Material date picker."""

    CALENDAR = "calendar"
    INPUT = "input"
    CALENDAR_ONLY = "calendarOnly"
    INPUT_ONLY = "inputOnly"


class DatePickerMode(Enum):
    """Initial view of the Material date picker: days or years."""

    DAY = "day"
    YEAR = "year"


class TimePickerEntryMode(Enum):
    """Initial input mode of the Material time picker."""

    DIAL = "dial"
    INPUT = "input"
    DIAL_ONLY = "dialOnly"
    INPUT_ONLY = "inputOnly"


class CupertinoDatePickerDateOrder(Enum):
    """Order of the day, month and year columns in a Cupertino date picker."""

    DAY_MONTH_YEAR = "dmy"
    MONTH_YEAR_DAY = "myd"
    YEAR_MONTH_DAY = "ymd"
    YEAR_DAY_MONTH = "ydm"


class CupertinoDatePickerMode(Enum):
    """What a Cupertino date picker lets the user pick."""

    TIME = "time"
    DATE = "date"
    DATE_AND_TIME = "dateAndTime"
    MONTH_YEAR = "monthYear"


class CupertinoTimerPickerMode(Enum):
    """Which columns a Cupertino timer picker shows."""

    HOUR_MINUTE = "hm"
    HOUR_MINUTE_SECONDS = "hms"
    MINUTE_SECONDS = "ms"


class FilePickerFileType(Enum):
    """Kinds of file the file picker offers."""

    ANY = "any"
    MEDIA = "media"
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    CUSTOM = "custom"


FileTypeString: TypeAlias = Literal["any", "media", "image", "video", "audio", "custom"]
"""The values of `FilePickerFileType` as plain strings."""

FilePickerState: TypeAlias = Literal["pickFiles", "saveFile", "getDirectoryPath"]
"""The file picker operation in progress."""


@dataclass
class FilePickerFile:
    """A file the user picked."""

    name: str
    path: str
    """Full path of the file on the user's machine."""
    size: int
    """Size in bytes."""


@dataclass
class FilePickerUploadFile:
    """A picked file to upload, and where to send it."""

    name: str
    upload_url: str
    method: str = "PUT"
    """HTTP method of the upload request."""
