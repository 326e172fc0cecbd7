"""One snapshot for a request that only reads, so the parts of what it answers agree with each other.

An order's answer is read in several statements (the order, its payments, its refunds, its timeline), a balance in
one sum per bucket. Under PostgreSQL's READ COMMITTED each statement sees what was committed when it began, and
SQLite outside a transaction (app/platform/db/sqlite.py) does the same: a callback committing between two of them gave
an
order still ``paying`` beside its payment already ``failed``, and an order clearing between two sums left its money
in neither bucket. Under one snapshot the answer is the database as it was at the first read, whole.
"""

from __future__ import annotations

from functools import wraps
from typing import Callable

from app.extensions import db, end_read_only_transaction


def read_one_snapshot() -> None:
    """Make the session's reads from here on come from one snapshot: PostgreSQL's REPEATABLE READ (set on the
    connection and sent with its BEGIN: no extra round trip), SQLite's deferred BEGIN. Only for what writes nothing
    afterwards: a write would fail on a row changed since (PostgreSQL) or could not take the write lock (SQLite).
    What read before (a rate limit's first look at a merchant, once per process) is ended first; a transaction
    that wrote is kept as it is, and its reads stay READ COMMITTED."""
    session = db.session()
    if db.engine.dialect.name == "postgresql":
        if session.in_transaction():
            end_read_only_transaction()
        if not session.in_transaction():
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    elif db.engine.dialect.name == "sqlite":
        connection = session.connection()
        if not connection.connection.dbapi_connection.in_transaction:  # none open: nothing written yet
            connection.exec_driver_sql("BEGIN")


def reads_one_snapshot(view: Callable) -> Callable:
    """A view that only reads, answered from one snapshot (``read_one_snapshot``); put it above the key check, which
    reads too."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        read_one_snapshot()
        return view(*args, **kwargs)

    return wrapper
