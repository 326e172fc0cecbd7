"""PostgreSQL connections keep their prepared statements across a ROLLBACK (app/platform/db/postgres.py): what requests
that only read end with. A rollback still undoes what it should, and one on a connection the database dropped
fails the way SQLAlchemy's pool recovers from."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from tests.conftest import DATABASE_URL, IS_POSTGRES, WORKER

pytestmark = pytest.mark.skipif(not IS_POSTGRES, reason="psycopg's prepared statements: PostgreSQL")

# One name per pytest-xdist worker: the dropped-connection test ends the backends of this name, which must not be
# another worker's test of this file running at the same moment.
NAME = f"kassa-test-keep-prepared{WORKER}"
LOOKUP = "SELECT CAST(:n AS integer) + 1 AS kassa_keep_prepared_probe"


def _engine():
    from app.platform.db.postgres import keep_prepared_statements

    engine = create_engine(DATABASE_URL, pool_size=1, max_overflow=0, connect_args={"application_name": NAME})
    keep_prepared_statements(engine)
    return engine


def _prepared_probes(connection) -> int:
    return connection.execute(
        text("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%kassa_keep_prepared_probe%'")
    ).scalar_one()


def test_a_statement_read_in_transactions_that_end_in_rollback_gets_prepared_and_stays_prepared():
    engine = _engine()
    try:
        for run in range(8):  # as eight GET requests would: read, then the session's close rolls back
            with engine.connect() as connection:
                assert connection.execute(text(LOOKUP), {"n": run}).scalar_one() == run + 1
                connection.rollback()
        with engine.connect() as connection:
            assert _prepared_probes(connection) == 1  # the same pooled connection, its statement still prepared
    finally:
        engine.dispose()


def test_without_it_psycopg_forgets_the_statement_at_every_rollback():
    # The behaviour app/platform/db/postgres.py works around: should psycopg stop forgetting, that module can go.
    engine = create_engine(DATABASE_URL, pool_size=1, max_overflow=0, connect_args={"application_name": NAME})
    try:
        for run in range(8):
            with engine.connect() as connection:
                connection.execute(text(LOOKUP), {"n": run})
                connection.rollback()
        with engine.connect() as connection:
            assert _prepared_probes(connection) == 0
    finally:
        engine.dispose()


def test_a_rollback_still_undoes_the_writes_also_after_a_failed_statement():
    engine = _engine()
    try:
        with engine.connect() as connection:
            connection.execute(text("CREATE TEMPORARY TABLE kassa_keep_prepared_rows (id integer PRIMARY KEY)"))
            connection.commit()
            connection.execute(text("INSERT INTO kassa_keep_prepared_rows VALUES (1)"))
            connection.rollback()
            assert connection.execute(text("SELECT count(*) FROM kassa_keep_prepared_rows")).scalar_one() == 0
            connection.rollback()
            connection.execute(text("INSERT INTO kassa_keep_prepared_rows VALUES (2)"))
            with pytest.raises(DBAPIError):  # the transaction fails: PostgreSQL refuses anything but a rollback
                connection.execute(text("INSERT INTO kassa_keep_prepared_rows VALUES (2)"))
            connection.rollback()
            assert connection.execute(text("SELECT count(*) FROM kassa_keep_prepared_rows")).scalar_one() == 0
    finally:
        engine.dispose()


def test_a_rollback_on_a_dropped_connection_fails_as_a_disconnect_and_the_pool_starts_afresh():
    engine = _engine()
    admin = create_engine(DATABASE_URL, poolclass=NullPool)
    try:
        connection = engine.connect()
        connection.execute(text("SELECT 1"))  # a transaction open, as a request's
        with admin.begin() as other:
            assert (
                other.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :name"
                    ),
                    {"name": NAME},
                ).scalar_one()
                == 1
            )
        with pytest.raises(DBAPIError) as failed:
            connection.rollback()
        assert failed.value.connection_invalidated
        connection.close()
        with engine.connect() as fresh:
            assert fresh.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        admin.dispose()
        engine.dispose()


def test_rows_read_through_the_described_cursor_carry_their_columns_names_and_types():
    # DescribedCursor answers `description` with plain tuples: SQLAlchemy maps rows by their names and types.
    import psycopg

    from app.platform.db.postgres import statements_as_written

    engine = create_engine(DATABASE_URL, **statements_as_written(DATABASE_URL, {"poolclass": NullPool}))
    query = (
        "SELECT CAST(:amount AS bigint) AS amount, CAST(:currency AS varchar) AS currency, "
        "now() AS at, NULL::jsonb AS data, 1 + 1"
    )
    try:
        with engine.connect() as connection:
            result = connection.execute(text(query), {"amount": 1999, "currency": "usd"})
            described = result.cursor.description
            row = result.mappings().one()
            assert row["amount"] == 1999 and row["currency"] == "usd" and row["data"] is None
            assert row["at"].tzinfo is not None  # a timestamptz still loads as an aware datetime
            assert result.keys() == ["amount", "currency", "at", "data", "?column?"]
            cursor = connection.connection.driver_connection.cursor()
            cursor.execute("SET LOCAL statement_timeout = 0")
            assert cursor.description is None  # no rows: as the DB-API says
            cursor.execute("SELECT")
            assert cursor.description == []  # rows of no columns
        with psycopg.connect(DATABASE_URL.replace("postgresql+psycopg", "postgresql")) as plain:
            columns = plain.execute(
                query.replace(":amount", "%(amount)s").replace(":currency", "%(currency)s"),
                {"amount": 1999, "currency": "usd"},
            ).description
            assert [(c.name, c.type_code) for c in columns] == [(d[0], d[1]) for d in described]
            assert all(type(d) is tuple and len(d) == 7 for d in described)  # the DB-API's seven, no Column objects
    finally:
        engine.dispose()
