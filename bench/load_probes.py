"""What the load benchmark measures besides wrk's runs: database and Redis round trips per request
(counted in-process on the same code, database and Redis), the hosted panel's push latency after a
provider callback, and a crowd of open order streams (SSE) held while the checkout is under load."""

from __future__ import annotations

import selectors
import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import urlsplit

import requests

from bench.load_stack import UNLIMITED, LoadStack, Shop
from tests.support.provider_api import SandboxApi, signed_callback
from tests.support.sse_client import open_stream, read_until

PAID = ("paid", "fulfilled", "completed")


@contextmanager
def counting() -> Iterator[Counter]:
    """Count what this process sends to the database and Redis while the block runs: SQL statements,
    transactions begun, commits, rollbacks and pre-pings (a pool checking a connection out), and Redis round
    trips (a pipeline is one)."""
    from redis.connection import AbstractConnection
    from sqlalchemy import event
    from sqlalchemy.dialects.postgresql._psycopg_common import _PGDialect_common_psycopg
    from sqlalchemy.engine import Engine
    from sqlalchemy.engine.default import DefaultDialect

    counts: Counter = Counter()
    listeners = [
        (Engine, "before_cursor_execute", lambda *a: counts.update(["statements"])),
        (Engine, "begin", lambda *a: counts.update(["begins"])),
        (Engine, "commit", lambda *a: counts.update(["commits"])),
        (Engine, "rollback", lambda *a: counts.update(["rollbacks"])),
    ]
    for target, name, fn in listeners:
        event.listen(target, name, fn)
    send = AbstractConnection.send_packed_command
    pings = {dialect: dialect.do_ping for dialect in (DefaultDialect, _PGDialect_common_psycopg)}

    def counted_send(self, command, check_health=True):
        counts.update(["redis"])
        return send(self, command, check_health)

    def counted_ping(ping):
        def do_ping(self, dbapi_connection):
            counts.update(["pings"])
            return ping(self, dbapi_connection)

        return do_ping

    AbstractConnection.send_packed_command = counted_send
    for dialect, ping in pings.items():
        dialect.do_ping = counted_ping(ping)
    try:
        yield counts
    finally:
        AbstractConnection.send_packed_command = send
        for dialect, ping in pings.items():
            dialect.do_ping = ping
        for target, name, fn in listeners:
            event.remove(target, name, fn)


def round_trips(stack: LoadStack, shop: Shop, *, runs: int = 10) -> dict[str, dict[str, float]]:
    """Per step of a paid order (create, pay, callback, read), the average counts of ``counting()``, measured
    in this process through Kassa's WSGI app on the stack's database and Redis, after a warm-up. Each step runs
    ``runs`` times back to back, as under load (what a process re-reads once a second shows as a fraction)."""
    from app import create_app
    from app.platform.observability.log_writer import flush_every_writer

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": stack.database_url,
            "REDIS_URL": stack.redis.url(),
            "RATELIMIT_STORAGE_URI": stack.redis.url(),
            "PUBLIC_URL": stack.kassa_url,
            "SANDBOX_URL": stack.sandbox_url,
            "LOG_LEVEL": "WARNING",
            "POLL_AFTER_SECONDS": 20,
            **UNLIMITED,
        }
    )
    client, provider = app.test_client(), SandboxApi(stack.sandbox_url)
    auth = {"Authorization": f"Bearer {shop.secret_key}"}
    order_body = {
        "items": [{"sku": shop.sku, "quantity": 1}],
        "customer": {"id": "cus_probe"},
        "agreement_accepted": True,
    }

    def measured(step: str, calls: list, expect: int) -> list:
        answers = []
        with counting() as counts:
            for call in calls:
                answers.append(call())
                flush_every_writer()  # the integration log's rows, written on the log writer's thread
                assert answers[-1].status_code == expect, (step, answers[-1].get_data(as_text=True))
        totals[step] = {name: value / len(calls) for name, value in counts.items()}
        return answers

    totals: dict[str, dict[str, float]] = {}
    for warm_up in (True, False):
        n = 3 if warm_up else runs
        orders = [
            o.get_json()
            for o in measured("create", [lambda: client.post("/api/v1/orders", json=order_body, headers=auth)] * n, 201)
        ]
        payments = [
            p.get_json()["payment"]
            for p in measured(
                "pay",
                [
                    (
                        lambda o=o: client.post(
                            f"/api/v1/orders/{o['id']}/pay", json={"channel": "sandbox_card"}, headers=auth
                        )
                    )
                    for o in orders
                ],
                200,
            )
        ]
        callbacks = [signed_callback(provider.decide(p["provider_reference"], callback="drop")) for p in payments]
        measured(
            "callback",
            [(lambda c=c: client.post("/hooks/channels/sandbox_card", data=c[0], headers=c[1])) for c in callbacks],
            200,
        )
        shown = measured(
            "read", [(lambda o=o: client.get(f"/api/v1/orders/{o['id']}", headers=auth)) for o in orders], 200
        )
        assert all(r.get_json()["status"] in PAID for r in shown)
    with app.app_context():
        from app.extensions import db

        db.session.remove()
        db.engine.dispose()
    return totals


def push_latency(stack: LoadStack, shop: Shop, *, orders: int = 30) -> list[float]:
    """Milliseconds from sending a provider's signed callback to the order's stream (the hosted panel's)
    announcing the payment, one order at a time. The provider decides without calling back, so the
    benchmark sends the very callback it would have sent and knows when it left."""
    auth = {"Authorization": f"Bearer {shop.secret_key}"}
    provider, samples = SandboxApi(stack.sandbox_url), []
    for _ in range(orders):
        order = requests.post(
            f"{stack.kassa_url}/api/v1/orders",
            headers=auth,
            timeout=30,
            json={
                "items": [{"sku": shop.sku, "quantity": 1}],
                "customer": {"id": "cus_push"},
                "agreement_accepted": True,
            },
        )
        order = order.json()
        payment = requests.post(
            f"{stack.kassa_url}/api/v1/orders/{order['id']}/pay",
            headers=auth,
            timeout=30,
            json={"channel": "sandbox_card"},
        ).json()["payment"]
        sock, first = open_stream(stack.stream_url, order)
        assert b'"paying"' in first, first
        body, headers = signed_callback(provider.decide(payment["provider_reference"], callback="drop"))
        sent = time.monotonic()
        threading.Thread(
            target=requests.post,
            args=(f"{stack.kassa_url}/hooks/channels/sandbox_card",),
            kwargs={"data": body, "headers": headers, "timeout": 30},
            daemon=True,
        ).start()
        read_until(sock, *(f'"status":"{status}"'.encode() for status in PAID))
        samples.append((time.monotonic() - sent) * 1000)
        sock.close()
    return samples


class StreamCrowd:
    """``count`` shoppers each holding their order's status stream open (reconnecting when the server
    ends one, as EventSource does), served by one selector thread that reads and discards what arrives."""

    def __init__(self, base_url: str, orders: list[dict]) -> None:
        parts = urlsplit(base_url)
        self.address = (parts.hostname, parts.port)
        self.requests = [
            (
                f"GET /api/v1/orders/{o['id']}/stream?client_secret={o['client_secret']} HTTP/1.1\r\n"
                f"Host: {parts.netloc}\r\nAccept: text/event-stream\r\n\r\n"
            ).encode()
            for o in orders
        ]
        self.selector = selectors.DefaultSelector()
        self.answered: set[int] = set()  # streams that got their first status event
        self.reconnects = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _open(self, index: int) -> None:
        sock = socket.create_connection(self.address)
        sock.sendall(self.requests[index])
        sock.setblocking(False)
        self.selector.register(sock, selectors.EVENT_READ, index)

    def open(self) -> "StreamCrowd":
        for index in range(len(self.requests)):
            self._open(index)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            for key, _ in self.selector.select(timeout=0.2):
                try:
                    data = key.fileobj.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                if b"event: status" in data:
                    self.answered.add(key.data)
                if not data:  # the server ended this stream: the shopper's browser opens it again
                    self.selector.unregister(key.fileobj)
                    key.fileobj.close()
                    self.reconnects += 1
                    if not self._stop.is_set():
                        self._open(key.data)

    def open_now(self) -> int:
        return len(self.selector.get_map())

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for key in list(self.selector.get_map().values()):
            self.selector.unregister(key.fileobj)
            key.fileobj.close()


def waiting_orders(stack: LoadStack, shop: Shop, count: int) -> list[dict]:
    """``count`` orders left unpaid (their streams stay open until they are decided or expire)."""
    auth = {"Authorization": f"Bearer {shop.secret_key}"}

    def create(i: int) -> dict:
        created = requests.post(
            f"{stack.kassa_url}/api/v1/orders",
            headers=auth,
            timeout=60,
            json={
                "items": [{"sku": shop.sku, "quantity": 1}],
                "customer": {"id": f"cus_wait_{i}"},
                "agreement_accepted": True,
            },
        )
        assert created.status_code == 201, created.text
        return created.json()

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(create, range(count)))
