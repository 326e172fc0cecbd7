"""What a shopper reads of an order's timeline.

Each entry's ``reason`` is Kassa's note for the merchant: English with ids, and sometimes the merchant's own words (a
maintenance action's reason, a refund's reason, a card-block refund naming the risk list) or Kassa's internals. The
shopper's browser (a publishable key) reads instead a neutral sentence chosen by the kind of entry alone: its
``reason_code`` when the move does not tell it (a CloseReason on the row that closed the order, an EntryCode below),
else its move from one status to another. So no note, however it is worded or whoever typed it, reaches the shopper,
and an entry of a kind not listed here gets a sentence that says only where the order stands.
"""

from __future__ import annotations

from enum import StrEnum

from app.orders.close_reasons import CloseReason
from app.orders.models import OrderTimelineEntry


class EntryCode(StrEnum):
    """The kinds of entry whose move alone does not say what happened: notes (the status stays) and the refund
    outcomes that return an order to where it was."""

    REFUND_FAILED = "refund_failed"  # the channel refused a refund: the order is back where it was
    PARTIALLY_REFUNDED = "partially_refunded"  # a partial refund went through: the order is back where it was
    DISPUTE_OPENED = "dispute_opened"  # the shopper's bank took the payment back (a chargeback)
    DISPUTE_CLOSED = "dispute_closed"  # the bank decided the dispute, won or lost
    CAPTURE_RETURNED = "capture_returned"  # money captured for an order that did not keep it went back
    CAPTURE_NOT_RETURNED = "capture_not_returned"  # ... or the provider refused to return it yet
    MAINTENANCE = "maintenance"  # the merchant's people acted on the order by hand
    NOTHING_LEFT_TO_REFUND = "nothing_left_to_refund"  # a compensation found everything already given back
    OUTCOME_UNKNOWN = "outcome_unknown"  # the provider gave no clear answer: the payment is checked
    FULFILMENT_PENDING = "fulfilment_pending"  # the merchant's system accepted the order and delivers it later
    PART_FULFILLED = "part_fulfilled"  # one part of a split order was delivered
    PART_CONFIRMED = "part_confirmed"  # the receipt of one part of a split order was confirmed


_BY_CODE: dict[str, str] = {
    CloseReason.EXPIRED: "The order expired before it was paid",
    CloseReason.CANCELED: "The order was canceled",
    CloseReason.PAYMENT_ENDED: "The payment was canceled",
    CloseReason.PAID_BY_ANOTHER_ORDER: "This checkout was paid with another order",
    CloseReason.RENEWAL_UNPAID: "This renewal was not paid in time",
    CloseReason.SUBSCRIPTION_CANCELED: "The subscription was canceled",
    EntryCode.REFUND_FAILED: "A refund could not be completed",
    EntryCode.PARTIALLY_REFUNDED: "Part of the payment was refunded",
    EntryCode.DISPUTE_OPENED: "The payment was disputed at the bank",
    EntryCode.DISPUTE_CLOSED: "The bank closed the dispute",
    EntryCode.CAPTURE_RETURNED: "A payment taken after the order had ended was returned",
    EntryCode.CAPTURE_NOT_RETURNED: "A payment taken after the order had ended is being returned",
    EntryCode.MAINTENANCE: "The merchant's team looked into this order",
    EntryCode.NOTHING_LEFT_TO_REFUND: "Everything paid for this order was already given back",
    EntryCode.OUTCOME_UNKNOWN: "The payment is being confirmed with the payment provider",
    EntryCode.FULFILMENT_PENDING: "The merchant is preparing the order",
    EntryCode.PART_FULFILLED: "Part of the order was delivered",
    EntryCode.PART_CONFIRMED: "The receipt of part of the order was confirmed",
}

_BY_MOVE: dict[tuple[str | None, str], str] = {
    (None, "created"): "Order created",
    ("created", "paying"): "Payment started",
    ("paying", "paid"): "Payment received",
    ("created", "paid"): "Nothing was due, so the order was placed without a payment",
    ("paying", "created"): "The payment was not completed",
    ("paid", "fulfilled"): "Order fulfilled",
    ("fulfilled", "completed"): "Order completed",
}

# Where the move is none of the above: what the status it ended in says.
_BY_STATUS: dict[str, str] = {
    "created": "Order created",
    "paying": "Payment started",
    "paid": "Payment received",
    "fulfilled": "Order fulfilled",
    "completed": "Order completed",
    "refunding": "Refund requested",
    "refunded": "Refunded in full",
    "closed": "The order was closed",
}


def shopper_reason(entry: OrderTimelineEntry) -> str:
    """The sentence a shopper reads for ``entry``, chosen by its kind, never by its ``reason``."""
    if entry.reason_code in _BY_CODE:
        return _BY_CODE[entry.reason_code]
    if entry.from_status == entry.status:
        return "This order was updated"  # a note of a kind not listed: its words are the merchant's
    if entry.from_status == "refunding" and entry.status != "refunded":
        return "The refund was processed"  # an entry from before refund outcomes were coded
    return _BY_MOVE.get((entry.from_status, entry.status)) or _BY_STATUS.get(entry.status, "This order was updated")
