"""Extension objects, created once and bound to the app in ``create_app``."""
from __future__ import annotations

from typing import Callable, Sequence

from flask import current_app, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from redis import Redis
from sqlalchemy import Executable, MetaData, Table, insert, text
from sqlalchemy.engine import CursorResult
from sqlalchemy import inspect as sa_inspect

# Stable constraint names so Alembic migrations are identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

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
        client = Redis.from_url(current_app.config["REDIS_URL"], socket_timeout=timeout,
                                socket_connect_timeout=timeout)
        current_app.extensions["kassa_redis"] = client
    return client


def conflict_insert(target):
    """An INSERT into ``target`` (a model or table) that can say what happens ON CONFLICT, in the dialect of the app's
    database: PostgreSQL's and SQLite's constructs spell it the same."""
    from sqlalchemy.dialects import postgresql, sqlite

    return (postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert)(target)


# Per mapped class: (attribute key, column key) of each column it maps, read once.
_COLUMN_KEYS: dict[type, list[tuple[str, str]]] = {}
# Called with the objects ``insert_at_once`` wrote, as an ``after_flush`` hook is with a flush's new objects.
_INSERTED_LISTENERS: list[Callable[[Sequence[object]], None]] = []


def after_insert_at_once(listener: Callable[[Sequence[object]], None]) -> Callable[[Sequence[object]], None]:
    """Register ``listener(objects)`` to run after ``insert_at_once`` wrote them (a decorator)."""
    _INSERTED_LISTENERS.append(listener)
    return listener


def insert_at_once(objects: Sequence[object]) -> None:
    """INSERT new (transient) ORM objects now, on the session's connection, one statement per table: what a flush
    would write, without the unit of work's bookkeeping, which costs more CPU than the statements on a hot path.
    Pass them parents first. Attributes left unset get their columns' defaults. The objects stay transient: this is
    for rows a caller writes once and renders, and never changes or reads back through this session."""
    tables: dict[tuple, tuple[Table, list[dict]]] = {}
    for obj in objects:
        cls = type(obj)
        keys = _COLUMN_KEYS.get(cls)
        if keys is None:
            mapper = sa_inspect(cls)
            keys = _COLUMN_KEYS[cls] = [(prop.key, prop.columns[0].key) for prop in mapper.column_attrs]
        state = obj.__dict__
        row = {column: state[attr] for attr, column in keys if attr in state}
        table = cls.__table__
        tables.setdefault((table.name, frozenset(row)), (table, []))[1].append(row)  # one executemany per shape
    connection = db.session.connection()
    for table, rows in tables.values():
        connection.execute(_insert_of(table), rows if len(rows) > 1 else rows[0])
    for listener in _INSERTED_LISTENERS:
        listener(objects)


_INSERTS: dict[str, object] = {}


def _insert_of(table: Table):
    statement = _INSERTS.get(table.name)
    if statement is None:
        # One statement object per table, compiled once; inline: no RETURNING of generated keys nobody reads.
        statement = _INSERTS[table.name] = insert(table).inline()
    return statement


def execute_at_once(statement: Executable, params: dict) -> CursorResult:
    """Run a Core statement (built on tables, not models) in the session's transaction after writing what the
    session has pending, as the ORM's autoflush would, but without the ORM's execution context: for the few
    conditional UPDATEs every payment makes."""
    session = db.session()
    session.flush()  # nothing pending: a cheap check
    return session.connection().execute(statement, params)


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
_READ_ONLY_SO_FAR = text("SELECT txid_current_if_assigned() IS NULL AND NOT EXISTS "
                         "(SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory')")


def end_read_only_transaction() -> None:
    """End the session's transaction if it has only read, before a wait that may last seconds: otherwise its
    pooled connection waits idle in a transaction, keeping its snapshot (and VACUUM) back. A transaction that has
    written, locked, or has a savepoint open or changes not yet flushed is kept, since its work belongs to what
    follows. The session's objects are expired and read again when next used. SQLite's read transactions hold
    nothing (app/db_sqlite.py), so it is left alone."""
    session = db.session()
    if (db.engine.dialect.name != "postgresql" or not session.in_transaction() or session.in_nested_transaction()
            or session.new or session.dirty or session.deleted):
        return
    if session.scalar(_READ_ONLY_SO_FAR):
        session.rollback()
