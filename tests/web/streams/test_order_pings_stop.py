"""A web worker that shuts down stops its order-ping listener (app/web/streams/ping_listener.py): the thread ends and
its
Redis subscription closes, rather than running on (and reconnecting every second) until the interpreter dies.
Gunicorn's ``worker_exit`` hook (gunicorn.conf.py) is where a worker does it. On a private redis-server, whose
pattern subscriptions count the listeners still attached."""

from __future__ import annotations

import runpy
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask import Flask

from app.web.streams.ping_listener import PingListener
from tests.conftest import wait_for
from tests.support.processes import RedisServer

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "data", tmp_path)
    server.start()
    yield server
    server.stop()


def _listeners_attached(redis_server: RedisServer) -> int:
    return redis_server.client().execute_command("PUBSUB", "NUMPAT")


def test_a_stopped_listener_leaves_redis_and_wakes_its_streams(redis_server):
    listener = PingListener(redis_server.url(), connect_timeout=1.0)
    woken = listener.watch("ord_stop")
    wait_for(lambda: _listeners_attached(redis_server) == 1, 5)
    woken.clear()

    started = time.monotonic()
    listener.stop()

    assert time.monotonic() - started < 2  # a read waiting on the subscription does not hold the shutdown up
    assert _listeners_attached(redis_server) == 0
    assert woken.is_set()  # the waiting stream re-reads its order now rather than at its next timer
    listener.watch("ord_later")  # a stream after the stop: no thread comes back to subscribe again
    time.sleep(1.5)
    assert _listeners_attached(redis_server) == 0


def test_a_gunicorn_worker_that_exits_stops_its_listener(redis_server, monkeypatch, tmp_path):
    app = Flask(__name__)
    listener = app.extensions["kassa_order_pings"] = PingListener(redis_server.url(), connect_timeout=1.0)
    listener.watch("ord_stop")
    wait_for(lambda: _listeners_attached(redis_server) == 1, 5)

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))  # the settings file would set it for good
    hooks = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    hooks["worker_exit"](None, SimpleNamespace(wsgi=app))

    assert _listeners_attached(redis_server) == 0
