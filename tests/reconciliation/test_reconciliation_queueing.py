"""A reconciliation run started by hand is done by a worker that is waiting for work. Before, the run was queued
before its row was committed: an idle worker (as under `make run`) took the job at once, found no run, ended, and
the run read "running" for good; the merchant's page said "still reading the statement" an hour later.

The test makes the race certain instead of likely: a second connection holds the audit log's table, so the request
that starts the run stops at its commit (where its audit row is written) for as long as the test likes, and a real
worker runs whatever has been queued by then."""

from __future__ import annotations

import threading
import time

import pytest
import requests
from redis import Redis
from rq import Queue
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from app.platform.queueing import BATCH, queue_name
from tests.conftest import DATABASE_URL, REDIS_URL, run_queued_jobs
from tests.reconciliation.test_reconciliation import paid_order, today

pytestmark = pytest.mark.postgres_only


def test_a_run_queued_while_its_request_commits_is_done(app, api, merchant, catalog, sandbox, live_server):
    paid_order(api, sandbox, catalog["sku"])
    run_queued_jobs(app)  # what paying queued, out of the way
    queue = Queue(queue_name(BATCH, app.config), connection=Redis.from_url(REDIS_URL))
    answer: dict = {}

    def start() -> None:
        answer["response"] = requests.post(
            f"{live_server}/api/v1/reconciliation_runs",
            timeout=60,
            headers={"Authorization": f"Bearer {merchant.secret_key}"},
            json={"channel": "sandbox_card", "date": today()},
        )

    holder = create_engine(DATABASE_URL, poolclass=NullPool).connect()  # closed for good below
    try:
        holder.execute(text("LOCK TABLE audit_entries IN EXCLUSIVE MODE"))
        request = threading.Thread(target=start)
        request.start()
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not len(queue):
            time.sleep(0.05)
        run_queued_jobs(app)  # a worker that was waiting: it takes whatever is queued now
    finally:
        holder.rollback()
        holder.close()
    request.join(60)
    assert answer["response"].status_code == 201, answer["response"].text
    run_queued_jobs(app)

    run = api.get(f"/reconciliation_runs/{answer['response'].json()['id']}").json
    assert run["status"] == "done", run
