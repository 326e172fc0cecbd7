"""Idempotency keys for mutating API calls (API.md "Idempotency", DESIGN.md §6.3).

The first request with a key claims it by inserting a row (the unique key decides the winner);
its successful response is stored and replayed for 24 h to the same key with the same body.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import String, Text, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from app.db_types import UTCDateTime, utcnow
from app.errors import Conflict
from app.extensions import db

RETENTION = timedelta(hours=24)
MAX_KEY_LENGTH = 255


class IdempotencyKey(db.Model):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("merchant_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(MAX_KEY_LENGTH))
    fingerprint: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int | None]
    response_body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: str


def fingerprint(method: str, path: str, body: bytes, *, mode: str) -> str:
    """What makes two requests "the same": the key's mode (test or live), method, path and body bytes. The
    mode is part of it so a live call never gets a test call's stored answer."""
    return hashlib.sha256(b"\n".join([mode.encode(), method.encode(), path.encode(), body])).hexdigest()


def claim_key(merchant_id: str, key: str, print_: str, *, commit: bool = True) -> StoredResponse | None:
    """Claim ``key`` for a new request (returns None), or return the stored response of the
    earlier request. Raises 409 when the key is in flight or was used with another request.

    With ``commit=False`` the claim joins the transaction the request's action commits: a request that fails
    or dies before its action commits leaves no claim behind, and a concurrent request with the same key
    waits on the unique index until this one's action is decided."""
    cutoff = utcnow() - RETENTION
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.merchant_id == merchant_id,
                                                    IdempotencyKey.key == key, IdempotencyKey.created_at < cutoff))
    db.session.add(IdempotencyKey(merchant_id=merchant_id, key=key, fingerprint=print_))
    try:
        db.session.commit() if commit else db.session.flush()
        return None
    except IntegrityError:
        db.session.rollback()
    existing = db.session.scalar(select(IdempotencyKey).where(IdempotencyKey.merchant_id == merchant_id,
                                                              IdempotencyKey.key == key))
    if existing is None:  # released between our insert and read: the caller may simply retry
        raise Conflict("a request with this Idempotency-Key just finished; retry", param="Idempotency-Key",
                       code="idempotency_request_in_progress")
    if existing.fingerprint != print_:
        raise Conflict("this Idempotency-Key was already used with a different request; use a new key",
                       code="idempotency_key_reused", param="Idempotency-Key")
    if existing.response_status is None:
        raise Conflict("a request with this Idempotency-Key is still in progress; retry shortly",
                       code="idempotency_request_in_progress", param="Idempotency-Key")
    return StoredResponse(existing.response_status, existing.response_body or "")


def store_response(merchant_id: str, key: str, status: int, body: str, *, print_: str) -> None:
    """Keep a finished request's response for replay."""
    row = db.session.scalar(select(IdempotencyKey).where(IdempotencyKey.merchant_id == merchant_id,
                                                         IdempotencyKey.key == key))
    if row is None:  # the action rolled back a transaction of its own on the way (with the claim in it)
        db.session.add(IdempotencyKey(merchant_id=merchant_id, key=key, fingerprint=print_, response_status=status,
                                      response_body=body))
    else:
        row.response_status, row.response_body = status, body
    try:
        db.session.commit()
    except IntegrityError:  # a retry claimed the key meanwhile: it will find the order and answer itself
        db.session.rollback()


def release_key(merchant_id: str, key: str) -> None:
    """Forget a claim whose request failed without effect, so a retry runs it again."""
    db.session.rollback()
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.merchant_id == merchant_id,
                                                    IdempotencyKey.key == key))
    db.session.commit()


def reap_expired_keys(now: datetime | None = None) -> int:
    """Delete keys past their 24 h retention; returns how many."""
    result = db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < (now or utcnow()) - RETENTION))
    db.session.commit()
    return result.rowcount
