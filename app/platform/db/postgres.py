"""PostgreSQL connections that keep their prepared statements across a ROLLBACK; SQLite is left alone.

psycopg prepares a statement on a connection once it has run there five times, which spares the server parsing
and planning it on every later run (the API key lookup: ~0.27 ms of the server's time unprepared, ~0.04 ms
prepared). But psycopg forgets every prepared statement at each ROLLBACK, in case the transaction had created
something a statement refers to. Most requests end with a ROLLBACK: Flask-SQLAlchemy closes the request's session,
and a transaction that only read (a GET, or the read after a commit that renders the answer) is rolled back. So
the statements of create, pay and read were forgotten before their fifth run and never prepared, while the
callback's, which end in a COMMIT, were.

Kassa never changes the schema inside a request's or a job's transaction (migrations run on connections of their
own, before the processes start), so there is nothing a ROLLBACK could remove from under a prepared statement: its
connections roll back without forgetting. A rollback that meets a broken connection, or any state but a plain open
or failed transaction, takes psycopg's own path, which raises the error SQLAlchemy knows how to handle.

Every wait for the database is bounded (``bounded_connections``): a new connection by ``connect_timeout``, a peer
gone silent at the kernel level by TCP keepalives and ``tcp_user_timeout``, a statement by the server's
``statement_timeout`` (a lock held by a stuck or crashed session), and a peer that acknowledges bytes but never
answers (a stuck proxy: the server never hears the statement, so its timeout cannot fire) by the connection itself,
which gives up ``ANSWER_GRACE_SECONDS`` after the statement timeout and closes.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from sqlalchemy import Connection, Engine, event, make_url

try:
    import psycopg
    from psycopg import pq
except ImportError:  # SQLite-only installs
    psycopg = None


if psycopg is not None:

    class KeepPreparedConnection(psycopg.Connection):
        """A psycopg connection whose ROLLBACK leaves its prepared statements in place, and whose every wait for an
        answer gives up after ``answer_timeout`` seconds (None: waits as long as it takes; see the module)."""

        answer_timeout: float | None = None

        def rollback(self) -> None:
            with self.lock:
                pgconn = self.pgconn
                if pgconn.status == pq.ConnStatus.OK and pgconn.transaction_status in (
                    pq.TransactionStatus.INTRANS,
                    pq.TransactionStatus.INERROR,
                ):
                    self.wait(self._exec_command(b"ROLLBACK"))  # not libpq's PQexec, which waits unbounded
                    return
            super().rollback()  # idle (nothing to do), busy or broken: psycopg's way, and its errors

        def wait(self, gen, interval: float = 0.1, timeout: float | None = None):
            if timeout is not None or self.answer_timeout is None:
                return super().wait(gen, interval, timeout)
            try:
                return super().wait(gen, interval, self.answer_timeout)
            except psycopg.errors._WaitTimeout:
                # Mid-protocol there is no way back to a usable connection: closed, it is one SQLAlchemy's pool
                # sees as gone (a disconnect) and replaces, and the request answers 503.
                self.pgconn.finish()
                raise psycopg.OperationalError(
                    f"the database did not answer within {self.answer_timeout:g} s (a proxy or network in between "
                    "that stopped passing answers on); the connection was closed"
                ) from None

    _ROWS = (pq.ExecStatus.TUPLES_OK, pq.ExecStatus.SINGLE_TUPLE, pq.ExecStatus.TUPLES_CHUNK)

    class DescribedCursor(psycopg.RawCursor):
        """A raw cursor whose ``description`` is plain DB-API tuples of (name, type code, five Nones).

        SQLAlchemy reads ``description`` once for every statement that returns rows and uses only the first two
        fields of each column. psycopg builds a ``Column`` object per column instead, looking its type up in the
        connection's registry: 33 µs for a 20-column row against 7 µs for tuples, about 0.4 ms per paid order."""

        @property
        def description(self) -> list[tuple] | None:
            result = self.pgresult
            if not result or not (result.nfields or result.status in _ROWS):
                return None  # as psycopg: None when the statement returned no rows (an UPDATE without RETURNING)
            encoding = self._encoding
            return [
                (
                    (result.fname(i) or b"").decode(encoding) or f"column_{i + 1}",
                    result.ftype(i),
                    None,
                    None,
                    None,
                    None,
                    None,
                )
                for i in range(result.nfields)
            ]


def statements_as_written(database_url: str, options: dict[str, Any]) -> dict[str, Any]:
    """Add to ``options`` (``create_engine``'s) what sends a psycopg engine's statements as SQLAlchemy wrote them.

    SQLAlchemy writes PostgreSQL's own placeholders (``$1``, ``$2`` …) and the connections' cursors (psycopg's
    ``RawCursor``, made ``DescribedCursor``) pass them on untouched. With the default ``%(name)s`` placeholders
    psycopg rewrites every statement with a regular expression, and caches the result only for statements under
    4 KiB and 50 parameters: an order written whole with its lines, timeline and event (app/platform/db/core_writes.py)
    is
    longer, and was rewritten on every request. Other databases' options are returned unchanged. The engine's named
    (server-side) cursors need ``keep_prepared_statements`` as well, which makes them raw too."""
    url = make_url(database_url)
    if psycopg is None or url.get_backend_name() != "postgresql" or url.get_driver_name() != "psycopg":
        return options
    options.setdefault("paramstyle", "numeric_dollar")
    if options["paramstyle"] == "numeric_dollar":
        options["connect_args"] = {"cursor_factory": DescribedCursor, **options.get("connect_args", {})}
    return options


# How much longer than the statement timeout a connection waits for any answer: the server's own cancel comes back
# at the timeout, so only a peer that never passes the statement on (or its answer back) reaches this.
ANSWER_GRACE_SECONDS = 5.0
_ANSWER_TIMEOUT = "kassa_answer_timeout"  # a connect argument of Kassa's own, taken off before libpq sees it


def bounded_connections(
    database_url: str, options: dict[str, Any], connect_timeout: int, statement_timeout: float = 0
) -> dict[str, Any]:
    """Add to ``options`` what bounds a PostgreSQL connection's waits on a database that is there but silent (a
    partition, a host gone without a reset): ``connect_timeout`` for a new connection, which otherwise waits on
    the startup handshake for as long as TCP does, and TCP keepalives with a user timeout, so an established one
    whose peer vanished fails in about half a minute instead of the kernel's quarter of an hour. A
    ``statement_timeout`` (seconds; 0: none) bounds each statement at the server, and on psycopg each wait for an
    answer at ``ANSWER_GRACE_SECONDS`` more. The URL's own values win (``?connect_timeout=…``, a
    ``statement_timeout`` in ``?options=``). Other databases' options are returned unchanged."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        return options
    bounds = {
        "connect_timeout": connect_timeout,
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        "tcp_user_timeout": 30_000,
    }
    connect_args = {**{k: v for k, v in bounds.items() if k not in url.query}, **options.get("connect_args", {})}
    # A connect argument replaces the URL's own ``options``: the bound is added to what either says.
    settings = str(connect_args.get("options", url.query.get("options", "")))
    if statement_timeout > 0 and "statement_timeout" not in settings:
        connect_args["options"] = f"{settings} -c statement_timeout={round(statement_timeout * 1000)}".strip()
        if psycopg is not None and url.get_driver_name() == "psycopg":
            connect_args[_ANSWER_TIMEOUT] = statement_timeout + ANSWER_GRACE_SECONDS
    options["connect_args"] = connect_args
    return options


@contextmanager
def unbounded_statements(connection: Connection) -> Iterator[None]:
    """Lift the statement bound on ``connection`` for work that may rightly run for long (migrations rewriting a large
    table); the connection is discarded afterwards rather than pooled with the bound lifted."""
    if connection.dialect.name != "postgresql":
        yield
        return
    connection.exec_driver_sql("SET statement_timeout = 0")
    connection.commit()  # for the session, whatever transactions the work itself opens and ends
    dbapi_connection = connection.connection.dbapi_connection
    if hasattr(dbapi_connection, "answer_timeout"):
        dbapi_connection.answer_timeout = None
    try:
        yield
    finally:
        connection.invalidate()


def keep_prepared_statements(engine: Engine) -> None:
    """Make a PostgreSQL (psycopg) engine's new connections ``KeepPreparedConnection`` (with raw server-side
    cursors when its options came from ``statements_as_written``); others are untouched."""
    if engine.dialect.name != "postgresql" or engine.dialect.driver != "psycopg":
        return

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect, _record, cargs: tuple, cparams: dict[str, Any]):
        answer_timeout = cparams.pop(_ANSWER_TIMEOUT, None)
        connection = KeepPreparedConnection.connect(*cargs, **cparams)
        connection.answer_timeout = answer_timeout
        if cparams.get("cursor_factory") is DescribedCursor:  # statements_as_written: named cursors too
            connection.server_cursor_factory = psycopg.RawServerCursor
        return connection
