"""How far each partner has been settled, and the rule that keeps a new line out of a window already cut.

A settlement takes a partner's lines whose ``available_at`` falls in ``[settled_through, cutoff)`` and moves the
cursor to ``cutoff`` (app/ledger/settlement/services.py). Every line posted later must land at or after the cursor, or
no
settlement would ever take it: so a writer reads the cursor under a shared row lock (a settlement takes the
same row exclusively, so the two queue) and posts ``max(when it becomes available, settled_through)``. On SQLite
the writer already holds the database's single write lock when it reads.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from sqlalchemy import select, tuple_

from app.extensions import conflict_insert, db
from app.ledger.books_models import SettlementCursor


def ensure_cursors(merchant_id: str, partner_ids: Iterable[str], *, livemode: bool, currency: str) -> None:
    """Make sure each partner has a cursor row for this mode and currency (a no-op for those that do)."""
    rows = [
        {
            "merchant_id": merchant_id,
            "partner_id": p,
            "livemode": livemode,
            "currency": currency,
            "settled_through": None,
        }
        for p in sorted(set(partner_ids))
    ]
    if not rows:
        return
    db.session.execute(conflict_insert(SettlementCursor).values(rows).on_conflict_do_nothing())


def settled_through(
    merchant_id: str, partner_ids: Iterable[str], *, livemode: bool, currency: str, lock: bool = True
) -> dict[str, datetime | None]:
    """{partner: how far it is settled} for this mode and currency, read under a shared lock held until the
    caller's transaction ends (the cursor rows must exist: ``ensure_cursors``)."""
    keys = [(merchant_id, p, livemode, currency) for p in sorted(set(partner_ids))]
    if not keys:
        return {}
    query = select(SettlementCursor.partner_id, SettlementCursor.settled_through).where(
        tuple_(
            SettlementCursor.merchant_id,
            SettlementCursor.partner_id,
            SettlementCursor.livemode,
            SettlementCursor.currency,
        ).in_(keys)
    )
    if lock and db.engine.dialect.name == "postgresql":
        query = query.with_for_update(read=True)
    return dict(db.session.execute(query).all())


def available_from(when: datetime, floor: datetime | None) -> datetime:
    """When a line may be settled: ``when``, but never inside a window that is already settled."""
    return when if floor is None or when >= floor else floor
