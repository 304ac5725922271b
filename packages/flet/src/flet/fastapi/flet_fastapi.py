"""``flet.fastapi.FastAPI``: a FastAPI app whose lifespan starts and stops ``app_manager``.

Fixes UPSTREAM-BUG #35: async ``on_startup``/``on_shutdown`` callables are awaited, and a
``lifespan=`` of your own is accepted and runs inside the manager's start and shutdown.

A Flet WebSocket (``add_flet_websocket``) is handed to its handler directly, past the app's
middleware stack and router, while the app has no middleware or exception handlers of the user
that could act on it: that stack does nothing for a WebSocket, but each of its ~20 coroutine
frames lives as long as the connection (about 12 KB per idle session of ``ft.app``, two apps
deep; measured with tracemalloc). Routes are matched by Starlette's own ``Route.matches``.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import fastapi
from fastapi.exceptions import RequestValidationError, WebSocketRequestValidationError
from starlette.exceptions import HTTPException
from starlette.routing import Match, Mount
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from flet.fastapi.flet_app_manager import app_manager

__all__ = ["FastAPI"]

Lifespan = Callable[[Any], AbstractAsyncContextManager[Any]]
WebSocketHandler = Callable[[WebSocket], Coroutine[Any, Any, None]]

# FastAPI's own handlers: none of them acts on what a Flet WebSocket handler raises
_DEFAULT_HANDLED = frozenset(
    {HTTPException, fastapi.HTTPException, RequestValidationError, WebSocketRequestValidationError}
)


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
        self._flet_sockets: dict[int, WebSocketHandler] = {}  # by id(): routes are not hashable
        super().__init__(lifespan=self._flet_lifespan, **kwargs)

    def add_flet_websocket(self, path: str, handler: WebSocketHandler) -> None:
        """Route the WebSockets of ``path`` to ``handler`` (an ordinary FastAPI WebSocket route)."""

        async def endpoint(websocket: WebSocket) -> None:
            await handler(websocket)

        self.add_api_websocket_route(path, endpoint)
        self._flet_sockets[id(self.router.routes[-1])] = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            direct = self._flet_direct(scope, receive, send)
            if direct is not None:
                await direct
                return
        await super().__call__(scope, receive, send)

    def _plain(self) -> bool:
        """Nothing of the user's sits between a WebSocket and its route (middleware, handlers, root_path)."""
        return (
            not self.user_middleware
            and not self.root_path
            and all(key in _DEFAULT_HANDLED for key in self.exception_handlers)
            and getattr(self.router, "middleware_stack", self.router.app) == self.router.app
        )

    def _flet_direct(self, scope: Scope, receive: Receive, send: Send) -> Coroutine[Any, Any, None] | None:
        """Serving a Flet WebSocket of this app, or of a Flet app mounted in it, directly; None if not one."""
        if not self._plain():
            return None
        for route in self.router.routes:
            match, child_scope = route.matches(scope)
            if match is not Match.FULL:
                continue  # the router prefers the first full match too
            handler = self._flet_sockets.get(id(route))
            inner = route.app if isinstance(route, Mount) else None
            if handler is None and not isinstance(inner, FastAPI):
                return None
            # what Starlette's app and router put into the scope on the way
            scope["app"] = self
            scope.setdefault("router", self.router)
            scope["route"] = route
            scope.update(child_scope)
            if handler is not None:
                return handler(WebSocket(scope, receive, send))
            if isinstance(inner, FastAPI):  # a Flet app mounted here: it decides for itself
                # (without a frame of its __call__ for the connection's life, unless it has to)
                direct = inner._flet_direct(scope, receive, send)  # noqa: SLF001  # this class, mounted app
                return direct or inner(scope, receive, send)
        return None

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
