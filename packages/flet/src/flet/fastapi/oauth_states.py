"""Where pending OAuth sign-ins are kept: this process's memory, or Redis for several workers.

With ``FLET_PUBSUB_URL=redis://…`` every state is also written to Redis (its timeout as the
key's TTL), so the provider's redirect may reach any worker. That worker claims the state
atomically (``GETDEL``: a state is used once across all workers) and, when the sign-in was
started by a session of another worker, forwards the provider's answer over the Redis channel
``flet:oauth``; the worker holding the session exchanges the code and fires ``on_login``
there. Without Redis (or while it is unreachable) the behaviour is the single-process one.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from datetime import UTC, datetime
from typing import Any

from flet.fastapi.oauth_state import OAuthState

__all__ = ["MemoryOAuthStates", "RedisOAuthStates", "oauth_states_for"]

logger = logging.getLogger("flet.fastapi")

_KEY_PREFIX = "flet:oauth:state:"
_CHANNEL = "flet:oauth"
_REDIS_TIMEOUT = 2.0


class MemoryOAuthStates:
    """The states of this process, in a dict; expired ones are dropped as new ones come."""

    shared = False

    def __init__(self) -> None:
        self._states: dict[str, OAuthState] = {}
        self._lock = threading.Lock()

    async def start(self) -> None:
        pass

    async def aclose(self) -> None:
        self.clear()

    def clear(self) -> None:
        with self._lock:
            self._states.clear()

    def store(self, state_id: str, state: OAuthState) -> None:
        with self._lock:
            now = datetime.now(UTC)
            for expired in [key for key, kept in self._states.items() if kept.expires_at <= now]:
                del self._states[expired]
            self._states[state_id] = state

    def take_local(self, state_id: str) -> OAuthState | None:
        """The state's record, removed; ``None`` if unknown here or expired."""
        with self._lock:
            state = self._states.pop(state_id, None)
        if state is None or state.expires_at <= datetime.now(UTC):
            return None
        return state

    async def claim(self, state_id: str) -> OAuthState | None:
        """The state for a callback: removed everywhere; ``flow`` is ``None`` if another worker has it."""
        return self.take_local(state_id)

    async def forward(self, state_id: str, code: str | None, error: str | None, description: str | None) -> bool:
        return False


class RedisOAuthStates(MemoryOAuthStates):
    """States in this process's memory and in Redis, for callbacks served by any worker."""

    shared = True

    def __init__(self, url: str) -> None:
        super().__init__()
        from flet_runtime.redis_pubsub import RedisBackend

        self.url = url
        self._channel = RedisBackend(url, channel=_CHANNEL)  # on the process's one Redis link
        self._loop: asyncio.AbstractEventLoop | None = None
        self._writes: set[concurrent.futures.Future[None]] = set()
        self._completions: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        if self._loop is not None:
            return
        self._loop = asyncio.get_running_loop()
        await self._channel.start(self._on_forwarded)

    async def aclose(self) -> None:
        self._loop = None
        await self._channel.aclose()
        await super().aclose()

    def store(self, state_id: str, state: OAuthState) -> None:
        super().store(state_id, state)
        loop = self._loop
        if loop is None:
            return
        ttl = max(1, int((state.expires_at - datetime.now(UTC)).total_seconds()))
        record = [state.session_id, state.expires_at.timestamp(), state.complete_page_url, state.complete_page_html]
        future = asyncio.run_coroutine_threadsafe(self._write(state_id, record, ttl), loop)
        self._writes.add(future)
        future.add_done_callback(self._writes.discard)

    async def _write(self, state_id: str, record: list[Any], ttl: int) -> None:
        from flet_runtime.redis_pubsub import pack

        try:
            await asyncio.wait_for(self._channel.link.client.set(_KEY_PREFIX + state_id, pack(record), ex=ttl), 2.0)
        except Exception as error:  # Redis down: the state still works on this worker
            logger.warning("OAuth: could not share a sign-in state through Redis (%s); it works on this worker", error)

    async def claim(self, state_id: str) -> OAuthState | None:
        from flet_runtime.redis_pubsub import unpack

        local = self.take_local(state_id)
        try:
            data = await asyncio.wait_for(self._channel.link.client.getdel(_KEY_PREFIX + state_id), _REDIS_TIMEOUT)
        except Exception as error:
            logger.warning("OAuth: Redis unreachable while claiming a sign-in state (%s)", error)
            return local
        if local is not None:
            return local  # this worker's own sign-in (now gone from Redis too)
        if not isinstance(data, bytes):  # None: unknown, expired or claimed already
            return None
        session_id, expires, complete_page_url, complete_page_html = unpack(data)
        expires_at = datetime.fromtimestamp(float(expires), UTC)
        if expires_at <= datetime.now(UTC):
            return None
        return OAuthState(str(session_id), expires_at, complete_page_url, complete_page_html)

    async def forward(self, state_id: str, code: str | None, error: str | None, description: str | None) -> bool:
        """Hand the provider's answer to the worker whose session started the sign-in."""
        from flet_runtime.pubsub import PubSubMessage

        if self._channel.state != "connected":
            return False
        self._channel.publish(PubSubMessage([state_id, code, error, description]))
        return True

    def _on_forwarded(self, message: Any) -> None:
        try:
            state_id, code, error, description = message.payload
        except (TypeError, ValueError):
            logger.warning("OAuth: dropped a malformed forwarded sign-in on %r", _CHANNEL)
            return
        state = self.take_local(str(state_id))
        if state is None or state.flow is None:
            return  # another worker's sign-in
        loop = self._loop
        if loop is not None:
            task = loop.create_task(state.flow.complete(code, error, description))
            self._completions.add(task)
            task.add_done_callback(self._completions.discard)


def oauth_states_for(pubsub_url: str) -> MemoryOAuthStates:
    """Redis-backed states when pubsub goes through Redis, else this process's memory."""
    scheme = pubsub_url.partition("://")[0].lower()
    if scheme in {"redis", "rediss", "unix"}:
        return RedisOAuthStates(pubsub_url)
    return MemoryOAuthStates()
