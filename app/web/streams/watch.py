"""Which open streams must read their order again: one Redis pub/sub connection for every order
(``app.platform.outbox.commit_signals`` pings ``kassa:order:<id>`` after each commit that changed one), and, because
pub/sub
is best effort, one query every ``recheck_seconds`` for the state of all watched orders together. Database
reads run on a small thread pool inside the Flask app's context; nothing here holds a connection between reads.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from flask import Flask
from redis import asyncio as aioredis
from sqlalchemy.exc import DBAPIError

from app.platform.outbox.commit_signals import order_channel
from app.web.errors import database_outage
from app.web.streams.liveness import PING_AFTER_SECONDS, Quiet, SilentRedis
from app.web.streams.snapshot import watched_states

log = logging.getLogger("kassa.streams")
T = TypeVar("T")
_PREFIX = order_channel("")


class StreamHub:
    """The open streams by order, and what wakes them."""

    def __init__(
        self, app: Flask, *, recheck_seconds: float, reads: int = 4, ping_after: float = PING_AFTER_SECONDS
    ) -> None:
        self.app, self.recheck_seconds, self.ping_after = app, recheck_seconds, ping_after
        self.waiting: dict[str, set[asyncio.Event]] = defaultdict(set)
        self._seen: dict[str, tuple] = {}
        self._pool = ThreadPoolExecutor(reads, thread_name_prefix="stream-read")

    async def read(self, fn: Callable[..., T], *args) -> T:
        """Run a database read off the event loop, in the app's context."""

        def in_app() -> T:
            with self.app.app_context():
                return fn(*args)

        return await asyncio.get_running_loop().run_in_executor(self._pool, in_app)

    def register(self, order_id: str) -> asyncio.Event:
        """An event set whenever ``order_id`` may have changed."""
        woken = asyncio.Event()
        self.waiting[order_id].add(woken)
        return woken

    def unregister(self, order_id: str, woken: asyncio.Event) -> None:
        waiters = self.waiting.get(order_id)
        if waiters is not None:
            waiters.discard(woken)
            if not waiters:
                del self.waiting[order_id]
                self._seen.pop(order_id, None)

    def wake(self, order_id: str) -> None:
        for woken in self.waiting.get(order_id, ()):
            woken.set()

    def wake_all(self) -> None:
        for order_id in list(self.waiting):
            self.wake(order_id)

    @property
    def open_streams(self) -> int:
        return sum(len(waiters) for waiters in self.waiting.values())

    async def listen(self) -> None:
        """Wake the streams of every order pinged on Redis; reconnect (and wake everyone: pings may have been
        missed meanwhile) when Redis goes away or stops answering. Logged once per outage."""
        answer_within = float(self.app.config["REDIS_TIMEOUT_SECONDS"])
        away = False
        while True:
            client = aioredis.Redis.from_url(
                self.app.config["REDIS_URL"], socket_connect_timeout=answer_within, socket_timeout=answer_within
            )
            try:
                pubsub = client.pubsub()
                await pubsub.psubscribe(f"{_PREFIX}*")
                confirmed = await pubsub.get_message(timeout=answer_within)
                if confirmed is None or confirmed["type"] != "psubscribe":
                    raise SilentRedis("the subscription was not confirmed")
                if away:
                    log.info("order pings back")
                    away = False
                self.wake_all()
                quiet = Quiet(ping_after=self.ping_after, answer_within=answer_within)
                while True:
                    message = await pubsub.get_message(timeout=quiet.wait_seconds())
                    if message is not None:
                        quiet.heard()
                        if message["type"] == "pmessage":
                            self.wake(message["channel"].decode()[len(_PREFIX) :])
                    elif quiet.ping_due():
                        await pubsub.ping()  # answered on the subscription itself, as a "pong" message
                        quiet.pinged()
                    quiet.check()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis down: the periodic re-read carries the streams until it is back
                if not away:
                    log.warning("order pings unavailable (%s); retrying every 1 s", exc.__class__.__name__)
                    away = True
                await asyncio.sleep(1)
            finally:
                await client.aclose()

    async def recheck(self) -> None:
        """Every ``recheck_seconds``, one query for all watched orders; wake those whose state moved."""
        while True:
            await asyncio.sleep(self.recheck_seconds)
            order_ids = list(self.waiting)
            try:
                states = await self.read(watched_states, order_ids)
            except Exception as exc:  # database down: each stream's own read reports it
                log.warning("watched orders not re-read (%s)", exc.__class__.__name__)
                if isinstance(exc, DBAPIError) and database_outage(exc) is not None:
                    self.wake_all()  # now, not at their next keepalive: each ends saying so and its page polls
                continue
            for order_id in order_ids:
                state = states.get(order_id)
                if state is None:  # the order's row is gone: its stream reads that and ends
                    self.wake(order_id)
                    continue
                if self._seen.get(order_id, state) != state:
                    self.wake(order_id)
                self._seen[order_id] = state
