"""Pooled database connections are checked before use only when they sat idle.

SQLAlchemy's ``pool_pre_ping`` costs a round trip on every checkout, and a request checks a connection out once
per transaction: one more round trip for every transaction Kassa runs, and under load a connection goes back to
work within milliseconds of being returned. So a connection is pinged only when it has been idle in the pool for
``POOL_PING_IDLE_SECONDS`` or more, long enough for a database restart, a failover or a proxy's idle timeout to
have closed it unseen; one that fails the ping is replaced before the caller gets it.

A connection that dies between two uses closer together than that (the database restarting under load) fails
the statement it is used for. SQLAlchemy then retires every pooled connection made before the failure, so the
next transactions get new ones, and the request that met it answers 503 with Retry-After (app/web/errors.py):
what it did is rolled back, and a retry (with its Idempotency-Key) finds a working connection.
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

_IDLE_SINCE = "kassa_idle_since"


def ping_idle_connections(engine: Engine, *, idle_seconds: float) -> None:
    """Ping a connection at checkout when it has been in the pool ``idle_seconds`` or more (instead of always)."""

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection, record) -> None:
        if record is not None:
            record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection, record, _proxy) -> None:
        idle_since = record.info.get(_IDLE_SINCE)  # none yet: a connection made just now for this checkout
        if idle_since is None or time.monotonic() - idle_since < idle_seconds:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise DisconnectionError(f"a pooled connection failed its ping: {exc.__class__.__name__}") from exc
        if not alive:
            raise DisconnectionError("a pooled connection failed its ping")  # the pool connects anew and retries
