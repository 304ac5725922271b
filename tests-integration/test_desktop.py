"""ft.app() in the real Flet 0.21.2 desktop client (flet-desktop), on an Xvfb display of its own.

Xvfb runs on a free display number of its own and is stopped by PID. The window is
driven with xdotool, closed like a window manager would (WM_DELETE_WINDOW, sent through
libX11), and looked at with ImageMagick's ``import``. Without a window manager the client's
window sits at 0,0 with the client's default size (1280x720).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from testsupport.processes import wait_until
from testsupport.xvfb import close_windows, xvfb

import flet as ft
import flet.app as flet_app_module

TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "import": "imagemagick", "xprop": "x11-utils"}
TITLE = "Desktop counter"


# -- the display -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    missing = [f"{tool} (Debian: {package})" for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"the desktop tests need {', '.join(missing)}; .ci/run installs them")
    with xvfb() as name:
        yield name


def x_env(display: str) -> dict[str, str]:
    return {**os.environ, "DISPLAY": display}


def xdotool(display: str, *args: str) -> str:
    result = subprocess.run(["xdotool", *args], env=x_env(display), capture_output=True, text=True, timeout=20)
    return result.stdout


def find_window(display: str, title: str = TITLE, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(display, "search", "--onlyvisible", "--name", f"^{re.escape(title)}$").split()
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no visible window titled {title!r} within {timeout} s")


def geometry(display: str, window: str) -> tuple[int, int, int, int]:
    text = xdotool(display, "getwindowgeometry", window)
    position = re.search(r"Position: (-?\d+),(-?\d+)", text)
    size = re.search(r"Geometry: (\d+)x(\d+)", text)
    assert position and size, text
    return int(position[1]), int(position[2]), int(size[1]), int(size[2])


def size_hints(display: str, window: str) -> str:
    """The window's WM_NORMAL_HINTS as xprop shows them (min/max size: what a WM lets users do)."""
    command = ["xprop", "-id", window, "WM_NORMAL_HINTS"]
    return subprocess.run(command, env=x_env(display), capture_output=True, text=True, timeout=20).stdout


def fixed_size(hints: str) -> bool:
    minimum = re.search(r"minimum size: (\d+) by (\d+)", hints)
    maximum = re.search(r"maximum size: (\d+) by (\d+)", hints)
    return bool(minimum and maximum and minimum.groups() == maximum.groups())


def pixels(display: str, box: tuple[int, int, int, int], save: Path | None = None) -> bytes:
    """The screen's RGB bytes inside ``box`` (x, y, width, height); also saved as PNG if asked."""
    x, y, width, height = box
    crop = f"{width}x{height}+{x}+{y}"
    command = ["import", "-window", "root", "-crop", crop, "-depth", "8", "rgb:-"]
    raw = subprocess.run(command, env=x_env(display), capture_output=True, timeout=30, check=True).stdout
    if save is not None:
        subprocess.run(["import", "-window", "root", "-crop", crop, str(save)], env=x_env(display), timeout=30)
    return raw


def settled(display: str, box: tuple[int, int, int, int], timeout: float = 10) -> bytes:
    """The pixels in ``box`` once two looks 150 ms apart agree (animations have ended)."""
    deadline = time.monotonic() + timeout
    last = pixels(display, box)
    while time.monotonic() < deadline:
        time.sleep(0.15)
        now = pixels(display, box)
        if now == last:
            return now
        last = now
    raise AssertionError(f"the screen kept changing in {box} for {timeout} s")


def close_window(display: str, window: str) -> None:
    """Ask the window to close as a window manager's close button does (WM_DELETE_WINDOW)."""
    close_windows(display, [window])


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


# -- an app run in this process, so the test reads its session's control tree ---------------------


class InProcessApp:
    """``ft.app_async(main)`` on a thread of its own, with the page ``main`` was given."""

    def __init__(self, main: Callable[[ft.Page], None], display: str, monkeypatch: pytest.MonkeyPatch) -> None:
        for name in [name for name in os.environ if name.startswith("FLET_")]:
            monkeypatch.delenv(name)
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        self.pages: list[ft.Page] = []
        self.error: BaseException | None = None

        def recorded(page: ft.Page) -> None:
            self.pages.append(page)
            main(page)

        def run() -> None:
            try:
                asyncio.run(flet_app_module.app_async(recorded))
            except BaseException as error:  # reported by the test
                self.error = error

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    @property
    def page(self) -> ft.Page:
        return wait_until(lambda: self.pages[0] if self.pages else None, 30, "the session to start")

    def control(self, control_id: str) -> dict[str, Any]:
        """A control as the session's control tree holds it (what the client was sent)."""
        return self.page.snapshot[control_id]

    def wait_ended(self, timeout: float) -> None:
        self.thread.join(timeout)
        assert not self.thread.is_alive(), f"the app did not end within {timeout} s"
        assert self.error is None, repr(self.error)


@pytest.fixture
def in_process(display: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., InProcessApp]]:
    started: list[InProcessApp] = []

    def start(main: Callable[[ft.Page], None]) -> InProcessApp:
        app = InProcessApp(main, display, monkeypatch)
        started.append(app)
        return app

    yield start
    for app in started:
        if app.thread.is_alive():
            for window in xdotool(display, "search", "--name", f"^{TITLE}$").split():
                close_window(display, window)
            app.thread.join(10)


def counter(fields: dict[str, ft.TextField]) -> Callable[[ft.Page], None]:
    def main(page: ft.Page) -> None:
        page.title = TITLE
        number = fields["number"] = ft.TextField(value="0", text_align=ft.TextAlign.RIGHT, width=100)

        def plus(e: ft.ControlEvent) -> None:
            number.value = str(int(number.value or "0") + 1)
            page.update()

        page.add(
            ft.Row(
                [ft.IconButton(ft.icons.REMOVE), number, ft.IconButton(ft.icons.ADD, on_click=plus)],
                alignment=ft.MainAxisAlignment.CENTER,
            )
        )

    return main


# -- tests ---------------------------------------------------------------------------------------


def test_counter_renders_0_and_a_click_on_plus_makes_it_1(
    display: str, in_process: Callable[..., InProcessApp], tmp_path: Path
) -> None:
    fields: dict[str, ft.TextField] = {}
    app = in_process(counter(fields))
    window = find_window(display)
    x, y, width, _ = geometry(display, window)
    page = app.page
    number = fields["number"]
    assert app.control(number.uid)["value"] == "0"
    # the row is centred at the top: [-] 40 px, 10 px gap, the 100 px field, 10 px gap, [+] 40 px
    field_box = (x + width // 2 - 50, y + 10, 100, 56)
    shown_0 = settled(display, field_box)
    pixels(display, (x, y, width, 100), save=tmp_path / "counter-0.png")

    xdotool(display, "mousemove", "--window", window, str(width // 2 + 80), "37", "click", "1")
    wait_until(lambda: app.control(number.uid)["value"] == "1", 10, "the click to reach the session")
    shown_1 = settled(display, field_box)
    pixels(display, (x, y, width, 100), save=tmp_path / "counter-1.png")
    assert shown_1 != shown_0

    # the screen follows the control tree: back to "0" looks like the first frame, "1" like the click
    number.value = "0"
    page.update()
    wait_until(lambda: settled(display, field_box) == shown_0, 10, 'the field to show "0" again')
    number.value = "1"
    page.update()
    wait_until(lambda: settled(display, field_box) == shown_1, 10, 'the field to show "1" again')
    assert page.platform == ft.PagePlatform.LINUX and page.web is False


def test_window_props_resize_and_move_the_x_window_and_read_back(
    display: str, in_process: Callable[..., InProcessApp]
) -> None:
    app = in_process(counter({}))
    window = find_window(display)
    page = app.page
    wait_until(lambda: page.window_width == 1280 and page.window_height == 720, 10, "the client's window size")
    page.window_width = 500
    page.update()
    wait_until(lambda: geometry(display, window)[2] == 500, 10, "the X window to be 500 px wide")
    wait_until(lambda: page.window_width == 500, 10, "window_width as the client reports it")
    wait_until(lambda: page.width == 500, 10, "the page's own width to follow the window")

    assert not fixed_size(size_hints(display, window))  # resizable so far
    page.window_resizable = False
    page.update()
    # GTK pins the window's size hints (minimum = maximum) to the size it asked for
    wait_until(lambda: fixed_size(size_hints(display, window)), 10, "min = max in the window's size hints")

    page.window_center()
    page.update()
    wait_until(lambda: geometry(display, window)[:2] != (0, 0), 10, "the window to move to the centre")
    x, y, width, height = geometry(display, window)
    assert abs(x + width / 2 - 640) <= 2 and abs(y + height / 2 - 512) <= 40


def test_prevent_close_sends_the_close_event_and_window_destroy_ends_the_app(
    display: str, in_process: Callable[..., InProcessApp]
) -> None:
    events: list[str] = []

    def main(page: ft.Page) -> None:
        counter({})(page)
        page.window_prevent_close = True

        def on_window_event(e: ft.ControlEvent) -> None:
            events.append(e.data)
            if e.data == "close":
                page.window_destroy()

        page.on_window_event = on_window_event
        page.update()

    app = in_process(main)
    window = find_window(display)
    wait_until(lambda: app.page.snapshot["page"].get("windowpreventclose") == "true", 10, "prevent_close sent")
    time.sleep(0.5)  # the client applies it after the frame
    close_window(display, window)
    wait_until(lambda: "close" in events, 10, "the window's close event")
    app.wait_ended(10)


def test_closing_the_window_ends_python_within_3_s(display: str, serve: Callable[..., Any], kit: Any) -> None:
    server = serve([sys.executable, "desktop_counter.py"], env=kit.env(DISPLAY=display), wait=False)
    window = find_window(display)
    wait_until(lambda: "RENDERED" in server.output(), 30, "the app to render")
    client = wait_until(lambda: children(server.process.pid), 10, "the client process")
    closed = time.monotonic()
    close_window(display, window)
    server.process.wait(10)
    assert time.monotonic() - closed < 3.0
    assert server.process.returncode == 0, server.output()
    assert not any(alive(pid) for pid in client)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_python_stops_the_client_too(display: str, serve: Callable[..., Any], kit: Any, sig: int) -> None:
    server = serve([sys.executable, "desktop_counter.py"], env=kit.env(DISPLAY=display), wait=False)
    find_window(display)
    client = wait_until(lambda: children(server.process.pid), 30, "the client process")
    assert kit.stop(server.process, sig) == 0, server.output()
    wait_until(lambda: not any(alive(pid) for pid in client), 5, "the client to end")
    assert not xdotool(display, "search", "--onlyvisible", "--name", f"^{TITLE}$").split()


def test_sigkill_to_python_still_leaves_no_client(display: str, serve: Callable[..., Any], kit: Any) -> None:
    server = serve([sys.executable, "desktop_counter.py"], env=kit.env(DISPLAY=display), wait=False)
    find_window(display)
    client = wait_until(lambda: children(server.process.pid), 30, "the client process")
    server.process.kill()
    server.process.wait(10)
    wait_until(lambda: not any(alive(pid) for pid in client), 5, "the client to end")


def test_flet_app_hidden_runs_the_client_without_a_visible_window(
    display: str, serve: Callable[..., Any], kit: Any
) -> None:
    server = serve([sys.executable, "desktop_counter.py", "flet_app_hidden"], env=kit.env(DISPLAY=display), wait=False)
    wait_until(lambda: "RENDERED" in server.output(), 30, "the app to render")
    assert children(server.process.pid)
    time.sleep(1)
    assert not xdotool(display, "search", "--onlyvisible", "--name", f"^{TITLE}$").split()
    assert kit.stop(server.process) == 0


URL_LINE = re.compile(r"Flet app is running at (http://\S+)")


@pytest.mark.parametrize("with_display", [True, False])
def test_web_mode_when_forced_or_without_a_display(
    display: str, serve: Callable[..., Any], kit: Any, with_display: bool
) -> None:
    port = kit.free_port()
    env = kit.env(FLET_SERVER_PORT=str(port), FLET_FORCE_WEB_SERVER="true", DISPLAY=display)
    if not with_display:
        env = kit.env(FLET_SERVER_PORT=str(port))  # no DISPLAY, no WAYLAND_DISPLAY
    server = serve([sys.executable, "desktop_counter.py"], port=port, env=env)
    url = wait_until(lambda: URL_LINE.search(server.output()), 20, "the URL line")[1]
    assert "flet-websocket-endpoint-path" in urllib.request.urlopen(url, timeout=10).read().decode()
    assert children(server.process.pid) == []  # no desktop client
    assert kit.stop(server.process) == 0
