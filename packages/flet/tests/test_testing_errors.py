"""flet.testing failures: the app's exceptions, timeouts, rejected frames, waiting for background work."""

from __future__ import annotations

import asyncio
import threading

import pytest

import flet as ft
import flet.testing
from flet.testing import AppError, AppFactory, ClientRejectedFrameError, WaitTimeoutError


def crashing_button(page: ft.Page) -> None:
    def boom(e: ft.ControlEvent) -> None:
        raise ZeroDivisionError("no pies left")

    page.add(ft.ElevatedButton("Boom", on_click=boom), ft.Text("still here"))


@pytest.mark.asyncio
async def test_an_exception_in_a_handler_fails_the_action(flet_app: AppFactory) -> None:
    app = await flet_app(crashing_button)
    with pytest.raises(AppError, match=r"the app raised an exception: .*no pies left") as caught:
        await app.click("Boom")
    assert isinstance(caught.value.__cause__, ZeroDivisionError)
    assert 'elevatedbutton "Boom"' in str(caught.value)  # the screen at the time
    assert app.sees("still here")  # the session carries on
    assert len(app.app.errors) == 1


@pytest.mark.asyncio
async def test_app_errors_can_be_collected_to_test_on_error(flet_app: AppFactory) -> None:
    def main(page: ft.Page) -> None:
        crashing_button(page)
        page.on_error = lambda e: page.add(ft.Text(f"Sorry: {e.data}"))

    app = await flet_app(main, raise_app_errors=False)
    await app.click("Boom")
    assert app.sees("Sorry: no pies left")
    assert [type(error) for error in app.app.errors] == [ZeroDivisionError]


@pytest.mark.asyncio
async def test_an_exception_in_main_fails_open() -> None:
    def main(page: ft.Page) -> None:
        page.add(ft.Text("half"))
        raise KeyError("config")

    with pytest.raises(AppError, match="main\\(\\) of session"):
        async with flet.testing.open(main):
            pass


@pytest.mark.asyncio
async def test_a_handler_that_never_ends_times_out_with_its_name() -> None:
    release = threading.Event()

    def main(page: ft.Page) -> None:
        def stuck(e: ft.ControlEvent) -> None:
            release.wait(5)

        page.add(ft.ElevatedButton("Stuck", on_click=stuck))

    async with flet.testing.open(main, timeout=0.2) as app:
        with pytest.raises(WaitTimeoutError, match=r"'click' handler .*stuck had not finished") as caught:
            await app.click("Stuck")
        assert "page.run_task()" in str(caught.value)
        release.set()
        await app.settle()


@pytest.mark.asyncio
async def test_wait_for_background_work(flet_app: AppFactory) -> None:
    def main(page: ft.Page) -> None:
        status = ft.Text("working")

        async def work() -> None:
            await asyncio.sleep(0.05)
            status.value = "done"
            page.update()

        page.add(status)
        page.run_task(work)

    app = await flet_app(main)
    assert app.sees("working")  # run_task work is not waited for
    await app.wait_for(lambda: app.find("done"))
    with pytest.raises(WaitTimeoutError, match=r"waited 0.05 s for the greeting; it did not happen \(last: no control"):
        await app.wait_for(lambda: app.find("hello"), timeout=0.05, what="the greeting")


@pytest.mark.asyncio
async def test_frames_the_client_would_reject_fail_the_test(flet_app: AppFactory) -> None:
    app = await flet_app(crashing_button)
    session = app.app.host.sessions()[0]
    session.send('{"action":"removeControl","payload":{"ids":["_999"]}}')
    with pytest.raises(ClientRejectedFrameError, match="unknown id '_999'"):
        await app.settle()


def test_sync_fixture_reports_app_errors(flet_app_sync: flet.testing.SyncAppFactory) -> None:
    app = flet_app_sync(crashing_button)
    with pytest.raises(AppError, match="no pies left"):
        app.click("Boom")
    assert app.sees("still here")
