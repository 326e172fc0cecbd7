"""The payment queue and the batch queue (app/platform/queueing.py), each worked by its own Procfile process.

Before, one queue carried everything: a backup or the reconciliation of a big day held the worker, and a payment
paid at the provider (its callback lost) stayed "paying" until that job ended, as did every status poll behind it.
Here the Procfile's `batch` worker is busy with a long job while the Procfile's `worker` learns of the payment.
"""

from __future__ import annotations

import time

import pytest
from redis import Redis
from rq import Queue, Worker
from rq.job import Job

from app.platform.queueing import BATCH, PAYMENTS, enqueue, queue_name
from tests.conftest import DATABASE_URL, REDIS_URL, wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of
from tests.support.processes import Service, kassa_environment

pytestmark = pytest.mark.postgres_only  # two worker processes and the test's web on one database

BATCH_JOB_SECONDS = 60


def _listening(name: str):
    connection = Redis.from_url(REDIS_URL)
    return lambda: bool(Worker.all(queue=Queue(name, connection=connection)))


@pytest.fixture
def workers(app, ports, tmp_path):
    """The Procfile's `worker` and `batch`, as `make run` starts them, on the test's database, Redis and sandbox."""
    env = kassa_environment(
        database_url=DATABASE_URL,
        redis_url=REDIS_URL,
        var_dir=tmp_path / "var",
        kassa_port=ports["kassa"],
        sandbox_port=ports["sandbox"],
        KASSA_RQ_QUEUE=app.config["RQ_QUEUE"],
        POLL_AFTER_SECONDS="0",
    )
    started = {
        name: Service.from_procfile(name, env, tmp_path, ready=_listening(queue_name(lane, app.config)))
        for name, lane in (("worker", PAYMENTS), ("batch", BATCH))
    }
    try:
        for service in started.values():
            service.start(timeout=60)
        yield started
    finally:
        for service in started.values():
            service.kill()  # the batch job would otherwise be waited for


def test_a_long_batch_job_does_not_hold_up_a_payment_status_poll(app, api, catalog, sandbox, workers):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")  # paid; Kassa is not told
    connection = Redis.from_url(REDIS_URL)
    with app.app_context():
        # A job as long as a backup or a big day's reconciliation, on the batch queue.
        long_job = enqueue("time.sleep", BATCH_JOB_SECONDS, lane=BATCH)
    wait_for(lambda: Job.fetch(long_job.id, connection=connection).get_status() == "started", timeout=30)

    asked_at = time.monotonic()
    with app.app_context():
        enqueue("app.jobs.poll_pending_payments", lane=PAYMENTS)  # the cron's status poll
    wait_for(lambda: status_of(api, order["id"]) in ("paid", "fulfilled"), timeout=BATCH_JOB_SECONDS / 3)

    assert time.monotonic() - asked_at < BATCH_JOB_SECONDS / 3
    assert Job.fetch(long_job.id, connection=connection).get_status() == "started"  # the batch worker is still busy
    assert workers["worker"].running and workers["batch"].running
