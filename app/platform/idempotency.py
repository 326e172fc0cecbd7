"""Idempotency keys for mutating API calls (API.md "Idempotency", DESIGN.md §6.3).

The first request with a key claims it by inserting a row (the unique key decides the winner);
its successful response is stored and replayed for 24 h to the same key with the same body.

The claim commits with the request's action, the response only after it: a process that dies in between leaves
a claim without a response. For the routes that create an object (an order, a payment, a refund) the claim also
notes that object's id in the action's own transaction, so a retry after ``ABANDONED_AFTER`` gets the object as
it is now instead of a 409 for 24 h.

Keys are scoped by merchant, key kind (secret, publishable, or the portal's confirmation pages) and mode (test or
live): a web page holding the publishable key cannot claim a key the merchant's server will use for a refund, and a
test call never blocks a live one. The same key in another scope is a clean miss, never a 409.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import g, has_request_context
from sqlalchemy import String, Text, UniqueConstraint, delete, event, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.errors import Conflict
from app.extensions import db
from app.platform.db.core_writes import after_insert_at_once
from app.platform.db.types import RowId, UTCDateTime, utcnow

RETENTION = timedelta(hours=24)
MAX_KEY_LENGTH = 255
# A claim this old without a response belongs to a request that died: gunicorn ends a request after 30 s.
ABANDONED_AFTER = timedelta(seconds=60)


@dataclass(frozen=True)
class KeyScope:
    """Whose keys these are: a merchant's, by the kind of API key (or the portal) and the mode it acts in."""

    merchant_id: str
    kind: str  # secret | publishable | portal
    mode: str  # test | live


class IdempotencyKey(db.Model):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("merchant_id", "key_kind", "mode", "key"),)

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    key_kind: Mapped[str] = mapped_column(String(12))
    mode: Mapped[str] = mapped_column(String(4))
    key: Mapped[str] = mapped_column(String(MAX_KEY_LENGTH))
    fingerprint: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int | None]
    response_body: Mapped[str | None] = mapped_column(Text)
    # The object the request created, written in the same transaction as the object (see the module's doc).
    resource_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: str


@dataclass(frozen=True)
class Abandoned:
    """A claim whose request took effect (it created ``resource_id``) and died before storing its response."""

    resource_id: str


def fingerprint(method: str, path: str, body: bytes, *, mode: str, kind: str = "secret") -> str:
    """What makes two requests "the same": the key's mode (test or live) and kind (secret or publishable), method,
    path (with its query string, if any) and body bytes. The mode is part of it so a live call never gets a test call's
    stored answer, and the kind
    so a web page's publishable key never gets what the merchant's server was answered (an order's client secret,
    a payment of an order it never proved it may pay): a replay skips the checks the first request passed."""
    scope = mode if kind == "secret" else f"{mode}:{kind}"  # a secret key's fingerprints are as they always were
    return hashlib.sha256(b"\n".join([scope.encode(), method.encode(), path.encode(), body])).hexdigest()


def _of(scope: KeyScope, key: str) -> tuple:
    """The WHERE clause of one key in its scope (the unique constraint's columns)."""
    return (
        IdempotencyKey.merchant_id == scope.merchant_id,
        IdempotencyKey.key_kind == scope.kind,
        IdempotencyKey.mode == scope.mode,
        IdempotencyKey.key == key,
    )


def _new_row(scope: KeyScope, key: str, **values) -> IdempotencyKey:
    return IdempotencyKey(merchant_id=scope.merchant_id, key_kind=scope.kind, mode=scope.mode, key=key, **values)


def claim_key(scope: KeyScope, key: str, print_: str, *, commit: bool = True) -> StoredResponse | Abandoned | None:
    """Claim ``key`` for a new request (returns None), or return the stored response of the
    earlier request. Raises 409 when the key is in flight or was used with another request.

    With ``commit=False`` the claim joins the transaction the request's action commits: a request that fails
    or dies before its action commits leaves no claim behind, and a concurrent request with the same key
    waits on the unique index until this one's action is decided."""
    cutoff = utcnow() - RETENTION
    db.session.execute(delete(IdempotencyKey).where(*_of(scope, key), IdempotencyKey.created_at < cutoff))
    db.session.add(_new_row(scope, key, fingerprint=print_))
    try:
        db.session.commit() if commit else db.session.flush()
        return None
    except IntegrityError:
        db.session.rollback()
    existing = db.session.scalar(select(IdempotencyKey).where(*_of(scope, key)))
    if existing is None:  # released between our insert and read: the caller may simply retry
        raise Conflict(
            "a request with this Idempotency-Key just finished; retry",
            param="Idempotency-Key",
            code="idempotency_request_in_progress",
        )
    if existing.fingerprint != print_:
        raise Conflict(
            "this Idempotency-Key was already used with a different request; use a new key",
            code="idempotency_key_reused",
            param="Idempotency-Key",
        )
    if existing.response_status is None:
        if existing.created_at > utcnow() - ABANDONED_AFTER:
            raise Conflict(
                "a request with this Idempotency-Key is still in progress; retry shortly",
                code="idempotency_request_in_progress",
                param="Idempotency-Key",
            )
        if existing.resource_id is not None:
            return Abandoned(existing.resource_id)
        raise Conflict(
            "the request with this Idempotency-Key was interrupted after it took effect, so it cannot be "
            "replayed; read the object it changed instead of retrying",
            code="idempotency_request_in_progress",
            param="Idempotency-Key",
        )
    return StoredResponse(existing.response_status, existing.response_body or "")


def note_created(scope: KeyScope, key: str, model: type) -> None:
    """For this request: the first ``model`` object it flushes is noted on its claim, in the same transaction."""
    g.idempotency_creates = (scope, key, model)
    g.idempotency_noted = False


@event.listens_for(Session, "after_flush")
def _note_created_object(session: Session, _context: object) -> None:
    _note_first_created(session, session.new)


@after_insert_at_once
def _note_inserted_object(objects) -> None:
    _note_first_created(db.session(), objects)


@event.listens_for(Session, "after_commit")
def _keep_note(_session: Session) -> None:
    if has_request_context() and g.get("idempotency_noted") == "written":
        g.idempotency_noted = "kept"


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back_note(_session: Session) -> None:
    # The note went with the rollback (an order read stale, say): the object written on the retry is noted instead.
    if has_request_context() and g.get("idempotency_noted") == "written":
        g.idempotency_noted = False


def _note_first_created(session: Session, written) -> None:
    if not has_request_context() or g.get("idempotency_creates") is None or g.get("idempotency_noted"):
        return
    scope, key, model = g.idempotency_creates
    created = next((obj for obj in written if isinstance(obj, model)), None)
    if created is None:
        return
    g.idempotency_noted = "written"  # "kept" once committed
    session.connection().execute(update(IdempotencyKey).where(*_of(scope, key)).values(resource_id=created.id))


def store_response(scope: KeyScope, key: str, status: int, body: str, *, print_: str) -> None:
    """Keep a finished request's response for replay."""
    row = db.session.scalar(select(IdempotencyKey).where(*_of(scope, key)))
    if row is None:  # the action rolled back a transaction of its own on the way (with the claim in it)
        db.session.add(_new_row(scope, key, fingerprint=print_, response_status=status, response_body=body))
    else:
        row.response_status, row.response_body = status, body
    try:
        db.session.commit()
    except IntegrityError:  # a retry claimed the key meanwhile: it will find the order and answer itself
        db.session.rollback()


def retake_abandoned_claim(scope: KeyScope, key: str) -> bool:
    """Take over a claim whose request died before its action took effect: no response, no object noted, older
    than ``ABANDONED_AFTER``. Only for actions that note what they create (``note_created``), where no object
    means no effect. True when this request now holds the claim (one conditional UPDATE decides between two)."""
    now = utcnow()
    taken = db.session.execute(
        update(IdempotencyKey)
        .where(
            *_of(scope, key),
            IdempotencyKey.response_status.is_(None),
            IdempotencyKey.resource_id.is_(None),
            IdempotencyKey.created_at < now - ABANDONED_AFTER,
        )
        .values(created_at=now)
    )
    db.session.commit()
    return taken.rowcount == 1


def release_key(scope: KeyScope, key: str) -> None:
    """Forget a claim whose request failed without effect, so a retry runs it again."""
    db.session.rollback()
    db.session.execute(delete(IdempotencyKey).where(*_of(scope, key)))
    db.session.commit()


def reap_expired_keys(now: datetime | None = None) -> int:
    """Delete keys past their 24 h retention; returns how many."""
    result = db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < (now or utcnow()) - RETENTION))
    db.session.commit()
    return result.rowcount
