"""A Redis that stops answering without closing the connection is noticed by the stream process's order-ping
listener within a bounded time, logged once, and subscribed to again: a payment pinged
after that reaches the waiting streams at once, not only through their periodic re-read. Two ways it happens, on
loopback against a private redis-server: the server freezes (SIGSTOP) and later resumes; or the connection's flow
is dropped for good (a firewall or NAT forgets it, the host behind it is replaced) while Redis itself is fine."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Iterator

import pytest
from flask import Flask

from app.platform.outbox.commit_signals import order_channel
from app.web.streams.watch import StreamHub
from tests.conftest import wait_for
from tests.support.processes import RedisServer
from tests.support.silent_link import SilentLink

ANSWER_WITHIN = 0.5  # REDIS_TIMEOUT_SECONDS for the listeners
PING_AFTER = 0.5
NOTICED_WITHIN = PING_AFTER + ANSWER_WITHIN + 2.0  # a read may just have started; the rest is slack
BACK_WITHIN = NOTICED_WITHIN + 1.0 + ANSWER_WITHIN + 2.0  # then a retry a second later subscribes again
FROZEN_FOR = 4.0  # several reconnection attempts fail meanwhile: still one warning
ORDER = "ord_silent"


class StreamProcessListener:
    """The stream process's ``StreamHub.listen`` on an event loop of its own, and one stream waiting on it."""

    def __init__(self, redis_url: str) -> None:
        app = Flask(__name__)
        app.config.update(REDIS_URL=redis_url, REDIS_TIMEOUT_SECONDS=ANSWER_WITHIN)
        self.hub = StreamHub(app, recheck_seconds=60, ping_after=PING_AFTER)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.woken = self._on_loop(self.hub.register, ORDER)
        self.listening = self._on_loop(lambda: asyncio.ensure_future(self.hub.listen()))

    def _on_loop(self, fn, *args):
        async def call():
            return fn(*args)

        return asyncio.run_coroutine_threadsafe(call(), self.loop).result(5)

    def hears(self, publisher, seconds: float) -> bool:
        self._on_loop(self.woken.clear)
        publisher.publish(order_channel(ORDER), "")
        deadline = time.monotonic() + seconds
        while not self.woken.is_set() and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.woken.is_set()

    def stop(self) -> None:
        async def cancel() -> None:
            self.listening.cancel()
            await asyncio.wait({self.listening}, timeout=5)  # its Redis connection closed on the way out

        asyncio.run_coroutine_threadsafe(cancel(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def listening():
    return StreamProcessListener


@pytest.fixture
def redis_server(tmp_path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path / "data", tmp_path)
    server.start()
    yield server
    server.resume()
    server.stop()


@pytest.fixture
def pings_log() -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    streams = logging.getLogger("kassa.streams")
    streams.addHandler(handler)
    yield records
    streams.removeHandler(handler)


def _said(records: list[logging.LogRecord], text: str) -> int:
    return sum(text in record.getMessage() for record in records)


def test_a_frozen_redis_is_noticed_and_pings_arrive_again_once_it_answers(listening, redis_server, pings_log):
    listener = listening(redis_server.url())
    publisher = redis_server.client()
    try:
        wait_for(lambda: listener.hears(publisher, 0.2), 5)
        redis_server.pause()
        frozen = time.monotonic()
        wait_for(lambda: _said(pings_log, "order pings unavailable (SilentRedis)"), NOTICED_WITHIN)
        time.sleep(max(FROZEN_FOR - (time.monotonic() - frozen), 0))
        redis_server.resume()
        wait_for(lambda: _said(pings_log, "order pings back"), BACK_WITHIN)
        assert listener.hears(publisher, 2), "a ping published after Redis came back did not reach the stream"
    finally:
        listener.stop()
        publisher.close()
    assert _said(pings_log, "order pings unavailable") == 1


def test_a_connection_dropped_silently_is_replaced_and_pings_arrive_again(listening, redis_server, pings_log):
    link = SilentLink(redis_server.port)
    listener = listening(f"redis://127.0.0.1:{link.port}/0")
    publisher = redis_server.client()
    try:
        wait_for(lambda: listener.hears(publisher, 0.2), 5)
        time.sleep(0.5)  # the pings of the tries above have all arrived
        link.drop_open_flows()
        assert not listener.hears(publisher, 0.2)  # the shopper's panel now waits for its re-read
        wait_for(lambda: listener.hears(publisher, 0.2), BACK_WITHIN)
    finally:
        listener.stop()
        link.close()
        publisher.close()
    assert _said(pings_log, "order pings unavailable (SilentRedis)") == 1
