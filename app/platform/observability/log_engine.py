"""The engine the two diagnostic logs (the API request log and the integration log) write on: a pool of its own,
so a log row never waits for, or holds, a connection a request needs for its business transaction.

A batch of log rows is one INSERT in a transaction of its own (app/platform/observability/log_writer.py), so on
PostgreSQL the connection
autocommits (no BEGIN and COMMIT round trips around it) and does not wait for the WAL to reach disk
(`synchronous_commit = off`); on SQLite, WAL mode syncs at checkpoints rather than at each batch
(`synchronous = NORMAL`). A crash of the database or the machine may lose the last few log rows, never anything
else: business data goes through the main engine.

Its pool does not ping a connection before each batch: ``insert_rows`` instead writes the batch again, once, on a
new connection when the database had dropped the pooled one (it restarted).
"""

from __future__ import annotations

from sqlalchemy import create_engine, event, make_url
from sqlalchemy.engine import Engine

from app.platform.db.postgres import bounded_connections, keep_prepared_statements, statements_as_written
from app.platform.db.sqlite import configure_sqlite


def diagnostic_engine(
    database_url: str, *, busy_timeout_seconds: float, connect_timeout: int = 5, statement_timeout: float = 0
) -> Engine:
    """A new engine for log rows on ``database_url``; the caller keeps one per app and disposes of it. Its waits are
    bounded as the main engine's are (app/platform/db/postgres.py): a writer thread stuck on a silent connection would
    write
    no log row again."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        options = statements_as_written(
            database_url, {"isolation_level": "AUTOCOMMIT", "connect_args": {"options": "-c synchronous_commit=off"}}
        )
        engine = create_engine(url, **bounded_connections(database_url, options, connect_timeout, statement_timeout))
        keep_prepared_statements(engine)
    else:
        engine = create_engine(url)
        configure_sqlite(engine, busy_timeout_seconds=busy_timeout_seconds)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _no_fsync_per_row)
    # A batch of rows as ONE multi-row INSERT (SQLAlchemy's "insertmanyvalues", which these dialects use only with
    # RETURNING by default): one statement and, autocommitting, one transaction, instead of one per row.
    engine.dialect.use_insertmanyvalues_wo_returning = True
    return engine


def _no_fsync_per_row(dbapi_connection, _record) -> None:
    """SQLite: in WAL mode NORMAL syncs at checkpoints, not at every commit, so a log row holds the one write
    lock for microseconds instead of a disk flush (a power cut may lose the last rows; a crash of Kassa does not)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()
