"""Prometheus metrics of the runtime, when ``FLET_METRICS=true`` (``pip install 'flet[metrics]'``).

Counters and the handler histogram are updated where things happen (the host reading events,
a link writing frames, the dispatcher running handlers, the hub publishing and receiving);
the gauges (sessions, outbox bytes, pubsub backend state) are refreshed from the live hosts
every second. Under several worker processes set ``PROMETHEUS_MULTIPROC_DIR`` (an empty
folder, per prometheus_client's multiprocess mode): gauges are then summed over live
processes, and the endpoint (``flet.fastapi``) aggregates every process's files.

Without ``FLET_METRICS`` every instrument is a no-op and prometheus_client is not imported.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Iterable
from typing import Any

from flet_runtime import config

__all__ = ["HANDLER_BUCKETS", "Metrics", "current", "exposition", "refresh_every", "watch_host"]

HANDLER_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_REFRESH_INTERVAL = 1.0
BACKEND_STATES = ("connected", "connecting", "reconnecting", "stopped", "local")


class _Off:
    """Stands for every instrument while metrics are off."""

    def labels(self, *values: str) -> _Off:
        return self

    def inc(self, amount: float = 1) -> None:
        pass

    def set(self, value: float) -> None:
        pass

    def observe(self, value: float) -> None:
        pass


class Metrics:
    """The instruments, real or no-ops."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        off = _Off()  # each instrument: a prometheus_client Counter, Gauge or Histogram when enabled
        self.events_received: Any = off
        self.updates_sent: Any = off
        self.bytes_sent: Any = off
        self.handler_seconds: Any = off
        self.handler_errors: Any = off
        self.pubsub_messages: Any = off
        self.sessions_open: Any = off
        self.sessions_connected: Any = off
        self.outbox_bytes: Any = off
        self.pubsub_backend_state: Any = off
        if enabled:
            self._create()

    def _create(self) -> None:
        try:
            from prometheus_client import Counter, Gauge, Histogram
        except ImportError as error:
            raise ImportError(
                f"FLET_METRICS=true needs prometheus_client ({error}); install it with: pip install 'flet[metrics]'"
            ) from error
        self.events_received = Counter("flet_events_received", "Events received from clients")
        self.updates_sent = Counter("flet_updates_sent", "Frames (control updates, calls) written to clients")
        self.bytes_sent = Counter("flet_sent_bytes", "Bytes of the frames written to clients")
        self.handler_seconds = Histogram(
            "flet_handler_duration_seconds", "Time handlers took, from start to finish", buckets=HANDLER_BUCKETS
        )
        self.handler_errors = Counter("flet_handler_errors", "Handlers that raised an exception")
        self.pubsub_messages = Counter(
            "flet_pubsub_messages", "Pubsub messages sent by this process (out) or received from others (in)",
            ["direction"],
        )  # fmt: skip
        self.sessions_open = Gauge("flet_sessions_open", "Sessions alive", multiprocess_mode="livesum")
        self.sessions_connected = Gauge(
            "flet_sessions_connected", "Sessions with a connected client", multiprocess_mode="livesum"
        )
        self.outbox_bytes = Gauge(
            "flet_outbox_bytes", "Bytes queued for clients, not written yet", multiprocess_mode="livesum"
        )
        self.pubsub_backend_state = Gauge(
            "flet_pubsub_backend_state",
            "Apps whose pubsub backend is in this state (local: the memory backend)",
            ["state"],
            multiprocess_mode="livesum",
        )


_current: Metrics | None = None
_hosts: weakref.WeakSet[Any] = weakref.WeakSet()


def current() -> Metrics:
    """The process's instruments (made on first use, from ``FLET_METRICS``)."""
    global _current
    if _current is None:
        _current = Metrics(config.METRICS.get())
    return _current


def watch_host(host: Any) -> None:
    """Count ``host``'s sessions and outboxes in the gauges while it lives."""
    _hosts.add(host)


def _refresh(hosts: Iterable[Any]) -> None:
    metrics = current()
    open_, connected, queued = 0, 0, 0
    states = dict.fromkeys(BACKEND_STATES, 0)
    for host in hosts:
        stats = host.stats()
        open_ += stats["sessions_open"]
        connected += stats["sessions_connected"]
        queued += stats["outbox_bytes"]
        state = stats["pubsub_backend_state"]
        if state is not None:
            states[state] = states.get(state, 0) + 1
    metrics.sessions_open.set(open_)
    metrics.sessions_connected.set(connected)
    metrics.outbox_bytes.set(queued)
    for state, count in states.items():
        metrics.pubsub_backend_state.labels(state).set(count)


async def refresh_every(interval: float = _REFRESH_INTERVAL) -> None:
    """Keep the gauges current (a task of each running host; they share the work)."""
    while True:
        _refresh(list(_hosts))
        await asyncio.sleep(interval)


def exposition() -> tuple[bytes, str]:
    """The text a scrape gets, and its content type; every process's metrics in multiprocess mode."""
    import os

    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

    _refresh(list(_hosts))
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
