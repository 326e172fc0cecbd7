"""An order's payments as they are read and shown: the Payment of shared/API.md, and the reads of one order's
attempts or of a page of orders' attempts. Moving them is the hub's job (app/payments/attempts/hub.py)."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from app.extensions import db
from app.payments.models import PaymentAttempt
from app.platform.values.times import iso_time


def payment_object(attempt: PaymentAttempt) -> dict:
    """The Payment of shared/API.md, as the API answers it and payment.* events carry it."""
    return {
        "id": attempt.id,
        "object": "payment",
        "order": attempt.order_id,
        "channel": attempt.channel,
        "status": attempt.status,
        "amount": attempt.amount,
        "currency": attempt.currency,
        "provider_reference": attempt.provider_reference,
        "failure_reason": attempt.failure_reason,
        "card_fingerprint": attempt.card_fingerprint,
        "created_at": iso_time(attempt.created_at),
    }


_ORDER_PAYMENTS = (
    select(PaymentAttempt).where(PaymentAttempt.order_id == bindparam("b_order")).order_by(PaymentAttempt.created_at)
)  # built once: every order read shows its payments


def payments_for_order(order_id: str) -> list[PaymentAttempt]:
    """An order's payments, oldest first."""
    return list(db.session.scalars(_ORDER_PAYMENTS, {"b_order": order_id}))


def payments_for_orders(order_ids: list[str]) -> dict[str, list[PaymentAttempt]]:
    """Several orders' payments in one statement (a page of a list), each order's oldest first."""
    found: dict[str, list[PaymentAttempt]] = {}
    if order_ids:
        for attempt in db.session.scalars(
            select(PaymentAttempt).where(PaymentAttempt.order_id.in_(order_ids)).order_by(PaymentAttempt.created_at)
        ):
            found.setdefault(attempt.order_id, []).append(attempt)
    return found
