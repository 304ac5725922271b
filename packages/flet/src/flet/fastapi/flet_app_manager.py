"""``app_manager``: the process-wide owner of every Flet app's session host, OAuth states and temp dirs.

A hosting app starts it in its lifespan (``flet.fastapi.FastAPI`` does this itself) and shuts it
down at exit. Unlike 0.21 it can be started again after a shutdown, and an app mounted into a
plain FastAPI app that never starts it still gets expiring sessions: the first WebSocket
connection starts it (and logs that once).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from flet.fastapi.oauth_state import OAuthState
from flet.fastapi.oauth_states import MemoryOAuthStates, oauth_states_for
from flet.fastapi.workers import warn_if_state_is_per_process
from flet_runtime import config

__all__ = ["FletAppManager", "app_manager"]

logger = logging.getLogger("flet.fastapi")


class FletAppManager:
    """Starts and stops the session hosts of all Flet apps in this process."""

    def __init__(self) -> None:
        self._hosts: dict[Hashable, Any] = {}
        self._started: set[int] = set()
        self._running = False
        self._locks: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}
        self._states: MemoryOAuthStates = MemoryOAuthStates()
        self._temp_dirs: list[str] = []
        self._executor: ThreadPoolExecutor | None = None
        self._warned_lazy_start = False

    def _loop_lock(self) -> asyncio.Lock:
        # One lock per event loop: tests and `ft.app` calls may run several loops in a row.
        loop = asyncio.get_running_loop()
        for known in [known for known in self._locks if known.is_closed()]:
            del self._locks[known]
        return self._locks.setdefault(loop, asyncio.Lock())

    @property
    def executor(self) -> ThreadPoolExecutor:
        """A shared thread pool for apps' own blocking work (sessions use their host's pool)."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(thread_name_prefix="flet_fastapi")
        return self._executor

    @property
    def running(self) -> bool:
        return self._running

    # -- session hosts ---------------------------------------------------------------------

    def host(self, key: Hashable, factory: Callable[[], Any]) -> Any:
        """The session host registered under ``key``, made by ``factory`` the first time."""
        found = self._hosts.get(key)
        if found is None:
            found = self._hosts[key] = factory()
        return found

    def session_count(self) -> int:
        """Sessions alive in all hosts, connected or waiting for a reconnect."""
        return sum(int(host.session_count()) for host in self._hosts.values())

    async def ensure_host_started(self, host: Any) -> None:
        """Start the manager if nobody did (the hosting app forgot), and this host with it."""
        if not self._running:
            if not self._warned_lazy_start:
                self._warned_lazy_start = True
                logger.warning(
                    "flet.fastapi.app_manager was not started by the hosting app; starting it on the "
                    "first connection (call `await app_manager.start()` in your lifespan to silence this)"
                )
            await self.start()
        await self._start_host(host)

    async def _start_host(self, host: Any) -> None:
        async with self._loop_lock():
            if self._running and id(host) not in self._started:
                await host.start()
                self._started.add(id(host))

    async def start(self) -> None:
        """Start every known host's background work (session expiry). Idempotent, restartable."""
        warn_if_state_is_per_process()
        async with self._loop_lock():
            if not self._running:
                states = oauth_states_for(config.PUBSUB_URL.get())
                if type(states) is not type(self._states):
                    self._states = states
                await self._states.start()
            self._running = True
            for host in list(self._hosts.values()):
                if id(host) not in self._started:
                    await host.start()
                    self._started.add(id(host))

    async def shutdown(self) -> None:
        """Stop every host (its sessions end) and delete the temp dirs; ``start()`` may follow."""
        async with self._loop_lock():
            hosts = [host for host in self._hosts.values() if id(host) in self._started]
            self._started.clear()
            self._running = False
            self._hosts.clear()
        for host in hosts:
            try:
                await host.shutdown()
            except Exception:
                logger.exception("a Flet app's sessions did not shut down cleanly")
        self.delete_temp_dirs()
        await self._states.aclose()
        self._states = MemoryOAuthStates()

    # -- OAuth states ----------------------------------------------------------------------

    def store_state(self, state_id: str, state: OAuthState) -> None:
        self._states.store(state_id, state)

    def retrieve_state(self, state_id: str) -> OAuthState | None:
        """This process's record of the state, removed so that it cannot be used twice.

        ``None`` if unknown or expired."""
        return self._states.take_local(state_id)

    async def claim_state(self, state_id: str) -> OAuthState | None:
        """The state for an OAuth callback, claimed in every worker; its ``flow`` is ``None`` when
        another worker's session started the sign-in (see :meth:`forward_oauth`)."""
        return await self._states.claim(state_id)

    async def forward_oauth(self, state_id: str, code: str | None, error: str | None, description: str | None) -> bool:
        """Send the provider's answer to the worker holding the sign-in; ``False`` if it cannot."""
        return await self._states.forward(state_id, code, error, description)

    def clear_states(self) -> None:
        self._states.clear()

    # -- temporary folders -----------------------------------------------------------------

    def add_temp_dir(self, path: str) -> None:
        self._temp_dirs.append(path)

    def delete_temp_dirs(self) -> None:
        while self._temp_dirs:
            path = self._temp_dirs.pop()
            if os.path.isdir(path):
                shutil.rmtree(path, ignore_errors=True)


app_manager = FletAppManager()
"""The one manager of this process, shared by every app (and by the ``flet_fastapi`` alias)."""
