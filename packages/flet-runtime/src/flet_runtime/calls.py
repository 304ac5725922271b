"""Client method calls that wait for an answer (``invokeMethod`` -> ``invoke_method_result``).

One mechanism for both forms: each waiting call is a ``concurrent.futures.Future`` keyed by
its method id. A worker thread blocks on it (the sync form); async code awaits it (the
async form); the session completes it when the client's result arrives, or fails it when
the client disconnects.
"""

from __future__ import annotations

import inspect
import json
import threading
from concurrent.futures import Future
from types import FrameType

from flet_core.method_results import InvokeMethodResults

__all__ = ["PendingCalls", "blocking_call_message"]


class PendingCalls:
    """The calls of one session that wait for the client's answer."""

    __slots__ = ("_calls", "_lock")  # one per session: no instance dict

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: dict[str, Future[InvokeMethodResults]] = {}

    def __len__(self) -> int:
        return len(self._calls)

    def open(self, method_id: str) -> Future[InvokeMethodResults]:
        future: Future[InvokeMethodResults] = Future()
        with self._lock:
            self._calls[method_id] = future
        return future

    def forget(self, method_id: str) -> None:
        with self._lock:
            self._calls.pop(method_id, None)

    def resolve(self, data: str) -> bool:
        """Complete the call an ``invoke_method_result`` answers; False if none waits for it."""
        try:
            raw = json.loads(data)
        except ValueError:
            return False
        if not isinstance(raw, dict):
            return False
        method_id = str(raw.get("method_id", ""))
        with self._lock:
            future = self._calls.pop(method_id, None)
        if future is None:
            return False  # answered after its timeout, or never asked
        result = raw.get("result")
        error = raw.get("error")
        outcome = InvokeMethodResults(
            method_id,
            None if result is None else str(result),
            None if error is None else str(error),
        )
        if not future.done():
            future.set_result(outcome)
        return True

    def fail_all(self, error: BaseException) -> None:
        """Fail every waiting call (the client left)."""
        with self._lock:
            futures = list(self._calls.values())
            self._calls.clear()
        for future in futures:
            if not future.done():
                future.set_exception(error)


_OUR_PACKAGES = ("flet_core", "flet_runtime", "flet")


def _public_api(frame: FrameType | None) -> str | None:
    """The outermost public Flet method on the stack (what the app called), e.g. ``Page.get_clipboard``."""
    api = None
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if module.partition(".")[0] not in _OUR_PACKAGES:
            break
        name = frame.f_code.co_name
        if not name.startswith("_"):
            owner = frame.f_locals.get("self")
            api = f"{type(owner).__name__}.{name}" if owner is not None else name
        frame = frame.f_back
    return api


def blocking_call_message(method_name: str) -> str:
    """Explain why a waiting call on the loop thread is refused, and what to call instead."""
    here = inspect.currentframe()
    api = _public_api(None if here is None else here.f_back) or "invoke_method"
    if api.endswith(".invoke_method") or api == "invoke_method":
        api = api[: -len("invoke_method")] + "invoke_method(wait_for_result=True)"
        replacement = api.replace("invoke_method(wait_for_result=True)", "invoke_method_async(wait_for_result=True)")
    else:
        replacement = f"{api}_async()"
        api = f"{api}()"
    return (
        f"{api} waits for the client's answer ({method_name!r}) and would freeze every session if it "
        f"blocked the event loop thread; in async code use `await {replacement}` instead"
    )
