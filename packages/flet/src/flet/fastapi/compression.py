"""What a WebSocket connection keeps for permessage-deflate: less, without changing a message.

uvicorn's WebSocket protocols (websockets' ``PerMessageDeflate`` under both its implementations)
keep a zlib compressor per connection for its whole life: about 39 KB at the 12-bit window and
memory level 5 they negotiate, most of an idle session's memory. RFC 7692 lets a server send
any message uncompressed, and compress a message without the previous ones' context (that
only costs ratio; the client's decompressor cannot tell). So once the handshake is done (the
first message from the client is in), :func:`lighten` changes the connection's extension to

* send a message shorter than :data:`COMPRESS_MIN_SIZE` characters as it is (RSV1 unset): for
  a click's update (~120 bytes) compressing costs more CPU than the bytes it saves;
* compress a longer message with a compressor of its own, freed once the message is written
  (``local_no_context_takeover``; what is negotiated with the client stays as it was).

Receiving is untouched: the client may use its context, so the decompressor stays.

The same moment, :func:`forget_handshake` lets go of the handshake's request and response,
which uvicorn's sans-I/O protocol keeps for the connection's life but reads no more.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["COMPRESS_MIN_SIZE", "forget_handshake", "lighten", "server_protocol"]

logger = logging.getLogger("flet.fastapi")

COMPRESS_MIN_SIZE = 512
"""Messages shorter than this many bytes (UTF-8) are sent uncompressed."""

try:
    from websockets.extensions.permessage_deflate import PerMessageDeflate
    from websockets.frames import CONT, Frame
except ImportError:  # uvicorn without websockets (wsproto): nothing to lighten
    _LightDeflate: type[Any] | None = None
else:

    class _LightDeflate(PerMessageDeflate):  # type: ignore[no-redef]
        """``PerMessageDeflate`` that sends short messages as they are (see the module's text)."""

        def encode(self, frame: Frame) -> Frame:
            if frame.fin and frame.opcode is not CONT and len(frame.data) < COMPRESS_MIN_SIZE:
                return frame  # a whole message, short: uncompressed, RSV1 unset
            return super().encode(frame)


def server_protocol(send: Any, depth: int = 0) -> Any:
    """The server's protocol object whose method ``send`` (the ASGI send callable) is, or wraps.

    uvicorn's protocols keep their asyncio transport as ``transport``; middleware wraps ``send``
    in closures, which are followed a few levels deep. None under servers that look otherwise.
    """
    owner = getattr(send, "__self__", None)
    transport = getattr(owner, "transport", None)
    if callable(getattr(transport, "abort", None)) and callable(getattr(transport, "get_extra_info", None)):
        return owner
    if depth >= 4:
        return None
    for cell in getattr(send, "__closure__", None) or ():
        try:
            inner = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if callable(inner):
            found = server_protocol(inner, depth + 1)
            if found is not None:
                return found
    return None


def lighten(protocol: Any) -> bool:
    """Make the permessage-deflate extension of an accepted connection keep no compressor.

    Call it once the handshake is complete, before the first message is sent. ``protocol`` is
    what :func:`server_protocol` found (uvicorn's sans-I/O protocol keeps the websockets
    connection as ``conn``; its legacy one is that connection). Returns whether an extension
    was changed; anything unrecognised is left as it is.
    """
    if _LightDeflate is None or protocol is None:
        return False
    connection = getattr(protocol, "conn", protocol)
    extensions = getattr(connection, "extensions", None)
    if not isinstance(extensions, list):
        return False
    changed = False
    for extension in extensions:
        # exactly websockets' class: a subclass of someone else's is theirs to manage
        if type(extension) is PerMessageDeflate and hasattr(extension, "encoder"):
            del extension.encoder  # the ~39 KB of zlib state, freed now
            extension.local_no_context_takeover = True  # so encode() makes one per message
            extension.__class__ = _LightDeflate
            changed = True
    return changed


_UVICORN_SANS_IO = "uvicorn.protocols.websockets.websockets_sansio_impl"


def forget_handshake(protocol: Any) -> bool:
    """Let go of the handshake's request and response that uvicorn's sans-I/O protocol keeps.

    It keeps both, every header parsed, for the connection's life (~4 KB per connection; the
    request's headers also stay referenced by websockets' parser, so they are emptied in place)
    though it reads them only until it has answered the handshake. Only that protocol is
    touched, and only once its handshake is complete (``protocol`` from :func:`server_protocol`,
    after the first message is in); the ASGI scope keeps its own copy of the headers. Returns
    whether anything was let go.
    """
    if type(protocol).__module__ != _UVICORN_SANS_IO or getattr(protocol, "handshake_complete", None) is not True:
        return False
    request = getattr(protocol, "request", None)
    if request is None and getattr(protocol, "response", None) is None:
        return False
    headers = getattr(request, "headers", None)
    if headers is not None and callable(getattr(headers, "clear", None)):
        headers.clear()
    protocol.request = None
    protocol.response = None
    return True
