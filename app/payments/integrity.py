"""The books' continuous check: every entry balances, the ledger sums to zero, no entry mixes test and live
money (app/ledger/integrity.py), and every purchase order's postings hold exactly what it captured less what it
refunded. That last part reads the orders, payments, refunds and disputes, so it runs here, above the ledger.

Each part is one set-based query; a run records what it found (``ledger_checks``) for ``/healthz`` and the portal.
"""

from __future__ import annotations

import time

from sqlalchemy import func, select, union_all

from app.extensions import db
from app.ledger import integrity
from app.ledger.books_models import LedgerCheck
from app.orders.models import Order
from app.payments.models import WITHDRAWN, Dispute, PaymentAttempt, Refund


def _orders_off() -> tuple[int, list[dict]]:
    """Orders whose merchant-side postings differ from captured − refunded − disputed (not won back)."""
    captured = select(PaymentAttempt.order_id.label("order_id"), PaymentAttempt.amount.label("amount")).where(
        PaymentAttempt.status == "succeeded"
    )
    refunded = select(Refund.order_id, -Refund.amount).where(Refund.status == "succeeded")
    # A dispute's amount left with the bank when it opened, and came back only if won (app/ledger/disputes.py).
    disputed = select(Dispute.order_id, -Dispute.amount).where(Dispute.status.in_(WITHDRAWN))
    money = union_all(captured, refunded, disputed, integrity.merchant_side_postings()).subquery()
    rows = db.session.execute(
        select(money.c.order_id, Order.merchant_id, func.sum(money.c.amount))
        .join(Order, Order.id == money.c.order_id)
        .where(Order.kind == "purchase")
        .group_by(money.c.order_id, Order.merchant_id)
        .having(func.sum(money.c.amount) != 0)
        .limit(integrity.MAX_FINDINGS)
    )
    findings = [
        {
            "kind": "order_postings_mismatch",
            "order": order_id,
            "merchant_id": merchant,
            "detail": f"captured − refunded differs from its postings by {int(diff)}",
        }
        for order_id, merchant, diff in rows
    ]
    checked = (
        db.session.scalar(
            select(func.count(func.distinct(PaymentAttempt.order_id))).where(PaymentAttempt.status == "succeeded")
        )
        or 0
    )
    return int(checked), findings


def run_check() -> LedgerCheck:
    """Check the whole ledger now and record the result."""
    started = time.monotonic()
    findings = integrity.books_findings()
    orders_checked, order_findings = _orders_off()
    return integrity.record_check(findings + order_findings, orders_checked=orders_checked, started=started)
