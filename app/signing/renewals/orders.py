"""Renewal orders settled by news that comes later: a callback, the poller or the janitor settles a deduction after
the renewal job moved on, and the outbox's ``order.paid`` or ``payment.failed`` reaches here. A capture renews the
contract (``renewals.renewal_paid``); if the renewal was given up in the meantime (canceled, paused), the period
will not be delivered and the payment goes back in full. A failure is the waiting try's, counted by dunning like
any declined renewal (``renewals.awaited_deduction_failed``); a given-up renewal's order then closes.
"""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.orders.close_reasons import CloseReason
from app.orders.models import Order
from app.orders.services import close_order
from app.payments.refunds.services import create_refund
from app.platform.observability import logs
from app.platform.outbox.events import Event, only_for_orders, orders_in, subscribe
from app.signing.clocks import now_for
from app.signing.models import Subscription, SubscriptionRenewal
from app.signing.renewals.services import PAID_ORDER, awaited_deduction_failed, renewal_paid

log = logs.get("signing.renewals")
# How the refund of a payment that bought nothing reads and who made it: the subscriber's email says why it came back
# (app/receipts/subscription_sending.py).
GIVEN_BACK_REASON = "paid after subscription"
GIVEN_BACK_BY = "system:renewal"


def renewal_of_order(order_id: str) -> SubscriptionRenewal | None:
    return db.session.scalar(select(SubscriptionRenewal).where(SubscriptionRenewal.order_id == order_id))


@subscribe("order.paid", batch=only_for_orders(orders_in(SubscriptionRenewal.order_id)))
def renew_on_paid_order(event: Event) -> None:
    """Outbox handler: a renewal order paid later (a callback, the poller, the janitor) renews its contract."""
    renewal = renewal_of_order(event.data["object"]["id"])
    if renewal is not None and renewal.status == "pending":
        renewal = renewal_paid(renewal.id, now_for(db.session.get(Subscription, renewal.subscription_id)))
    if renewal is not None and renewal.status == "canceled":
        give_back_orphaned_payment(renewal)


@subscribe("payment.failed", batch=only_for_orders(orders_in(SubscriptionRenewal.order_id)))
def dun_on_failed_deduction(event: Event) -> None:
    """Outbox handler: a renewal deduction whose outcome was not known failed after all: dunning records the try's
    failure (event, email, past due, the next try on its schedule); a given-up renewal's order closes."""
    payment = event.data["object"]
    renewal = renewal_of_order(payment["order"])
    if renewal is None:
        return
    if renewal.status == "pending":
        sub = db.session.get(Subscription, renewal.subscription_id)
        awaited_deduction_failed(renewal.id, payment["id"], payment.get("failure_reason") or "declined", now_for(sub))
    elif renewal.status == "canceled":
        order = db.session.get(Order, renewal.order_id, populate_existing=True)
        if order is not None and order.status == "created":
            close_order(
                order,
                why=CloseReason.SUBSCRIPTION_CANCELED,
                reason="its renewal was given up; the deduction on its way failed",
                actor="system:renewal",
            )
            db.session.commit()


def contract_of_order(order_id: str) -> Subscription | None:
    """The contract an order is the first order or a renewal of, if any."""
    renewal = renewal_of_order(order_id)
    if renewal is not None:
        return db.session.get(Subscription, renewal.subscription_id)
    return db.session.scalar(select(Subscription).where(Subscription.first_order_id == order_id))


def give_back_orphaned_payment(renewal: SubscriptionRenewal) -> None:
    """A renewal given up (the contract was canceled) whose order was paid all the same, before Kassa could move
    the contract into the period: the payment buys nothing, so it goes back in full."""
    if renewal.order_id:
        give_back_unused_payment(renewal.order_id, renewal.subscription_id)


def give_back_unused_payment(order_id: str, subscription_id: str) -> None:
    """Refund in full an order of contract ``subscription_id`` paid after the contract was canceled (its first
    order, or a renewal's): the period it paid for will not be delivered. Safe to run again: an order already
    refunded, or being refunded, is left alone."""
    order = db.session.get(Order, order_id, populate_existing=True)
    if order is None or order.status not in PAID_ORDER or order.refunded_amount >= order.total:
        return
    create_refund(
        order.merchant_id,
        order.id,
        reason=f"{GIVEN_BACK_REASON} {subscription_id} was canceled: the period it paid for will not be delivered",
        actor=GIVEN_BACK_BY,
    )
    log.warning(
        "subscription order paid after cancel: refunded",
        extra={"fields": {"subscription_id": subscription_id, "order_id": order.id}},
    )
