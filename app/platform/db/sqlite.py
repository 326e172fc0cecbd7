"""SQLite as a concurrent embedded database (the default ``var/kassa.db``); PostgreSQL is left alone.

SQLite lets one connection write at a time. Three settings make a burst of requests wait their turn
instead of failing with ``database is locked``:

- WAL journal: readers never wait for the writer, nor the writer for readers.
- A busy timeout: a connection that finds the write lock taken waits up to ``SQLITE_BUSY_TIMEOUT_SECONDS``.
- The write lock is taken by ``BEGIN IMMEDIATE`` just before a transaction's first write (the
  SQLAlchemy recipe for pysqlite: the driver's own BEGIN handling is switched off and we emit it).
  Statements before that first write read committed data one by one, as PostgreSQL's READ COMMITTED
  does, so no transaction ever holds a read snapshot it must later upgrade to a write: SQLite refuses
  such an upgrade at once (SQLITE_BUSY_SNAPSHOT) whatever the busy timeout. Read-only transactions
  never take the lock, and a SAVEPOINT always runs inside its transaction.

Services keep write transactions short (provider calls happen between transactions), so the lock is
held for milliseconds.
"""

from __future__ import annotations

from sqlalchemy import Engine, event

# Statements that write, or open a savepoint that must belong to the enclosing transaction.
_WRITING = frozenset({"INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT", "CREATE", "DROP", "ALTER", "WITH"})


def _first_keyword(statement: str) -> str:
    words = statement.lstrip(" \t\r\n(").split(None, 1)
    return words[0].upper() if words else ""


def configure_sqlite(engine: Engine, *, busy_timeout_seconds: float) -> None:
    """Apply WAL, the busy timeout and write-lock-at-first-write to a SQLite engine; others are untouched."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # pysqlite emits no BEGIN of its own; _begin_before_write does
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_seconds * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "before_cursor_execute")
    def _begin_before_write(conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        raw = conn.connection.dbapi_connection
        if conn.in_transaction() and not raw.in_transaction and _first_keyword(statement) in _WRITING:
            raw.execute("BEGIN IMMEDIATE")  # waits up to the busy timeout for the write lock
