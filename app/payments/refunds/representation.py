"""An order's refunds as they are read and shown: the Refund of shared/API.md, and the reads of one order's refunds or
of a page of orders' refunds. Making and settling them is app/payments/refunds/services.py's job."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from app.extensions import db
from app.payments.models import Refund
from app.platform.values.times import iso_time


def refund_object(refund: Refund) -> dict:
    """The Refund of shared/API.md, as the API answers it and refund.* events carry it."""
    return {
        "id": refund.id,
        "object": "refund",
        "order": refund.order_id,
        "payment": refund.payment_id,
        "sub_order": refund.sub_order_id,
        "amount": refund.amount,
        "currency": refund.currency,
        "status": refund.status,
        "reason": refund.reason,
        "failure_reason": refund.failure_reason,
        "risk": refund.risk,
        "created_at": iso_time(refund.created_at),
    }


_ORDER_REFUNDS = (
    select(Refund).where(Refund.order_id == bindparam("b_order")).order_by(Refund.created_at, Refund.id)
)  # built once: every order read shows its refunds


def refunds_for_order(order_id: str) -> list[Refund]:
    """An order's refunds, oldest first."""
    return list(db.session.scalars(_ORDER_REFUNDS, {"b_order": order_id}))


def refunds_for_orders(order_ids: list[str]) -> dict[str, list[Refund]]:
    """Several orders' refunds in one statement (a page of a list), each order's oldest first."""
    found: dict[str, list[Refund]] = {}
    if order_ids:
        for refund in db.session.scalars(
            select(Refund).where(Refund.order_id.in_(order_ids)).order_by(Refund.created_at, Refund.id)
        ):
            found.setdefault(refund.order_id, []).append(refund)
    return found
