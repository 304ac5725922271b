"""ft.app() and `flet run` as real processes on a headless host: URLs, errors, signals."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from typing import Any

URL_LINE = re.compile(r"Flet app is running at (http://\S+) \(listening on (.+)\)")


def wait_for_output(server: Any, pattern: re.Pattern[str], timeout: float = 20) -> re.Match[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = pattern.search(server.output())
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"{pattern.pattern!r} not printed; output:\n{server.output()}")


def test_headless_ft_app_prints_its_real_address_and_stops_on_sigterm(serve: Callable[..., Any], kit: Any) -> None:
    port = kit.free_port()
    server = serve([sys.executable, "mixed.py"], port=port, env=kit.env(FLET_SERVER_PORT=str(port)))
    url, listening = wait_for_output(server, URL_LINE).groups()
    assert url == f"http://127.0.0.1:{port}"
    assert listening.startswith("all IPv4")  # a headless host serves on every interface
    assert "flet-websocket-endpoint-path" in urllib.request.urlopen(url, timeout=10).read().decode()
    assert kit.stop(server.process, signal.SIGTERM) == 0
    assert server.output().count("Application shutdown complete") <= 1  # UPSTREAM-BUG #4


def test_the_printed_url_is_the_bound_address(serve: Callable[..., Any], kit: Any) -> None:
    """UPSTREAM-BUG #40: the printed URL did not say where the server listened."""
    port = kit.free_port()
    env = kit.env(FLET_SERVER_PORT=str(port), FLET_SERVER_IP="127.0.0.1")
    server = serve([sys.executable, "mixed.py"], port=port, env=env)
    assert wait_for_output(server, URL_LINE).groups() == (f"http://127.0.0.1:{port}", f"127.0.0.1:{port}")


def test_a_port_in_use_is_one_clear_error_and_status_1(serve: Callable[..., Any], kit: Any) -> None:
    """UPSTREAM-BUG #6: the URL was printed before the bind failed."""
    port = kit.free_port()
    env = kit.env(FLET_SERVER_PORT=str(port))
    serve([sys.executable, "mixed.py"], port=port, env=env)
    second = subprocess.run(
        [sys.executable, "mixed.py"], cwd=kit.apps, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert second.returncode == 1
    assert "running at" not in second.stdout
    errors = [line for line in second.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and f"port {port} is already in use" in errors[0]


def test_flet_run_web_serves_and_sigterm_stops_the_app_too(serve: Callable[..., Any], kit: Any) -> None:
    """UPSTREAM-BUG #38: SIGTERM to `flet run` left the app serving as an orphan."""
    port = kit.free_port()
    cli = serve([sys.executable, "-m", "flet.cli", "run", "--web", "--port", str(port), "pid_app.py"], port=port)
    app_pid = int(wait_for_output(cli, re.compile(r"APP PID (\d+)")).group(1))
    assert wait_for_output(cli, re.compile(r"Flet app is running at (\S+)")).group(1) == f"http://127.0.0.1:{port}"
    assert kit.stop(cli.process, signal.SIGTERM) == 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(app_pid):
        time.sleep(0.1)
    assert not _alive(app_pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) counts as gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return False
