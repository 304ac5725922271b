"""``Transport``: the one thing the runtime needs from a WebSocket (or a test double)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["Transport"]


@runtime_checkable
class Transport(Protocol):
    """One client connection carrying text frames."""

    async def receive(self) -> str | None:
        """The next text frame from the client; ``None`` once the connection is closed."""
        ...

    async def send(self, frame: str) -> None:
        """Write one text frame to the client (may wait while the client is slow to read)."""
        ...

    async def close(self, code: int = 1000) -> None:
        """Close the connection from the server side.

        A transport may also offer ``abort() -> bool``: drop the connection at once. The host
        calls it when ``close`` does not finish within 2 s (the client reads nothing, so even
        the close frame cannot go out).
        """
        ...
