"""Wallet top-ups: an order of kind ``topup`` (an amount, no items) paid through the normal hub.

Once paid, the outbox handler below credits the customer's wallet (idempotent by the order id as
journal reference) and completes the order, in one transaction.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from app.extensions import db
from app.ledger.journal import find_entry
from app.ledger.wallet.services import credit_topup, parse_wallet_amount
from app.merchants.models import Merchant
from app.orders.customers import parse_customer_id
from app.orders.models import Order, OrderTimelineEntry
from app.orders.representation import order_object
from app.orders.screening import prospect_for
from app.orders.services import transition
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Event, record_event, subscribe
from app.platform.switches import refuse_new_orders
from app.platform.values.ids import new_id
from app.platform.values.money import Money, max_amount
from app.risk.assessment import assess, refuse_if_blocked
from app.risk.review import held_for_review

log = logs.get("orders")


class TopupCreditWaits(Exception):
    """A refund of a top-up not credited yet is in flight: credit what it leaves once it settles (the outbox
    retries the handler)."""


def max_topup_amount(currency: str) -> int:
    """A tenth of the currency's largest amount ($100,000.00, 1,000,000,000.00 IDR); larger top-ups are refused."""
    return (max_amount(currency) + 1) // 10


_STATUS = {
    "created": "pending",
    "paying": "pending",
    "paid": "pending",
    "fulfilled": "pending",
    "completed": "succeeded",
    "closed": "canceled",
    "refunding": "refunded",
    "refunded": "refunded",
}


def topup_status(order: Order) -> str:
    """pending until the wallet is credited, then succeeded; canceled when the order closed unpaid."""
    return _STATUS[order.status]


def parse_topup_amount(amount: object, currency: object) -> Money:
    """The requested top-up as Money, or a 400 naming the bad parameter."""
    return parse_wallet_amount(amount, currency, maximum=max_topup_amount)


def create_topup_order(
    merchant_id: str,
    customer_id: str,
    amount: Money,
    *,
    livemode: bool,
    customer_source: str,
    actor: str = "api",
    checkout_session_id: str | None = None,
) -> Order:
    """Open a ``topup`` order for ``amount`` that expires like any order, in one transaction."""
    refuse_new_orders(merchant_id)
    customer_id = parse_customer_id(customer_id, param="id")
    prospect = prospect_for(
        merchant_id,
        customer_id=customer_id,
        email=None,
        amount=amount.amount,
        currency=amount.currency,
        livemode=livemode,
    )
    assessment = assess(prospect)
    refuse_if_blocked(assessment, prospect)
    merchant = db.session.get(Merchant, merchant_id)
    order_id, now = new_id("ord"), utcnow()
    order = Order(
        id=order_id,
        merchant_id=merchant_id,
        kind="topup",
        risk=assessment.to_json(),
        status="created",
        version=1,
        livemode=livemode,
        customer_id=customer_id,
        customer_source=customer_source,
        checkout_session_id=checkout_session_id,
        currency=amount.currency,
        subtotal=amount.amount,
        discount=0,
        total=amount.amount,
        client_secret=f"{order_id}_secret_{secrets.token_urlsafe(18)}",
        metadata_={},
        expires_at=now + timedelta(minutes=merchant.order_timeout_minutes),
        created_at=now,
        updated_at=now,
        items=[],
    )
    db.session.add(order)
    db.session.add(
        OrderTimelineEntry(
            order_id=order_id,
            merchant_id=merchant_id,
            from_status=None,
            status="created",
            reason="wallet top-up created",
            actor=actor,
            at=now,
        )
    )
    record_event(merchant_id, "order.created", order_object(order))
    db.session.commit()
    return order


@subscribe("order.paid", applies=lambda order: order.get("kind", "topup") == "topup")
def credit_paid_topup(event: Event) -> None:
    """A paid top-up credits the wallet and completes its order (the dispatcher commits)."""
    order = db.session.get(Order, event.data["object"]["id"])
    if order is None or order.kind != "topup":
        return
    if held_for_review(order):
        return  # credited when the merchant approves it (app/orders/review.py)
    _credit(order)


def credit_held_topup(order_id: str) -> None:
    """Credit a paid top-up that risk review held back, now approved (commits)."""
    order = db.session.get(Order, order_id, populate_existing=True)
    if order is not None and order.kind == "topup" and order.status == "paid":
        _credit(order)
        db.session.commit()


def _credit(order: Order) -> None:
    if find_entry("wallet.topup", order.id) is None:
        # Refunded before it was credited (held for review, or its credit still queued): that refund took
        # nothing from the wallet, so the wallet gets only what the refunds left, and nothing while one is open.
        if order.status == "refunding":
            raise TopupCreditWaits(f"top-up {order.id} is being refunded; it is credited once the refund settles")
        owed = order.total - order.refunded_amount
        if order.status != "paid" or owed <= 0:
            return
        credit_topup(
            order.merchant_id,
            order.customer_id,
            Money(owed, order.currency),
            reference=order.id,
            livemode=order.livemode,
        )
    if order.status == "paid":
        transition(order, "fulfilled", reason="credited to the wallet", actor="system")
    if order.status == "fulfilled":
        transition(order, "completed", reason="top-up complete", actor="system")
    log.info(
        "wallet top-up credited",
        extra={
            "fields": {
                "merchant_id": order.merchant_id,
                "order_id": order.id,
                "amount": order.total,
                "currency": order.currency,
            }
        },
    )
