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

from tests.conftest import REDIS_URL, DATABASE_URL
from tests.integration.test_payment_flow import _sign, create_order, events_of, pay, status_of

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


def test_50_concurrent_duplicate_callbacks_capture_once(app, api, catalog, sandbox, live_server):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    provider = sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    body = json.dumps({"id": "evt_dup", "type": "payment.succeeded", "created": int(time.time()),
                       "data": provider}).encode()
    headers = {"Content-Type": "application/json",
               "Sandbox-Signature": _sign(app.config["SANDBOX_CALLBACK_SECRET"], body)}

    statuses = in_parallel(50, lambda i: requests.post(f"{live_server}/hooks/channels/sandbox_card", data=body,
                                                       headers=headers, timeout=30).status_code)
    assert statuses == [200] * 50
    final = api.get(f"/orders/{order['id']}").json
    assert final["status"] in ("paid", "fulfilled")  # the workers also ran the outbox (fulfilment)
    assert [t["status"] for t in final["timeline"]].count("paid") == 1
    assert len(events_of(app, "payment.succeeded")) == 1
    assert len(events_of(app, "order.paid")) == 1


def test_20_concurrent_pay_presses_open_one_attempt(app, api, merchant, catalog, sandbox, live_server):
    order = create_order(api, catalog["sku"])

    def press(i: int) -> tuple[int, str]:
        r = requests.post(f"{live_server}/api/v1/orders/{order['id']}/pay",
                          json={"channel": "sandbox_card", "client_secret": order["client_secret"]},
                          headers={"Authorization": f"Bearer {merchant.publishable_key}"}, timeout=30)
        return r.status_code, (r.json().get("payment") or {}).get("id") or r.json()["error"]["code"]

    results = in_parallel(20, press)
    assert sorted(s for s, _ in results) == [200] + [409] * 19
    assert {code for s, code in results if s == 409} == {"payment_in_progress"}
    payments = api.get(f"/orders/{order['id']}").json["payments"]
    assert len(payments) == 1 and payments[0]["status"] == "pending"
    assert status_of(api, order["id"]) == "paying"


def test_two_workers_polling_the_same_payment_capture_once(app, api, catalog, sandbox, ports):
    from app.queueing import enqueue

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    with app.app_context():
        for _ in range(10):
            enqueue("app.jobs.refresh_payment_attempt", payment["id"])

    # Two separate worker processes, configured from the environment as in production.
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "KASSA_RQ_QUEUE": app.config["RQ_QUEUE"],
           "SANDBOX_URL": app.config["SANDBOX_URL"], "KASSA_PUBLIC_URL": app.config["PUBLIC_URL"], "LOG_LEVEL": "WARNING"}
    script = ("import sys; from redis import Redis; from rq import Queue, SimpleWorker; "
              "c = Redis.from_url(sys.argv[1]); SimpleWorker([Queue(sys.argv[2], connection=c)], connection=c)"
              ".work(burst=True)")
    workers = [subprocess.Popen([sys.executable, "-c", script, REDIS_URL, app.config["RQ_QUEUE"]], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    for w in workers:
        _, err = w.communicate(timeout=60)
        assert w.returncode == 0, err.decode()[-2000:]

    final = api.get(f"/orders/{order['id']}").json
    assert final["status"] in ("paid", "fulfilled")  # the workers also ran the outbox (fulfilment)
    assert [t["status"] for t in final["timeline"]].count("paid") == 1
    assert len(events_of(app, "payment.succeeded")) == 1
