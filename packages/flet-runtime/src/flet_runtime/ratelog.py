"""Log lines about client misbehaviour, at most one per kind per interval, naming no secrets.

A hostile client can send thousands of bad frames a second; each kind of complaint ("malformed
frame", "frame too large", ...) is logged once per ``FLET_LOG_INTERVAL`` seconds with the number
of repeats left out since. Sessions are named by :func:`session_tag`, a short hash of the id: the
id itself re-attaches a disconnected session, so it never goes to a log.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time

from flet_runtime import config

__all__ = ["RateLimitedLog", "session_tag"]


def session_tag(session_id: str | None) -> str:
    """A short, stable, non-secret name for a session in logs (``"-"`` before registration)."""
    if not session_id:
        return "-"
    return "s:" + hashlib.sha256(session_id.encode()).hexdigest()[:10]


class RateLimitedLog:
    """One logger whose lines are limited per kind (a short key naming the complaint)."""

    def __init__(self, logger: logging.Logger, interval: float | None = None) -> None:
        self._logger = logger
        self._interval = interval  # None: FLET_LOG_INTERVAL, read when logging
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}
        self._dropped: dict[str, int] = {}

    def log(self, level: int, kind: str, message: str, *args: object) -> bool:
        """Log ``message % args`` unless ``kind`` was logged within the interval; True if logged."""
        now = time.monotonic()
        interval = config.LOG_INTERVAL.get() if self._interval is None else self._interval
        with self._lock:
            last = self._last.get(kind)
            if last is not None and now - last < interval:
                self._dropped[kind] = self._dropped.get(kind, 0) + 1
                return False
            self._last[kind] = now
            dropped = self._dropped.pop(kind, 0)
            if len(self._last) > 1024:  # kinds are a fixed set; never let the table grow without end
                self._last = {kind: now}
        if dropped:
            message += " (%d more like this since the last report)"
            args = (*args, dropped)
        self._logger.log(level, message, *args)
        return True

    def warning(self, kind: str, message: str, *args: object) -> bool:
        return self.log(logging.WARNING, kind, message, *args)
