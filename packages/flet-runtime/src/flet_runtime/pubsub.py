"""Pubsub backends: the built-in ``memory`` one and the lookup of others by entry point.

A backend is chosen by URL (``FLET_PUBSUB_URL``, default ``memory://``): the scheme names an
entry point in the group ``flet.pubsub_backends`` whose target is called with the URL and
returns a :class:`flet_core.pubsub.PubSubBackend`.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from flet_core.pubsub import InProcessBackend, PubSubBackend
from flet_runtime import config

__all__ = ["ENTRY_POINT_GROUP", "MemoryBackend", "load_backend"]

ENTRY_POINT_GROUP = "flet.pubsub_backends"


class MemoryBackend(InProcessBackend):
    """``memory://``: messages reach the sessions of this process only."""

    def __init__(self, url: str = "memory://") -> None:
        super().__init__()
        self.url = url


def load_backend(url: str | None = None) -> PubSubBackend:
    """The backend for ``url`` (default: ``FLET_PUBSUB_URL``, else ``memory://``)."""
    url = url or config.PUBSUB_URL.get()
    scheme = url.partition("://")[0].lower() if "://" in url else url.lower()
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name == scheme:
            backend: PubSubBackend = point.load()(url)
            return backend
    if scheme == "memory":
        return MemoryBackend(url)  # flet-runtime used from a source tree, without its metadata
    known = sorted({point.name for point in entry_points(group=ENTRY_POINT_GROUP)} | {"memory"})
    raise ValueError(
        f"no pubsub backend for {url!r}: install a package that registers {scheme!r} in the "
        f"{ENTRY_POINT_GROUP!r} entry point group (available: {', '.join(known)})"
    )
