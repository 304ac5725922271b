"""Sessions, handler dispatch and pubsub that run flet-core pages for connected clients.

A web server hands each WebSocket, wrapped as a :class:`Transport`, to
:meth:`AppHost.serve`; the host keeps one :class:`Session` per browser tab. A desktop client
connects through a :class:`SocketServer` (a Unix or TCP socket) to the same host.

The names below load on first use (PEP 562): ``from flet_runtime import config`` does not
import the session host, and a web server never imports the socket server or the in-memory
test transport.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flet_runtime.dispatch import WorkerPool
    from flet_runtime.errors import (
        ClientDisconnectedError,
        ClientMethodError,
        EnvironmentVariableError,
        LoopBlockingError,
    )
    from flet_runtime.host import AppHost
    from flet_runtime.memory_transport import MemoryClient, MemoryTransport
    from flet_runtime.pubsub import MemoryBackend, PubSubBackend, PubSubClient, PubSubHub, PubSubMessage, load_backend
    from flet_runtime.session import Session
    from flet_runtime.socket_server import SocketServer, SocketTransport
    from flet_runtime.transport import Transport

__version__ = "0.21.2.post1"

# public name -> the module that defines it
_MODULES: dict[str, str] = {
    "AppHost": "flet_runtime.host",
    "ClientDisconnectedError": "flet_runtime.errors",
    "ClientMethodError": "flet_runtime.errors",
    "EnvironmentVariableError": "flet_runtime.errors",
    "LoopBlockingError": "flet_runtime.errors",
    "MemoryBackend": "flet_runtime.pubsub",
    "MemoryClient": "flet_runtime.memory_transport",
    "MemoryTransport": "flet_runtime.memory_transport",
    "PubSubBackend": "flet_runtime.pubsub",
    "PubSubClient": "flet_runtime.pubsub",
    "PubSubHub": "flet_runtime.pubsub",
    "PubSubMessage": "flet_runtime.pubsub",
    "Session": "flet_runtime.session",
    "SocketServer": "flet_runtime.socket_server",
    "SocketTransport": "flet_runtime.socket_server",
    "Transport": "flet_runtime.transport",
    "WorkerPool": "flet_runtime.dispatch",
    "load_backend": "flet_runtime.pubsub",
}

__all__ = [
    "AppHost",
    "ClientDisconnectedError",
    "ClientMethodError",
    "EnvironmentVariableError",
    "LoopBlockingError",
    "MemoryBackend",
    "MemoryClient",
    "MemoryTransport",
    "PubSubBackend",
    "PubSubClient",
    "PubSubHub",
    "PubSubMessage",
    "Session",
    "SocketServer",
    "SocketTransport",
    "Transport",
    "WorkerPool",
    "__version__",
    "load_backend",
]


# Run time only: type checkers read the imports above instead.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module 'flet_runtime' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
