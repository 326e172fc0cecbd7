"""Which order streams served on web threads (app/web/api/stream.py) must read their order again: one Redis pub/sub
connection per process, psubscribed to every order's pings in a daemon thread, wakes the waiting streams.

A connection subscribed per stream cost more than the stream itself: redis-py disconnects a pub/sub connection
when it is closed, so the next Redis command of the process connected and said hello again (five round trips).
Pings are best effort as ever: while Redis is away each stream re-reads its order on its timer. A Redis that
vanished without closing the connection is noticed by PINGing a quiet one (``liveness.py``).
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict

from redis import Redis

from app.platform.observability import logs
from app.platform.outbox.commit_signals import order_channel
from app.web.streams.liveness import PING_AFTER_SECONDS, Quiet, SilentRedis

log = logs.get("streams.pings")
_PREFIX = order_channel("")
FIRST_SUBSCRIBE_SECONDS = 1.0  # the first stream of a process waits this long at most for the subscription
RETRY_SECONDS = 1.0


class PingListener:
    """The streams waiting on this process, by order, and the thread that wakes them."""

    def __init__(self, redis_url: str, *, connect_timeout: float, ping_after: float = PING_AFTER_SECONDS) -> None:
        self.redis_url, self.connect_timeout, self.ping_after = redis_url, connect_timeout, ping_after
        self._waiting: dict[str, set[threading.Event]] = defaultdict(set)
        self._lock = threading.Lock()
        self._subscribed = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._stopped = threading.Event()
        self._pubsub = None  # the thread's subscription, closed by stop() to end a read that waits on it

    def watch(self, order_id: str) -> threading.Event:
        """An event set whenever ``order_id`` may have changed; call before the first read of the order."""
        woken = threading.Event()
        with self._lock:
            self._waiting[order_id].add(woken)
            started = self._start_if_needed()
        if started:  # without this the first stream would miss a ping sent while the thread subscribes
            self._subscribed.wait(FIRST_SUBSCRIBE_SECONDS)
        return woken

    def unwatch(self, order_id: str, woken: threading.Event) -> None:
        with self._lock:
            waiters = self._waiting.get(order_id)
            if waiters is not None:
                waiters.discard(woken)
                if not waiters:
                    del self._waiting[order_id]

    def stop(self, timeout: float = 5.0) -> None:
        """End the thread and its Redis connection (a process shutting down). Streams still waiting are woken so
        they re-read at once; from now on they hear only their periodic re-read, as while Redis is away."""
        with self._lock:
            self._stopped.set()
            thread, pubsub = self._thread, self._pubsub
        if pubsub is not None and pubsub.connection is not None:
            pubsub.connection.disconnect()  # a read waiting on the socket returns at once, with an error
        if thread is not None and thread.is_alive() and self._pid == os.getpid():
            thread.join(timeout)
        self._wake_all()

    def _start_if_needed(self) -> bool:
        if self._stopped.is_set():
            return False
        # A forked worker inherits the object but not the thread: start one of its own.
        if self._thread is not None and self._thread.is_alive() and self._pid == os.getpid():
            return False
        self._pid, self._subscribed = os.getpid(), threading.Event()
        self._thread = threading.Thread(target=self._listen, name="order-pings", daemon=True)
        self._thread.start()
        return True

    def _wake(self, order_id: str) -> None:
        with self._lock:
            waiters = list(self._waiting.get(order_id, ()))
        for woken in waiters:
            woken.set()

    def _wake_all(self) -> None:
        with self._lock:
            waiters = [woken for group in self._waiting.values() for woken in group]
        for woken in waiters:
            woken.set()

    def _listen(self) -> None:
        """Subscribe and wake streams until stopped; reconnect after a second when Redis goes away or
        stops answering, waking every stream then, as pings may have been missed meanwhile."""
        away = False
        while not self._stopped.is_set():
            client = Redis.from_url(
                self.redis_url, socket_connect_timeout=self.connect_timeout, socket_timeout=self.connect_timeout
            )
            try:
                pubsub = client.pubsub()
                with self._lock:
                    if self._stopped.is_set():
                        return
                    self._pubsub = pubsub
                pubsub.psubscribe(f"{_PREFIX}*")
                confirmed = pubsub.get_message(timeout=self.connect_timeout)
                if confirmed is None or confirmed["type"] != "psubscribe":
                    raise SilentRedis("the subscription was not confirmed")
                self._subscribed.set()
                if away:
                    log.info("order pings back")
                    away = False
                self._wake_all()
                quiet = Quiet(ping_after=self.ping_after, answer_within=self.connect_timeout)
                while not self._stopped.is_set():
                    message = pubsub.get_message(timeout=quiet.wait_seconds())
                    if message is not None:
                        quiet.heard()
                        if message["type"] == "pmessage":
                            self._wake(message["channel"].decode()[len(_PREFIX) :])
                    elif quiet.ping_due():
                        pubsub.ping()  # answered on the subscription itself, as a "pong" message
                        quiet.pinged()
                    quiet.check()
            except Exception as exc:  # noqa: BLE001 - Redis down: streams re-read on their timers meanwhile
                self._subscribed.clear()
                if self._stopped.is_set():
                    return
                if not away:
                    log.warning(
                        "order pings unavailable (%s); retrying every %.0f s", exc.__class__.__name__, RETRY_SECONDS
                    )
                    away = True
                self._stopped.wait(RETRY_SECONDS)
            finally:
                with self._lock:
                    self._pubsub = None
                client.close()
