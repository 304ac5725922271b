"""Telling a worker of a multi-worker server apart, and the one warning about per-process state."""

from __future__ import annotations

import logging

import pytest

from flet.fastapi import workers
from flet.fastapi.workers import server_worker_count

UVICORN = "/venv/lib/python3.11/site-packages/uvicorn/__main__.py"


@pytest.mark.parametrize(
    ("argv", "environ", "count"),
    [
        ([UVICORN, "--workers", "4", "app:app"], {}, 4),
        ([UVICORN, "--workers=3", "app:app"], {}, 3),
        ([UVICORN, "app:app"], {"WEB_CONCURRENCY": "2"}, 2),
        ([UVICORN, "app:app"], {}, 1),
        (["/venv/bin/gunicorn", "-w", "2", "-k", "uvicorn.workers.UvicornWorker", "app:app"], {}, 2),
        (["/venv/bin/gunicorn", "-w5", "app:app"], {}, 5),
        (["/venv/bin/gunicorn", "--workers", "x", "app:app"], {}, 1),
        (["app.py"], {"WEB_CONCURRENCY": "8"}, 1),  # ft.app / flet run: one process
    ],
)
def test_server_worker_count(argv: list[str], environ: dict[str, str], count: int) -> None:
    assert server_worker_count(argv, environ) == count


def test_one_warning_under_several_workers_with_the_memory_backend(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(workers, "_warned", False)
    monkeypatch.setattr(workers, "server_worker_count", lambda: 2)
    monkeypatch.delenv("FLET_PUBSUB_URL", raising=False)
    workers.warn_if_state_is_per_process()
    workers.warn_if_state_is_per_process()
    (record,) = [r for r in caplog.records if r.name == "flet.fastapi"]
    assert record.levelno == logging.WARNING
    assert "2 worker processes" in record.getMessage() and "FLET_PUBSUB_URL=redis://" in record.getMessage()


def test_no_warning_with_redis_or_one_process(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(workers, "_warned", False)
    monkeypatch.setattr(workers, "server_worker_count", lambda: 2)
    monkeypatch.setenv("FLET_PUBSUB_URL", "redis://127.0.0.1:6379/0")
    workers.warn_if_state_is_per_process()
    monkeypatch.setenv("FLET_PUBSUB_URL", "memory://")
    monkeypatch.setattr(workers, "server_worker_count", lambda: 1)
    workers.warn_if_state_is_per_process()
    assert not [r for r in caplog.records if r.name == "flet.fastapi"]
