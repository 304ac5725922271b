"""In-memory connections for tests: a transport made of two queues, and a scripted browser tab.

``MemoryTransport`` is the server side of a fake WebSocket: the test pushes client frames and
reads server frames. ``MemoryClient`` drives one through :meth:`AppHost.serve` like the 0.21.2
web client does: it registers, applies every server frame to a
:class:`~flet_core.client_tree.ClientTree` (which raises where the real client would drop a
message), answers client method calls from a script, and sends clicks and typing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from flet_core import client_query, protocol
from flet_core.client_tree import ClientTree, WireControl
from flet_core.encoding import dumps

if TYPE_CHECKING:
    from flet_runtime.host import AppHost

__all__ = ["NO_ANSWER", "Answer", "MemoryClient", "MemoryTransport", "NoAnswer"]

_VALUE_TEXT = ("value", "text")
"""The attributes ``MemoryClient``'s finders read a control's text from, in this order."""


class NoAnswer:
    """The type of :data:`NO_ANSWER`."""

    def __repr__(self) -> str:
        return "NO_ANSWER"


NO_ANSWER = NoAnswer()
"""An answer that sends nothing back (the client's reaction to ``launchUrl``, ``setClipboard``)."""

Answer = str | BaseException | NoAnswer | Callable[[dict[str, Any]], "str | BaseException | NoAnswer | None"] | None
"""A scripted client method result: the text, ``None``, an exception (sent as the call's
``error``), :data:`NO_ANSWER`, or a function of the call's payload returning one of those."""


class MemoryTransport:
    """A connection held in memory: the test is the client, ``AppHost.serve`` the server."""

    def __init__(self) -> None:
        self._to_server: asyncio.Queue[str | None] = asyncio.Queue()
        self._to_client: asyncio.Queue[str | None] = asyncio.Queue()
        self._receiving_ended = False
        self.close_code: int | None = None
        """The code the server closed the connection with, ``None`` while it has not."""
        self.client_closed = False

    # -- the server's side (the Transport protocol) -----------------------------------------

    async def receive(self) -> str | None:
        if self._receiving_ended:
            return None
        frame = await self._to_server.get()
        if frame is None:
            self._receiving_ended = True
        return frame

    async def send(self, frame: str) -> None:
        if self.close_code is not None or self.client_closed:
            raise ConnectionError("the connection is closed")
        self._to_client.put_nowait(frame)

    async def close(self, code: int = 1000) -> None:
        if self.close_code is None:
            self.close_code = code
            self._to_server.put_nowait(None)
            self._to_client.put_nowait(None)

    # -- the client's side ------------------------------------------------------------------

    def push(self, frame: str | dict[str, Any]) -> None:
        """Send a frame to the server (a dict is encoded as JSON)."""
        if self.client_closed or self.close_code is not None:
            raise ConnectionError("the connection is closed")
        self._to_server.put_nowait(frame if isinstance(frame, str) else dumps(frame))

    def disconnect(self) -> None:
        """Close the connection from the client's side (a closed tab, a lost network)."""
        if not self.client_closed:
            self.client_closed = True
            self._to_server.put_nowait(None)
            self._to_client.put_nowait(None)

    async def next_frame(self, timeout: float | None = 5.0) -> str | None:
        """The next frame the server sent; ``None`` once the connection is closed (``timeout=None``: no limit)."""
        return await asyncio.wait_for(self._to_client.get(), timeout)

    @property
    def in_transit(self) -> int:
        """Frames sent by either side that the other side has not taken yet."""
        return self._to_server.qsize() + self._to_client.qsize()

    def sent_frames(self) -> list[str]:
        """Every frame the server sent that the client has not read yet (without waiting)."""
        frames: list[str] = []
        while not self._to_client.empty():
            frame = self._to_client.get_nowait()
            if frame is not None:
                frames.append(frame)
        return frames


def registration(
    session_id: str = "", *, route: str = "/", width: float = 800, height: float = 600, platform: str = "linux"
) -> dict[str, Any]:
    """A ``registerWebClient`` request as the 0.21.2 web client sends it."""
    media = {
        side: {"top": 0, "right": 0, "bottom": 0, "left": 0} for side in ("padding", "view_padding", "view_insets")
    }
    return {
        "action": protocol.REGISTER_WEB_CLIENT,
        "payload": {
            "pageName": "",
            "pageRoute": route,
            "pageWidth": f"{width:g}",
            "pageHeight": f"{height:g}",
            "windowWidth": "",
            "windowHeight": "",
            "windowTop": "",
            "windowLeft": "",
            "isPWA": "false",
            "isWeb": "true",
            "isDebug": "false",
            "platform": platform,
            "platformBrightness": "light",
            "media": dumps(media),
            "sessionId": session_id,
        },
    }


class MemoryClient:
    """A scripted browser tab connected to an :class:`AppHost` through a :class:`MemoryTransport`."""

    def __init__(
        self,
        host: AppHost,
        *,
        client_ip: str = "127.0.0.1",
        user_agent: str = "MemoryClient",
        answers: dict[str, Answer] | None = None,
    ) -> None:
        self.host = host
        self.client_ip = client_ip
        self.user_agent = user_agent
        # like the real client, it answers the harmless liveness probe of a session takeover
        self.answers: dict[str, Answer] = {"clientStorage:containskey": "false", **(answers or {})}
        """Method name -> result; calls of other methods are never answered."""
        self.tree = ClientTree()
        self.frames: list[str] = []
        self.calls: list[dict[str, Any]] = []
        """The payload of every ``invokeMethod`` received."""
        self.errors: list[Exception] = []
        self.transport: MemoryTransport | None = None
        self.registrations = 0
        self._serving: asyncio.Task[None] | None = None
        self._reading: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()

    @property
    def session_id(self) -> str | None:
        return self.tree.session_id

    @property
    def connected(self) -> bool:
        return self._serving is not None and not self._serving.done()

    async def connect(
        self,
        session_id: str | None = None,
        *,
        route: str = "/",
        width: float = 800,
        height: float = 600,
        platform: str = "linux",
    ) -> None:
        """Open a connection and register; by default with the id this tab holds (a reload)."""
        if self.connected:
            raise RuntimeError("this MemoryClient is already connected; disconnect() first")
        transport = self.transport = MemoryTransport()
        self._serving = asyncio.get_running_loop().create_task(
            self.host.serve(transport, client_ip=self.client_ip, user_agent=self.user_agent)
        )
        self._reading = asyncio.get_running_loop().create_task(self._read(transport))
        before = self.registrations
        offered = (self.tree.session_id or "") if session_id is None else session_id
        transport.push(registration(offered, route=route, width=width, height=height, platform=platform))
        await self.wait_for(lambda: self.registrations > before, what="the registration answer")

    async def disconnect(self, timeout: float = 5.0) -> None:
        """Close the connection from the client's side and wait for the server to notice."""
        if self.transport is not None:
            self.transport.disconnect()
        if self._serving is not None:
            await asyncio.wait_for(self._serving, timeout)
        if self._reading is not None:
            self._reading.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reading

    async def _read(self, transport: MemoryTransport) -> None:
        while True:
            frame = await transport.next_frame(timeout=None)
            if frame is None:
                self._changed.set()
                return
            self.frames.append(frame)
            try:
                message = json.loads(frame)
                self.tree.apply(message)
            except Exception as error:  # surfaced by wait_for()
                self.errors.append(error)
            else:
                action = message.get("action")
                if action == protocol.REGISTER_WEB_CLIENT:
                    self.registrations += 1
                elif action == protocol.INVOKE_METHOD:
                    self._answer(transport, message["payload"])
            self._changed.set()

    def _answer(self, transport: MemoryTransport, call: dict[str, Any]) -> None:
        self.calls.append(call)
        answer = self.answers.get(call["methodName"], NO_ANSWER)
        result = answer(call) if callable(answer) else answer
        if result is NO_ANSWER:
            return
        error = None
        if isinstance(result, BaseException):
            result, error = None, str(result)
        data = dumps({"method_id": call["methodId"], "result": result, "error": error})
        with contextlib.suppress(ConnectionError):
            transport.push(_event("page", "invoke_method_result", data))

    # -- acting like a user -----------------------------------------------------------------

    def send(self, message: dict[str, Any]) -> None:
        if self.transport is None:
            raise RuntimeError("connect() first")
        self.transport.push(message)

    def event(self, target: str, name: str, data: str = "") -> None:
        """Send a ``pageEventFromWeb``."""
        self.send(_event(target, name, data))

    def update_props(self, control_id: str, **attrs: str) -> None:
        """Send an ``updateControlProps`` (a value the client changed itself)."""
        self.send({"action": protocol.UPDATE_CONTROL_PROPS, "payload": {"props": [{"i": control_id, **attrs}]}})
        self.tree.update([{"i": control_id, **attrs}])

    def click(self, control_id: str) -> None:
        self.event(control_id, "click")

    def type(self, control_id: str, text: str) -> None:
        """Type into a text field: the value update, then the ``change`` event."""
        self.update_props(control_id, value=text)
        self.event(control_id, "change", text)

    # -- looking at the page ------------------------------------------------------------------

    # Found by flet_core.client_query, the finder flet.testing uses too, with this harness's options:
    # a text is the whole ``value`` or ``text`` attribute, and hidden controls (and the page) count.

    def find(self, *, text: str | None = None, type: str | None = None) -> list[WireControl]:
        """Controls (in page order) whose ``value``/``text`` is ``text`` and/or whose type is ``type``."""
        return client_query.find(self.tree, text=text, type=type, attrs=_VALUE_TEXT, hidden=True, include_root=True)

    def find_one(self, *, text: str | None = None, type: str | None = None) -> WireControl:
        found = self.find(text=text, type=type)
        if len(found) != 1:
            raise LookupError(f"expected one control with text={text!r} type={type!r}, found {len(found)}")
        return found[0]

    def texts(self, type: str | None = None) -> list[str]:
        """The ``value`` (or ``text``) of every control, in page order."""
        return client_query.texts(self.tree, type=type, attrs=_VALUE_TEXT, first_only=True, hidden=True)

    async def wait_for(self, predicate: Callable[[], Any], *, timeout: float = 5.0, what: str = "") -> None:
        """Wait until ``predicate()`` is true (checked on every frame and every 20 ms)."""
        deadline = time.monotonic() + timeout
        while True:
            self._changed.clear()
            if self.errors:
                raise AssertionError(f"the client rejected a frame: {self.errors[0]!r}")
            if predicate():
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout} s waiting for {what or predicate!r}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.02))


def _event(target: str, name: str, data: str) -> dict[str, Any]:
    return {
        "action": protocol.PAGE_EVENT_FROM_WEB,
        "payload": {"eventTarget": target, "eventName": name, "eventData": data},
    }
