"""The Flet desktop client: finding it, checking it can start, starting and stopping it.

The client is the published Flet 0.21.2 Flutter desktop build. ``FLET_VIEW_PATH`` (a folder
holding a client build) wins; otherwise the ``flet.desktop_client`` entry point names it, which
``flet-desktop`` (``pip install flet[desktop]``) provides. Nothing is ever downloaded at run time.

Launch contract of the 0.21.2 client (observed): ``<client> <page url> <pid file> [<assets
dir>]``, where the page URL is a Unix socket path, ``tcp://localhost:<port>`` or (for
``FLET_APP_WEB``) an ``http://`` URL; the client writes its own process id into the pid file;
``FLET_HIDE_WINDOW_ON_START=true`` in its environment keeps the window hidden. The client exits
when its window is closed.

On Linux the client is checked with ``ldd`` before it starts: where the system has
``libmpv.so.2`` but not the ``libmpv.so.1`` the client was linked against, a private folder on
the client's ``LD_LIBRARY_PATH`` links one to the other; any other missing library stops the
app with one message naming the Debian/Ubuntu packages to install. The client also gets
``PR_SET_PDEATHSIG``, so it ends even when Python is killed outright.

While the client starts (about half a second before it connects), :func:`preload_controls`
imports the controls ``import flet`` leaves for first use, so the app's first render does not.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import flet_core
from flet_runtime import config

__all__ = [
    "ENTRY_POINT_GROUP",
    "HIDE_WINDOW_ON_START",
    "DesktopClient",
    "DesktopClientError",
    "find_client",
    "missing_libraries",
    "preload_controls",
]

logger = logging.getLogger("flet")

ENTRY_POINT_GROUP = "flet.desktop_client"
HIDE_WINDOW_ON_START = "FLET_HIDE_WINDOW_ON_START"
STOP_TIMEOUT = 2.0
"""Seconds the client gets to exit after SIGTERM before it is killed."""

# What each shared library the Linux client needs is called in Debian and Ubuntu.
_DEBIAN_PACKAGES = {
    "libgtk-3.so.0": "libgtk-3-0",
    "libgdk-3.so.0": "libgtk-3-0",
    "libgstreamer-1.0.so.0": "libgstreamer1.0-0",
    "libgstapp-1.0.so.0": "libgstreamer-plugins-base1.0-0",
    "libgstaudio-1.0.so.0": "libgstreamer-plugins-base1.0-0",
    "libgstvideo-1.0.so.0": "libgstreamer-plugins-base1.0-0",
    "libgstpbutils-1.0.so.0": "libgstreamer-plugins-base1.0-0",
    "libmpv.so.1": "libmpv2 (libmpv1 on older releases)",
    "libepoxy.so.0": "libepoxy0",
    "libfontconfig.so.1": "libfontconfig1",
    "libX11.so.6": "libx11-6",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_LIBRARY_DIRS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib")


class DesktopClientError(RuntimeError):
    """The desktop client cannot be used here; the message says what to do."""


def find_client() -> Path | None:
    """The client program: from ``FLET_VIEW_PATH``, else the entry point; ``None`` if neither.

    Raises:
        EnvironmentVariableError: ``FLET_VIEW_PATH`` names a folder without a client.
    """
    view_path = config.VIEW_PATH.get()
    if view_path is not None:
        folder = Path(view_path).expanduser()
        name = {"win32": "flet.exe", "darwin": "Flet.app/Contents/MacOS/Flet"}.get(sys.platform, "flet")
        program = folder / name
        if not program.is_file():
            raise config.EnvironmentVariableError(
                config.VIEW_PATH.name, view_path, f"a folder holding a Flet desktop client ({name} is missing)"
            )
        return program
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP, name="default"):
        try:
            return Path(entry_point.load()())
        except (ImportError, OSError) as error:
            logger.warning("the Flet desktop client of %s is unusable: %s", entry_point.value, error)
            return None
    return None


def _ldd(program: Path, env: dict[str, str]) -> list[str] | None:
    """Libraries ``ldd`` cannot find for ``program``; ``None`` where ``ldd`` is unavailable."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        result = subprocess.run([ldd, str(program)], capture_output=True, text=True, env=env, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return sorted(set(_NOT_FOUND.findall(result.stdout)))


def _find_library(soname: str) -> Path | None:
    """Where the system keeps a shared library: the usual folders, then the ldconfig cache."""
    for folder in _LIBRARY_DIRS:
        candidate = Path(folder) / soname
        if candidate.exists():
            return candidate
    ldconfig = shutil.which("ldconfig") or ("/sbin/ldconfig" if Path("/sbin/ldconfig").exists() else None)
    if ldconfig is None:
        return None
    try:
        listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in listing.splitlines():
        name, _, path = line.strip().partition(" => ")
        if name.split(" ", 1)[0] == soname and Path(path).exists():
            return Path(path)
    return None


def missing_libraries(
    program: Path,
    link_dir: Path,
    env: dict[str, str],
    ldd: Callable[[Path, dict[str, str]], list[str] | None] | None = None,
) -> list[str]:
    """Check a Linux client's libraries; make ``libmpv.so.1`` point at ``libmpv.so.2`` if needed.

    Returns the libraries still missing (``env`` gains ``LD_LIBRARY_PATH`` when the link is made).
    """
    ldd = ldd or _ldd
    missing = ldd(program, env)
    if not missing or "libmpv.so.1" not in missing:
        return missing or []
    newer = _find_library("libmpv.so.2")
    if newer is None:
        return missing
    link_dir.mkdir(parents=True, exist_ok=True)
    (link_dir / "libmpv.so.1").symlink_to(newer)
    env["LD_LIBRARY_PATH"] = os.pathsep.join(p for p in (str(link_dir), env.get("LD_LIBRARY_PATH", "")) if p)
    logger.debug("libmpv.so.1 is missing; the client uses %s through %s", newer, link_dir)
    # ldd listed every missing library at once; an installed libmpv.so.2 brings its own
    return [name for name in missing if name != "libmpv.so.1"]


def missing_libraries_message(missing: Sequence[str]) -> str:
    packages = sorted({_DEBIAN_PACKAGES[name] for name in missing if name in _DEBIAN_PACKAGES})
    install = f" On Debian or Ubuntu: sudo apt-get install {' '.join(packages)}." if packages else ""
    return (
        f"the Flet desktop client cannot start: the system lacks {', '.join(missing)}.{install} "
        "Or run the app in the browser: set FLET_FORCE_WEB_SERVER=true, or use `flet run --web`."
    )


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: SIGTERM when the parent thread ends


class DesktopClient:
    """One running desktop client; :meth:`stop` ends it (and whatever it started) for good."""

    def __init__(self, program: Path, page_url: str, *, hidden: bool = False, assets_dir: str | None = None):
        self.program = program
        self.page_url = page_url
        self.hidden = hidden
        self.assets_dir = assets_dir
        self.process: subprocess.Popen[bytes] | None = None
        self._scratch = Path(tempfile.mkdtemp(prefix="flet-desktop-"))
        self.pid_file = self._scratch / "client.pid"

    def start(self) -> None:
        """Check the client's libraries (Linux) and start it.

        Call it from the main thread: on Linux the client is told to end with the thread that
        started it.

        Raises:
            DesktopClientError: a system library is missing, or the program cannot be run.
        """
        env = dict(os.environ)
        env.pop(HIDE_WINDOW_ON_START, None)
        if self.hidden:
            env[HIDE_WINDOW_ON_START] = "true"
        linux = sys.platform.startswith("linux")
        if linux:
            missing = missing_libraries(self.program, self._scratch / "lib", env)
            if missing:
                self._cleanup()
                raise DesktopClientError(missing_libraries_message(missing))
        args = [str(self.program), self.page_url, str(self.pid_file)]
        if self.assets_dir:
            args.append(self.assets_dir)
        try:
            self.process = subprocess.Popen(
                args, env=env, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent if linux else None
            )
        except OSError as error:
            self._cleanup()
            raise DesktopClientError(f"the Flet desktop client {self.program} could not be started: {error}") from None
        logger.debug("Flet desktop client started (pid %d) for %s", self.process.pid, self.page_url)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the client to exit (its window closed); returns its exit status."""
        if self.process is None:
            raise RuntimeError("the desktop client was not started")
        return self.process.wait(timeout)

    def _reported_pid(self) -> int | None:
        """The pid the client wrote into the pid file, if it is another process than ours."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if self.process is None or pid != self.process.pid else None

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Terminate the client (SIGTERM, then SIGKILL after ``timeout`` s) and clean up."""
        reported = self._reported_pid()  # a launcher script (FLET_VIEW_PATH) may have started it
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()
        if reported is not None:
            with contextlib.suppress(OSError):
                os.kill(reported, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        if process is not None:
            try:
                process.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                logger.warning("the Flet desktop client did not exit within %.0f s; killing it", timeout)
                process.kill()
                process.wait()
        if reported is not None:
            while _alive(reported) and time.monotonic() < deadline:
                time.sleep(0.02)
            with contextlib.suppress(OSError):
                os.kill(reported, signal.SIGKILL)
        self._cleanup()

    def _cleanup(self) -> None:
        shutil.rmtree(self._scratch, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


async def preload_controls(target: Callable[..., Any], connected: Callable[[], bool]) -> int:
    """Import flet's lazily loaded names until ``connected()``; the ones ``target``'s code uses first.

    ``import flet`` leaves the catalog of controls to its first use, which would otherwise come
    inside the app's first render, after the client connected: about 100 ms of the counter app's
    start on a loaded 2-core machine, where upstream, which imports everything before starting
    its client, answers in 1 ms (tools/bench/desktop_start.py). The client spends about 0.5 s
    between its start and its connection; this fills that wait. One name per event-loop turn, so
    an arriving connection waits for one import at most, and none runs beside the app's own
    thread: the session starts only after ``connected()`` turned true, which ends the loop.
    Returns how many names it loaded.
    """
    loaded = 0
    for name in _preload_order(target):
        if connected():
            break
        if name not in vars(flet_core):
            getattr(flet_core, name)
            loaded += 1
        await asyncio.sleep(0)
    return loaded


def _preload_order(target: Callable[..., Any]) -> list[str]:
    """flet_core's public names, those mentioned in ``target``'s code (``ft.TextField``) first."""
    public: list[str] = vars(flet_core)["__all__"]  # computed at run time, unseen by type checkers
    mentioned = {name for code in _code_objects(target) for name in code.co_names}
    return sorted(public, key=lambda name: name not in mentioned)  # stable: the rest keep their order


def _code_objects(target: Any) -> Iterator[types.CodeType]:
    """The code of a function (bound method, partial, callable object) and of everything nested in it."""
    target = getattr(target, "func", target)  # functools.partial
    target = getattr(target, "__func__", target)  # a bound method
    code = getattr(target, "__code__", None)
    if code is None:  # an object with a __call__ method (a class's own __call__ has no __code__)
        code = getattr(type(target).__call__, "__code__", None)
    stack = [code] if isinstance(code, types.CodeType) else []
    while stack:
        code = stack.pop()
        yield code
        stack.extend(const for const in code.co_consts if isinstance(const, types.CodeType))
