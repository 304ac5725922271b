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
import threading
import time
from collections import deque
from collections.abc import Callable, Coroutine
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

from flet_core.errors import FletError
from flet_runtime import config, metrics
from flet_runtime.ratelog import RateLimitedLog

__all__ = ["Dispatcher", "DoneCallback", "ErrorCallback", "Job", "Lane", "WorkerPool", "is_async_callable"]

logger = logging.getLogger("flet")

T = TypeVar("T")
ErrorCallback = Callable[[BaseException], None]
DoneCallback = Callable[[], None]
_BUSY_WARNING_INTERVAL = 30.0
_TURN_WAIT_LIMIT = 1.0  # seconds a session's handler waits for the one before it to begin
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


class Job:
    """One piece of work for a :class:`WorkerPool`, lighter than a future (no lock, no condition).

    ``run`` does the work, reports its own failures, and may return the job to run next in the
    same thread (the next handler of a session's :class:`Lane`); ``drop`` is called instead when
    the work will never run (the pool shut down).
    """

    __slots__ = ("turn",)

    turn: int
    """The job's place in its :class:`Lane` (set by the lane)."""

    def run(self) -> Job | None:
        raise NotImplementedError

    def drop(self) -> None:
        """The work will never run."""


class _FutureJob(Job):
    """``Executor.submit``'s work: the outcome goes into its future."""

    __slots__ = ("args", "fn", "future", "kwargs")

    def __init__(self, future: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]):
        self.future, self.fn, self.args, self.kwargs = future, fn, args, kwargs

    def run(self) -> Job | None:
        if self.future.set_running_or_notify_cancel():
            try:
                result = self.fn(*self.args, **self.kwargs)
            except BaseException as error:  # handed to the future's owner
                self.future.set_exception(error)
            else:
                self.future.set_result(result)
        return None

    def drop(self) -> None:
        self.future.cancel()


class WorkerPool(Executor):
    """A bounded pool of daemon threads for sync handlers.

    Threads start on demand up to ``max_workers`` (default: ``FLET_THREAD_POOL_SIZE``) and then
    sleep until there is work. Waking is lazy: a new piece of work wakes one sleeping worker
    (the one that ran most recently) unless a wake is already on its way, and a woken worker
    that leaves work behind in the queue wakes the next. A burst of short handlers (a pubsub
    fan-out to 100 sessions) is so taken by a few threads one after the other instead of a
    hundred threads woken at once to queue for the GIL, while handlers that block still get a
    thread each within a thread wake-up. When every thread is busy, work waits in order and a
    warning is logged (at most every 30 s). The threads are daemons, so ``shutdown(wait=False)``
    lets the process exit at once even while a handler is blocked (0.21 hung on exit until a
    second signal).
    """

    def __init__(self, max_workers: int | None = None, *, name: str = "flet-worker") -> None:
        if max_workers is not None and max_workers < 1:
            raise ValueError(f"WorkerPool needs at least one worker, got max_workers={max_workers}")
        self._max_workers = max_workers or config.THREAD_POOL_SIZE.get()
        self._name = name
        self._lock = threading.Lock()
        self._backlog: deque[Job] = deque()
        self._sleeping: list[threading.Lock] = []  # each held while its worker sleeps; the last slept last
        self._threads: list[threading.Thread] = []
        self._waking = False  # a worker was woken (or started) and has not looked at the backlog yet
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
        self.start(_FutureJob(future, fn, args, kwargs))
        return future

    def start(self, job: Job) -> None:
        """Run ``job`` on a worker thread (after the work queued before it).

        Raises:
            RuntimeError: the pool was shut down.
        """
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot run new work: the worker pool was shut down")
            self._busy += 1
            self._backlog.append(job)
            wake = None if self._waking else self._wake_one()
            # every thread exists and none sleeps, and more work waits than a waking one takes
            saturated = (
                len(self._threads) >= self._max_workers
                and not self._sleeping
                and len(self._backlog) > (1 if self._waking else 0)
            )
        if wake is not None:
            self._rouse(wake)
        if saturated:
            self._warn_busy()

    def _wake_one(self, gate: threading.Event | None = None) -> Callable[[], None] | None:
        """Under the lock: what wakes (or starts) one more worker, if one can be had.

        A thread started here waits for ``gate`` (when given) before it takes work.
        """
        if self._sleeping:
            self._waking = True
            return self._sleeping.pop().release
        if len(self._threads) < self._max_workers:
            self._waking = True
            thread = threading.Thread(
                target=self._work, args=(gate,), name=f"{self._name}-{len(self._threads)}", daemon=True
            )
            self._threads.append(thread)
            return thread.start
        return None

    def _rouse(self, wake: Callable[[], None]) -> None:
        try:
            wake()
        except RuntimeError as error:  # the system refused a new thread: the work waits for a busy one
            with self._lock:
                self._waking = False
                self._threads = [thread for thread in self._threads if thread.ident is not None]
            logger.error("Could not start a worker thread (%s); sync handlers wait for a busy one", error)

    def _warn_busy(self) -> None:
        now = time.monotonic()
        if now - self._warned_at >= _BUSY_WARNING_INTERVAL:
            self._warned_at = now
            logger.warning(
                "All %d worker threads are busy; sync handlers are waiting for a free thread. "
                "Use async handlers for long waits, or raise FLET_THREAD_POOL_SIZE.",
                self._max_workers,
            )

    def _work(self, gate: threading.Event | None = None) -> None:
        if gate is not None:
            gate.wait()
        asleep = threading.Lock()
        asleep.acquire()  # held while this worker sleeps; whoever takes it from _sleeping releases it
        woken, finished = True, False
        job: Job | None = None
        while True:
            wake, gate = None, None
            with self._lock:
                if woken:
                    self._waking = woken = False
                if finished:
                    self._busy -= 1
                    finished = False
                if self._backlog:
                    job = self._backlog.popleft()
                    if self._backlog and not self._waking:  # work is left behind: get one more worker going
                        gate = threading.Event()
                        wake = self._wake_one(gate)
                elif self._closed:
                    return
                else:
                    self._sleeping.append(asleep)
            if job is None:
                asleep.acquire()
                woken = True
                continue
            if wake is not None:
                self._rouse(wake)
            if gate is not None:
                # Thread.start() waits until the new thread runs, which then holds the GIL: without
                # the gate it could run the next handler of the same session before this one starts.
                gate.set()
            while job is not None:  # the job, then the next handler of its lane, if one waits
                job = _run_job(job)
                if job is None:
                    finished = True
                elif self._closed:  # shut down: the lane's waiting handlers do not run any more
                    job.drop()
                    job, finished = None, True
                elif self._backlog:  # others waited first: the lane's next one queues behind them
                    self._requeue(job)
                    job = None

    def _requeue(self, job: Job) -> None:
        """Put ``job`` (already counted as busy) at the back of the backlog."""
        with self._lock:
            self._backlog.append(job)
            wake = None if self._waking else self._wake_one()
        if wake is not None:
            self._rouse(wake)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop accepting work; ``wait=False`` returns at once, even with handlers blocked."""
        with self._lock:
            threads = [] if self._closed else list(self._threads)
            self._closed = True
            sleeping, self._sleeping = self._sleeping, []
            dropped: list[Job] = []
            if cancel_futures:
                dropped = list(self._backlog)
                self._backlog.clear()
                self._busy -= len(dropped)
        for job in dropped:
            job.drop()
        for asleep in sleeping:
            asleep.release()
        if wait:
            for thread in threads:
                if thread is not threading.current_thread():
                    thread.join()


def _run_job(job: Job) -> Job | None:
    try:
        return job.run()
    except BaseException as error:  # SystemExit and the like from a handler end the handler, not the worker
        logger.debug("A worker's job ended with %r", error)
        return None


def _run_chain(job: Job | None) -> None:
    """Run ``job`` and whatever it hands on, on an executor that is not a :class:`WorkerPool`."""
    while job is not None:
        job = _run_job(job)


class Lane:
    """One session's share of the worker pool: at most ``max_running`` of its sync handlers run.

    The rest wait here, in order, not in the pool's shared queue, so one tab that clicks a
    blocking handler hundreds of times takes a few threads, never all of them. Past
    ``max_queued`` waiting handlers, :meth:`submit` refuses more (the caller drops them); the
    host stops reading a client whose lane is :attr:`full` instead, so client events wait in
    the socket rather than get lost. Defaults: ``FLET_SESSION_MAX_RUNNING`` and
    ``FLET_SESSION_MAX_QUEUED``.
    """

    __slots__ = (  # one per session: no instance dict
        "_begun",
        "_lock",
        "_max_queued",
        "_max_running",
        "_running",
        "_turn_changed",
        "_turns",
        "_waiting",
    )

    def __init__(self, max_running: int | None = None, max_queued: int | None = None) -> None:
        self._max_running = config.SESSION_MAX_RUNNING.get() if max_running is None else max_running
        self._max_queued = config.SESSION_MAX_QUEUED.get() if max_queued is None else max_queued
        if self._max_running < 1:
            raise ValueError(f"a Lane needs max_running >= 1, got {self._max_running}")
        self._lock = threading.Lock()
        self._running = 0
        # made when a job first has to wait: a deque allocates a 760-byte block up front, and
        # most sessions never queue a handler
        self._waiting: deque[Job] | None = None
        self._turns = 0  # jobs taken in
        self._begun = 0  # the turn of the last job that began
        self._turn_changed: threading.Condition | None = None  # made when a job has to wait its turn

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return len(self._waiting) if self._waiting is not None else 0

    @property
    def full(self) -> bool:
        """Whether the next handler would be refused (every slot busy, the queue at its bound)."""
        return self._running >= self._max_running and self.waiting >= self._max_queued

    @property
    def room(self) -> int:
        """How many more handlers it takes before it is :attr:`full` (free slots, then queue places)."""
        return max(0, self._max_running - self._running) + max(0, self._max_queued - self.waiting)

    def submit(self, job: Job, start: Callable[[Job], None]) -> bool:
        """``start(job)`` now if a slot is free, else queue ``job``; False (and nothing done) if full.

        Whoever runs a job of this lane calls :meth:`release` when it has finished.
        """
        with self._lock:
            if self._running >= self._max_running:
                if self._waiting is None:
                    self._waiting = deque()
                if len(self._waiting) >= self._max_queued:
                    return False
                self._waiting.append(job)
                queued = True
            else:
                self._running += 1
                queued = False
            self._turns += 1
            job.turn = self._turns
        if queued:
            _log.log(
                logging.INFO,
                "lane-busy",
                "A session has %d sync handlers running (FLET_SESSION_MAX_RUNNING); its next ones wait their turn",
                self._max_running,
            )
        else:
            start(job)
        return True

    def begin(self, turn: int, *, wait: bool = True) -> None:
        """The job of ``turn`` begins; with several slots, wait until the ones before it have begun.

        Two threads that take a session's two handlers one after the other may start them in
        either order (the first one can lose the GIL in between); this keeps the order of the
        client's events. The wait is that short hand-over, with a bound in case a job vanished.
        """
        if wait and self._begun < turn - 1:
            deadline = time.monotonic() + _TURN_WAIT_LIMIT
            with self._lock:
                if self._turn_changed is None:
                    self._turn_changed = threading.Condition(self._lock)
                while self._begun < turn - 1 and (remaining := deadline - time.monotonic()) > 0:
                    self._turn_changed.wait(remaining)
        with self._lock:  # two threads setting it unlocked could move it back, stalling a later turn
            if turn > self._begun:
                self._begun = turn
            if self._turn_changed is not None:
                self._turn_changed.notify_all()

    def release(self) -> Job | None:
        """A job of this lane finished: the next waiting job, which takes over its slot, if any."""
        with self._lock:
            if self._waiting:
                return self._waiting.popleft()
            self._running -= 1
            return None


class _SyncCall(Job):
    """A sync handler as pool work: run it, report its error, hand on to its lane's next handler."""

    __slots__ = ("args", "handler", "lane", "loop", "on_done", "on_error", "tasks")

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop | None,
        handler: Callable[..., Any],
        args: tuple[Any, ...],
        on_error: ErrorCallback,
        on_done: DoneCallback | None,
        tasks: set[asyncio.Task[Any]] | None,
        lane: Lane | None,
    ) -> None:
        self.loop, self.handler, self.args, self.on_error = loop, handler, args, on_error
        self.on_done, self.tasks, self.lane = on_done, tasks, lane

    def run(self) -> Job | None:
        if self.lane is not None:
            self.lane.begin(self.turn)
        try:
            result = self.handler(*self.args)
        except Exception as error:  # reported, never lost (0.21 lost them)
            _report(self.on_error, error)
            result = None
        if result is not None and inspect.isawaitable(result):
            self._await(result)  # the lane's slot is free again; the handler counts as running until then
        elif self.on_done is not None:
            self.on_done()
        return None if self.lane is None else self.lane.release()

    def _await(self, awaitable: Any) -> None:
        try:
            if self.loop is None:
                raise RuntimeError("no event loop to await the handler's result on")
            self.loop.call_soon_threadsafe(
                _spawn, self.loop, _given, (awaitable,), self.on_error, self.tasks, self.on_done
            )
        except RuntimeError:  # the loop is closed
            _discard(awaitable)
            if self.on_done is not None:
                self.on_done()

    def drop(self) -> None:
        job: Job | None = self
        while isinstance(job, _SyncCall):  # the lane's waiting handlers will not run either
            if job.on_done is not None:
                job.on_done()
            if job.lane is not None:
                job.lane.begin(job.turn, wait=False)  # so no later handler waits for this one
            job = None if job.lane is None else job.lane.release()


def _report(on_error: ErrorCallback, error: BaseException) -> None:
    try:
        on_error(error)
    except Exception:
        logger.exception("Reporting a handler's error failed")


def _given(value: Any) -> Any:
    return value


def _spawn(
    loop: asyncio.AbstractEventLoop,
    call: Callable[..., Any],
    args: tuple[Any, ...],
    on_error: ErrorCallback,
    tasks: set[asyncio.Task[Any]] | None,
    on_done: DoneCallback | None,
) -> None:
    task = loop.create_task(_run_async(call, args, on_error, on_done))
    if tasks is not None:
        tasks.add(task)
        task.add_done_callback(tasks.discard)


async def _run_async(
    call: Callable[..., Any], args: tuple[Any, ...], on_error: ErrorCallback, on_done: DoneCallback | None
) -> None:
    try:
        result = call(*args)
        if inspect.isawaitable(result):
            await result
    except Exception as error:  # reported, never lost (0.21 lost them)
        _report(on_error, error)
    finally:
        if on_done is not None:
            on_done()


class Dispatcher:
    """Runs handlers for the sessions of one loop: async ones as tasks, sync ones on a pool.

    ``pool`` is normally a :class:`WorkerPool`; any executor works (0.21's ``PubSubHub(loop,
    executor)`` passes its own). Without a loop, only sync handlers can run.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop | None, pool: Executor) -> None:
        self._loop = loop
        self.pool = pool
        self._start_job: Callable[[Job], None] = (
            pool.start if isinstance(pool, WorkerPool) else functools.partial(_submit_chain, pool)
        )
        self._metrics = metrics.current()

    def _measured(self, on_error: ErrorCallback, on_done: DoneCallback | None) -> tuple[ErrorCallback, DoneCallback]:
        """Observe the handler's duration when it is done; count its errors."""
        started = time.perf_counter()

        def done() -> None:
            self._metrics.handler_seconds.observe(time.perf_counter() - started)
            if on_done is not None:
                on_done()

        def failed(error: BaseException) -> None:
            self._metrics.handler_errors.inc()
            on_error(error)

        return failed, done

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
        on_done: DoneCallback | None = None,
    ) -> None:
        """Start ``handler(*args)``; ``on_done()`` is called (from any thread) once it has finished.

        A sync handler given a ``lane`` waits for a free slot of that lane first; when the
        lane's queue is full it is dropped (logged, rate-limited) and counts as finished.
        """
        if self._metrics.enabled:
            on_error, on_done = self._measured(on_error, on_done)
        if is_async_callable(handler):
            try:
                self.call_soon(_spawn, self.loop, handler, args, on_error, tasks, on_done)
            except RuntimeError as error:  # the loop is closed
                logger.debug("Dropped handler %r: %s", handler, error)
                if on_done is not None:
                    on_done()
            return
        job = _SyncCall(self._loop, handler, args, on_error, on_done, tasks, lane)
        try:
            if lane is None:
                self._start_job(job)
            elif not lane.submit(job, self._start_job):
                _log.warning(
                    "lane",
                    "Dropped a handler: its session already has %d handlers waiting (FLET_SESSION_MAX_QUEUED)",
                    lane.waiting,
                )
                if on_done is not None:
                    on_done()
        except RuntimeError as error:  # the pool shut down
            logger.debug("Dropped handler %r: %s", handler, error)
            job.drop()

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


def _submit_chain(executor: Executor, job: Job) -> None:
    executor.submit(_run_chain, job)


def _discard(awaitable: Any) -> None:
    close = getattr(awaitable, "close", None)
    if callable(close):
        close()
