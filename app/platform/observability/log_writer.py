"""The diagnostic logs' rows (the API request log, the integration log), written in batches on a thread of their own.

A request hands its row over and goes on: redacting it, and the INSERT, happen on the writer's thread, on the logs'
own engine (app/platform/observability/log_engine.py). Woken by a row, the thread lets more gather for
``LINGER_SECONDS`` (a paid order's
five rows arrive within some 40 ms), then writes them with one statement per table in one transaction: a row is
in the table within about a tenth of a second, and a batch costs one round trip instead of one per row. A flush
(a test about to read, a job's end, the exit) writes at once. The request's thread never waits for the database
for a log row; a kept-alive connection's next request does not wait behind one either.

What this gives up: the rows of a process that dies (SIGKILL, a crash) before its thread wrote them, up to a
tenth of a second's worth, diagnostic only; business data never goes through here. A clean exit writes what is queued
(``atexit``), and so does the end of every RQ job (app/jobs/__init__.py), because RQ's forking worker ends its job's
process
with ``os._exit``. A database that is away does not fill memory: past ``MAX_QUEUED`` rows new ones are dropped and
counted in the log.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
import weakref
from typing import Callable

from flask import Flask
from sqlalchemy import Executable
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from app.platform.observability import logs
from app.platform.observability.log_engine import diagnostic_engine

log = logs.get("log_writer")

MAX_QUEUED = 10_000  # about a minute of a busy web process's requests; beyond, the database is not keeping up
MAX_BATCH = 500  # rows of one INSERT (psycopg sends an executemany as one pipeline)
LINGER_SECONDS = 0.05  # how long the first row of a batch waits for others
DROP_REPORT_SECONDS = 10.0  # a database that is away is reported this often, not once per row

# A row, or what makes it on the writer's thread (redaction and JSON are not the request's work).
Row = dict | Callable[[], dict]

_EXTENSION = "kassa_log_writer"
_writer_lock = threading.Lock()
_writers: weakref.WeakSet[LogWriter] = weakref.WeakSet()


class LogWriter:
    """Queues log rows and writes them on a daemon thread, started on the first row (again after a fork)."""

    def __init__(self, engine: Engine, *, max_queued: int = MAX_QUEUED, linger: float = LINGER_SECONDS) -> None:
        self.engine = engine
        self._max_queued = max_queued
        self._linger = linger
        self._reset()
        _writers.add(self)

    def _reset(self) -> None:
        # Also the child's state after a fork: the parent's queued rows are the parent's to write, and its lock
        # may have been held by one of its threads, which the child does not have.
        self._condition = threading.Condition()
        self._queue: list[tuple[Executable, Row]] = []
        self._queued = 0  # rows ever queued
        self._finished = 0  # rows written, or given up with a log line
        self._dropped = 0
        self._dropped_reported_at = 0.0
        self._hurry_until = 0  # a flush waits for the rows queued before it: no lingering until they are written
        self._idle = False  # the thread waits for a first row (only then does a row need to wake it)
        self._thread: threading.Thread | None = None
        self._closed = False

    def write(self, statement: Executable, row: Row) -> None:
        """Queue one row for ``statement`` (an INSERT); a callable row is made on the writer's thread."""
        with self._condition:
            if self._closed:
                return
            if len(self._queue) >= self._max_queued:
                self._drop()
                return
            self._queue.append((statement, row))
            self._queued += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="kassa-log-writer", daemon=True)
                self._thread.start()
            elif self._idle or len(self._queue) == MAX_BATCH:
                self._condition.notify_all()  # else it is lingering or writing, and takes this row with the next batch

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every row queued before this call is written (or given up); False if ``timeout`` passed."""
        with self._condition:
            target = self._hurry_until = self._queued
            self._condition.notify_all()  # a lingering thread writes now
            return self._condition.wait_for(lambda: self._finished >= target, timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued, then stop the thread; later rows are ignored."""
        self.flush(timeout)
        with self._condition:
            self._closed = True
            self._condition.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _drop(self) -> None:
        self._dropped += 1
        now = time.monotonic()
        if now - self._dropped_reported_at >= DROP_REPORT_SECONDS:
            self._dropped_reported_at = now
            log.warning(
                "log rows dropped: the database is not keeping up",
                extra={"fields": {"dropped": self._dropped, "queued": len(self._queue)}},
            )

    def _run(self) -> None:
        while True:
            with self._condition:
                self._idle = True
                self._condition.wait_for(lambda: self._queue or self._closed)
                self._idle = False
                if not self._queue:
                    return
                self._condition.wait_for(self._batch_ready, self._linger)
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
            try:
                self._write_batch(batch)
            finally:
                with self._condition:
                    self._finished += len(batch)
                    self._condition.notify_all()

    def _batch_ready(self) -> bool:
        return self._closed or len(self._queue) >= MAX_BATCH or self._finished < self._hurry_until

    def _write_batch(self, batch: list[tuple[Executable, Row]]) -> None:
        groups: dict[tuple[int, frozenset], tuple[Executable, list[dict]]] = {}
        for statement, row in batch:
            try:
                values = row() if callable(row) else row
            except Exception:  # one request's odd body must not cost the others their rows
                log.exception("could not make a log row")
                continue
            key = (id(statement), frozenset(values))  # an executemany needs one statement and one set of columns
            groups.setdefault(key, (statement, []))[1].append(values)
        for statement, rows in groups.values():
            try:
                insert_rows(self.engine, statement, rows)
            except Exception:
                if len(rows) == 1:
                    log.exception("could not write a log row", extra={"fields": {"table": _table(statement)}})
                    continue
                for values in rows:  # a batch failed: save the rows that can be saved, and name the one that cannot
                    try:
                        insert_rows(self.engine, statement, [values])
                    except Exception:
                        log.exception("could not write a log row", extra={"fields": {"table": _table(statement)}})


def insert_rows(engine: Engine, statement: Executable, rows: list[dict]) -> None:
    """Write rows in a transaction of their own. A pooled connection the database dropped fails at its first use;
    SQLAlchemy then retires every connection of the pool made before, so the one retry gets a new one."""
    for last_try in (False, True):
        try:
            with engine.begin() as connection:
                connection.execute(statement, rows if len(rows) > 1 else rows[0])
            return
        except DBAPIError as exc:
            if last_try or not exc.connection_invalidated:
                raise


def _table(statement: Executable) -> str:
    return getattr(getattr(statement, "table", None), "name", "?")


def writer_for(app: Flask) -> LogWriter:
    """The app's writer of log rows, on an engine of the logs' own (app/platform/observability/log_engine.py), made on
    first use."""
    writer = app.extensions.get(_EXTENSION)
    if writer is None:
        with _writer_lock:
            writer = app.extensions.get(_EXTENSION)
            if writer is None:
                config = app.config
                engine = diagnostic_engine(
                    config["SQLALCHEMY_DATABASE_URI"],
                    busy_timeout_seconds=config["SQLITE_BUSY_TIMEOUT_SECONDS"],
                    connect_timeout=config["DB_CONNECT_TIMEOUT_SECONDS"],
                    statement_timeout=config["DB_STATEMENT_TIMEOUT_SECONDS"],
                )
                writer = app.extensions[_EXTENSION] = LogWriter(engine)
    return writer


def flush_logs(app: Flask, timeout: float = 5.0) -> None:
    """Write the app's queued log rows now (the end of a job; a test about to read them)."""
    writer = app.extensions.get(_EXTENSION)
    if writer is not None and not writer.flush(timeout):
        log.warning("log rows still queued after %.0f s", timeout)


def close_logs(app: Flask) -> None:
    """Write what is queued, stop the thread and close the logs' pooled connections (shutdown, tests)."""
    writer = app.extensions.pop(_EXTENSION, None)
    if writer is not None:
        writer.close()
        writer.engine.dispose()


def flush_every_writer(timeout: float = 5.0) -> None:
    """Write the queued rows of every app of this process (at exit; a test suite before it wipes the tables)."""
    for writer in list(_writers):
        writer.flush(timeout)


def _after_fork_in_child() -> None:
    for writer in list(_writers):
        writer._reset()
        writer.engine.dispose(close=False)  # the parent's pooled connections stay the parent's


atexit.register(flush_every_writer)
os.register_at_fork(after_in_child=_after_fork_in_child)
