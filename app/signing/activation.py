"""Paying a contract's first order activates it: period 1 starts at the payment, and the payment's
mandate (if its channel signs one) is what later periods are deducted through.

A contract with a free trial paid nothing for its first order (it signed the mandate): it is ``trialing`` for
period 0, from the payment to the trial's end, which anchors the periods; period 1, the first charged, starts
then and is deducted by the renewal sweep like any renewal. The membership runs to the trial's end meanwhile."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.orders.entitlements import grant_membership_until
from app.orders.models import Order
from app.platform.outbox.events import Event, only_for_orders, orders_in, subscribe
from app.signing.clocks import now_for
from app.signing.contracts import change
from app.signing.mandates import signed_mandate
from app.signing.models import Subscription
from app.signing.periods import period_bounds, shift
from app.signing.renewals.orders import give_back_unused_payment


def activate_for_order(order_id: str) -> Subscription | None:
    """Activate the pending contract whose first order this is; safe to run again."""
    sub = db.session.scalar(select(Subscription).where(Subscription.first_order_id == order_id))
    if sub is not None and sub.status == "canceled" and sub.anchor_at is None:
        # Canceled after this payment landed but before it activated the contract: it buys nothing, so it goes back.
        give_back_unused_payment(order_id, sub.id)
        return sub
    if sub is None or sub.status != "pending":
        return sub
    mandate = signed_mandate(db.session.get(Order, order_id))  # may ask the provider: before any lock is held
    now = now_for(sub)
    if sub.trial_days:
        end = shift(now, "day", sub.trial_days)
        change(
            sub,
            target="trialing",
            reason=f"first order {order_id} signed; free trial of {sub.trial_days} days",
            actor="system",
            event="subscription.activated",
            anchor_at=end,
            anchor_period=0,
            period=0,
            current_period_start=now,
            current_period_end=end,
            next_renewal_at=end,
            **mandate,
        )
    else:
        start, end = period_bounds(now, sub.interval, sub.interval_count, 1)
        change(
            sub,
            target="active",
            reason=f"first order {order_id} paid",
            actor="system",
            event="subscription.activated",
            anchor_at=now,
            anchor_period=0,
            period=1,
            current_period_start=start,
            current_period_end=end,
            next_renewal_at=end,
            **mandate,
        )
    grant_membership_until(db.session.get(Order, order_id), end, now)
    db.session.commit()
    return sub


_first_orders = orders_in(Subscription.first_order_id)  # the orders that started a contract


@subscribe("order.paid", batch=only_for_orders(_first_orders))
def activate_paid_subscription(event: Event) -> None:
    """Outbox handler: a paid first order activates its contract."""
    activate_for_order(event.data["object"]["id"])


def expire_for_order(order_id: str) -> Subscription | None:
    """A contract whose first order closed unpaid never started: it expires. Safe to run again."""
    sub = db.session.scalar(select(Subscription).where(Subscription.first_order_id == order_id))
    if sub is None or sub.status != "pending":
        return sub
    change(
        sub,
        target="expired",
        reason=f"first order {order_id} closed unpaid",
        actor="system",
        event="subscription.expired",
        next_renewal_at=None,
    )
    db.session.commit()
    return sub


@subscribe("order.closed", batch=only_for_orders(_first_orders))
def expire_unpaid_subscription(event: Event) -> None:
    """Outbox handler: an expired or canceled first order expires its pending contract."""
    expire_for_order(event.data["object"]["id"])
