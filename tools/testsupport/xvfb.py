"""An Xvfb X server on a free display number, stopped by its PID."""

from __future__ import annotations

import ctypes
import random
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from testsupport.processes import stop

SCREEN = "1280x1024x24"
ATTEMPTS = 40


def start_xvfb() -> tuple[subprocess.Popen[bytes], int]:
    """Xvfb on a free display number (a random high one: other users' servers start low)."""
    for number in random.sample(range(100, 1000), ATTEMPTS):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        command = ["Xvfb", f":{number}", "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while process.poll() is None and time.monotonic() < deadline:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return process, number
            time.sleep(0.05)
        process.kill()  # lost a race for that number, or too slow: try another
        process.wait()
    raise RuntimeError(f"Xvfb did not start on any of {ATTEMPTS} free display numbers")


@contextmanager
def xvfb() -> Iterator[str]:
    """A running Xvfb for the block; yields its DISPLAY value (":N")."""
    process, number = start_xvfb()
    try:
        yield f":{number}"
    finally:
        stop(process)


class _ClientMessage(ctypes.Structure):
    """Xlib's XClientMessageEvent, padded to the size of an XEvent (24 longs)."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
        ("padding", ctypes.c_long * 12),
    ]


_CLIENT_MESSAGE = 33  # Xlib's event type number


def close_windows(display: str, windows: list[str]) -> None:
    """Ask each window to close as a window manager's close button does (WM_DELETE_WINDOW)."""
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        raise RuntimeError(f"cannot open X display {display}")
    try:
        for window in windows:
            event = _ClientMessage(type=_CLIENT_MESSAGE, window=int(window), format=32)
            event.message_type = x11.XInternAtom(connection, b"WM_PROTOCOLS", 0)
            event.data[0] = x11.XInternAtom(connection, b"WM_DELETE_WINDOW", 0)
            if not x11.XSendEvent(connection, int(window), 0, 0, ctypes.byref(event)):
                raise RuntimeError(f"XSendEvent refused the close message for window {window}")
        x11.XFlush(connection)
    finally:
        x11.XCloseDisplay(connection)
