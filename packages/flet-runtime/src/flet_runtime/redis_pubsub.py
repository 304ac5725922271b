"""``redis://`` pubsub: messages between the processes of an app, through one Redis channel.

Each process holds one subscription to a Redis server, for all its apps' channels, and one
client for publishing (:class:`RedisLink`; never a connection per session), and fans messages
out to its own sessions itself: the hub delivers a message to
this process's subscribers at once and hands it here; this backend publishes it, msgpack
encoded as ``[origin, topic, except_session_id, payload]``, and every other process delivers
it to its subscribers. A process skips what it published itself (its ``origin``), so each
subscriber gets a message exactly once.

Redis being down never breaks a session: publishing only encodes the message and queues it
for the loop (microseconds, from any thread), local delivery goes on, one warning is logged
per outage, and the backend reconnects with a backoff of at most ``MAX_BACKOFF`` seconds.
Messages published while Redis is unreachable reach this process only (Redis pub/sub keeps
nothing for absent subscribers either).

Install with ``pip install 'flet[redis]'``; select with ``FLET_PUBSUB_URL=redis://host:6379/0``
(also ``rediss://`` for TLS and ``unix:///path/to/redis.sock``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Callable
from typing import Any, Literal, cast

import msgpack
import redis.asyncio as redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from flet_runtime.pubsub import PubSubMessage

__all__ = [
    "MAX_BACKOFF",
    "RedisBackend",
    "RedisLink",
    "decode_message",
    "encode_message",
    "pack",
    "redis_client",
    "unpack",
]

logger = logging.getLogger("flet")

MAX_BACKOFF = 2.0
"""The longest wait between two attempts to reach Redis, in seconds."""
_FIRST_BACKOFF = 0.05
_CONNECT_TIMEOUT = 2.0
_QUEUE_LIMIT = 10_000
_BATCH = 256
_CARRIED = "None, bool, int, float, str, bytes, and lists/tuples and dicts of them"

State = Literal["stopped", "connecting", "connected", "reconnecting"]


def redis_client(url: str) -> redis.Redis:
    """A client for ``url`` that fails fast (the callers retry with their own backoff)."""
    return redis.Redis.from_url(
        url, socket_connect_timeout=_CONNECT_TIMEOUT, retry=Retry(NoBackoff(), 0), health_check_interval=0
    )


def pack(value: Any) -> bytes:
    """``value`` as msgpack (the only place that calls msgpack's untyped ``packb``)."""
    data: Any = msgpack.packb(value)
    return cast(bytes, data)


def unpack(data: bytes) -> Any:
    """The value msgpack ``data`` holds (maps may have any keys)."""
    return msgpack.unpackb(data, strict_map_key=False)


def encode_message(origin: str, message: PubSubMessage) -> bytes:
    """The wire form of ``message``; :class:`TypeError` naming the type if msgpack cannot carry it."""
    try:
        data = pack([origin, message.topic, message.except_session_id, message.payload])
    except TypeError as error:
        raise TypeError(
            f"pubsub over Redis cannot send a {_type_in(message.payload)}: messages must be msgpack data "
            f"({_CARRIED}); send its fields instead ({error})"
        ) from None
    except (ValueError, OverflowError) as error:  # too deep, an int beyond 64 bits
        raise TypeError(f"pubsub over Redis cannot send this {type(message.payload).__name__}: {error}") from None
    return data


def _type_in(payload: Any) -> str:
    """The name of the first type in ``payload`` that msgpack refuses."""
    stack = [payload]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif not isinstance(value, str | bytes | bytearray | int | float | bool) and value is not None:
            return type(value).__name__
    return type(payload).__name__


def decode_message(data: bytes) -> tuple[str, PubSubMessage]:
    """``(origin, message)`` from the wire form; :class:`ValueError` if it is not one."""
    try:
        origin, topic, except_session_id, payload = unpack(data)
    except Exception as error:  # any garbage on the channel
        raise ValueError(f"not a Flet pubsub message: {error}") from None
    if (
        not isinstance(origin, str)
        or not isinstance(topic, str | None)
        or not isinstance(except_session_id, str | None)
    ):
        raise ValueError("not a Flet pubsub message: wrong envelope types")
    return origin, PubSubMessage(payload, topic, except_session_id)


class RedisLink:
    """This process's connection to one Redis server (per URL and event loop), shared by every
    backend using it: one subscription carrying all their channels, and one client for
    publishing and other commands. It reconnects with backoff and logs each outage once."""

    def __init__(self, url: str, loop: asyncio.AbstractEventLoop) -> None:
        self.url = url
        self.loop = loop
        self.client = redis_client(url)
        """For commands (``SET``, ``GETDEL``...); its connections are made again as needed."""
        self.state: State = "connecting"
        self._channels: dict[str, dict[Any, Callable[[bytes], None]]] = {}
        self._watchers: dict[Any, Callable[[State], None]] = {}
        self._queue: asyncio.Queue[tuple[str, bytes, RedisBackend]] = asyncio.Queue(_QUEUE_LIMIT)
        self._pubsub: Any = None
        self._task = loop.create_task(self._run(), name=f"flet-redis {_redact(url)}")

    def __repr__(self) -> str:
        return f"<RedisLink {_redact(self.url)} {self.state} channels={sorted(self._channels)}>"

    @property
    def users(self) -> int:
        return len(self._watchers)

    def add(
        self, owner: Any, channel: str, on_data: Callable[[bytes], None], on_state: Callable[[State], None]
    ) -> None:
        """Receive what arrives on ``channel``; hear of state changes (on the loop)."""
        new = channel not in self._channels
        self._channels.setdefault(channel, {})[owner] = on_data
        self._watchers[owner] = on_state
        on_state(self.state)
        if new and self._pubsub is not None:
            self.loop.create_task(self._subscribe_late(self._pubsub, channel))

    def remove(self, owner: Any, channel: str) -> None:
        receivers = self._channels.get(channel)
        if receivers is not None:
            receivers.pop(owner, None)
            if not receivers:
                del self._channels[channel]
        self._watchers.pop(owner, None)

    def publish(self, channel: str, data: bytes, backend: RedisBackend) -> bool:
        """Queue ``data`` for ``channel``, from any thread; ``False`` if Redis cannot be reached now."""
        if self.state != "connected":
            return False
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            return self._enqueue((channel, data, backend))
        try:
            self.loop.call_soon_threadsafe(self._enqueue, (channel, data, backend))
        except RuntimeError:  # the loop closed meanwhile
            return False
        return True

    async def aclose(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.client.aclose(), 1.0)
        self._set_state("stopped")

    def _enqueue(self, item: tuple[str, bytes, RedisBackend]) -> bool:
        try:
            self._queue.put_nowait(item)
        except asyncio.QueueFull:
            item[2].dropped += 1
            return False
        return True

    def _set_state(self, state: State) -> None:
        if state == self.state:
            return
        self.state = state
        for on_state in list(self._watchers.values()):
            try:
                on_state(state)
            except Exception:
                logger.exception("A pubsub state callback failed")

    async def _subscribe_late(self, pubsub: Any, channel: str) -> None:
        try:
            await pubsub.subscribe(channel)
        except Exception as error:  # the connection broke; the next one subscribes to every channel
            logger.debug("Pubsub: subscribing to %r failed: %r", channel, error)

    async def _run(self) -> None:
        backoff = _FIRST_BACKOFF
        outage = False
        while True:
            pubsub = self.client.pubsub(ignore_subscribe_messages=True)
            try:
                subscribed = set(self._channels) or {"flet:link"}
                await pubsub.subscribe(*subscribed)
                await self.client.ping()  # the publishing connection works too
                if outage:
                    logger.warning("Pubsub: Redis at %s is back; messages cross processes again", _redact(self.url))
                outage = False
                backoff = _FIRST_BACKOFF
                self._drain_stale()
                self._pubsub = pubsub  # from now on add() subscribes new channels itself
                for channel in set(self._channels) - subscribed:  # added while connecting
                    await pubsub.subscribe(channel)
                self._set_state("connected")
                await self._carry(pubsub)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # Redis errors, broken sockets; anything else is logged with its traceback
                if not isinstance(error, redis.RedisError | OSError):
                    logger.exception("Pubsub: the Redis connection failed unexpectedly")
                if not outage:
                    outage = True
                    logger.warning(
                        "Pubsub: Redis at %s is unreachable (%s); sessions go on with messages inside this "
                        "process only, reconnecting",
                        _redact(self.url),
                        error or type(error).__name__,
                    )
            finally:
                self._pubsub = None
                await _quietly_close(pubsub)
            self._set_state("reconnecting")
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)

    def _drain_stale(self) -> None:
        while not self._queue.empty():
            self._queue.get_nowait()[2].dropped += 1

    async def _carry(self, pubsub: Any) -> None:
        reader = asyncio.ensure_future(self._read(pubsub))
        writer = asyncio.ensure_future(self._write())
        try:
            done, _ = await asyncio.wait({reader, writer}, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()  # raises what ended it
            raise redis.ConnectionError("the subscription ended")
        finally:
            for task in (reader, writer):
                task.cancel()
            await asyncio.gather(reader, writer, return_exceptions=True)

    async def _read(self, pubsub: Any) -> None:
        async for item in pubsub.listen():
            if item.get("type") != "message":
                continue
            channel = item["channel"]
            channel = channel.decode() if isinstance(channel, bytes) else str(channel)
            for on_data in list(self._channels.get(channel, {}).values()):
                try:
                    on_data(item["data"])
                except Exception:
                    logger.exception("Pubsub: delivering a message from another process failed")

    async def _write(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < _BATCH and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                if len(batch) == 1:
                    await self.client.publish(batch[0][0], batch[0][1])
                else:
                    async with self.client.pipeline(transaction=False) as pipe:
                        for channel, data, _ in batch:
                            pipe.publish(channel, data)
                        await pipe.execute()
            except BaseException:
                for _, _, backend in batch:
                    backend.dropped += 1
                raise
            for _, _, backend in batch:
                backend.published += 1


_links: dict[tuple[str, asyncio.AbstractEventLoop], RedisLink] = {}


def _link_for(url: str) -> RedisLink:
    loop = asyncio.get_running_loop()
    for key in [key for key in _links if key[1].is_closed()]:
        del _links[key]
    link = _links.get((url, loop))
    if link is None:
        link = _links[url, loop] = RedisLink(url, loop)
    return link


async def _release(link: RedisLink) -> None:
    if link.users == 0 and _links.get((link.url, link.loop)) is link:
        del _links[link.url, link.loop]
        await link.aclose()


class RedisBackend:
    """Carries an app's pubsub messages between processes over a Redis channel.

    Every backend of a process with the same URL shares one :class:`RedisLink`.
    """

    def __init__(self, url: str, *, channel: str = "flet:pubsub") -> None:
        self.url = url
        self.channel = channel
        self.origin = secrets.token_hex(8)
        """This backend's id in the messages it publishes."""
        self.state: State = "stopped"
        self.published = 0
        """Messages handed to Redis."""
        self.received = 0
        """Messages from other processes delivered here."""
        self.dropped = 0
        """Messages that could not reach Redis (it was unreachable, or the queue was full)."""
        self._link: RedisLink | None = None
        self._deliver: Callable[[PubSubMessage], None] | None = None
        self._connected = asyncio.Event()

    def __repr__(self) -> str:
        return f"<RedisBackend {_redact(self.url)} channel={self.channel!r} {self.state}>"

    @property
    def link(self) -> RedisLink:
        """The process's connection this backend uses (once started)."""
        if self._link is None:
            raise RuntimeError("this RedisBackend is not started")
        return self._link

    # -- the backend protocol -----------------------------------------------------------------

    async def start(self, deliver: Callable[[PubSubMessage], None]) -> None:
        if self._link is not None:
            raise RuntimeError("this RedisBackend was started already")
        self._deliver = deliver
        self._link = _link_for(self.url)
        self._link.add(self, self.channel, self._on_data, self._on_state)

    def publish(self, message: PubSubMessage) -> None:
        data = encode_message(self.origin, message)
        link = self._link
        if link is None or not link.publish(self.channel, data, self):
            self.dropped += 1  # nobody else can be reached now; this process got it from the hub

    async def aclose(self) -> None:
        link, self._link = self._link, None
        self._deliver = None
        if link is not None:
            link.remove(self, self.channel)
            await _release(link)
        self._on_state("stopped")

    async def wait_connected(self, timeout: float) -> None:
        """Wait until the subscription is up (for tests and tools)."""
        await asyncio.wait_for(self._connected.wait(), timeout)

    def _on_state(self, state: State) -> None:
        self.state = state
        if state == "connected":
            self._connected.set()
        else:
            self._connected.clear()

    def _on_data(self, data: bytes) -> None:
        try:
            origin, message = decode_message(data)
        except ValueError as error:
            logger.warning("Pubsub: dropped a message on %r: %s", self.channel, error)
            return
        deliver = self._deliver
        if origin == self.origin or deliver is None:
            return
        self.received += 1
        deliver(message)


async def _quietly_close(pubsub: Any) -> None:
    try:
        await asyncio.wait_for(pubsub.aclose(), 1.0)
    except asyncio.CancelledError:
        raise
    except Exception as error:  # closing a broken connection
        logger.debug("Pubsub: closing a Redis connection failed: %r", error)


def _redact(url: str) -> str:
    """``url`` without a password."""
    scheme, sep, rest = url.partition("://")
    credentials, at, location = rest.rpartition("@")
    if not at:
        return url
    user = credentials.partition(":")[0]
    return f"{scheme}{sep}{user + ':***' if user else '***'}@{location}"
