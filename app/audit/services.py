"""The audit log: every change a portal user makes, written in the same transaction as the change.

Services own their transactions (they commit), so the audit row cannot be added after they
return. Instead the caller wraps the service call::

    with audited(actor, "order.refund", Refund):            # creates a Refund
        create_refund(merchant_id, order_id, amount=…)
    with audited(actor, "api_key.revoke", ApiKey, key_id):  # changes one ApiKey
        revoke_api_key(merchant_id, key_id, role=role)

``audited`` reads the object's state on entry ("before"); a ``before_commit`` hook on the session
reads it again at the service's first commit ("after") and adds the audit row to that same
commit, so the change and its record are written together or not at all. With no ``object_id``
the action creates an object: its id is taken from the first new instance of ``model`` flushed
in the transaction. A ``snapshot`` callable replaces the default state (the row's columns, minus
secrets) when an action spans more than one row. A commit that changed nothing records nothing.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable, Iterator

from sqlalchemy import LargeBinary, func, inspect, select
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app.audit.models import AuditEntry
from app.extensions import db
from app.platform.db.core_writes import after_insert_at_once
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.platform.values.pagination import newest_first

_PENDING = "kassa_audit_pending"
# Columns never copied into an audit row: hashes, secrets and uploaded bytes.
_HIDDEN_COLUMN = re.compile(r"hash|secret|password|token|public_value", re.IGNORECASE)


@dataclass(frozen=True)
class AuditActor:
    """Who acts: a portal user of one merchant (or an API key: its id, label and role ``api_key``), and where from."""

    merchant_id: str
    user_id: str
    email: str
    role: str
    ip: str | None = None


@dataclass
class _PendingEntry:
    actor: AuditActor
    action: str
    model: type
    object_id: str | None
    snapshot: Callable[[], dict | None] | None
    before: dict | None = None
    created: list = field(default_factory=list)
    entry: AuditEntry | None = None  # staged in the transaction being committed
    written: bool = False  # that transaction committed: the record is durable
    creates: bool = False  # the object id comes from the first new instance flushed


def _object_type(model: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def _plain(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def row_state(model: type, object_id: str) -> dict | None:
    """The row's columns as JSON (secrets and binary columns left out), or None when it is gone."""
    table = model.__table__
    key = inspect(model).primary_key[0]
    try:  # ids travel as text (URLs, the audit row); compare with the column's own type
        object_id = key.type.python_type(object_id)
    except (NotImplementedError, TypeError, ValueError):
        pass
    # Read the table, not the identity map: services often change rows with bulk UPDATEs.
    row = db.session.execute(select(table).where(table.c[key.name] == object_id)).mappings().first()
    if row is None:
        return None
    return {
        name: _plain(value)
        for name, value in row.items()
        if not _HIDDEN_COLUMN.search(name) and not isinstance(table.c[name].type, LargeBinary)
    }


def _state(pending: _PendingEntry) -> dict | None:
    if pending.snapshot is not None:
        return _plain(pending.snapshot())
    if pending.object_id is None:
        return None
    return row_state(pending.model, pending.object_id)


@contextmanager
def audited(
    actor: AuditActor,
    action: str,
    model: type,
    object_id: str | None = None,
    *,
    snapshot: Callable[[], dict | None] | None = None,
) -> Iterator[_PendingEntry]:
    """Record ``action`` on ``model`` (``object_id``, or the one created) with the next commit."""
    session = db.session()
    pending = _PendingEntry(actor, action, model, object_id, snapshot, creates=object_id is None)
    pending.before = _state(pending)
    stack = session.info.setdefault(_PENDING, [])
    stack.append(pending)
    try:
        yield pending
    finally:
        stack.remove(pending)


@sa_event.listens_for(Session, "after_flush")
def _collect_created(session: Session, flush_context) -> None:
    _collect_from(session, session.new)


@after_insert_at_once
def _collect_inserted(objects) -> None:
    _collect_from(db.session(), objects)


def _collect_from(session: Session, written) -> None:
    for pending in session.info.get(_PENDING, ()):
        if not pending.written and pending.object_id is None:
            pending.created.extend(obj for obj in written if isinstance(obj, pending.model))


@sa_event.listens_for(Session, "after_commit")
def _mark_written(session: Session) -> None:
    for pending in session.info.get(_PENDING, ()):
        if pending.entry is not None:
            pending.written = True


@sa_event.listens_for(Session, "after_rollback")
def _forget_unwritten(session: Session) -> None:
    # A rolled-back transaction took its changes and their staged record with it; a retry records anew.
    for pending in session.info.get(_PENDING, ()):
        if not pending.written:
            pending.entry = None
            pending.created.clear()
            if pending.creates:
                pending.object_id = None


@sa_event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the record goes with the outer commit
    pendings = [p for p in session.info.get(_PENDING, ()) if not p.written and p.entry is None]
    if not pendings:
        return
    session.flush()
    for pending in pendings:
        object_id = pending.object_id
        if object_id is None:
            if not pending.created:
                continue  # this commit did not create the object yet
            object_id = str(inspect(pending.created[0]).identity[0])
            pending.object_id = object_id
        after = _state(pending)
        if after == pending.before:
            continue  # nothing changed: nothing to record
        actor = pending.actor
        pending.entry = AuditEntry(
            id=new_id("aud"),
            merchant_id=actor.merchant_id,
            actor_id=actor.user_id,
            actor_email=actor.email,
            actor_role=actor.role,
            ip=actor.ip,
            action=pending.action,
            object_type=_object_type(pending.model),
            object_id=object_id,
            before=pending.before,
            after=after,
            created_at=utcnow(),
        )
        session.add(pending.entry)


def record_access(actor: AuditActor, action: str) -> None:
    """Record a sign-in, a failed sign-in or a sign-out to the portal (who, when, from where); it changes no
    object, so it is written on its own."""
    db.session.add(
        AuditEntry(
            id=new_id("aud"),
            merchant_id=actor.merchant_id,
            actor_id=actor.user_id,
            actor_email=actor.email,
            actor_role=actor.role,
            ip=actor.ip,
            action=action,
            object_type="merchant_user",
            object_id=actor.user_id,
            before=None,
            after=None,
            created_at=utcnow(),
        )
    )
    db.session.commit()


def record_disclosure(actor: AuditActor, action: str, object_type: str, object_id: str, what: dict) -> None:
    """Record that personal data was handed out (a customer's data export): it changes no object, so it is
    written on its own; ``what`` says how much, never the data."""
    db.session.add(
        AuditEntry(
            id=new_id("aud"),
            merchant_id=actor.merchant_id,
            actor_id=actor.user_id,
            actor_email=actor.email,
            actor_role=actor.role,
            ip=actor.ip,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=None,
            after=what,
            created_at=utcnow(),
        )
    )
    db.session.commit()


def list_audit_entries(
    merchant_id: str,
    *,
    action: str | None = None,
    actor: str | None = None,
    object_id: str | None = None,
    created_gte: datetime | None = None,
    created_lt: datetime | None = None,
    limit: int = 50,
    starting_after: str | None = None,
) -> tuple[list[AuditEntry], bool]:
    """The merchant's audit entries, newest first, filtered and cursor-paginated by id."""
    query = select(AuditEntry).where(AuditEntry.merchant_id == merchant_id)
    if action:
        query = query.where(AuditEntry.action == action)
    if actor:  # a user's email, or an API key by its label (sk_test_…abcd) or id
        actor = actor.strip().lower()
        query = query.where((func.lower(AuditEntry.actor_email) == actor) | (AuditEntry.actor_id == actor))
    if object_id:
        query = query.where(AuditEntry.object_id == object_id.strip())
    if created_gte:
        query = query.where(AuditEntry.created_at >= created_gte)
    if created_lt:
        query = query.where(AuditEntry.created_at < created_lt)
    return newest_first(query, AuditEntry.id, limit=limit, starting_after=starting_after)


def audit_actions(merchant_id: str) -> list[str]:
    """The actions that occur in the merchant's log, for the filter menu."""
    return list(
        db.session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.merchant_id == merchant_id)
            .distinct()
            .order_by(AuditEntry.action)
        )
    )
