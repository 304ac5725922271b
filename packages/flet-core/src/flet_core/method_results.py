"""The client's answer to a method the server invoked on it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["InvokeMethodResults"]


@dataclass
class InvokeMethodResults:
    """Outcome of one invoked method: its result text or an error message."""

    method_id: str
    """Id the server gave the call, matching the request to its answer."""
    result: str | None
    error: str | None
