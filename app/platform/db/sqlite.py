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
held for milliseconds. SQLite's own busy handler waits for it by sleeping ever longer (1, 2, 5 … up to 100 ms
between tries), so under a burst a waiter slept on long after the lock was free: the SQLite checkout's p99 was
two seconds with a median of 160 ms. ``BEGIN IMMEDIATE`` is therefore tried without SQLite's handler: the threads
of a process queue on a lock of their own (woken at once, in turn), and the one at the front tries every
0.2–2 ms until it has the write lock or the busy timeout has passed.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time

from sqlalchemy import Engine, event

# Statements that write, or open a savepoint that must belong to the enclosing transaction.
_WRITING = frozenset({"INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT", "CREATE", "DROP", "ALTER", "WITH"})


def _first_keyword(statement: str) -> str:
    words = statement.lstrip(" \t\r\n(").split(None, 1)
    return words[0].upper() if words else ""


_FIRST_PAUSE, _LONGEST_PAUSE = 0.0002, 0.002


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def take_write_lock(raw: sqlite3.Connection, queue: threading.Lock, *, timeout: float) -> None:
    """``BEGIN IMMEDIATE`` on ``raw``: this process's threads take turns at ``queue``; the one whose turn it is
    tries again every few tenths of a millisecond while another connection writes. Raises SQLite's own
    ``database is locked`` once ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    if not queue.acquire(timeout=max(timeout, 0)):
        raise sqlite3.OperationalError("database is locked")
    try:
        raw.execute("PRAGMA busy_timeout = 0")  # our own tries, not SQLite's sleeps
        try:
            pause = _FIRST_PAUSE
            while True:
                try:
                    raw.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    if not _is_busy(error) or time.monotonic() >= deadline:
                        raise
                time.sleep(pause * random.uniform(0.5, 1.5))  # spread: pollers of other processes do not align
                pause = min(pause * 2, _LONGEST_PAUSE)
        finally:
            raw.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    finally:
        queue.release()


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

    queue = threading.Lock()  # this process's turn to try for the write lock

    @event.listens_for(engine, "before_cursor_execute")
    def _begin_before_write(conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        raw = conn.connection.dbapi_connection
        if conn.in_transaction() and not raw.in_transaction and _first_keyword(statement) in _WRITING:
            take_write_lock(raw, queue, timeout=busy_timeout_seconds)
