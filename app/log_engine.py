"""The engine the two diagnostic logs (the API request log and the integration log) write on: a pool of its own,
so a log row never waits for, or holds, a connection a request needs for its business transaction.

A log row is one INSERT in a transaction of its own, so on PostgreSQL the connection autocommits (no BEGIN and
COMMIT round trips around it) and does not wait for the WAL to reach disk (`synchronous_commit = off`); on
SQLite, WAL mode syncs at checkpoints rather than at each row (`synchronous = NORMAL`). A crash of the database
or the machine may lose the last few log rows, never anything else: business data goes through the main engine.

Its pool does not ping a connection before each row (a round trip per request): ``insert_row`` instead writes
the row again, once, on a new connection when the database had dropped the pooled one (it restarted).
"""
from __future__ import annotations

from sqlalchemy import Executable, create_engine, event, make_url
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from app.db_sqlite import configure_sqlite


def diagnostic_engine(database_url: str, *, busy_timeout_seconds: float) -> Engine:
    """A new engine for log rows on ``database_url``; the caller keeps one per app and disposes of it."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        return create_engine(url, isolation_level="AUTOCOMMIT",
                             connect_args={"options": "-c synchronous_commit=off"})
    engine = create_engine(url)
    configure_sqlite(engine, busy_timeout_seconds=busy_timeout_seconds)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _no_fsync_per_row)
    return engine


def insert_row(engine: Engine, statement: Executable, row: dict) -> None:
    """Write one row in a transaction of its own. A pooled connection the database dropped fails at its first
    use; SQLAlchemy then retires every connection of the pool made before, so the one retry gets a new one."""
    for last_try in (False, True):
        try:
            with engine.begin() as connection:
                connection.execute(statement, row)
            return
        except DBAPIError as exc:
            if last_try or not exc.connection_invalidated:
                raise


def _no_fsync_per_row(dbapi_connection, _record) -> None:
    """SQLite: in WAL mode NORMAL syncs at checkpoints, not at every commit, so a log row holds the one write
    lock for microseconds instead of a disk flush (a power cut may lose the last rows; a crash of Kassa does not)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()
