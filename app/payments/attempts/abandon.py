"""Payments the shopper gave up on: they chose another payment method, or the QR code they were shown expired.

Either way the attempt is failed and its order reopened (``created``) for another try on the same order, so
the basket, quantity and coupon stay as they were. Should the provider capture the given-up attempt anyway
(the shopper scanned the code just before), the hub's late-capture rule pays the order with it; it is never
paid twice (see ``_move_order`` in app/payments/attempts/hub.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.errors import Conflict, NotFound
from app.extensions import db
from app.orders.models import Order
from app.payments.attempts.hub import fail_attempt
from app.payments.models import ACTIVE_ATTEMPT_STATUSES, PaymentAttempt
from app.platform.db.types import utcnow

SWITCHED = "you chose another payment method"
QR_EXPIRED = "the QR code expired"


def _active_attempt(order_id: str) -> PaymentAttempt | None:
    return db.session.scalar(
        select(PaymentAttempt).where(
            PaymentAttempt.order_id == order_id, PaymentAttempt.status.in_(ACTIVE_ATTEMPT_STATUSES)
        )
    )


def qr_expires_at(attempt: PaymentAttempt | None) -> datetime | None:
    """When the QR code this attempt shows stops being payable, or None (no QR, or no expiry)."""
    action = (attempt.next_action or {}) if attempt is not None else {}
    if action.get("type") != "qr" or not isinstance(action.get("expires_at"), str):
        return None
    try:
        return datetime.fromisoformat(action["expires_at"].replace("Z", "+00:00"))
    except ValueError:
        return None


def switch_payment_method(order: Order, payment_id: str | None = None) -> Order:
    """Give up the order's waiting payment so the shopper can pay another way; returns the reopened order.
    ``payment_id``, when given, must be that waiting payment (a stale page must not abandon a newer one)."""
    attempt = _active_attempt(order.id)
    if attempt is None or (payment_id is not None and attempt.id != payment_id):
        if (
            payment_id is not None
            and db.session.scalar(
                select(PaymentAttempt.id).where(PaymentAttempt.id == payment_id, PaymentAttempt.order_id == order.id)
            )
            is None
        ):
            raise NotFound(f"no payment {payment_id} on this order", param="payment")
        raise Conflict(
            "this order has no payment waiting for the shopper; it may have been paid or decided meanwhile",
            code="payment_not_waiting",
        )
    if attempt.status != "pending":
        raise Conflict(
            "the outcome of this payment is not known yet; it is being checked with the provider",
            code="payment_outcome_unknown",
        )
    fail_attempt(attempt.id, SWITCHED, actor="shopper")
    return db.session.get(Order, order.id, populate_existing=True)


def expire_qr_payment(order_id: str, *, now: datetime | None = None) -> bool:
    """Give up the order's waiting QR payment once its code has expired; True when it did."""
    attempt = _active_attempt(order_id)
    expires = qr_expires_at(attempt)
    if attempt is None or attempt.status != "pending" or expires is None or expires > (now or utcnow()):
        return False
    return fail_attempt(attempt.id, QR_EXPIRED, actor="system")
