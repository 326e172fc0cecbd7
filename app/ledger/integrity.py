"""The books' own checks: every entry balances, the ledger sums to zero, no entry mixes test and live money; and
where an order's money sits while it is the merchant's. app/payments/integrity.py runs them with the check of each
purchase order's postings against what it captured and refunded, and records the run here (``ledger_checks``) for
``/healthz`` and the portal.

Each part is one set-based query.
"""

from __future__ import annotations

import time

from sqlalchemy import Integer, Select, cast, func, select

from app.extensions import db
from app.ledger.books_models import LedgerCheck
from app.ledger.models import JournalEntry, Posting
from app.platform.observability import logs

log = logs.get("ledger.integrity")

MAX_FINDINGS = 200
# Where an order's money sits while it is the merchant's (or its partners'): the rest is outside (a provider's
# clearing account, a customer's wallet) and has left or not yet arrived.
_MERCHANT_SIDE = (
    "%merchant:%:receivable",
    "%merchant:%:refunds_in_flight",
    "%partner:%:payable",
    "%channel:%:fees",
    "%platform:fees",
)


def _unbalanced_entries() -> list[dict]:
    rows = db.session.execute(
        select(Posting.entry_id, func.min(Posting.merchant_id), Posting.currency, func.sum(Posting.amount))
        .group_by(Posting.entry_id, Posting.currency)
        .having(func.sum(Posting.amount) != 0)
        .limit(MAX_FINDINGS)
    )
    return [
        {
            "kind": "entry_unbalanced",
            "entry": entry,
            "merchant_id": merchant,
            "detail": f"{currency} postings sum to {int(total)}",
        }
        for entry, merchant, currency, total in rows
    ]


def _ledger_not_zero() -> list[dict]:
    live = Posting.account.like("live:%")
    rows = db.session.execute(
        select(Posting.merchant_id, Posting.currency, live.label("live"), func.sum(Posting.amount))
        .group_by(Posting.merchant_id, Posting.currency, live)
        .having(func.sum(Posting.amount) != 0)
        .limit(MAX_FINDINGS)
    )
    return [
        {
            "kind": "ledger_not_zero",
            "merchant_id": merchant,
            "detail": f"{'live' if is_live else 'test'} {currency} ledger sums to {int(total)}",
        }
        for merchant, currency, is_live, total in rows
    ]


def _mixed_modes() -> list[dict]:
    is_live = cast(Posting.account.like("live:%"), Integer)
    rows = db.session.execute(
        select(Posting.entry_id, func.min(Posting.merchant_id))
        .group_by(Posting.entry_id)
        .having(func.max(is_live) != func.min(is_live))
        .limit(MAX_FINDINGS)
    )
    return [
        {
            "kind": "entry_mixes_modes",
            "entry": entry,
            "merchant_id": merchant,
            "detail": "one entry moves test and live money",
        }
        for entry, merchant in rows
    ]


def books_findings() -> list[dict]:
    """What is wrong inside the books themselves: unbalanced entries, a ledger that does not sum to zero, entries
    that mix test and live money."""
    return _unbalanced_entries() + _ledger_not_zero() + _mixed_modes()


def merchant_side_postings() -> Select:
    """``(order_id, -amount)`` of every posting of an order on the merchant's side (its receivable, refunds in flight,
    its partners' payables, the fees): added to what the order captured less what it refunded or lost to a dispute,
    a sound order's money comes to zero."""
    side = Posting.account.like(_MERCHANT_SIDE[0])
    for pattern in _MERCHANT_SIDE[1:]:
        side = side | Posting.account.like(pattern)
    return select(Posting.order_id, -Posting.amount).where(Posting.order_id.isnot(None), side)


def record_check(findings: list[dict], *, orders_checked: int, started: float) -> LedgerCheck:
    """Record a run that began at ``started`` (``time.monotonic()``) and found ``findings``. Commits."""
    entries = db.session.scalar(select(func.count()).select_from(JournalEntry)) or 0
    check = LedgerCheck(
        ok=not findings,
        entries_checked=entries,
        orders_checked=orders_checked,
        findings=findings[:MAX_FINDINGS],
        duration_ms=round((time.monotonic() - started) * 1000),
    )
    db.session.add(check)
    db.session.commit()
    if findings:
        log.error("ledger check found problems", extra={"fields": {"findings": len(findings), "first": findings[0]}})
    return check


def latest_check() -> LedgerCheck | None:
    return db.session.scalar(select(LedgerCheck).order_by(LedgerCheck.id.desc()).limit(1))
