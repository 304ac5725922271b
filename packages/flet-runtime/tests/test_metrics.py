"""FLET_METRICS: off by default (no prometheus_client import), its path setting, and real counts.

Prometheus instruments are process-wide, so the enabled case runs in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from flet_runtime import config, metrics


def test_metrics_are_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLET_METRICS", raising=False)
    off = metrics.Metrics(config.METRICS.get())
    assert not off.enabled
    off.events_received.inc()
    off.pubsub_messages.labels("out").inc()
    off.handler_seconds.observe(0.1)


def test_the_metrics_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLET_METRICS_PATH", raising=False)
    assert config.METRICS_PATH.get() == "/metrics"
    monkeypatch.setenv("FLET_METRICS_PATH", "/internal/metrics")
    assert config.METRICS_PATH.get() == "/internal/metrics"
    monkeypatch.setenv("FLET_METRICS_PATH", "metrics")
    with pytest.raises(config.EnvironmentVariableError, match="FLET_METRICS_PATH"):
        config.METRICS_PATH.get()


SCRIPT = """
import asyncio
from flet_runtime import AppHost, MemoryClient, metrics

async def main():
    def app(page):
        page.pubsub.subscribe(lambda m: None)
        page.pubsub.send_all("hi")
        raise RuntimeError("boom")

    host = AppHost(app)
    tab = MemoryClient(host)
    await tab.connect()
    await host.wait_idle()
    body, content_type = metrics.exposition()
    await host.shutdown()
    print(content_type)
    print(body.decode())

asyncio.run(main())
"""


def test_counts_with_metrics_on() -> None:
    env = {"FLET_METRICS": "true", "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT)], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    lines = set(out.stdout.splitlines())
    assert out.stdout.startswith("text/plain")
    assert "flet_sessions_open 1.0" in lines and "flet_sessions_connected 1.0" in lines
    assert 'flet_pubsub_messages_total{direction="out"} 1.0' in lines
    assert 'flet_pubsub_backend_state{state="local"} 1.0' in lines
    assert "flet_handler_errors_total 1.0" in lines  # main raised
    assert "flet_handler_duration_seconds_count 2.0" in lines  # main and the subscriber
    assert any(line.startswith("flet_updates_sent_total ") and float(line.split()[1]) >= 1 for line in lines)
