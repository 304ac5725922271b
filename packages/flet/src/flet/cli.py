"""The ``flet`` command: ``flet run`` starts an app (and restarts it when its files change).

``flet run`` runs the script as a child process with FLET_DISPLAY_URL_PREFIX set and reads the
URL the app prints once it listens. A socket URL (desktop mode, the default when the desktop
client is installed and there is a display) makes it open the Flet desktop client on it, once:
the app listens on the same FLET_SERVER_UDS_PATH after every restart and the client reconnects;
closing the window stops the app and ``flet run``. An ``http`` URL (``--web``, or no desktop
client) is shown and opened in the browser. SIGINT and SIGTERM are passed on to the app, which
gets a few seconds to stop before it is killed, and close the window, so stopping ``flet run``
never leaves the app serving as an orphan (UPSTREAM-BUG #38).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import webbrowser
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from flet import desktop, environment
from flet.version import version
from flet_runtime import config

__all__ = ["main"]

STOP_TIMEOUT = 5.0
"""Seconds the app gets to stop after SIGTERM before it is killed."""

_UNSUPPORTED = {
    "build": "`flet build` needs the Flutter SDK and the upstream build templates, not used by this distribution",
    "pack": "`flet pack` (an app bundled with PyInstaller) is not available in this distribution yet",
    "publish": "`flet publish` needs an in-browser (Pyodide) build of Flet, which this distribution does not provide",
    "create": "`flet create` is not available in this distribution yet",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flet", description="Run Flet apps.")
    parser.add_argument("--version", action="version", version=version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser("run", help="run a Flet app, restarting it when its files change")
    run.add_argument("script", nargs="?", default=".", help="the app's script, or a folder with main.py (default: .)")
    run.add_argument("-p", "--port", type=int, help="TCP port (FLET_SERVER_PORT)")
    run.add_argument("--host", help="interface to listen on, '*' for all (FLET_SERVER_IP)")
    run.add_argument("--name", help="URL path of the app (FLET_WEB_APP_PATH)")
    run.add_argument("-m", "--module", action="store_true", help="treat script as a module path (python -m)")
    run.add_argument("-w", "--web", action="store_true", help="serve as a web app and open it in the browser")
    run.add_argument("-a", "--assets", help="assets folder, relative to the script (default: assets)")
    run.add_argument("-d", "--directory", action="store_true", help="restart on a change to any file in its folder")
    run.add_argument("-r", "--recursive", action="store_true", help="like -d, including subfolders")
    run.add_argument("--ignore-dirs", help="comma-separated folders (relative to the script) not to watch")
    run.add_argument("--no-reload", action="store_true", help="do not restart the app when files change")
    run.add_argument("-n", "--hidden", action="store_true", help="start the desktop window hidden")
    run.add_argument("--ios", action="store_true", help="(not supported here)")
    run.add_argument("--android", action="store_true", help="(not supported here)")
    run.add_argument("-v", "--verbose", action="count", default=0, help="more output (-vv: debug)")
    for name, reason in _UNSUPPORTED.items():
        commands.add_parser(name, help=f"(unavailable) {reason}", add_help=False).add_argument(
            "rest", nargs=argparse.REMAINDER
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``flet`` command with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    known = {"run", *_UNSUPPORTED, "-h", "--help", "--version"}
    if arguments and arguments[0] not in known and not arguments[0].startswith("-"):
        arguments.insert(0, "run")  # `flet app.py` means `flet run app.py`
    options = parser.parse_args(arguments)
    if options.command is None:
        parser.print_help(sys.stderr)
        return 1
    if options.command in _UNSUPPORTED:
        print(f"flet: error: {_UNSUPPORTED[options.command]}", file=sys.stderr)
        return 2
    if options.ios or options.android:
        print("flet: error: --ios and --android are not supported by this distribution; use --web", file=sys.stderr)
        return 2
    return _run(options)


# -- flet run ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _target(options: argparse.Namespace) -> tuple[list[str], Path] | str:
    """The child's argv and the folder to watch, or an error message."""
    if options.module:
        module_path = Path.cwd().joinpath(*options.script.split("."))
        folder = module_path if module_path.is_dir() else module_path.parent
        return [sys.executable, "-u", "-m", options.script], folder
    script = Path(options.script).resolve()
    if script.is_dir():
        script = script / "main.py"
    if not script.is_file():
        return f"{options.script!r} is not a Python script, nor a folder with main.py"
    return [sys.executable, "-u", str(script)], script


def _desktop_client(options: argparse.Namespace) -> Path | None:
    """The desktop client to open, unless the app is going to be served as a web app."""
    if options.web or config.FORCE_WEB_SERVER.get() or environment.is_linux_server():
        return None
    return desktop.find_client()


def _child_environment(
    options: argparse.Namespace, url_prefix: str, watch_root: Path, *, desktop_mode: bool = False
) -> dict[str, str]:
    child = dict(os.environ)
    child[config.DISPLAY_URL_PREFIX.name] = url_prefix
    child["PYTHONIOENCODING"] = "utf-8"
    # Show flet's own deprecation warnings, not every library's (0.21 showed them all, #38).
    child.setdefault("PYTHONWARNINGS", "default::DeprecationWarning:flet_core,default::DeprecationWarning:flet")
    script_dir = watch_root if watch_root.is_dir() else watch_root.parent
    if options.web:
        child[config.FORCE_WEB_SERVER.name] = "true"
        if options.port is None and config.SERVER_PORT.raw() is None:
            child[config.SERVER_PORT.name] = str(_free_port())
    elif desktop_mode and options.port is None and sys.platform != "win32":
        # one socket path for every restart of the app, so the open window reconnects to it
        name = f"flet-{os.getpid()}-{time.time_ns()}.sock"
        child[config.SERVER_UDS_PATH.name] = str(Path(tempfile.gettempdir()) / name)
    if options.port is not None:
        child[config.SERVER_PORT.name] = str(options.port)
    if options.host is not None:
        child[config.SERVER_IP.name] = options.host
    if options.name is not None:
        child[config.WEB_APP_PATH.name] = options.name
    if options.assets is not None:
        assets = Path(options.assets)
        child[config.ASSETS_DIR.name] = str(assets if assets.is_absolute() else script_dir / assets)
    if options.verbose:
        child[config.LOG_LEVEL.name] = "debug" if options.verbose > 1 else "info"
    return child


class _Child:
    """The app process, with a thread relaying its output and catching the URL line."""

    def __init__(self, argv: list[str], env: dict[str, str], url_prefix: str, events: queue.Queue[tuple[str, Any]]):
        self.process = subprocess.Popen(
            argv, env=env, stdout=subprocess.PIPE, stderr=None, text=True, encoding="utf-8", errors="replace"
        )
        self._url_prefix = url_prefix
        self._events = events
        self._relay_thread = threading.Thread(target=self._relay, args=(self.process.stdout,), daemon=True)
        self._relay_thread.start()
        threading.Thread(target=self._watch_exit, daemon=True).start()

    def _relay(self, stream: IO[str] | None) -> None:
        if stream is None:
            return
        with stream:
            for line in stream:
                if line.startswith(self._url_prefix + " "):
                    self._events.put(("url", line[len(self._url_prefix) + 1 :].strip()))
                else:
                    sys.stdout.write(line)
                    sys.stdout.flush()

    def _watch_exit(self) -> None:
        code = self.process.wait()
        self._relay_thread.join(timeout=2)  # let the app's last output through first
        self._events.put(("exited", (self, code)))

    def stop(self, timeout: float = STOP_TIMEOUT) -> int:
        """SIGTERM, then SIGKILL after ``timeout`` seconds; returns the exit status."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                return self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                logging.getLogger("flet").warning("the app did not stop within %.0f s; killing it", timeout)
                self.process.kill()
        code = self.process.wait()
        self._relay_thread.join(timeout=2)
        return code


def _watch(
    root: Path, options: argparse.Namespace, events: queue.Queue[tuple[str, Any]], stop: threading.Event
) -> None:
    try:
        import watchfiles
    except ImportError:
        logging.getLogger("flet").warning("watchfiles is not installed: the app is not restarted on changes")
        return
    folder = root if root.is_dir() else root.parent
    ignored = [(folder / name.strip()).resolve() for name in (options.ignore_dirs or "").split(",") if name.strip()]
    recursive = bool(options.recursive)

    def wanted(_: Any, path: str) -> bool:
        changed = Path(path)
        if any(changed.is_relative_to(skip) for skip in ignored):
            return False
        if options.directory or recursive:
            return recursive or changed.parent == folder
        return changed == root or (root.is_dir() and changed.suffix == ".py")

    for _ in watchfiles.watch(folder, watch_filter=wanted, stop_event=stop, debounce=500, recursive=True):
        events.put(("changed", None))


def _run(options: argparse.Namespace) -> int:
    target = _target(options)
    if isinstance(target, str):
        print(f"flet: error: {target}", file=sys.stderr)
        return 2
    argv, watch_root = target
    try:
        program = _desktop_client(options)
    except config.EnvironmentVariableError as error:
        print(f"flet: error: {error}", file=sys.stderr)
        return 2
    url_prefix = f"PAGE_URL_{time.time_ns()}"
    env = _child_environment(options, url_prefix, watch_root, desktop_mode=program is not None)
    events: queue.Queue[tuple[str, Any]] = queue.Queue()

    def on_signal(signum: int, _: Any) -> None:
        events.put(("signal", signum))

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    stop_watching = threading.Event()
    if not options.no_reload:
        threading.Thread(target=_watch, args=(watch_root, options, events, stop_watching), daemon=True).start()
    child = _Child(argv, env, url_prefix, events)
    opened = False
    window: desktop.DesktopClient | None = None
    try:
        while True:
            kind, value = events.get()
            if kind == "url" and not value.startswith(("http://", "https://")):
                if window is None and program is not None:  # the app's socket: open the window once
                    window = desktop.DesktopClient(
                        program, value, hidden=options.hidden, assets_dir=env.get(config.ASSETS_DIR.name)
                    )
                    try:
                        window.start()
                    except desktop.DesktopClientError as error:
                        window = None
                        print(f"flet: error: {error}", file=sys.stderr, flush=True)
                        return 1
                    threading.Thread(target=_watch_window, args=(window, events), daemon=True).start()
            elif kind == "url":
                print(f"Flet app is running at {value}", flush=True)
                if not opened and environment.has_display():
                    opened = True
                    webbrowser.open(value)
            elif kind == "changed":
                print("flet: files changed, restarting the app", file=sys.stderr, flush=True)
                child.stop()
                child = _Child(argv, env, url_prefix, events)
            elif kind == "exited":
                exited, code = value
                if exited is child:
                    return int(code)
            elif kind == "window_closed":
                return 0
            elif kind == "signal":
                child.stop()
                return 0
    finally:
        stop_watching.set()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if window is not None:
            window.stop()
        child.stop()
        socket_path = env.get(config.SERVER_UDS_PATH.name)
        if socket_path and socket_path != os.environ.get(config.SERVER_UDS_PATH.name):
            with contextlib.suppress(OSError):
                os.unlink(socket_path)


def _watch_window(window: desktop.DesktopClient, events: queue.Queue[tuple[str, Any]]) -> None:
    window.wait()
    events.put(("window_closed", None))


if __name__ == "__main__":
    sys.exit(main())
