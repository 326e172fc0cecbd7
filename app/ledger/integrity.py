"""The books' continuous check: every entry balances, the ledger sums to zero, no entry mixes test and live
money, and every purchase order's postings hold exactly what it captured less what it refunded.

Each part is one set-based query; a run records what it found (``ledger_checks``) for ``/healthz`` and the portal.
"""
from __future__ import annotations

import time

from sqlalchemy import Integer, cast, func, select, union_all

from app.platform.observability import logs
from app.extensions import db
from app.ledger.books_models import LedgerCheck
from app.ledger.models import JournalEntry, Posting

log = logs.get("ledger.integrity")

MAX_FINDINGS = 200
# Where an order's money sits while it is the merchant's (or its partners'): the rest is outside (a provider's
# clearing account, a customer's wallet) and has left or not yet arrived.
_MERCHANT_SIDE = ("%merchant:%:receivable", "%merchant:%:refunds_in_flight", "%partner:%:payable",
                  "%channel:%:fees", "%platform:fees")


def _unbalanced_entries() -> list[dict]:
    rows = db.session.execute(
        select(Posting.entry_id, func.min(Posting.merchant_id), Posting.currency, func.sum(Posting.amount))
        .group_by(Posting.entry_id, Posting.currency).having(func.sum(Posting.amount) != 0).limit(MAX_FINDINGS))
    return [{"kind": "entry_unbalanced", "entry": entry, "merchant_id": merchant,
             "detail": f"{currency} postings sum to {int(total)}"} for entry, merchant, currency, total in rows]


def _ledger_not_zero() -> list[dict]:
    live = Posting.account.like("live:%")
    rows = db.session.execute(
        select(Posting.merchant_id, Posting.currency, live.label("live"), func.sum(Posting.amount))
        .group_by(Posting.merchant_id, Posting.currency, live).having(func.sum(Posting.amount) != 0).limit(MAX_FINDINGS))
    return [{"kind": "ledger_not_zero", "merchant_id": merchant, "detail":
             f"{'live' if is_live else 'test'} {currency} ledger sums to {int(total)}"}
            for merchant, currency, is_live, total in rows]


def _mixed_modes() -> list[dict]:
    is_live = cast(Posting.account.like("live:%"), Integer)
    rows = db.session.execute(select(Posting.entry_id, func.min(Posting.merchant_id)).group_by(Posting.entry_id)
                              .having(func.max(is_live) != func.min(is_live)).limit(MAX_FINDINGS))
    return [{"kind": "entry_mixes_modes", "entry": entry, "merchant_id": merchant,
             "detail": "one entry moves test and live money"} for entry, merchant in rows]


def _orders_off() -> tuple[int, list[dict]]:
    """Orders whose merchant-side postings differ from captured − refunded − disputed (not won back)."""
    from app.orders.models import Order  # read-only: the check looks across domains on purpose
    from app.payments.models import PaymentAttempt
    from app.payments.disputes.models import WITHDRAWN, Dispute
    from app.payments.refunds.models import Refund

    captured = select(PaymentAttempt.order_id.label("order_id"), PaymentAttempt.amount.label("amount")).where(
        PaymentAttempt.status == "succeeded")
    refunded = select(Refund.order_id, -Refund.amount).where(Refund.status == "succeeded")
    # A dispute's amount left with the bank when it opened, and came back only if won (app/ledger/disputes.py).
    disputed = select(Dispute.order_id, -Dispute.amount).where(Dispute.status.in_(WITHDRAWN))
    side = Posting.account.like(_MERCHANT_SIDE[0])
    for pattern in _MERCHANT_SIDE[1:]:
        side = side | Posting.account.like(pattern)
    posted = select(Posting.order_id, -Posting.amount).where(Posting.order_id.isnot(None), side)
    money = union_all(captured, refunded, disputed, posted).subquery()
    rows = db.session.execute(
        select(money.c.order_id, Order.merchant_id, func.sum(money.c.amount))
        .join(Order, Order.id == money.c.order_id).where(Order.kind == "purchase")
        .group_by(money.c.order_id, Order.merchant_id).having(func.sum(money.c.amount) != 0).limit(MAX_FINDINGS))
    findings = [{"kind": "order_postings_mismatch", "order": order_id, "merchant_id": merchant,
                 "detail": f"captured − refunded differs from its postings by {int(diff)}"}
                for order_id, merchant, diff in rows]
    checked = db.session.scalar(select(func.count(func.distinct(PaymentAttempt.order_id)))
                                .where(PaymentAttempt.status == "succeeded")) or 0
    return int(checked), findings


def run_check() -> LedgerCheck:
    """Check the whole ledger now and record the result."""
    started = time.monotonic()
    findings = _unbalanced_entries() + _ledger_not_zero() + _mixed_modes()
    orders_checked, order_findings = _orders_off()
    findings += order_findings
    entries = db.session.scalar(select(func.count()).select_from(JournalEntry)) or 0
    check = LedgerCheck(ok=not findings, entries_checked=entries, orders_checked=orders_checked,
                        findings=findings[:MAX_FINDINGS], duration_ms=round((time.monotonic() - started) * 1000))
    db.session.add(check)
    db.session.commit()
    if findings:
        log.error("ledger check found problems", extra={"fields": {"findings": len(findings), "first": findings[0]}})
    return check


def latest_check() -> LedgerCheck | None:
    return db.session.scalar(select(LedgerCheck).order_by(LedgerCheck.id.desc()).limit(1))

