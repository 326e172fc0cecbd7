"""When an API key was last used, recorded without a database write on every request.

Each process remembers when it last recorded a key, and Redis (``SET NX EX``) lets one process in the
whole deployment win each minute; only the winner writes, so a key costs at most one short UPDATE per
minute however many requests it makes. The portal therefore shows last use to within a minute. Failing to
record (Redis or the database unavailable) is logged and never fails the request.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import update

from app.extensions import db, redis_client
from app.merchants.models import ApiKey
from app.platform.db.types import utcnow
from app.platform.observability import logs

log = logs.get("merchants")

RECORD_INTERVAL_SECONDS = 60
_MAX_REMEMBERED = 10_000  # keys this process remembers before it starts afresh (bounded memory)

_recorded_at: dict[str, float] = {}
_lock = threading.Lock()


def _due_here(key_id: str, now: float) -> bool:
    """Whether this process has not recorded ``key_id`` within the interval; claims it if so."""
    with _lock:
        last = _recorded_at.get(key_id)
        if last is not None and now - last < RECORD_INTERVAL_SECONDS:
            return False
        if len(_recorded_at) >= _MAX_REMEMBERED:
            _recorded_at.clear()
        _recorded_at[key_id] = now
        return True


def _won_across_processes(key_id: str) -> bool:
    """One process in the deployment per key per interval; without Redis, each process records for itself."""
    try:
        return bool(redis_client().set(f"kassa:api_key_used:{key_id}", "1", nx=True, ex=RECORD_INTERVAL_SECONDS))
    except Exception:  # Redis down: the in-process throttle still bounds the writes
        log.warning("could not throttle API key use in Redis", exc_info=True)
        return True


def note_key_use(key_id: str) -> None:
    """Record that ``key_id`` was used now, at most once a minute. On a connection and transaction of its own:
    the request's transaction is left as it is, including a read from one snapshot (app/platform/db/snapshot.py) that
    a commit here would have ended."""
    if not _due_here(key_id, time.monotonic()) or not _won_across_processes(key_id):
        return
    try:
        with db.engine.begin() as connection:
            connection.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=utcnow()))
    except Exception:  # a missed record is harmless; a failed request is not
        log.warning("could not record API key use", exc_info=True, extra={"fields": {"key_id": key_id}})
