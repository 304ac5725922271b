"""Dispatch: async handlers as tasks, sync handlers on the worker pool, failures reported."""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
import time
from concurrent.futures import Future
from typing import Any

import pytest

from flet_core.page import Page
from flet_runtime import MemoryClient, WorkerPool
from flet_runtime.dispatch import is_async_callable
from flet_runtime.ratelog import session_tag


async def buttons(client: MemoryClient, count: int) -> list[str]:
    await client.wait_for(lambda: len(client.find(type="elevatedbutton")) == count)
    return [node["i"] for node in client.find(type="elevatedbutton")]


@pytest.mark.asyncio
async def test_seed_002_mixed_sync_and_async_handlers_both_update_the_page(make_host: Any, ui: Any) -> None:
    threads = ui.Recorder()

    def main(page: Page) -> None:
        def handler(e: Any) -> None:
            threads.add(threading.current_thread() is threading.main_thread())
            time.sleep(0.3)
            page.add(ui.Text("Handler clicked"))

        async def handler_async(e: Any) -> None:
            threads.add(threading.current_thread() is threading.main_thread())
            await asyncio.sleep(0.3)
            page.add(ui.Text("Async handler clicked"))

        page.add(
            ui.Button("Call handler", on_click=handler),
            ui.Button("Call async handler", on_click=handler_async),
        )

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    sync_button, async_button = await buttons(tab, 2)
    started = time.monotonic()
    tab.click(sync_button)
    tab.click(async_button)
    await tab.wait_for(lambda: tab.find(text="Handler clicked") and tab.find(text="Async handler clicked"))
    assert time.monotonic() - started < 0.55  # they ran side by side
    assert sorted(threads.items) == [False, True]  # one on a worker thread, one on the loop


@pytest.mark.asyncio
async def test_fifty_blocking_handlers_run_concurrently(
    make_host: Any, ui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLET_SESSION_MAX_RUNNING", "50")  # one session may use 50 threads here
    done = ui.Recorder()

    def main(page: Page) -> None:
        label = ui.Text("0")

        def slow(e: Any) -> None:
            time.sleep(0.2)
            done.add(1)
            label.value = str(len(done))
            page.update()

        page.add(label, ui.Button("slow", on_click=slow))

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    (button,) = await buttons(tab, 1)
    started = time.monotonic()
    for _ in range(50):
        tab.click(button)
    await tab.wait_for(lambda: tab.find(type="text", text="50"), timeout=5)
    elapsed = time.monotonic() - started
    print(f"50 concurrent 0.2 s sync handlers: {elapsed:.3f} s")
    assert elapsed < 1.0


@pytest.mark.asyncio
async def test_a_slow_async_handler_does_not_delay_another_session(make_host: Any, ui: Any) -> None:
    def main(page: Page) -> None:
        async def slow(e: Any) -> None:
            await asyncio.sleep(1)
            page.add(ui.Text("slow done"))

        def fast(e: Any) -> None:
            page.add(ui.Text("fast done"))

        page.add(ui.Button("slow", on_click=slow), ui.Button("fast", on_click=fast))

    host = make_host(main)
    first, second = MemoryClient(host), MemoryClient(host)
    await first.connect()
    await second.connect()
    slow_button, _ = await buttons(first, 2)
    _, fast_button = await buttons(second, 2)
    first.click(slow_button)
    await asyncio.sleep(0.01)
    started = time.monotonic()
    second.click(fast_button)
    await second.wait_for(lambda: second.find(text="fast done"), timeout=0.5)
    assert time.monotonic() - started < 0.3
    assert not first.find(text="slow done")


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_a_handler_exception_reaches_on_error_and_the_session_carries_on(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    clicks = ui.Recorder()

    def main(page: Page) -> None:
        def fail_first(e: Any) -> None:
            clicks.add(1)
            if len(clicks) == 1:
                raise ValueError("boom")
            page.add(ui.Text("ok"))

        async def fail_first_async(e: Any) -> None:
            fail_first(e)

        page.on_error = lambda e: page.add(ui.Text(f"error: {e.data}"))
        page.add(ui.Button("go", on_click=fail_first if kind == "sync" else fail_first_async))

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    (button,) = await buttons(tab, 1)
    tab.click(button)
    await tab.wait_for(lambda: tab.find(text="error: boom"))
    tab.click(button)
    await tab.wait_for(lambda: tab.find(text="ok"))
    (record,) = [r for r in caplog.records if r.exc_info]
    assert record.name == "flet" and record.levelno == logging.ERROR
    message = record.getMessage()
    assert "'click'" in message and button in message and session_tag(tab.session_id) in message


@pytest.mark.asyncio
async def test_an_error_in_on_error_is_logged_not_looped(
    make_host: Any, ui: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def main(page: Page) -> None:
        def broken_on_error(e: Any) -> None:
            raise RuntimeError("on_error is broken too")

        def fail(e: Any) -> None:
            raise ValueError("first")

        page.on_error = broken_on_error
        page.add(ui.Button("go", on_click=fail))

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    (button,) = await buttons(tab, 1)
    tab.click(button)
    await tab.wait_for(lambda: len([r for r in caplog.records if r.exc_info]) == 2)
    await asyncio.sleep(0.05)
    assert len([r for r in caplog.records if r.exc_info]) == 2


class AsyncCallable:
    def __init__(self, page: Page, text: Any) -> None:
        self.page, self.text = page, text

    async def __call__(self, e: Any) -> None:
        await asyncio.sleep(0)
        self.page.add(self.text("async __call__"))


@pytest.mark.asyncio
async def test_coroutine_returning_handlers_are_awaited(make_host: Any, ui: Any) -> None:
    """Upstream defect #28: these handlers silently never ran."""

    def main(page: Page) -> None:
        async def add(text: str) -> None:
            page.add(ui.Text(text))

        page.add(
            ui.Button("lambda", on_click=lambda e: add("from lambda")),
            ui.Button("partial", on_click=functools.partial(lambda text, e: add(text), "from partial")),
            ui.Button("object", on_click=AsyncCallable(page, ui.Text)),
        )

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    for button in await buttons(tab, 3):
        tab.click(button)
    await tab.wait_for(
        lambda: tab.find(text="from lambda") and tab.find(text="from partial") and tab.find(text="async __call__")
    )


def test_is_async_callable() -> None:
    async def coroutine_function(e: Any) -> None:
        pass

    def plain(e: Any) -> None:
        pass

    assert is_async_callable(coroutine_function)
    assert is_async_callable(functools.partial(coroutine_function))
    assert is_async_callable(AsyncCallable(None, None))  # type: ignore[arg-type]
    assert not is_async_callable(plain)
    assert not is_async_callable(lambda e: coroutine_function(e))
    assert not is_async_callable(AsyncCallable)


@pytest.mark.asyncio
async def test_run_task_run_thread_loop_and_executor(make_host: Any, ui: Any) -> None:
    results: list[Any] = []

    async def main(page: Page) -> None:
        async def double(x: int) -> int:
            await asyncio.sleep(0)
            return 2 * x

        future = page.run_task(double, 21)
        assert isinstance(future, Future)
        results.append(await asyncio.wrap_future(future))
        results.append(page.loop is asyncio.get_running_loop())
        results.append(isinstance(page.executor, WorkerPool))
        page.run_thread(lambda: page.add(ui.Text(threading.current_thread().name)))
        with pytest.raises(TypeError, match="run_thread"):
            page.run_task(lambda: None)  # type: ignore[arg-type,return-value]

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: any(t.startswith("flet-worker") for t in tab.texts()))
    assert results == [42, True, True]


@pytest.mark.asyncio
async def test_run_task_from_a_worker_thread(make_host: Any, ui: Any) -> None:
    def main(page: Page) -> None:
        async def later() -> str:
            page.add(ui.Text("task ran"))
            return "done"

        assert page.run_task(later).result(timeout=2) == "done"

    host = make_host(main)
    tab = MemoryClient(host)
    await tab.connect()
    await tab.wait_for(lambda: tab.find(text="task ran"))


def test_pool_shutdown_without_wait_returns_while_a_handler_blocks() -> None:
    """Upstream defect #2: a blocked sync handler kept the process from exiting."""
    pool = WorkerPool(1)
    started, release = threading.Event(), threading.Event()

    def block() -> bool:
        started.set()
        return release.wait(10)

    blocked = pool.submit(block)
    assert started.wait(2)
    queued = pool.submit(lambda: 1)
    began = time.monotonic()
    pool.shutdown(wait=False, cancel_futures=True)
    assert time.monotonic() - began < 0.1
    assert queued.cancelled()
    assert all(thread.daemon for thread in threading.enumerate() if thread.name.startswith("flet-worker"))
    with pytest.raises(RuntimeError, match="shut down"):
        pool.submit(lambda: 1)
    release.set()
    assert blocked.result(2) is True


def test_pool_warns_when_every_worker_is_busy(caplog: pytest.LogCaptureFixture) -> None:
    pool = WorkerPool(1)
    release = threading.Event()
    try:
        pool.submit(release.wait, 5)
        later = pool.submit(lambda: "ran")
        assert [r.getMessage() for r in caplog.records if "busy" in r.getMessage()]
        release.set()
        assert later.result(2) == "ran"
    finally:
        release.set()
        pool.shutdown()


def test_pool_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLET_THREAD_POOL_SIZE", "7")
    assert WorkerPool().max_workers == 7
    monkeypatch.delenv("FLET_THREAD_POOL_SIZE")
    assert WorkerPool().max_workers >= 64
    monkeypatch.setenv("FLET_THREAD_POOL_SIZE", "lots")
    with pytest.raises(ValueError, match="FLET_THREAD_POOL_SIZE"):
        WorkerPool()


def test_pool_gives_blocking_work_a_thread_each() -> None:
    """Workers are woken one after another (a woken worker wakes the next while work waits):
    ten jobs that only finish together must still all run at once."""
    pool = WorkerPool(16)
    barrier = threading.Barrier(10, timeout=5)
    try:
        futures = [pool.submit(barrier.wait) for _ in range(10)]
        assert sorted(future.result(10) for future in futures) == list(range(10))
        assert pool.busy == 0
    finally:
        pool.shutdown()


def test_pool_reuses_sleeping_workers_for_short_work() -> None:
    pool = WorkerPool(64)
    try:
        for _ in range(20):  # one at a time: the one sleeping worker takes each
            assert pool.submit(threading.get_ident).result(2)
            deadline = time.monotonic() + 2
            while pool.busy and time.monotonic() < deadline:  # until it has gone back to sleep
                time.sleep(0.001)
        assert pool.thread_count == 1
    finally:
        pool.shutdown()


def test_lane_runs_a_sessions_handlers_in_order_and_shutdown_drops_the_waiting_ones() -> None:
    from flet_runtime.dispatch import Dispatcher, Lane

    pool = WorkerPool(4)
    dispatcher = Dispatcher(None, pool)
    lane = Lane(max_running=1, max_queued=100)
    ran: list[int] = []
    finished: list[int] = []
    gate, started = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def handler(index: int) -> None:
        if index == 0:
            started.set()
            gate.wait(5)
        ran.append(index)

    for index in range(30):
        dispatcher.run(handler, (index,), errors.append, lane=lane, on_done=functools.partial(finished.append, index))
    assert lane.running == 1 and lane.waiting == 29
    gate.set()
    deadline = time.monotonic() + 5
    while len(finished) < 30 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ran == list(range(30)) and finished == list(range(30)) and not errors
    assert lane.running == 0 and pool.busy == 0

    gate.clear()
    started.clear()
    ran.clear()
    finished.clear()
    for index in range(3):
        dispatcher.run(handler, (index,), errors.append, lane=lane, on_done=functools.partial(finished.append, index))
    assert started.wait(5)
    pool.shutdown(wait=False, cancel_futures=True)
    gate.set()
    while len(finished) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ran == [0]  # the running one finished; the two waiting in the lane never ran
    assert sorted(finished) == [0, 1, 2] and lane.running == 0


def test_a_sessions_handlers_begin_in_the_order_of_its_events() -> None:
    from flet_runtime.dispatch import Dispatcher, Lane

    pool = WorkerPool(8)
    dispatcher = Dispatcher(None, pool)
    lane = Lane(max_running=8, max_queued=1000)  # several may run at once, yet they begin in order
    began: list[int] = []
    finished = threading.Semaphore(0)
    errors: list[BaseException] = []
    try:
        for index in range(300):
            dispatcher.run(began.append, (index,), errors.append, lane=lane, on_done=finished.release)
        for _ in range(300):
            assert finished.acquire(timeout=5)
        assert began == list(range(300)) and not errors
    finally:
        pool.shutdown()
