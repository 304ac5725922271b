"""``page.client_storage``: persistent key/value storage kept by the client.

On the web it is the browser's local storage (shared by every app of the origin, so prefix
your keys). Every call is a client method round trip (``clientStorage:*``) that waits for the
answer: use the sync methods from sync code and the ``*_async`` ones from async code.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from flet_core._update_state import record
from flet_core.encoding import to_jsonable
from flet_core.errors import FletTypeError, PageDisconnectedException

if TYPE_CHECKING:
    from flet_core.connection import Connection
    from flet_core.page import Page

__all__ = ["ClientStorage"]


def _encode(key: str, value: Any) -> dict[str, str]:
    if value is None:
        raise FletTypeError(f"client_storage.set({key!r}, ...) expects a JSON-serialisable value, got None")
    return {"key": key, "value": json.dumps(value, separators=(",", ":"), default=to_jsonable)}


def _decode_value(result: str | None) -> Any:
    # the client answers with the stored JSON text JSON-encoded once more
    if result is None:
        return None
    first = json.loads(result)
    if not isinstance(first, str):
        return first
    try:
        return json.loads(first)
    except ValueError:
        return first


def _decode_keys(result: str | None) -> list[str]:
    if not result:
        return []
    keys = json.loads(result)
    return [str(key) for key in keys] if isinstance(keys, list) else []


class ClientStorage:
    """Persistent storage on the client; each method waits for the client's answer."""

    __slots__ = ("_page", "wait_timeout")  # one per session: no instance dict

    def __init__(self, page: Page, wait_timeout: float | None = 5.0) -> None:
        self._page = page
        self.wait_timeout = wait_timeout
        """Seconds each call waits for the client's answer before raising ``TimeoutError``."""

    def _call(self, name: str, arguments: dict[str, str]) -> str | None:
        method = f"clientStorage:{name}"
        return self._connection().invoke_method("", method, arguments, True, self.wait_timeout)

    async def _call_async(self, name: str, arguments: dict[str, str]) -> str | None:
        method = f"clientStorage:{name}"
        return await self._connection().invoke_method_async("", method, arguments, True, self.wait_timeout)

    def _connection(self) -> Connection:
        state = record(self._page).state
        if state is None:  # never for a page in use: it is the root of its own state
            raise PageDisconnectedException("Page is disconnected")
        return state.connection_for_calls()  # the page's connection while it is open

    def set(self, key: str, value: Any) -> bool:
        """Store ``value`` (anything JSON can hold) under ``key``."""
        return self._call("set", _encode(key, value)) == "true"

    async def set_async(self, key: str, value: Any) -> bool:
        return await self._call_async("set", _encode(key, value)) == "true"

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or ``None``."""
        return _decode_value(self._call("get", {"key": key}))

    async def get_async(self, key: str) -> Any:
        return _decode_value(await self._call_async("get", {"key": key}))

    def contains_key(self, key: str) -> bool:
        return self._call("containskey", {"key": key}) == "true"

    async def contains_key_async(self, key: str) -> bool:
        return await self._call_async("containskey", {"key": key}) == "true"

    def remove(self, key: str) -> bool:
        return self._call("remove", {"key": key}) == "true"

    async def remove_async(self, key: str) -> bool:
        return await self._call_async("remove", {"key": key}) == "true"

    def get_keys(self, key_prefix: str) -> list[str]:
        """The stored keys that start with ``key_prefix``."""
        return _decode_keys(self._call("getkeys", {"key_prefix": key_prefix}))

    async def get_keys_async(self, key_prefix: str) -> list[str]:
        return _decode_keys(await self._call_async("getkeys", {"key_prefix": key_prefix}))

    def clear(self) -> bool:
        """Remove every key (of every app on the origin, on the web)."""
        return self._call("clear", {}) == "true"

    async def clear_async(self) -> bool:
        return await self._call_async("clear", {}) == "true"
