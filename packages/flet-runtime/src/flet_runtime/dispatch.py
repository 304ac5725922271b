"""Where handlers run: the one place that decides between the event loop and a worker thread.

* Async handlers (``async def`` functions, partials of them, objects with an ``async
  __call__``) run as tasks on the server's loop.
* Everything else runs on a :class:`WorkerPool` thread. If it returns an awaitable (``lambda e:
  save(e)`` where ``save`` is async), that awaitable is then awaited on the loop, so nothing
  is silently dropped.
* An exception escaping a handler goes to the ``on_error`` callback given with it; the
  dispatcher itself never lets one escape into asyncio's "exception was never retrieved".
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Coroutine
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

from flet_core.errors import FletError
from flet_runtime import config, metrics
from flet_runtime.ratelog import RateLimitedLog

__all__ = ["Dispatcher", "ErrorCallback", "Lane", "WorkerPool", "is_async_callable"]

logger = logging.getLogger("flet")

T = TypeVar("T")
ErrorCallback = Callable[[BaseException], None]
_Work = tuple["Future[Any]", Callable[..., Any], tuple[Any, ...], dict[str, Any]]
_BUSY_WARNING_INTERVAL = 30.0
_log = RateLimitedLog(logger)


def is_async_callable(handler: Any) -> bool:
    """Whether calling ``handler`` gives a coroutine by declaration (not by trying it)."""
    while isinstance(handler, functools.partial):
        handler = handler.func
    if inspect.iscoroutinefunction(handler):
        return True
    if inspect.isfunction(handler) or inspect.ismethod(handler) or isinstance(handler, type):
        return False
    return inspect.iscoroutinefunction(getattr(type(handler), "__call__", None))  # noqa: B004  # async __call__


class WorkerPool(Executor):
    """A bounded pool of daemon threads for sync handlers.

    Threads start on demand up to ``max_workers`` (default: ``FLET_THREAD_POOL_SIZE``).
    When every thread is busy, new work waits in order and a warning is logged (at most every
    30 s). The threads are daemons, so ``shutdown(wait=False)`` lets the process exit at
    once even while a handler is blocked (0.21 hung on exit until a second signal).
    """

    def __init__(self, max_workers: int | None = None, *, name: str = "flet-worker") -> None:
        if max_workers is not None and max_workers < 1:
            raise ValueError(f"WorkerPool needs at least one worker, got max_workers={max_workers}")
        self._max_workers = max_workers or config.THREAD_POOL_SIZE.get()
        self._name = name
        self._queue: queue.SimpleQueue[_Work | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._busy = 0
        self._closed = False
        self._warned_at = -_BUSY_WARNING_INTERVAL

    @property
    def max_workers(self) -> int:
        return self._max_workers

    @property
    def busy(self) -> int:
        """Work items submitted and not finished yet (running or waiting)."""
        return self._busy

    @property
    def thread_count(self) -> int:
        return len(self._threads)

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot run new work: the worker pool was shut down")
            self._busy += 1
            if self._busy > len(self._threads) and len(self._threads) < self._max_workers:
                thread = threading.Thread(target=self._work, name=f"{self._name}-{len(self._threads)}", daemon=True)
                self._threads.append(thread)
                thread.start()
            saturated = self._busy > self._max_workers
        if saturated:
            self._warn_busy()
        self._queue.put((future, fn, args, kwargs))
        return future

    def _warn_busy(self) -> None:
        now = time.monotonic()
        if now - self._warned_at >= _BUSY_WARNING_INTERVAL:
            self._warned_at = now
            logger.warning(
                "All %d worker threads are busy; sync handlers are waiting for a free thread. "
                "Use async handlers for long waits, or raise FLET_THREAD_POOL_SIZE.",
                self._max_workers,
            )

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            future, fn, args, kwargs = item
            if future.set_running_or_notify_cancel():
                try:
                    result = fn(*args, **kwargs)
                except BaseException as error:  # handed to the future's owner
                    future.set_exception(error)
                else:
                    future.set_result(result)
            # drop the references now, not when the next item arrives: an idle thread must not
            # keep the last handler's page alive
            del item, future, fn, args, kwargs
            with self._lock:
                self._busy -= 1

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop accepting work; ``wait=False`` returns at once, even with handlers blocked."""
        with self._lock:
            if self._closed:
                threads: list[threading.Thread] = []
            else:
                self._closed = True
                threads = list(self._threads)
        if cancel_futures:
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item[0].cancel()
                    with self._lock:
                        self._busy -= 1
        for _ in threads:
            self._queue.put(None)
        if wait:
            for thread in threads:
                thread.join()


class Lane:
    """One session's share of the worker pool: at most ``max_running`` of its sync handlers run.

    The rest wait here, in order, not in the pool's shared queue, so one tab that clicks a
    blocking handler hundreds of times takes a few threads, never all of them. Past
    ``max_queued`` waiting handlers, :meth:`submit` refuses more (the caller drops them); the
    host stops reading a client whose lane is :attr:`full` instead, so client events wait in
    the socket rather than get lost. Defaults: ``FLET_SESSION_MAX_RUNNING`` and
    ``FLET_SESSION_MAX_QUEUED``.
    """

    def __init__(self, max_running: int | None = None, max_queued: int | None = None) -> None:
        self._max_running = config.SESSION_MAX_RUNNING.get() if max_running is None else max_running
        self._max_queued = config.SESSION_MAX_QUEUED.get() if max_queued is None else max_queued
        if self._max_running < 1:
            raise ValueError(f"a Lane needs max_running >= 1, got {self._max_running}")
        self._lock = threading.Lock()
        self._running = 0
        self._waiting: deque[Callable[[], Future[Any]]] = deque()

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    @property
    def full(self) -> bool:
        """Whether the next handler would be refused (every slot busy, the queue at its bound)."""
        return self._running >= self._max_running and len(self._waiting) >= self._max_queued

    def submit(self, start: Callable[[], Future[Any]]) -> bool:
        """Call ``start`` (which hands work to the pool) now or when a slot frees; False if full."""
        with self._lock:
            if self._running >= self._max_running:
                if len(self._waiting) >= self._max_queued:
                    return False
                self._waiting.append(start)
                queued = True
            else:
                self._running += 1
                queued = False
        if queued:
            _log.log(
                logging.INFO,
                "lane-busy",
                "A session has %d sync handlers running (FLET_SESSION_MAX_RUNNING); its next ones wait their turn",
                self._max_running,
            )
        else:
            self._launch(start)
        return True

    def _launch(self, start: Callable[[], Future[Any]] | None) -> None:
        while start is not None:
            try:
                future = start()
            except RuntimeError as error:  # the pool shut down: nothing will run any more
                logger.debug("Dropped queued handler: %s", error)
                start = self._next()
                continue
            future.add_done_callback(self._finished)
            return

    def _finished(self, _: Future[Any]) -> None:
        self._launch(self._next())

    def _next(self) -> Callable[[], Future[Any]] | None:
        with self._lock:
            if self._waiting:
                return self._waiting.popleft()
            self._running -= 1
            return None


class Dispatcher:
    """Runs handlers for the sessions of one loop: async ones as tasks, sync ones on a pool.

    ``pool`` is normally a :class:`WorkerPool`; any executor works (0.21's ``PubSubHub(loop,
    executor)`` passes its own). Without a loop, only sync handlers can run.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop | None, pool: Executor) -> None:
        self._loop = loop
        self.pool = pool
        self._metrics = metrics.current()

    def _measured(self, done: Future[None], on_error: ErrorCallback) -> ErrorCallback:
        """Observe the handler's duration when ``done`` completes; count its errors."""
        started = time.perf_counter()
        done.add_done_callback(lambda _: self._metrics.handler_seconds.observe(time.perf_counter() - started))

        def failed(error: BaseException) -> None:
            self._metrics.handler_errors.inc()
            on_error(error)

        return failed

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise FletError("running async handlers needs an event loop; none was given")
        return self._loop

    def on_loop_thread(self) -> bool:
        try:
            return asyncio.get_running_loop() is self._loop
        except RuntimeError:
            return False

    def call_soon(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run ``callback(*args)`` on the loop: now if this is the loop's thread, else soon."""
        if self.on_loop_thread():
            callback(*args)
        else:
            self.loop.call_soon_threadsafe(callback, *args)

    def run(
        self,
        handler: Callable[..., Any],
        args: tuple[Any, ...],
        on_error: ErrorCallback,
        tasks: set[asyncio.Task[Any]] | None = None,
        lane: Lane | None = None,
    ) -> Future[None]:
        """Start ``handler(*args)``; the returned future completes when the handler has finished.

        A sync handler given a ``lane`` waits for a free slot of that lane first; when the
        lane's queue is full it is dropped (logged, rate-limited) and the future completes.
        """
        done: Future[None] = Future()
        if self._metrics.enabled:
            on_error = self._measured(done, on_error)
        try:
            if is_async_callable(handler):
                self.call_soon(self._start, functools.partial(handler, *args), on_error, tasks, done)
            elif lane is None:
                self.pool.submit(self._run_sync, handler, args, on_error, tasks, done)
            elif not lane.submit(functools.partial(self._submit_sync, handler, args, on_error, tasks, done)):
                _log.warning(
                    "lane",
                    "Dropped a handler: its session already has %d handlers waiting (FLET_SESSION_MAX_QUEUED)",
                    lane.waiting,
                )
                done.set_result(None)
        except RuntimeError as error:  # the loop is closed or the pool shut down
            logger.debug("Dropped handler %r: %s", handler, error)
            done.set_result(None)
        return done

    def _submit_sync(
        self,
        handler: Callable[..., Any],
        args: tuple[Any, ...],
        on_error: ErrorCallback,
        tasks: set[asyncio.Task[Any]] | None,
        done: Future[None],
    ) -> Future[None]:
        try:
            return self.pool.submit(self._run_sync, handler, args, on_error, tasks, done)
        except RuntimeError:
            if not done.done():
                done.set_result(None)
            raise

    def _start(
        self,
        call: Callable[[], Any],
        on_error: ErrorCallback,
        tasks: set[asyncio.Task[Any]] | None,
        done: Future[None],
    ) -> None:
        task = self.loop.create_task(self._run_async(call, on_error, done))
        if tasks is not None:
            tasks.add(task)
            task.add_done_callback(tasks.discard)

    @staticmethod
    async def _run_async(call: Callable[[], Any], on_error: ErrorCallback, done: Future[None]) -> None:
        try:
            result = call()
            if inspect.isawaitable(result):
                await result
        except Exception as error:  # reported, never lost (0.21 lost them)
            on_error(error)
        finally:
            if not done.done():
                done.set_result(None)

    def _run_sync(
        self,
        handler: Callable[..., Any],
        args: tuple[Any, ...],
        on_error: ErrorCallback,
        tasks: set[asyncio.Task[Any]] | None,
        done: Future[None],
    ) -> None:
        try:
            result = handler(*args)
        except Exception as error:  # reported, never lost (0.21 lost them)
            on_error(error)
            done.set_result(None)
            return
        if not inspect.isawaitable(result):
            done.set_result(None)
            return
        try:
            self.loop.call_soon_threadsafe(self._start, lambda: result, on_error, tasks, done)
        except RuntimeError:
            _discard(result)
            done.set_result(None)

    def run_task(
        self,
        handler: Callable[..., Coroutine[Any, Any, T]],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        tasks: set[asyncio.Task[Any]] | None = None,
    ) -> Future[T]:
        """``page.run_task``: start a coroutine on the loop from any thread; its future has the result."""
        if not is_async_callable(handler):
            raise TypeError(
                f"run_task() expects an async function, got {handler!r}; use run_thread() for sync functions"
            )
        coroutine = handler(*args, **kwargs)
        try:
            return asyncio.run_coroutine_threadsafe(self._tracked(coroutine, tasks), self.loop)
        except RuntimeError:
            coroutine.close()
            raise

    @staticmethod
    async def _tracked(coroutine: Coroutine[Any, Any, T], tasks: set[asyncio.Task[Any]] | None) -> T:
        task = asyncio.current_task()
        if tasks is not None and task is not None:
            tasks.add(task)
        try:
            return await coroutine
        except Exception:
            logger.exception("Unhandled exception in a task started with page.run_task()")
            raise
        finally:
            if tasks is not None and task is not None:
                tasks.discard(task)


def _discard(awaitable: Any) -> None:
    close = getattr(awaitable, "close", None)
    if callable(close):
        close()
