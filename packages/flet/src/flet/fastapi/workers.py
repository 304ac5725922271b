"""Whether this process is one of several workers of a server (uvicorn ``--workers``, gunicorn ``-w``).

Several workers of one app share nothing in memory: with the ``memory://`` pubsub backend a
message reaches the sender's worker only, and an OAuth callback served by another worker
than the session's finds no state. :func:`warn_if_state_is_per_process` says so, once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Sequence

from flet_runtime import config

__all__ = ["server_worker_count", "warn_if_state_is_per_process"]

logger = logging.getLogger("flet.fastapi")

_warned = False


def _option(argv: Sequence[str], names: tuple[str, ...]) -> str | None:
    for index, arg in enumerate(argv):
        for name in names:
            if arg == name and index + 1 < len(argv):
                return argv[index + 1]
            if name.startswith("--") and arg.startswith(name + "="):
                return arg.partition("=")[2]
            if not name.startswith("--") and arg.startswith(name) and arg != name:
                return arg[len(name) :]  # -w4
    return None


def server_worker_count(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    """How many worker processes the server that runs this one starts (1 when it cannot tell).

    A worker of uvicorn (spawned) or gunicorn (forked) carries its server's command line in
    ``sys.argv``; ``WEB_CONCURRENCY`` is the default both read for the count.
    """
    argv = sys.argv if argv is None else argv
    environ = dict(os.environ) if environ is None else environ
    program = argv[0] if argv else ""  # the script, or .../uvicorn/__main__.py for `python -m uvicorn`
    gunicorn = "gunicorn" in program or "gunicorn.arbiter" in sys.modules
    uvicorn = "uvicorn" in program or (multiprocessing.parent_process() is not None and "uvicorn" in sys.modules)
    if not (gunicorn or uvicorn):
        return 1
    text = _option(argv, ("--workers", "-w") if gunicorn else ("--workers",)) or environ.get("WEB_CONCURRENCY")
    try:
        return max(1, int(text)) if text else 1
    except ValueError:
        return 1


def warn_if_state_is_per_process() -> None:
    """Log once if this is one of several workers and pubsub and OAuth states stay in memory."""
    global _warned
    if _warned:
        return
    workers = server_worker_count()
    if workers > 1 and config.PUBSUB_URL.get().startswith("memory"):
        _warned = True
        logger.warning(
            "This server runs %d worker processes, but with FLET_PUBSUB_URL=memory:// Flet keeps pubsub "
            "and OAuth states per process: a pubsub message reaches the sessions of its sender's worker "
            "only, and an OAuth callback served by another worker fails. Set "
            "FLET_PUBSUB_URL=redis://host:6379/0 (pip install 'flet[redis]'); a reconnecting tab must "
            'also reach its own worker again, which `--workers` cannot do: see the README, "Scaling out".',
            workers,
        )
