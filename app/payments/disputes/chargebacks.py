"""An order the shopper's bank took back in full gives back what it granted, as a refund in full does.

A lost dispute's money went back to the shopper as a refund's does (app/payments/disputes/services.py), and an order
refunded
in full takes back its credits and membership days (app/orders/fulfilment.py, on ``order.refunded``). An order whose
lost disputes alone gave the whole total back is never ``refunded`` (a chargeback is not a refund: it keeps its
status), so without this the shopper who charged the payment back kept both the money and the goods.
"""

from __future__ import annotations

from app.extensions import db
from app.orders.entitlements import take_back_refunded
from app.orders.models import Order
from app.payments.refunds.settling import lost_to_disputes
from app.platform.observability import logs
from app.platform.outbox.events import Event, subscribe

log = logs.get("disputes")


@subscribe("dispute.closed", applies=lambda dispute: dispute.get("status") == "lost")
def take_back_charged_back_grants(event: Event) -> None:
    """Outbox handler: once refunds and lost disputes together gave the order's whole total back, its grants go (safe
    to run again: each grant is taken back once). A partial chargeback leaves them, as a partial refund does."""
    order = db.session.get(Order, event.data["object"]["order"])
    if order is None or order.kind != "purchase" or order.refunded_amount + lost_to_disputes(order.id) < order.total:
        return
    for grant in take_back_refunded(order.id):
        log.info(
            "charged-back grant taken back",
            extra={
                "fields": {
                    "merchant_id": grant.merchant_id,
                    "order_id": grant.order_id,
                    "customer_id": grant.customer_id,
                    "credits": grant.credits_taken_back,
                    "membership_days": grant.membership_days_taken_back,
                }
            },
        )
