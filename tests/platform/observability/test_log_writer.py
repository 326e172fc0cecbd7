"""The diagnostic logs' writer (app/platform/observability/log_writer.py): rows handed over by requests reach the
table, batched, on a
thread of their own; a bad row, a slow database or a fork loses no more than it must."""

from __future__ import annotations

import logging
import os
import threading
import time

import pytest
from redis import Redis
from rq import Queue, Worker
from sqlalchemy import event, insert, select

from tests.conftest import REDIS_URL


def _writer_on_app_database(app, **options):
    from app.platform.observability.log_engine import diagnostic_engine
    from app.platform.observability.log_writer import LogWriter

    engine = diagnostic_engine(
        app.config["SQLALCHEMY_DATABASE_URI"], busy_timeout_seconds=app.config["SQLITE_BUSY_TIMEOUT_SECONDS"]
    )
    return LogWriter(engine, **options)


def _log_row(app, index: int, merchant_id: str = "mch_writer") -> dict:
    from app.platform.db.types import utcnow
    from app.platform.values.ids import new_id

    return {
        "id": new_id("ilog"),
        "merchant_id": merchant_id,
        "attempt_id": f"pay_{index}",
        "channel": "sandbox_card",
        "direction": "outbound",
        "method": "POST",
        "url": "http://127.0.0.1/x",
        "status_code": 201,
        "duration_ms": 1,
        "request_headers": {},
        "request_body": None,
        "response_body": None,
        "error": None,
        "verified": None,
        "request_id": None,
        "created_at": utcnow(),
    }


def _stored(app, merchant_id: str = "mch_writer") -> list[str]:
    from app.extensions import db
    from app.payments.integration_log import IntegrationLog

    with app.app_context():
        return list(
            db.session.scalars(
                select(IntegrationLog.attempt_id)
                .where(IntegrationLog.merchant_id == merchant_id)
                .order_by(IntegrationLog.attempt_id)
            )
        )


def _statements_on(engine) -> list[str]:
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda conn, cursor, statement, *rest: seen.append(statement))
    return seen


def test_rows_that_gather_while_a_batch_is_written_share_one_insert(app):
    from app.payments.integration_log import IntegrationLog

    writer = _writer_on_app_database(app)
    statement, inserts = insert(IntegrationLog), _statements_on(writer.engine)
    release = threading.Event()

    def slow_first_row() -> dict:
        release.wait(10)  # the database is slow with the first batch
        return _log_row(app, 0)

    try:
        writer.write(statement, slow_first_row)
        assert _wait(lambda: not writer._queue)  # the thread holds the first row
        for index in range(1, 21):
            writer.write(statement, _log_row(app, index))
        release.set()
        assert writer.flush(timeout=10)
        assert _stored(app) == sorted(f"pay_{i}" for i in range(21))
        assert len([s for s in inserts if s.startswith("INSERT")]) == 2  # the first row, then the other twenty
    finally:
        writer.close()
        writer.engine.dispose()


def test_rows_of_one_moment_share_one_insert_and_reach_the_table_unasked(app):
    from app.payments.integration_log import IntegrationLog

    writer = _writer_on_app_database(app, linger=0.5)
    statement, inserts = insert(IntegrationLog), _statements_on(writer.engine)
    try:
        for index in range(5):  # a paid order's rows: a few milliseconds apart
            writer.write(statement, _log_row(app, index))
            time.sleep(0.005)
        assert _wait(lambda: len(_stored(app)) == 5)  # no flush: the thread writes them by itself
        assert len([s for s in inserts if s.startswith("INSERT")]) == 1
    finally:
        writer.close()
        writer.engine.dispose()


def test_a_flush_writes_at_once_instead_of_waiting_for_more_rows(app):
    from app.payments.integration_log import IntegrationLog

    writer = _writer_on_app_database(app, linger=60)
    try:
        writer.write(insert(IntegrationLog), _log_row(app, 0))
        assert writer.flush(timeout=10)  # well before the 60 s the thread would have waited for more
        assert _stored(app) == ["pay_0"]
        writer.write(insert(IntegrationLog), _log_row(app, 1))  # and the next flush too
        assert writer.flush(timeout=10)
        assert _stored(app) == ["pay_0", "pay_1"]
    finally:
        writer.close()
        writer.engine.dispose()


def test_a_row_that_cannot_be_made_costs_only_itself(app, caplog):
    from app.payments.integration_log import IntegrationLog

    writer = _writer_on_app_database(app)
    statement = insert(IntegrationLog)

    def broken() -> dict:
        raise ValueError("an odd body")

    try:
        writer.write(statement, _log_row(app, 1))
        writer.write(statement, broken)
        writer.write(statement, _log_row(app, 2))
        with caplog.at_level(logging.ERROR, logger="kassa.log_writer"):
            assert writer.flush(timeout=10)
        assert _stored(app) == ["pay_1", "pay_2"]
        assert any("could not make a log row" in record.getMessage() for record in caplog.records)
    finally:
        writer.close()
        writer.engine.dispose()


def test_a_row_the_database_refuses_does_not_lose_the_rest_of_its_batch(app, caplog):
    from app.payments.integration_log import IntegrationLog

    writer = _writer_on_app_database(app)
    statement, release = insert(IntegrationLog), threading.Event()
    duplicate = _log_row(app, 3)

    def slow() -> dict:
        release.wait(10)
        return _log_row(app, 0)

    try:
        writer.write(statement, slow)  # holds the thread so the next three share a batch
        assert _wait(lambda: not writer._queue)
        writer.write(statement, _log_row(app, 1))
        writer.write(statement, duplicate)
        writer.write(statement, {**duplicate, "attempt_id": "pay_3_again"})  # the same primary key: refused
        release.set()
        with caplog.at_level(logging.ERROR, logger="kassa.log_writer"):
            assert writer.flush(timeout=10)
        assert _stored(app) == ["pay_0", "pay_1", "pay_3"]
        assert any("could not write a log row" in record.getMessage() for record in caplog.records)
    finally:
        writer.close()
        writer.engine.dispose()


def test_a_database_that_does_not_keep_up_drops_rows_past_the_limit_and_says_so(app, caplog):
    from app.payments.integration_log import IntegrationLog

    writer = _writer_on_app_database(app, max_queued=5)
    statement, release = insert(IntegrationLog), threading.Event()

    def stuck() -> dict:
        release.wait(10)
        return _log_row(app, 0)

    try:
        with caplog.at_level(logging.WARNING, logger="kassa.log_writer"):
            writer.write(statement, stuck)
            assert _wait(lambda: not writer._queue)  # the thread holds the first row
            for index in range(1, 11):
                writer.write(statement, _log_row(app, index))
        release.set()
        assert writer.flush(timeout=10)
        assert _stored(app) == sorted(["pay_0"] + [f"pay_{i}" for i in range(1, 6)])
        dropped = [r for r in caplog.records if "log rows dropped" in r.getMessage()]
        assert len(dropped) == 1  # said once for the spell, not once per row
    finally:
        writer.close()
        writer.engine.dispose()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_forked_child_writes_its_own_rows_and_never_its_parents(app):
    from app.payments.integration_log import IntegrationLog

    writer = _writer_on_app_database(app)
    statement, release = insert(IntegrationLog), threading.Event()

    def slow() -> dict:
        release.wait(10)
        return _log_row(app, 0)

    try:
        writer.write(statement, slow)
        assert _wait(lambda: not writer._queue)
        writer.write(statement, _log_row(app, 1))  # queued in the parent when it forks
        pid = os.fork()
        if pid == 0:  # the child: its own row, then out as RQ's work horse leaves (no atexit)
            code = 1
            try:
                writer.write(statement, _log_row(app, 2))
                code = 0 if writer.flush(timeout=10) else 1
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        release.set()
        assert writer.flush(timeout=10)
        assert _stored(app) == ["pay_0", "pay_1", "pay_2"]  # each once
    finally:
        writer.close()
        writer.engine.dispose()


def test_a_forking_rq_worker_keeps_the_provider_calls_its_job_logged(app, api, merchant, catalog, sandbox):
    """RQ's default worker runs each job in a child that leaves with os._exit: the job's log rows are written
    before that, so the poll's call to the provider is in the payment's integration log."""
    from app.extensions import db
    from app.payments.integration_log import integration_logs_for_attempt
    from app.platform.observability.log_writer import flush_every_writer, writer_for
    from app.platform.queueing import PAYMENTS, enqueue
    from tests.payments.attempts.test_payment_flow import create_order

    order = create_order(api, catalog["sku"])
    payment = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).json["payment"]
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    connection = Redis.from_url(REDIS_URL)
    with app.app_context():
        enqueue("app.jobs.refresh_payment_attempt", payment["id"], lane=PAYMENTS)
        # A real worker's parent holds no connection to Kassa's database when it forks: the job's process opens its
        # own. So here: the pay's row written (not mid-transaction on the log writer's thread: a SQLite write lock
        # held across fork() is one the child waits for until RQ kills it), and every pooled connection closed.
        flush_every_writer()
        writer_for(app).engine.dispose()
        db.session.remove()
        db.engine.dispose()
        Worker([Queue(app.config["RQ_QUEUE"], connection=connection)], connection=connection).work(burst=True)
    with app.app_context():
        calls = [(row.method, row.status_code) for row in integration_logs_for_attempt(merchant.id, payment["id"])]
        db.session.remove()
    assert calls == [("POST", 201), ("GET", 200)]  # the pay's create, and the job's query
    assert api.get(f"/orders/{order['id']}").json["status"] in ("paid", "fulfilled")


def _wait(predicate, timeout: float = 5.0) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False
