"""Extension objects, created once and bound to the app in ``create_app``."""

from __future__ import annotations

from functools import wraps
from typing import Callable, TypeVar

from flask import current_app, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from redis import Redis
from sqlalchemy import MetaData, text

# Stable constraint names so Alembic migrations are identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

T = TypeVar("T")

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@limiter.request_filter
def _counted_by_kassa() -> bool:
    """Flask-Limiter guards only the portal's sign-in; the API and the provider hooks are counted by
    app/web/rate_limits.py, so their requests skip Flask-Limiter's per-request resolution of limits."""
    return request.blueprint in ("api", "hooks")


babel = Babel()  # the shopper-facing checkout's languages (app/web/shopper_locale.py)


def redis_client() -> Redis:
    """The app's Redis connection (one per app, created lazily). A Redis that does not answer within
    REDIS_TIMEOUT_SECONDS raises, like one that refuses the connection, instead of hanging the request."""
    client = current_app.extensions.get("kassa_redis")
    if client is None:
        timeout = current_app.config["REDIS_TIMEOUT_SECONDS"]
        client = Redis.from_url(current_app.config["REDIS_URL"], socket_timeout=timeout, socket_connect_timeout=timeout)
        current_app.extensions["kassa_redis"] = client
    return client


def conflict_insert(target):
    """An INSERT into ``target`` (a model or table) that can say what happens ON CONFLICT, in the dialect of the app's
    database: PostgreSQL's and SQLite's constructs spell it the same."""
    from sqlalchemy.dialects import postgresql, sqlite

    return (postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert)(target)


_BUILT: dict[tuple[str, Callable], object] = {}


def built_per_dialect(build: Callable[[], T]) -> Callable[[], T]:
    """Decorate a function that builds a statement binding only parameters: it is built once per database dialect
    (``conflict_insert`` and row locks are spelled per dialect) and reused. Building a statement and computing its
    cache key takes 0.1–0.3 ms of Python each time, more than many statements take the database."""

    @wraps(build)
    def statement() -> T:
        key = (db.engine.dialect.name, build)
        found = _BUILT.get(key)
        if found is None:
            found = _BUILT[key] = build()
        return found  # type: ignore[return-value]

    return statement


def commit_keeping_state() -> None:
    """Commit without expiring the session's objects: the caller has just written them and renders them next,
    so reading them back would only repeat what it knows (the state as of this commit)."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


# True when the PostgreSQL transaction has written nothing and holds no advisory lock: ending it loses nothing.
_READ_ONLY_SO_FAR = text(
    "SELECT txid_current_if_assigned() IS NULL AND NOT EXISTS "
    "(SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory')"
)


def end_read_only_transaction() -> None:
    """End the session's transaction if it has only read, before a wait that may last seconds: otherwise its
    pooled connection waits idle in a transaction, keeping its snapshot (and VACUUM) back. A transaction that has
    written, locked, or has a savepoint open or changes not yet flushed is kept, since its work belongs to what
    follows. The session's objects are expired and read again when next used. SQLite's read transactions hold
    nothing (app/platform/db/sqlite.py), so it is left alone."""
    session = db.session()
    if (
        db.engine.dialect.name != "postgresql"
        or not session.in_transaction()
        or session.in_nested_transaction()
        or session.new
        or session.dirty
        or session.deleted
    ):
        return
    if session.scalar(_READ_ONLY_SO_FAR):
        session.rollback()
