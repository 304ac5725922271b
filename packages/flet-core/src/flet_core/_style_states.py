"""Style objects whose fields the client reads per interaction state.

For some fields of `ButtonStyle` and `MenuStyle` the client only understands a map from state
to value (`{"hovered": ..., "": ...}`, where `""` means every state). Each control wraps a
different set of fields, as upstream did, so each declares which ones with `per_state(...)`.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from flet_core.encoding import Encoder, as_json

__all__ = ["per_state", "wrap_states"]

S = TypeVar("S")


def wrap_states(style: S, names: tuple[str, ...]) -> S:
    """A copy of `style` where each named field holding a plain value holds `{"": value}`."""
    changes: dict[str, Any] = {}
    for name in names:
        value = getattr(style, name)
        if value is not None and not isinstance(value, dict):
            changes[name] = {"": value}
    return dataclasses.replace(style, **changes) if changes else style  # type: ignore[type-var]  # styles are dataclasses


def per_state(*names: str) -> Encoder:
    """An encoder for a style attribute that wraps the named fields per state, then writes JSON."""

    def encode(value: Any) -> str | None:
        if value is None:
            return None
        return as_json(wrap_states(value, names))

    return encode
