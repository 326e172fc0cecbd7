"""Paying a contract's first order activates it: period 1 starts at the payment, and the payment's
mandate (if its channel signs one) is what later periods are deducted through."""
from __future__ import annotations

from sqlalchemy import bindparam, select

from app.events import Event, only_for_orders, subscribe
from app.extensions import db
from app.orders.entitlements import grant_membership_until
from app.orders.models import Order
from app.signing.clocks import now_for
from app.signing.contracts import change
from app.signing.mandates import signed_mandate
from app.signing.models import Subscription
from app.signing.periods import period_bounds


def activate_for_order(order_id: str) -> Subscription | None:
    """Activate the pending contract whose first order this is; safe to run again."""
    sub = db.session.scalar(select(Subscription).where(Subscription.first_order_id == order_id))
    if sub is None or sub.status != "pending":
        return sub
    mandate = signed_mandate(db.session.get(Order, order_id))  # may ask the provider: before any lock is held
    now = now_for(sub)
    start, end = period_bounds(now, sub.interval, sub.interval_count, 1)
    change(sub, target="active", reason=f"first order {order_id} paid", actor="system",
           event="subscription.activated", anchor_at=now, anchor_period=0, period=1, current_period_start=start,
           current_period_end=end, next_renewal_at=end, **mandate)
    grant_membership_until(db.session.get(Order, order_id), end, now)
    db.session.commit()
    return sub


_FIRST_ORDERS = select(Subscription.first_order_id).where(  # built once: a dispatch batch binds its orders
    Subscription.first_order_id.in_(bindparam("b_orders", expanding=True)))


def _first_orders(order_ids: list[str]) -> list[str]:
    """Which of these orders started a contract (the rest concern no subscription)."""
    return list(db.session.scalars(_FIRST_ORDERS, {"b_orders": order_ids}))


@subscribe("order.paid", batch=only_for_orders(_first_orders))
def activate_paid_subscription(event: Event) -> None:
    """Outbox handler: a paid first order activates its contract."""
    activate_for_order(event.data["object"]["id"])


def expire_for_order(order_id: str) -> Subscription | None:
    """A contract whose first order closed unpaid never started: it expires. Safe to run again."""
    sub = db.session.scalar(select(Subscription).where(Subscription.first_order_id == order_id))
    if sub is None or sub.status != "pending":
        return sub
    change(sub, target="expired", reason=f"first order {order_id} closed unpaid", actor="system",
           event="subscription.expired", next_renewal_at=None)
    db.session.commit()
    return sub


@subscribe("order.closed", batch=only_for_orders(_first_orders))
def expire_unpaid_subscription(event: Event) -> None:
    """Outbox handler: an expired or canceled first order expires its pending contract."""
    expire_for_order(event.data["object"]["id"])
