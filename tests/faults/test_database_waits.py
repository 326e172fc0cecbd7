"""A database that answers at the TCP level but not with results: a row lock held by another session that never
lets go (a session of a crashed host, a console left in a transaction), or a proxy in between that takes the bytes
and passes nothing on. Only silence at the kernel level was bounded (tcp_user_timeout); these waited for ever: the
web request's thread, and with enough of them the process, and the worker's job.

Now a web request's statement gives up after DB_STATEMENT_TIMEOUT_SECONDS and the request answers 503 with
Retry-After, a job's after JOB_STATEMENT_TIMEOUT_SECONDS (longer: jobs rightly run long statements), and a
connection that gets no answer at all gives up a few seconds after that and is replaced. The Procfile's web and
worker run as real processes, the web one reaching PostgreSQL through a relay that can go silent."""

from __future__ import annotations

import time
from contextlib import contextmanager
from types import SimpleNamespace
from urllib.parse import urlsplit

import psycopg
import pytest
import requests
from rq import Queue

from tests.conftest import DATABASE_URL, free_port, wait_for
from tests.support.processes import RedisServer, Service, http_answers, kassa_environment
from tests.support.silent_link import SilentLink

pytestmark = [pytest.mark.faults, pytest.mark.postgres_only]

WEB_BOUND, JOB_BOUND = 2, 6  # seconds; production's are 15 and 120


@pytest.fixture(scope="module")
def kassa(tmp_path_factory):
    """The Procfile's web (PostgreSQL through a relay) and worker, with short statement bounds: the web's URL and
    process, the relay and the worker's queue."""
    logs = tmp_path_factory.mktemp("logs")
    redis = RedisServer(logs / "redis-data", logs).start()
    link = SilentLink(urlsplit(DATABASE_URL).port or 5432)
    parts = urlsplit(DATABASE_URL)
    linked = parts._replace(netloc=f"{parts.username}@127.0.0.1:{link.port}").geturl()
    kassa_port = free_port()
    settings = dict(
        DB_STATEMENT_TIMEOUT_SECONDS=str(WEB_BOUND),
        JOB_STATEMENT_TIMEOUT_SECONDS=str(JOB_BOUND),
        # A pooled connection is used again without a ping: the request meets the silent one.
        POOL_PING_IDLE_SECONDS="600",
        WEB_WORKERS="1",
        WEB_THREADS="4",
    )
    common = dict(
        redis_url=redis.url(),
        var_dir=tmp_path_factory.mktemp("var"),
        kassa_port=kassa_port,
        sandbox_port=free_port(),
        **settings,
    )
    web = Service.from_procfile(
        "web",
        kassa_environment(database_url=linked, **common),
        logs,
        ready=http_answers(f"http://127.0.0.1:{kassa_port}/healthz"),
    )
    worker = Service.from_procfile(
        "worker",
        kassa_environment(database_url=DATABASE_URL, **common),
        logs,
        ready=lambda: bool(redis.client().smembers("rq:workers")),
    )
    web.start()
    worker.start()
    try:
        yield SimpleNamespace(
            url=f"http://127.0.0.1:{kassa_port}", link=link, web=web, queue=Queue("kassa", connection=redis.client())
        )
    finally:
        for service in (web, worker, redis):
            service.stop()
        link.close()


@contextmanager
def row_locked(table: str, row_id: str):
    """Another session holds the row's lock until the block ends, as a stuck session would for ever."""
    url = urlsplit(DATABASE_URL)
    with psycopg.connect(url._replace(scheme="postgresql").geturl()) as holder:
        holder.execute(f"SELECT 1 FROM {table} WHERE id = %s FOR UPDATE", (row_id,))
        yield holder
        holder.rollback()


def _order(api, catalog) -> dict:
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_waits"},
            "agreement_accepted": True,
        },
    )
    assert created.status_code == 201, created.json
    return created.json


def test_a_request_waiting_on_a_lock_nobody_lets_go_answers_503_and_the_retry_works(kassa, api, merchant, catalog):
    url = kassa.url
    order = _order(api, catalog)

    def cancel() -> requests.Response:
        return requests.post(
            f"{url}/api/v1/orders/{order['id']}/cancel",
            timeout=30,
            headers={"Authorization": f"Bearer {merchant.secret_key}"},
        )

    with row_locked("orders", order["id"]):
        started = time.monotonic()
        answer = cancel()
        waited = time.monotonic() - started
    assert answer.status_code == 503, answer.text
    assert answer.json()["error"]["code"] == "service_unavailable" and answer.headers["Retry-After"]
    assert WEB_BOUND <= waited < WEB_BOUND + 4
    assert api.get(f"/orders/{order['id']}").json["status"] == "created"  # nothing half-done
    assert "ran past DB_STATEMENT_TIMEOUT_SECONDS" in kassa.web.log_tail()  # and the operator reads what to look at

    again = cancel()  # the lock is gone: the same call goes through
    assert again.status_code == 200, again.text
    assert again.json()["status"] == "closed"


def test_a_request_whose_database_connection_stops_answering_answers_503_and_the_next_one_works(
    kassa, api, merchant, catalog
):
    """A proxy that keeps acknowledging bytes but passes nothing on: the server never hears the statement, so its
    timeout cannot fire; the connection gives up on its own a few seconds after the statement bound."""
    url, link = kassa.url, kassa.link
    order = _order(api, catalog)

    def read() -> requests.Response:
        return requests.get(
            f"{url}/api/v1/orders/{order['id']}",
            timeout=30,
            headers={"Authorization": f"Bearer {merchant.secret_key}"},
        )

    for _ in range(4):  # every thread's pooled connection is open and recently used
        assert read().status_code == 200
    link.drop_open_flows()
    started = time.monotonic()
    answer = read()
    waited = time.monotonic() - started
    assert answer.status_code == 503, answer.text
    assert waited < WEB_BOUND + 10
    wait_for(lambda: read().status_code == 200, timeout=30, interval=0.5)  # new connections, through the relay


def test_the_api_request_log_carries_on_after_its_connection_stopped_answering(kassa, api, merchant, catalog):
    """The API request log is written on a thread and engine of its own (app/platform/observability/log_writer.py).
    That engine had none of
    the main one's bounds: once its connection stopped answering, its thread waited for ever, and no request of that
    process reached the portal's API log again (queued, then dropped past 10,000) until it was restarted."""
    url, link = kassa.url, kassa.link
    order = _order(api, catalog)

    def read(request_id: str) -> int:
        return requests.get(
            f"{url}/api/v1/orders/{order['id']}",
            timeout=30,
            headers={"Authorization": f"Bearer {merchant.secret_key}", "X-Request-Id": request_id},
        ).status_code

    def logged(request_id: str) -> bool:
        with psycopg.connect(urlsplit(DATABASE_URL)._replace(scheme="postgresql").geturl()) as connection:
            return bool(
                connection.execute(
                    "SELECT count(*) FROM api_request_logs WHERE request_id = %s", (request_id,)
                ).fetchone()[0]
            )

    assert read("req_before_the_silence") == 200
    wait_for(lambda: logged("req_before_the_silence"), timeout=10)
    link.drop_open_flows()
    wait_for(lambda: read(f"req_during_{time.monotonic_ns()}") == 200, timeout=30, interval=0.5)
    assert read("req_after_the_silence") == 200
    wait_for(lambda: logged("req_after_the_silence"), timeout=WEB_BOUND + 15, interval=0.5)


def run_out(app, order: dict) -> None:
    """The order's time ran out: the worker's sweep closes it."""
    from sqlalchemy import text

    from app.extensions import db

    with app.app_context():
        db.session.execute(
            text("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = :id"), {"id": order["id"]}
        )
        db.session.commit()


def test_a_job_waits_on_a_lock_longer_than_a_request_but_not_for_ever(kassa, app, api, catalog):
    queue = kassa.queue
    late, stuck = _order(api, catalog), _order(api, catalog)
    run_out(app, late)

    with row_locked("orders", late["id"]) as holder:  # held longer than a request may wait, then let go
        job = queue.enqueue("app.jobs.close_expired_orders")
        time.sleep(WEB_BOUND + 1)
        holder.rollback()
    wait_for(lambda: job.get_status(refresh=True) in ("finished", "failed"), timeout=JOB_BOUND + 10)
    assert job.get_status() == "finished", job.latest_result().exc_string
    assert api.get(f"/orders/{late['id']}").json["status"] == "closed"

    run_out(app, stuck)
    with row_locked("orders", stuck["id"]):  # never let go while the job runs
        started = time.monotonic()
        job = queue.enqueue("app.jobs.close_expired_orders")
        wait_for(lambda: job.get_status(refresh=True) in ("finished", "failed"), timeout=JOB_BOUND + 15)
        waited = time.monotonic() - started
    assert job.get_status() == "failed" and "QueryCanceled" in job.latest_result().exc_string
    assert JOB_BOUND <= waited < JOB_BOUND + 8
    queue.enqueue("app.jobs.close_expired_orders")  # the cron's next run, once the lock is gone
    wait_for(lambda: api.get(f"/orders/{stuck['id']}").json["status"] == "closed", timeout=15)


def test_a_migration_waits_for_the_shops_transactions_as_long_as_it_takes(tmp_path):
    """Migrations run on the same engine as requests, but may rightly wait and run for minutes (a table rewritten,
    an index built on a large one): the statement bound does not apply to them."""
    import threading

    from tests.support.processes import flask_command

    env = kassa_environment(
        database_url=DATABASE_URL,
        redis_url="redis://127.0.0.1:1/0",
        var_dir=tmp_path,
        kassa_port=free_port(),
        sandbox_port=free_port(),
        DB_STATEMENT_TIMEOUT_SECONDS="1",
    )
    url = urlsplit(DATABASE_URL)._replace(scheme="postgresql").geturl()

    def version() -> str | None:
        with psycopg.connect(url) as connection:
            stamped = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return stamped[0] if stamped else None

    head = version()
    with psycopg.connect(url) as reader, psycopg.connect(url, autocommit=True) as watcher:
        reader.execute("LOCK TABLE payouts IN ACCESS SHARE MODE")  # a long read of payouts, as a report's

        def end_the_read_once_the_migration_waited_past_the_bound() -> None:
            wait_for(
                lambda: watcher.execute(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'payouts'::regclass"
                ).fetchone()[0],
                timeout=60,
                interval=0.1,
            )
            time.sleep(WEB_BOUND + 1)
            reader.rollback()

        ending = threading.Thread(target=end_the_read_once_the_migration_waited_past_the_bound)
        ending.start()
        try:
            # The one revision there is, the baseline, goes down: its DROP TABLE payouts waits for the read.
            flask_command(env, "db", "downgrade", "base")
            assert version() is None
        finally:
            ending.join()
            if version() != head:  # the suite's later tests need the whole schema
                flask_command({**env, "DB_STATEMENT_TIMEOUT_SECONDS": "0"}, "db", "upgrade")
    assert version() == head
