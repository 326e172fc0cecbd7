"""Outbox dispatch throughput on ONE worker process: events settled per second.

Two scenarios, each measured both ways in the same run:
- "cheap handler": every event goes to a subscribed handler that does nothing (plus the webhook
  fan-out, which finds no endpoint);
- "fan-out": every event goes to one local receiver endpoint (a signed HTTP POST each).

Kassa's way: the commit queues one ``dispatch_events`` job that drains the batch on an
in-process ``SimpleWorker`` (fan-out then queues one delivery job per endpoint, run by the same
worker). Baseline: the same N events as one RQ job per event on RQ's default forking ``Worker``.
Prints events/s for each and the ratio. Not a test: run it by hand.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redis import Redis  # noqa: E402
from rq import Queue, SimpleWorker, Worker  # noqa: E402
from sqlalchemy import func, select, update  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from bench.bench_database import fresh_database  # noqa: E402

DATABASE = os.environ.get("KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_events")
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
N = int(os.environ.get("KASSA_BENCH_N", "300"))
QUEUE = "kassa-bench-events"

BENCH_APP = None  # set in main(); forked work horses inherit it


def cheap_handler(event) -> None:
    """Does nothing: the dispatch machinery itself is what is measured."""


class Receiver:
    """A merchant's endpoint on a free local port that answers 200 and counts."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()
        self.server = make_server("127.0.0.1", 0, self._wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _wsgi(self, environ, start_response):
        environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        with self._lock:
            self.count += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]


def handle_event_alone(event_id: str) -> None:
    """Baseline job: the same handlers the dispatcher runs, for one event."""
    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.outbox.dispatch import _run_handlers
    from app.platform.outbox.events import Event

    with BENCH_APP.app_context():
        if _run_handlers(db.session.get(Event, event_id)):
            db.session.execute(update(Event).where(Event.id == event_id).values(dispatched_at=utcnow()))
            db.session.commit()


def deliver_event_alone(event_id: str) -> None:
    """Baseline job: fan one event out and deliver it inline, one job per event."""
    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.outbox.events import Event, EventHandling
    from app.webhooks.delivery import attempt_delivery
    from app.webhooks.fanout import create_deliveries, fan_out_to_webhooks

    with BENCH_APP.app_context():
        for delivery_id in create_deliveries(db.session.get(Event, event_id)):
            attempt_delivery(delivery_id)
        name = f"{fan_out_to_webhooks.__module__}.{fan_out_to_webhooks.__qualname__}"
        db.session.add(EventHandling(event_id=event_id, handler=name))
        db.session.execute(update(Event).where(Event.id == event_id).values(dispatched_at=utcnow()))
        db.session.commit()


def record(merchant_id: str, type_: str) -> list[str]:
    """N events in one transaction; its commit queues one dispatch run."""
    from app.extensions import db
    from app.platform.outbox.events import record_event

    ids = [record_event(merchant_id, type_, {"object": "bench", "n": i}).id for i in range(N)]
    db.session.commit()
    return ids


def settled(type_: str) -> int:
    from app.extensions import db
    from app.platform.outbox.events import Event

    db.session.rollback()
    return db.session.scalar(
        select(func.count()).select_from(Event).where(Event.type == type_, Event.dispatched_at.is_not(None))
    )


def kassa_way(queue: Queue, merchant_id: str, type_: str) -> float:
    """Events/s: the commit's dispatch job (and any delivery jobs) drained by one SimpleWorker."""
    record(merchant_id, type_)
    assert len(queue) == 1, "the commit should have queued exactly one dispatch run"
    start = time.perf_counter()
    batch = Queue(f"{queue.name}-batch", connection=queue.connection)  # where the fan-out queues the deliveries
    SimpleWorker([queue, batch], connection=queue.connection).work(burst=True, logging_level="WARNING")
    elapsed = time.perf_counter() - start
    assert settled(type_) == N, (type_, settled(type_))
    return N / elapsed


def one_job_per_event(queue: Queue, merchant_id: str, type_: str, job) -> float:
    """Events/s: one RQ job per event on the default forking Worker (a fork per job)."""
    from app.extensions import db
    from app.platform.queueing import clear_dispatch_request

    before = settled(type_)
    ids = record(merchant_id, type_)
    queue.empty()  # the baseline does not use the dispatcher ...
    clear_dispatch_request()
    for event_id in ids:  # ... it queues one job per event
        queue.enqueue(job, event_id)
    db.session.remove()
    db.engine.dispose()  # no pooled connection may be shared with a forked child
    start = time.perf_counter()
    Worker([queue], connection=queue.connection).work(burst=True, logging_level="WARNING")
    elapsed = time.perf_counter() - start
    assert settled(type_) - before == N, (type_, settled(type_) - before)
    return N / elapsed


def main() -> None:
    global BENCH_APP
    from flask_migrate import upgrade

    from app import create_app
    from app.merchants.services import create_merchant
    from app.platform.outbox.events import subscribe
    from app.webhooks.endpoints import create_endpoint

    subscribe("bench.cheap")(cheap_handler)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one access-log line per delivery is noise
    fresh_database(DATABASE)
    Redis.from_url(REDIS).flushdb()
    BENCH_APP = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": DATABASE,
            "REDIS_URL": REDIS,
            "RQ_QUEUE": QUEUE,
            "LOG_LEVEL": "WARNING",
            "OUTBOUND_ALLOWED_NETWORKS": "127.0.0.0/8",
        }
    )  # the receiver
    receiver = Receiver()
    with BENCH_APP.app_context():
        upgrade()
        quiet = create_merchant("Quiet", "quiet@kassa.test", "bench-pass-1").merchant.id
        hooked = create_merchant("Hooked", "hooked@kassa.test", "bench-pass-1").merchant.id
        create_endpoint(hooked, url=receiver.url, events=["*"], livemode=False)  # the bench events are test events
        queue = Queue(QUEUE, connection=Redis.from_url(REDIS))

        rows = []
        for label, merchant_id, type_, job in (
            ("cheap handler", quiet, "bench.cheap", handle_event_alone),
            ("fan-out to 1 endpoint", hooked, "bench.fanout", deliver_event_alone),
        ):
            before = receiver.count
            ours = kassa_way(queue, merchant_id, type_)
            baseline = one_job_per_event(queue, merchant_id, type_, job)
            if merchant_id == hooked:
                assert receiver.count - before == 2 * N, "every event must reach the receiver once per run"
            rows.append((label, ours, baseline))
    receiver.server.shutdown()

    print(f"database: {DATABASE.split('://')[0]}, {N} events per run, one worker process")
    print(f"{'scenario':24} {'SimpleWorker + dispatcher':>27} {'forking Worker, job/event':>27} {'ratio':>8}")
    for label, ours, baseline in rows:
        print(f"{label:24} {ours:21.0f} ev/s {baseline:21.0f} ev/s {ours / baseline:7.1f}x")


if __name__ == "__main__":
    # Run as the importable module, so RQ can name the baseline jobs (never from __main__).
    import importlib

    importlib.import_module("bench.events_dispatch").main()
