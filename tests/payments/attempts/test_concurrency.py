"""Races a real deployment sees, on PostgreSQL with real threads and processes: duplicate
callbacks, impatient Pay presses, and two workers polling the same payment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest
import requests

from tests.conftest import DATABASE_URL, REDIS_URL
from tests.payments.attempts.test_payment_flow import _sign, create_order, events_of, pay, status_of

pytestmark = pytest.mark.postgres_only


def in_parallel(n: int, call) -> list:
    """Run ``call(i)`` on n threads released at the same instant; return the results in order."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        results[i] = call(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def _paid_callback(app, api, sandbox, order: dict, event_id: str) -> tuple[bytes, dict]:
    """Pay ``order``; the provider approves but its own callback is dropped: the body and headers of that
    callback, signed, for the test to deliver as it likes."""
    payment = pay(api, order["id"])
    provider = sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    body = json.dumps(
        {"id": event_id, "type": "payment.succeeded", "created": int(time.time()), "data": provider}
    ).encode()
    return body, {
        "Content-Type": "application/json",
        "Sandbox-Signature": _sign(app.config["SANDBOX_CALLBACK_SECRET"], body),
    }


def test_50_concurrent_duplicate_callbacks_capture_once(app, api, catalog, sandbox, live_server):
    order = create_order(api, catalog["sku"])
    body, headers = _paid_callback(app, api, sandbox, order, "evt_dup")

    statuses = in_parallel(
        50,
        lambda i: (
            requests.post(
                f"{live_server}/hooks/channels/sandbox_card", data=body, headers=headers, timeout=30
            ).status_code
        ),
    )
    assert statuses == [200] * 50
    final = api.get(f"/orders/{order['id']}").json
    assert final["status"] in ("paid", "fulfilled")  # the workers also ran the outbox (fulfilment)
    assert [t["status"] for t in final["timeline"]].count("paid") == 1
    assert len(events_of(app, "payment.succeeded")) == 1
    assert len(events_of(app, "order.paid")) == 1


def test_20_concurrent_pay_presses_open_one_attempt(app, api, merchant, catalog, sandbox, live_server):
    order = create_order(api, catalog["sku"])

    def press(i: int) -> tuple[int, str]:
        r = requests.post(
            f"{live_server}/api/v1/orders/{order['id']}/pay",
            json={"channel": "sandbox_card", "client_secret": order["client_secret"]},
            headers={"Authorization": f"Bearer {merchant.publishable_key}"},
            timeout=30,
        )
        return r.status_code, (r.json().get("payment") or {}).get("id") or r.json()["error"]["code"]

    results = in_parallel(20, press)
    assert sorted(s for s, _ in results) == [200] + [409] * 19
    assert {code for s, code in results if s == 409} == {"payment_in_progress"}
    payments = api.get(f"/orders/{order['id']}").json["payments"]
    assert len(payments) == 1 and payments[0]["status"] == "pending"
    assert status_of(api, order["id"]) == "paying"


def test_two_workers_polling_the_same_payment_capture_once(app, api, catalog, sandbox, ports):
    from app.platform.queueing import PAYMENTS, enqueue

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    with app.app_context():
        for _ in range(10):
            enqueue("app.jobs.refresh_payment_attempt", payment["id"], lane=PAYMENTS)

    # Two separate worker processes, configured from the environment as in production.
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "KASSA_RQ_QUEUE": app.config["RQ_QUEUE"],
        "SANDBOX_URL": app.config["SANDBOX_URL"],
        "KASSA_PUBLIC_URL": app.config["PUBLIC_URL"],
        "LOG_LEVEL": "WARNING",
    }
    script = (
        "import sys; from redis import Redis; from rq import Queue, SimpleWorker; "
        "c = Redis.from_url(sys.argv[1]); SimpleWorker([Queue(sys.argv[2], connection=c)], connection=c)"
        ".work(burst=True)"
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", script, REDIS_URL, app.config["RQ_QUEUE"]],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for w in workers:
        _, err = w.communicate(timeout=60)
        assert w.returncode == 0, err.decode()[-2000:]

    final = api.get(f"/orders/{order['id']}").json
    assert final["status"] in ("paid", "fulfilled")  # the workers also ran the outbox (fulfilment)
    assert [t["status"] for t in final["timeline"]].count("paid") == 1
    assert len(events_of(app, "payment.succeeded")) == 1


def _idle_in_transaction(app, older_than_ms: int) -> list[str]:
    """Kassa's connections idle inside a transaction for longer than ``older_than_ms``: each holds a snapshot
    (and VACUUM) back, and a pool slot, for nothing."""
    from sqlalchemy import create_engine, text

    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"], poolclass=None)
    try:
        with engine.connect() as conn:
            return list(
                conn.scalars(
                    text(
                        "SELECT left(query, 120) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND state = 'idle in transaction' "
                        "AND state_change < now() - make_interval(secs => :ms / 1000.0)"
                    ),
                    {"ms": older_than_ms},
                )
            )
    finally:
        engine.dispose()


def test_a_callback_waiting_for_a_busy_order_holds_no_open_transaction(app, api, catalog, sandbox, live_server):
    """The order is being changed elsewhere (its lock is held) when the provider's callback comes: the callback
    waits for its turn without keeping a database transaction open, then pays the order."""
    from app.extensions import redis_client

    order = create_order(api, catalog["sku"])
    body, headers = _paid_callback(app, api, sandbox, order, "evt_busy")
    with app.app_context():
        lock = redis_client().lock(f"kassa:lock:order:{order['id']}", timeout=30)
        assert lock.acquire(blocking=False)
    answer: dict = {}
    callback = threading.Thread(
        target=lambda: answer.update(
            response=requests.post(f"{live_server}/hooks/channels/sandbox_card", data=body, headers=headers, timeout=30)
        )
    )
    try:
        callback.start()
        time.sleep(1.0)  # the callback has read its attempt and waits for the lock
        assert callback.is_alive() and "response" not in answer
        assert _idle_in_transaction(app, older_than_ms=500) == []
    finally:
        with app.app_context():
            lock.release()
        callback.join(30)
    assert answer["response"].status_code == 200
    assert status_of(api, order["id"]) in ("paid", "fulfilled")


def test_a_writer_waiting_for_a_busy_order_keeps_its_transaction(app, api, catalog):
    """Only a transaction that has merely read is ended before the wait: one that wrote keeps its work and
    commits it once it has the lock."""
    from sqlalchemy import text

    from app.extensions import db, redis_client
    from app.payments.order_lock import order_lock

    order = create_order(api, catalog["sku"])
    with app.app_context():
        lock = redis_client().lock(f"kassa:lock:order:{order['id']}", timeout=30)
        assert lock.acquire(blocking=False)
    done = threading.Event()

    def writer() -> None:
        with app.app_context():
            db.session.execute(
                text("UPDATE orders SET customer_email = 'written@before.wait' WHERE id = :id"), {"id": order["id"]}
            )
            with order_lock(order["id"]):
                db.session.commit()
            done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.5)
    assert not done.is_set()
    with app.app_context():
        lock.release()
    thread.join(30)
    assert done.is_set()
    with app.app_context():
        assert (
            db.session.scalar(text("SELECT customer_email FROM orders WHERE id = :id"), {"id": order["id"]})
            == "written@before.wait"
        )


def test_a_savepoint_waiting_for_a_busy_order_is_kept(app, api, catalog):
    """A caller inside a savepoint (a batch that keeps going when one item fails) that has only read keeps its
    transaction through the wait: ending it would pull the savepoint from under the caller."""
    from sqlalchemy import text

    from app.extensions import db, redis_client
    from app.payments.order_lock import order_lock

    order = create_order(api, catalog["sku"])
    with app.app_context():
        lock = redis_client().lock(f"kassa:lock:order:{order['id']}", timeout=30)
        assert lock.acquire(blocking=False)
    outcome: dict = {}

    def reader() -> None:
        with app.app_context():
            try:
                with db.session.begin_nested():
                    db.session.scalar(text("SELECT status FROM orders WHERE id = :id"), {"id": order["id"]})
                    with order_lock(order["id"]):
                        outcome["status"] = db.session.scalar(
                            text("SELECT status FROM orders WHERE id = :id"), {"id": order["id"]}
                        )
                db.session.commit()
            except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
                outcome["error"] = repr(exc)

    thread = threading.Thread(target=reader)
    thread.start()
    time.sleep(0.5)
    with app.app_context():
        lock.release()
    thread.join(30)
    assert outcome == {"status": "created"}
