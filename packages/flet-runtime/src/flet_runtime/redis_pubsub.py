"""``redis://`` pubsub: messages between the processes of an app, through one Redis channel.

Each process holds one subscription and one publishing connection per app (never one per
session) and fans messages out to its own sessions itself: the hub delivers a message to
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
from typing import Any, Literal

import msgpack
import redis.asyncio as redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from flet_runtime.pubsub import PubSubMessage

__all__ = ["MAX_BACKOFF", "RedisBackend", "decode_message", "encode_message", "redis_client"]

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


def encode_message(origin: str, message: PubSubMessage) -> bytes:
    """The wire form of ``message``; :class:`TypeError` naming the type if msgpack cannot carry it."""
    try:
        data: bytes = msgpack.packb([origin, message.topic, message.except_session_id, message.payload])
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
        origin, topic, except_session_id, payload = msgpack.unpackb(data, strict_map_key=False)
    except Exception as error:  # any garbage on the channel
        raise ValueError(f"not a Flet pubsub message: {error}") from None
    if (
        not isinstance(origin, str)
        or not isinstance(topic, str | None)
        or not isinstance(except_session_id, str | None)
    ):
        raise ValueError("not a Flet pubsub message: wrong envelope types")
    return origin, PubSubMessage(payload, topic, except_session_id)


class RedisBackend:
    """Carries an app's pubsub messages between processes over a Redis channel."""

    def __init__(self, url: str, *, channel: str = "flet:pubsub", report_outages: bool = True) -> None:
        self.url = url
        self.channel = channel
        self._outage_level = logging.WARNING if report_outages else logging.DEBUG
        """``report_outages=False`` logs them at DEBUG (for a second channel to the same Redis)."""
        self.origin = secrets.token_hex(8)
        """This backend's id in the messages it publishes."""
        self.state: State = "stopped"
        self.published = 0
        """Messages handed to Redis."""
        self.received = 0
        """Messages from other processes delivered here."""
        self.dropped = 0
        """Messages that could not reach Redis (it was unreachable, or the queue was full)."""
        self.on_state: Callable[[State], None] | None = None
        """Called on the loop whenever :attr:`state` changes (metrics)."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._deliver: Callable[[PubSubMessage], None] | None = None
        self._queue: asyncio.Queue[bytes] = asyncio.Queue(_QUEUE_LIMIT)
        self._task: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()

    def __repr__(self) -> str:
        return f"<RedisBackend {_redact(self.url)} channel={self.channel!r} {self.state}>"

    # -- the backend protocol -----------------------------------------------------------------

    async def start(self, deliver: Callable[[PubSubMessage], None]) -> None:
        if self._task is not None:
            raise RuntimeError("this RedisBackend was started already")
        self._loop = asyncio.get_running_loop()
        self._deliver = deliver
        self._set_state("connecting")
        self._task = self._loop.create_task(self._run(), name=f"flet-redis-pubsub {self.channel}")

    def publish(self, message: PubSubMessage) -> None:
        data = encode_message(self.origin, message)
        loop = self._loop
        if loop is None or self.state != "connected":
            self.dropped += 1  # nobody else can be reached now; this process got it from the hub
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._enqueue(data)
        else:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(self._enqueue, data)

    async def aclose(self) -> None:
        task, self._task = self._task, None
        self._deliver = None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._set_state("stopped")

    async def wait_connected(self, timeout: float) -> None:
        """Wait until the subscription is up (for tests and tools)."""
        await asyncio.wait_for(self._connected.wait(), timeout)

    # -- the connection -----------------------------------------------------------------------

    def _enqueue(self, data: bytes) -> None:
        try:
            self._queue.put_nowait(data)
        except asyncio.QueueFull:
            self.dropped += 1

    def _set_state(self, state: State) -> None:
        if state == self.state:
            return
        self.state = state
        if state == "connected":
            self._connected.set()
        else:
            self._connected.clear()
        if self.on_state is not None:
            try:
                self.on_state(state)
            except Exception:
                logger.exception("A pubsub state callback failed")

    async def _run(self) -> None:
        backoff = _FIRST_BACKOFF
        outage = False
        while True:
            client = redis_client(self.url)
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self.channel)
                await client.ping()  # the publishing connection works too
                if outage:
                    logger.log(self._outage_level, "Pubsub: Redis at %s is back", _redact(self.url))
                outage = False
                backoff = _FIRST_BACKOFF
                self._drain_stale()
                self._set_state("connected")
                await self._carry(client, pubsub)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # Redis errors, broken sockets; anything else is logged with its traceback
                if not isinstance(error, redis.RedisError | OSError):
                    logger.exception("Pubsub: the Redis connection failed unexpectedly")
                if not outage:
                    outage = True
                    logger.log(
                        self._outage_level,
                        "Pubsub: Redis at %s is unreachable (%s); sessions go on with messages inside this "
                        "process only, reconnecting",
                        _redact(self.url),
                        error or type(error).__name__,
                    )
            finally:
                await _quietly_close(pubsub, client)
            self._set_state("reconnecting")
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)

    def _drain_stale(self) -> None:
        while not self._queue.empty():
            self._queue.get_nowait()
            self.dropped += 1

    async def _carry(self, client: redis.Redis, pubsub: Any) -> None:
        reader = asyncio.ensure_future(self._read(pubsub))
        writer = asyncio.ensure_future(self._write(client))
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
            try:
                origin, message = decode_message(item["data"])
            except ValueError as error:
                logger.warning("Pubsub: dropped a message on %r: %s", self.channel, error)
                continue
            deliver = self._deliver
            if origin == self.origin or deliver is None:
                continue
            self.received += 1
            try:
                deliver(message)
            except Exception:
                logger.exception("Pubsub: delivering a message from another process failed")

    async def _write(self, client: redis.Redis) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < _BATCH and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                if len(batch) == 1:
                    await client.publish(self.channel, batch[0])
                else:
                    async with client.pipeline(transaction=False) as pipe:
                        for data in batch:
                            pipe.publish(self.channel, data)
                        await pipe.execute()
            except BaseException:
                self.dropped += len(batch)
                raise
            self.published += len(batch)


async def _quietly_close(pubsub: Any, client: redis.Redis) -> None:
    for close in (pubsub.aclose, client.aclose):
        try:
            await asyncio.wait_for(close(), 1.0)
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
