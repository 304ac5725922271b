"""``page.session``: values kept on the server for one session, lost when it ends."""

from __future__ import annotations

import threading
from typing import Any

__all__ = ["SessionStorage"]


class SessionStorage:
    """A per-session key/value store for any Python values (not sent to the client)."""

    __slots__ = ("_lock", "_store")  # one per session: no instance dict

    def __init__(self) -> None:
        self._store: dict[str, Any] = {}
        self._lock = threading.Lock()

    def set(self, key: str, value: Any) -> None:
        with self._lock:
            self._store[key] = value

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or ``None``."""
        with self._lock:
            return self._store.get(key)

    def contains_key(self, key: str) -> bool:
        with self._lock:
            return key in self._store

    def remove(self, key: str) -> None:
        """Delete ``key``; raises ``KeyError`` when it is not there (as 0.21 does)."""
        with self._lock:
            del self._store[key]

    def get_keys(self) -> list[str]:
        """Every key, in insertion order."""
        with self._lock:
            return list(self._store)

    def clear(self) -> None:
        with self._lock:
            self._store.clear()

    def __repr__(self) -> str:
        return f"SessionStorage(keys={self.get_keys()!r})"
