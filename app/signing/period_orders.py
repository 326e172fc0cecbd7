"""The orders that pay a contract's period: its first order and its renewals' orders. Signing grants their
membership, to the period's end (``grant_membership_until``); fulfilment, which knows nothing of contracts, is told
to leave it out (app/orders/entitlements.py, ``periods_paid_by``; wired by app/subscribers.py)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_

from app.orders.entitlements import periods_paid_by
from app.signing.models import Subscription, SubscriptionRenewal


@periods_paid_by
def pays_a_period(order_id: str | ColumnElement[str]) -> ColumnElement[bool]:
    """SQL: is the order (an id, or a column) a contract's first or renewal order?"""
    return or_(
        exists().where(Subscription.first_order_id == order_id),
        exists().where(SubscriptionRenewal.order_id == order_id),
    )
