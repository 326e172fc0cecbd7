"""The worker and ``rq cron`` survive a Redis restart: the worker reconnects by itself (and RQ restarts its
scheduler), ``rq cron`` dies and its supervisor starts it again with back-off, so jobs enqueued after the
restart run, scheduled ones included, and the cron keeps enqueuing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import wait_for
from tests.support.cron_probe import BEAT_KEY
from tests.support.processes import Service, procfile_commands

pytestmark = [pytest.mark.faults, pytest.mark.postgres_only]


def _expired_order(app, merchant_id: str, sku: str) -> str:
    from sqlalchemy import update

    from app.extensions import db
    from app.orders.models import Order
    from app.orders.services import create_order
    from app.platform.db.types import utcnow

    with app.app_context():
        order = create_order(
            merchant_id,
            items=[{"sku": sku, "quantity": 1}],
            customer={"id": "cus_late"},
            agreement_accepted=True,
            livemode=False,
            customer_source="secret_key",
            actor="test",
        )
        db.session.execute(update(Order).where(Order.id == order.id).values(expires_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
        return order.id


def _status(app, order_id: str) -> str:
    from app.extensions import db
    from app.orders.models import Order

    with app.app_context():
        status = db.session.get(Order, order_id).status
        db.session.remove()
        return status


def test_worker_and_cron_keep_running_jobs_across_a_redis_restart(app, faults, merchant, catalog):
    # The Procfile's cron line, with a one-second heartbeat schedule instead of Kassa's 15-300 s sweeps.
    cron_line = procfile_commands()["cron"].replace("app/jobs/cron.py", "tests/support/cron_probe.py")
    assert cron_line != procfile_commands()["cron"] and "dev.supervise" in cron_line
    cron = Service("cron", ["bash", "-c", "exec " + cron_line], faults.worker.env, faults.log_dir)
    cron.start()
    try:
        client = faults.redis.client()
        wait_for(lambda: client.get(BEAT_KEY), 20)

        faults.redis.kill()
        wait_for(lambda: "cron stopped (exit code" in cron.log_path.read_text(), 20)
        faults.redis.start()  # empty: every queued job and registration is gone

        restarted_at = float(client.time()[0])
        wait_for(lambda: float(client.get(BEAT_KEY) or 0) > restarted_at, 30)  # cron back, worker running its jobs

        from rq import Queue

        queue = Queue("kassa", connection=client)
        expired = _expired_order(app, merchant.id, catalog["sku"])
        queue.enqueue("app.jobs.close_expired_orders")
        wait_for(lambda: _status(app, expired) == "closed", 20)
        later = _expired_order(app, merchant.id, catalog["sku"])
        queue.enqueue_in(timedelta(seconds=1), "app.jobs.close_expired_orders")  # needs the worker's scheduler
        wait_for(lambda: _status(app, later) == "closed", 20)
        assert faults.worker.running and cron.running
    finally:
        cron.stop()


def test_the_worker_log_shows_what_jobs_did_and_why_one_failed_without_rq_chatter(app, faults, merchant, catalog):
    """What an operator reads in the Procfile worker's log: Kassa's line for the order a job closed and the
    traceback of a job that failed; not RQ's five lines for every job that went well (RQ_LOG_LEVEL=warning)."""
    from rq import Queue

    client = faults.redis.client()
    queue = Queue("kassa", connection=client)
    # The harness's worker logs at WARNING to keep failing tests' output short; this one logs as `make run` does.
    faults.worker.stop()
    worker = Service.from_procfile(
        "worker",
        {**faults.worker.env, "LOG_LEVEL": "INFO"},
        faults.log_dir / "info",
        ready=lambda: bool(client.smembers("rq:workers")),
    )
    (faults.log_dir / "info").mkdir(exist_ok=True)
    worker.start()
    try:
        expired = _expired_order(app, merchant.id, catalog["sku"])
        done = queue.enqueue("app.jobs.close_expired_orders")
        failed = queue.enqueue("app.jobs.no_such_job")
        wait_for(
            lambda: done.get_status(refresh=True) == "finished" and failed.get_status(refresh=True) == "failed", 20
        )
        assert _status(app, expired) == "closed"
        wait_for(lambda: "no_such_job" in worker.log_path.read_text() and expired in worker.log_path.read_text(), 10)
    finally:
        worker.stop()
        faults.worker.start()
    text = worker.log_path.read_text()
    assert f"order {expired}: created -> closed" in text  # Kassa's own line says what the job did
    assert "Traceback" in text and "Invalid attribute name: no_such_job" in text  # the failure, with why
    assert "Job OK" not in text and "Successfully completed" not in text, text[-2000:]
