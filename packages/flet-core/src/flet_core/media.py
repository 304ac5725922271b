"""Audio and video options: encoders, playback modes and video media descriptions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from flet_core.text_style import TextStyle
from flet_core.types import PaddingValue, TextAlign

__all__ = [
    "AudioEncoder",
    "FilterQuality",
    "PlaylistMode",
    "ReleaseMode",
    "VideoMedia",
    "VideoSubtitleConfiguration",
]


class AudioEncoder(Enum):
    """Encoders the audio recorder can produce."""

    AACLC = "aacLc"
    AACELD = "aacEld"
    AACHE = "aacHe"
    AMRNB = "amrNb"
    AMRWB = "amrWb"
    OPUS = "opus"
    FLAC = "flac"
    WAV = "wav"
    PCM16BITS = "pcm16bits"


class ReleaseMode(Enum):
    """What an audio player does when playback completes."""

    RELEASE = "release"
    LOOP = "loop"
    STOP = "stop"


class PlaylistMode(Enum):
    """Repeat behaviour of a video playlist."""

    NONE = "none"
    SINGLE = "single"
    LOOP = "loop"


class FilterQuality(Enum):
    """Quality of image sampling when scaling."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass
class VideoMedia:
    """A video to play: a URL or asset path, with optional HTTP headers."""

    resource: str | None = None
    http_headers: dict[str, str] | None = None
    extras: dict[str, str] | None = None
    """Free-form values passed along with the media."""


@dataclass
class VideoSubtitleConfiguration:
    """A subtitle track and how it is displayed over the video."""

    src: str | None = None
    title: str | None = None
    language: str | None = None
    text_style: TextStyle | None = None
    text_scale_factor: float | None = None
    text_align: TextAlign | None = None
    padding: PaddingValue = None
    visible: bool | None = None
