"""``flet.fastapi.FastAPI``: a FastAPI app whose lifespan starts and stops ``app_manager``.

Fixes UPSTREAM-BUG #35: async ``on_startup``/``on_shutdown`` callables are awaited, and a
``lifespan=`` of your own is accepted and runs inside the manager's start and shutdown.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import fastapi

from flet.fastapi.flet_app_manager import app_manager

__all__ = ["FastAPI"]

Lifespan = Callable[[Any], AbstractAsyncContextManager[Any]]


async def _call_all(handlers: list[Callable[[], Any]]) -> None:
    for handler in handlers:
        result = handler()
        if inspect.isawaitable(result):
            await result


class FastAPI(fastapi.FastAPI):
    """A ``fastapi.FastAPI`` that runs ``app_manager.start()`` and ``shutdown()`` in its lifespan.

    Takes every keyword of ``fastapi.FastAPI``. Startup order: the manager, the ``on_startup``
    handlers (also those added with ``@app.on_event("startup")``), then your ``lifespan``;
    shutdown runs in reverse.
    """

    def __init__(self, *, lifespan: Lifespan | None = None, **kwargs: Any) -> None:
        self._flet_user_lifespan = lifespan
        super().__init__(lifespan=self._flet_lifespan, **kwargs)

    @asynccontextmanager
    async def _flet_lifespan(self, app: Any) -> AsyncIterator[Any]:
        await app_manager.start()
        try:
            await _call_all(list(getattr(self.router, "on_startup", [])))
            if self._flet_user_lifespan is None:
                yield None
            else:
                async with self._flet_user_lifespan(app) as state:
                    yield state
            await _call_all(list(getattr(self.router, "on_shutdown", [])))
        finally:
            await app_manager.shutdown()
