"""Returning a capture the order does not keep (DESIGN.md §3): it landed after the order was closed, or the order
was already paid by another payment. A return is a refund of kind ``capture_return`` through the same two steps as
any refund (app/payments/refunds/services.py, which also sends a refused one again, and settling.py), but it never
moves the order: the order never kept that money."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.errors import Conflict
from app.extensions import db
from app.orders.models import Order
from app.payments.models import PaymentAttempt, Refund
from app.payments.order_lock import order_lock
from app.payments.refunds.services import hold_refund_money, resend_capture_return
from app.payments.refunds.settling import send_refund
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.values.ids import new_id

log = logs.get("refunds")

STRAY_CAPTURE_PREFIX = "stray capture returned: "


def refund_stray_capture(attempt_id: str, why: str, *, actor: str = "system") -> Refund | None:
    """Give back, in full, a capture the order does not keep: it landed after the order was closed, or
    the order was already paid by another payment. Safe to run again: one return per capture (the database
    holds it to that), resent under its own reference until the provider settles it; a refused one is
    tried again under a fresh reference."""
    attempt = db.session.get(PaymentAttempt, attempt_id)
    if attempt is None or attempt.status != "succeeded":
        return None
    earlier = db.session.scalar(
        select(Refund)
        .where(Refund.payment_id == attempt_id, Refund.kind == "capture_return")
        .order_by(Refund.created_at.desc())
        .limit(1)
    )
    if earlier is not None:
        if earlier.status == "succeeded":
            return earlier
        return send_refund(earlier.id) if earlier.status == "pending" else resend_capture_return(earlier.id)
    order = db.session.get(Order, attempt.order_id)
    now = utcnow()
    with order_lock(order.id):
        refund = Refund(
            id=new_id("re"),
            merchant_id=order.merchant_id,
            order_id=order.id,
            business_line_id=order.business_line_id,
            payment_id=attempt.id,
            channel=attempt.channel,
            amount=attempt.amount,
            currency=attempt.currency,
            status="pending",
            kind="capture_return",
            reason=(STRAY_CAPTURE_PREFIX + why)[:500],
            previous_order_status=order.status,
            provider_attempt=1,
            actor=actor,
            created_at=now,
            updated_at=now,
        )
        db.session.add(refund)
        try:
            db.session.flush()
            hold_refund_money(order, refund, attempt)
            db.session.commit()
        except IntegrityError:  # this capture's return, or another refund of the order, is in flight: retry later
            db.session.rollback()
            raise Conflict("another refund of this order is in progress", code="refund_in_progress") from None
    log.warning(
        "returning a stray capture",
        extra={"fields": {"order_id": order.id, "attempt_id": attempt.id, "refund_id": refund.id}},
    )
    return send_refund(refund.id)
