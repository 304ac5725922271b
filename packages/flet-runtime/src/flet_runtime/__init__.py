"""Sessions, handler dispatch and pubsub that run flet-core pages for connected clients.

A web server hands each WebSocket, wrapped as a :class:`Transport`, to
:meth:`AppHost.serve`; the host keeps one :class:`Session` per browser tab. A desktop client
connects through a :class:`SocketServer` (a Unix or TCP socket) to the same host.
"""

from __future__ import annotations

from flet_runtime.dispatch import WorkerPool
from flet_runtime.errors import ClientDisconnectedError, ClientMethodError, EnvironmentVariableError, LoopBlockingError
from flet_runtime.host import AppHost
from flet_runtime.memory_transport import MemoryClient, MemoryTransport
from flet_runtime.pubsub import MemoryBackend, PubSubBackend, PubSubClient, PubSubHub, PubSubMessage, load_backend
from flet_runtime.session import Session
from flet_runtime.socket_server import SocketServer, SocketTransport
from flet_runtime.transport import Transport

__version__ = "0.21.2.post1"

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
