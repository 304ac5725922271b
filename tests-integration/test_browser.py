"""The real Flet 0.21.2 web client in Debian's Chromium (Playwright), against our servers.

The client runs with the HTML renderer (FLET_WEB_RENDERER=html; CanvasKit would be fetched
from a CDN). Flutter draws text as ``flt-paragraph`` elements inside the glass pane's shadow
root (zero-sized boxes: a text's position is that of its contents). A failing test leaves a screenshot in
``artifacts/`` (git-ignored). Never `playwright install`: the browser is /usr/bin/chromium.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ADD_ICON = "\ue047"  # Material Icons' "add" glyph, as the FAB's paragraph holds it
UVICORN = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", "{port}"]
TIMEOUT_MS = 30_000


@pytest.fixture
def browser_page(
    tmp_path: Path, request: pytest.FixtureRequest, kit: Any, test_failed: Callable[[], bool]
) -> Iterator[Any]:
    # A missing prerequisite fails the test, never skips it.
    assert CHROMIUM.exists(), "/usr/bin/chromium is absent (apt-get install chromium; .ci/run installs it)"
    from playwright import sync_api  # installed by the integration session

    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),  # a fresh --user-data-dir
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
            viewport={"width": 1280, "height": 720},
        )  # fmt: skip
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        try:
            yield page
        finally:
            if test_failed():
                kit.artifacts.mkdir(exist_ok=True)
                page.screenshot(path=str(kit.artifacts / f"{request.node.name}.png"))
            context.close()


_FIND = """value => {
    const pane = document.querySelector('flt-glass-pane');
    const found = Array.from(pane?.shadowRoot?.querySelectorAll('flt-paragraph') ?? [])
        .map(p => { const range = document.createRange(); range.selectNodeContents(p);
                    return [p.textContent.trim(), range.getBoundingClientRect()]; })
        .find(([t, r]) => t === value && r.width > 0 && r.height > 0);
    return found ? {x: found[1].x + found[1].width / 2, y: found[1].y + found[1].height / 2} : null;
}"""


def paragraphs(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("flt-paragraph").all_text_contents()]


def wait_for_text(page: Any, value: str) -> dict[str, float]:
    """Wait until a paragraph reads exactly ``value``; returns its centre."""
    try:
        handle = page.wait_for_function(_FIND, arg=value, timeout=TIMEOUT_MS)
    except Exception as error:
        raise AssertionError(f"{value!r} never appeared; the page shows {paragraphs(page)}") from error
    centre: dict[str, float] = handle.json_value()
    return centre


def click_text(page: Any, value: str) -> None:
    centre = wait_for_text(page, value)
    page.mouse.click(centre["x"], centre["y"])


def test_the_counter_renders_counts_and_survives_a_reload(serve: Callable[..., Any], browser_page: Any) -> None:
    server = serve([*UVICORN, "counter:app"])
    browser_page.goto(server.url + "/")
    wait_for_text(browser_page, "0")
    click_text(browser_page, ADD_ICON)
    wait_for_text(browser_page, "1")
    browser_page.reload()
    wait_for_text(browser_page, "1")  # the same session comes back with its state


def test_sync_and_async_handlers_both_show_their_text(serve: Callable[..., Any], browser_page: Any, kit: Any) -> None:
    port = kit.free_port()
    server = serve([sys.executable, "mixed.py"], port=port, env=kit.env(FLET_SERVER_PORT=str(port)))
    browser_page.goto(server.url + "/")
    wait_for_text(browser_page, "Call handler")
    click_text(browser_page, "Call handler")
    click_text(browser_page, "Call async handler")
    wait_for_text(browser_page, "Handler clicked")
    wait_for_text(browser_page, "Async handler clicked")


def test_two_apps_are_served_at_root_and_sub_path(serve: Callable[..., Any], browser_page: Any) -> None:
    server = serve([*UVICORN, "multi:app"])
    browser_page.goto(server.url + "/")
    wait_for_text(browser_page, "Front desk")
    browser_page.goto(server.url + "/sub-app/")
    wait_for_text(browser_page, "Back office")


def test_a_picked_file_is_uploaded(serve: Callable[..., Any], browser_page: Any, kit: Any, tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    env = kit.env(FLET_SECRET_KEY="browser-test", FLET_UPLOAD_DIR=str(uploads))
    server = serve([*UVICORN, "upload_app:app"], env=env)
    source = tmp_path / "hello.txt"
    source.write_text("hello from the browser\n" * 100)
    browser_page.goto(server.url + "/")
    wait_for_text(browser_page, "Pick a file")
    with browser_page.expect_file_chooser() as chooser:
        click_text(browser_page, "Pick a file")
    chooser.value.set_files(str(source))
    wait_for_text(browser_page, "uploaded hello.txt")
    assert (uploads / "hello.txt").read_text() == source.read_text()
    assert shutil.disk_usage(uploads)  # the folder holds no leftovers besides the file
    assert sorted(p.name for p in uploads.iterdir()) == ["hello.txt"]


def test_the_demo_counts_validates_and_routes(serve: Callable[..., Any], browser_page: Any, kit: Any) -> None:
    port = kit.free_port()
    server = serve([sys.executable, "-m", "flet.demo"], port=port, env=kit.env(FLET_SERVER_PORT=str(port)))
    browser_page.set_viewport_size({"width": 1280, "height": 1600})  # the whole demo, no scrolling
    browser_page.goto(server.url + "/")
    wait_for_text(browser_page, "Counter")
    click_text(browser_page, ADD_ICON)
    wait_for_text(browser_page, "1")
    click_text(browser_page, "Submit")
    wait_for_text(browser_page, "Please enter your name")
    click_text(browser_page, "About this demo")
    wait_for_text(browser_page, "Back to the demo")
    assert browser_page.url.endswith("/about")


# -- the README's run command, from a fresh clone --------------------------------------------------

RUN_COMMAND = ["bash", "tools/run.sh"]  # the README's "Run" command, verbatim
INSTALL_TIMEOUT = 600.0
"""Seconds for run.sh to create its venv, install the four web packages and serve: pip's cache is used."""


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1, never via a proxy


def _wait_for_http_200(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"{RUN_COMMAND} exited with status {process.returncode}; its output:\n{log.read_text()}"
            )
        try:
            with _DIRECT.open(url, timeout=5) as response:
                if response.status == 200:
                    return str(response.read().decode())
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"GET {url} did not answer 200 within {timeout:.0f} s; output:\n{log.read_text()}")


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the run command's process group by its PID (pip or the server), then SIGKILL if needed."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(15)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # anything the script left behind in its group


def test_the_readme_run_command_serves_the_demo_from_a_fresh_clone(tmp_path: Path, browser_page: Any, kit: Any) -> None:
    """Issue 10: on a fresh clone with default pip settings, `bash tools/run.sh` serves the demo.

    The clone is of this repository's HEAD (committed work only), so nothing untracked (the web
    client's download cache, an existing .venv-demo) helps; pip runs with build isolation and the
    machine's own pip configuration.
    """
    clone = kit.fresh_clone(tmp_path / "clone")
    port = kit.free_port()
    log = tmp_path / "run.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            RUN_COMMAND, cwd=clone, env=kit.user_environment(FLET_SERVER_PORT=str(port)),
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True,  # its own group, stopped as one
        )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/"
        html = _wait_for_http_200(url, process, log, INSTALL_TIMEOUT)
        assert '<script>webRenderer="html";</script>' in html  # the README: the HTML renderer
        browser_page.set_viewport_size({"width": 1280, "height": 1600})
        browser_page.goto(url)
        wait_for_text(browser_page, "Counter")
        click_text(browser_page, ADD_ICON)
        wait_for_text(browser_page, "1")
    finally:
        _stop_group(process)
    assert (clone / ".venv-demo" / "bin" / "python").exists()


def test_a_live_tab_keeps_its_session_and_a_frozen_one_is_taken_over(
    serve: Callable[..., Any], browser_page: Any
) -> None:
    """The takeover rule with the real client: it answers the liveness probe while it runs."""
    import json

    from websockets.sync.client import connect

    server = serve([*UVICORN, "counter:app"])
    browser_page.goto(server.url + "/")
    wait_for_text(browser_page, "0")
    click_text(browser_page, ADD_ICON)
    wait_for_text(browser_page, "1")
    session_id = browser_page.evaluate("sessionStorage.getItem('_flet_session_id')")
    user_agent = browser_page.evaluate("navigator.userAgent")
    fields = dict.fromkeys(("pageName", "windowWidth", "windowHeight", "windowTop", "windowLeft", "media"), "")
    payload = fields | {"pageRoute": "/", "pageWidth": "800", "pageHeight": "600", "sessionId": session_id}
    register = json.dumps({"action": "registerWebClient", "payload": payload | {"isWeb": "true"}})

    def present_the_id() -> dict[str, Any]:
        headers = {"Origin": server.url}
        with connect(
            server.url.replace("http", "ws") + "/ws", user_agent_header=user_agent, additional_headers=headers
        ) as ws:
            ws.send(register)
            reply: dict[str, Any] = json.loads(ws.recv(timeout=15))["payload"]["session"]
            return reply

    duplicate = present_the_id()  # the tab answers the probe: the newcomer gets a session of its own
    assert duplicate["id"] != session_id
    click_text(browser_page, ADD_ICON)
    wait_for_text(browser_page, "2")  # the tab still drives its session
    cdp = browser_page.context.new_cdp_session(browser_page)
    cdp.send("Debugger.enable")
    cdp.send("Debugger.pause")  # the tab's script stops: its socket stays open, nobody answers
    taken = present_the_id()
    assert taken["id"] == session_id
    assert any(c.get("value") == "2" for c in taken["controls"].values())
