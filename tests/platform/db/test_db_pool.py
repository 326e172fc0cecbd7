"""Pooled connections are pinged only after sitting idle (app/platform/db/pool.py), and a request that meets a
connection the
database dropped answers 503 with Retry-After, rolled back, while the next one works (app/web/errors.py)."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from tests.conftest import DATABASE_URL, IS_POSTGRES

pytestmark = pytest.mark.skipif(not IS_POSTGRES, reason="a server that drops connections: PostgreSQL")


POOL_NAME = "kassa-test-db-pool"  # the application_name of the pools these tests break on purpose


def _drop_every_other_connection(only_named: str | None = None) -> int:
    """What a database restart does to pooled connections (``only_named``: just those of that application name),
    from a connection of no pool."""
    admin = create_engine(DATABASE_URL, poolclass=NullPool)
    try:
        with admin.begin() as connection:
            pids = list(
                connection.scalars(
                    text(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND (CAST(:name AS text) IS NULL OR application_name = :name)"
                    ),
                    {"name": only_named},
                )
            )
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM unnest(CAST(:pids AS int[])) AS pid"), {"pids": pids}
            )
        # pg_terminate_backend only signals: on a busy machine a backend can still answer a query before it ends,
        # so wait until they are all gone, as they are after a restart (bounded: 10 s).
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with admin.connect() as connection:
                left = connection.scalar(
                    text("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(CAST(:pids AS int[]))"), {"pids": pids}
                )
            if not left:
                break
            time.sleep(0.02)
        return len(pids)
    finally:
        admin.dispose()


def _engine(idle_seconds: float):
    from app.platform.db.pool import ping_idle_connections

    engine = create_engine(DATABASE_URL, connect_args={"application_name": POOL_NAME})
    ping_idle_connections(engine, idle_seconds=idle_seconds)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda conn, cursor, statement, *rest: statements.append(statement))
    return engine, statements


def test_a_connection_used_a_moment_ago_is_not_pinged_again():
    engine, statements = _engine(idle_seconds=60)
    try:
        for _ in range(3):
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        assert statements == ["SELECT 1"] * 3  # no ping between the three uses
    finally:
        engine.dispose()


def test_a_connection_that_sat_idle_is_pinged_and_replaced_when_the_database_dropped_it():
    engine, _ = _engine(idle_seconds=0.05)
    try:
        with engine.connect() as connection:
            first = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
        assert _drop_every_other_connection(POOL_NAME) == 1
        time.sleep(0.1)
        with engine.connect() as connection:  # the ping finds it dead: a new one, and the caller never knows
            assert connection.execute(text("SELECT pg_backend_pid()")).scalar_one() != first
    finally:
        engine.dispose()


def test_a_connection_dropped_between_two_close_uses_fails_once_then_the_pool_starts_afresh():
    engine, _ = _engine(idle_seconds=60)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        assert _drop_every_other_connection(POOL_NAME) == 1
        with pytest.raises(DBAPIError) as failed, engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        assert failed.value.connection_invalidated
        with engine.connect() as connection:
            assert connection.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        engine.dispose()


def test_a_request_that_meets_a_dropped_connection_answers_503_and_changes_nothing(app, api, catalog):
    from app.extensions import db
    from app.orders.models import Order

    body = {
        "items": [{"sku": catalog["sku"], "quantity": 1}],
        "customer": {"id": "cus_restart"},
        "agreement_accepted": True,
    }
    assert api.post("/orders", json=body).status_code == 201  # the pool's connections have just been used
    _drop_every_other_connection()

    refused = api.post("/orders", json=body, headers={"Idempotency-Key": "restart-1"})
    assert refused.status_code == 503 and refused.headers["Retry-After"]
    assert refused.json["error"]["code"] == "service_unavailable"
    assert "try again" in refused.json["error"]["message"]

    retried = api.post("/orders", json=body, headers={"Idempotency-Key": "restart-1"})
    assert retried.status_code == 201 and "Idempotent-Replayed" not in retried.headers
    with app.app_context():
        assert db.session.query(Order).filter_by(customer_id="cus_restart").count() == 2
