"""The link between a page and whatever carries its frames, and an in-memory one for tests.

flet_core does no I/O: the page hands text frames, client-method calls and event handlers to
a :class:`Connection`. The runtime implements it over a WebSocket session; tests use
:class:`InMemoryConnection`, which records frames and applies them to a
:class:`~flet_core.client_tree.ClientTree` exactly as the browser would.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import uuid
from collections.abc import Callable, Coroutine
from concurrent.futures import Executor, Future
from typing import Any, Protocol, runtime_checkable

from flet_core import protocol
from flet_core.client_tree import ClientTree

__all__ = ["Connection", "InMemoryConnection", "MethodCall"]


@runtime_checkable
class Connection(Protocol):
    """What a page needs from its session."""

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None: ...

    @property
    def executor(self) -> Executor | None: ...

    def send(self, frame: str) -> None:
        """Queue one text frame for the client; thread-safe; frames leave in call order."""

    def dispatch(self, handler: Callable[..., Any], event: Any) -> None:
        """Run an event handler: async ones as tasks, sync ones in a worker thread."""

    def invoke_method(
        self,
        control_id: str,
        method_name: str,
        arguments: dict[str, str] | None,
        wait_for_result: bool,
        timeout: float | None,
    ) -> str | None:
        """Call a client method; when waiting, block this (worker) thread for the result."""

    async def invoke_method_async(
        self,
        control_id: str,
        method_name: str,
        arguments: dict[str, str] | None,
        wait_for_result: bool,
        timeout: float | None,
    ) -> str | None:
        """Call a client method and await its result."""

    def run_task(self, handler: Callable[..., Coroutine[Any, Any, Any]], *args: Any, **kwargs: Any) -> Future[Any]:
        """Start ``handler(*args)`` as a task on the session's loop."""
        ...

    def run_thread(self, handler: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run ``handler(*args)`` in the session's thread pool."""

    def get_upload_url(self, file_name: str, expires: int) -> str:
        """A signed upload URL for ``file_name``."""
        ...


class MethodCall:
    """One recorded ``invokeMethod``."""

    def __init__(self, control_id: str, name: str, arguments: dict[str, str] | None, wait: bool) -> None:
        self.control_id = control_id
        self.name = name
        self.arguments = arguments or {}
        self.wait = wait

    def __repr__(self) -> str:
        return f"MethodCall({self.control_id!r}, {self.name!r}, {self.arguments!r})"


class InMemoryConnection:
    """Records every frame and keeps the client's view of the tree; runs handlers inline.

    Handlers reach it through the same contract as in the runtime (``Page.dispatch_event`` ->
    ``Connection.dispatch(handler, event)``); only where they run differs. Which thread or task
    runs a handler is flet-runtime's decision (``flet_runtime.dispatch``: worker threads, tasks on
    the session's loop, per-session lanes, ``on_error``), which flet-core cannot import. Core
    tests run handlers inline, on purpose: flet-core starts no threads, a look-alike dispatcher
    here would test a copy of that code rather than it, and every core test would have to wait
    for its handlers. The real dispatcher is covered by flet-runtime's tests
    (``test_dispatch.py``) and by every ``flet.testing`` app test, which runs on an ``AppHost``.

    ``answers`` maps a method name to a result string or a callable ``(MethodCall) -> str``.
    """

    def __init__(self) -> None:
        self.frames: list[str] = []
        self.client = ClientTree()
        self.calls: list[MethodCall] = []
        self.answers: dict[str, Any] = {}
        self.errors: list[BaseException] = []

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        return None

    @property
    def executor(self) -> Executor | None:
        return None

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every frame sent so far, decoded."""
        return [json.loads(frame) for frame in self.frames]

    def send(self, frame: str) -> None:
        self.frames.append(frame)
        self.client.apply_frame(frame)

    def register(self, page: Any) -> None:
        """Answer a registration the way a new session does: the snapshot of the page."""
        self.send(protocol.encode(protocol.register_response(page.session_id or "test", page.snapshot)))

    def dispatch(self, handler: Callable[..., Any], event: Any) -> None:
        try:
            result = handler(event)
            if inspect.isawaitable(result):
                asyncio.run(_await(result))
        except Exception as error:  # recorded for the test to inspect
            self.errors.append(error)
            raise

    def _answer(self, call: MethodCall) -> str | None:
        answer = self.answers.get(call.name)
        if callable(answer):
            result = answer(call)
            return result if result is None else str(result)
        return answer if answer is None else str(answer)

    def invoke_method(
        self,
        control_id: str,
        method_name: str,
        arguments: dict[str, str] | None,
        wait_for_result: bool,
        timeout: float | None,
    ) -> str | None:
        call = MethodCall(control_id, method_name, arguments, wait_for_result)
        self.calls.append(call)
        self.send(protocol.encode(protocol.invoke_method(uuid.uuid4().hex, method_name, control_id, arguments)))
        if not wait_for_result:
            return None
        if method_name not in self.answers:
            raise TimeoutError(f"no answer scripted for client method {method_name!r}")
        return self._answer(call)

    async def invoke_method_async(
        self,
        control_id: str,
        method_name: str,
        arguments: dict[str, str] | None,
        wait_for_result: bool,
        timeout: float | None,
    ) -> str | None:
        return self.invoke_method(control_id, method_name, arguments, wait_for_result, timeout)

    def run_task(self, handler: Callable[..., Coroutine[Any, Any, Any]], *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(asyncio.run(handler(*args, **kwargs)))
        except Exception as error:  # delivered through the future
            future.set_exception(error)
        return future

    def run_thread(self, handler: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        handler(*args, **kwargs)

    def get_upload_url(self, file_name: str, expires: int) -> str:
        return f"/upload?f={file_name}&e={expires}"


async def _await(awaitable: Any) -> Any:
    return await awaitable
