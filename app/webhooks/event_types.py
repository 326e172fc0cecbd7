"""The event types a merchant can list (``GET /events?type=``) and subscribe a webhook to.

Order events follow the order state machine; the rest are the types the API contract names
(shared/API.md), so an endpoint may subscribe to them before the code that emits them exists.
"""

from __future__ import annotations

from app.orders.state import STATUSES

ORDER_EVENTS = tuple(f"order.{status}" for status in STATUSES)
PAYMENT_EVENTS = ("payment.succeeded", "payment.failed", "payment.canceled", "payment.captured_on_inactive_order")
SESSION_EVENTS = ("checkout_session.completed",)
RISK_EVENTS = ("risk.review_opened", "risk.review_approved", "risk.review_rejected", "risk.blocked")
CONTRACT_EVENTS = (
    "refund.succeeded",
    "refund.failed",
    "subscription.activated",
    "subscription.renewed",
    "subscription.past_due",
    "subscription.canceled",
    "settlement.paid",
)

# A chargeback: opened (money withdrawn), evidence sent (under review), closed won (money back) or lost.
DISPUTE_EVENTS = ("dispute.created", "dispute.updated", "dispute.closed")
BOOKS_EVENTS = ("settlement.created", "payout.failed", "reconciliation.discrepancy")
WALLET_EVENTS = ("withdrawal.created", "withdrawal.paid", "withdrawal.failed", "transfer.created")

SUBSCRIPTION_EVENTS = (
    "subscription.created",
    "subscription.updated",
    "subscription.paused",
    "subscription.resumed",
    "subscription.renewal_upcoming",
    "subscription.renewal_failed",
    "subscription.expired",
)

# Every type a merchant can subscribe to, in the order a list of them reads: orders and their money first.
SUBSCRIBABLE: tuple[str, ...] = (
    ORDER_EVENTS
    + PAYMENT_EVENTS
    + SESSION_EVENTS
    + CONTRACT_EVENTS
    + DISPUTE_EVENTS
    + RISK_EVENTS
    + SUBSCRIPTION_EVENTS
    + BOOKS_EVENTS
    + WALLET_EVENTS
)
EVENT_TYPES: frozenset[str] = frozenset(SUBSCRIBABLE)
ALL_EVENTS = "*"


def is_known_type(type_: str) -> bool:
    """Whether ``type_`` is an event type Kassa emits (or promises to)."""
    return type_ in EVENT_TYPES
