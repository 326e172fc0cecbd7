"""Compensation: money back, in full, for an order Kassa could not fulfil (DESIGN.md §3).

The orders domain records ``order.fulfilment_failed``; this outbox handler refunds whatever
remains through the capturing channel. If the channel refuses, the handler raises and the outbox
retries it later, which retries the same refund rather than creating another. When nothing refundable
remains (refunds and lost disputes already gave it all back) it stops, saying so on the order's
timeline; while an open dispute holds the rest it waits, as the dispute may be won and the money return: won, that
money is refunded too (the shopper was never served), even after the refund of what the dispute left.
"""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.orders.models import Order, OrderTimelineEntry
from app.orders.services import get_order, note_on_timeline
from app.orders.timeline_kinds import EntryCode
from app.payments.models import OPEN, STRAY_CAPTURE, Dispute, Refund
from app.payments.refunds.capture_returns import refund_stray_capture
from app.payments.refunds.representation import refunds_for_order
from app.payments.refunds.services import COMPENSATION_PREFIX, create_refund, refundable, retry_refund
from app.payments.refunds.settling import send_refund
from app.payments.refunds.sub_order_endings import compensate_undelivered_parts
from app.platform.observability import logs
from app.platform.outbox.events import Event, HandlerWaits, subscribe

log = logs.get("compensation")

REASON_PREFIX = COMPENSATION_PREFIX


class CompensationIncomplete(Exception):
    """The compensation refund did not go through yet; the outbox will retry."""


class DisputeHolds(HandlerWaits):
    """All that could go back did; an open dispute may still bring money back for the shopper (the outbox waits)."""


def compensate_unfulfilled_order(merchant_id: str, order_id: str, why: str) -> Refund | None:
    """Refund all that remains of an order whose fulfilment failed for good; safe to run again."""
    order = get_order(merchant_id, order_id)
    if order.status == "refunded":
        return None
    parts = compensate_undelivered_parts(merchant_id, order, why)
    if parts is not None:  # a split order some parts of which were delivered: only the others are refunded
        unfinished = [refund for refund in parts if refund.status != "succeeded"]
        if unfinished:
            raise CompensationIncomplete(f"compensation refund {unfinished[0].id} is {unfinished[0].status}")
        return parts[-1] if parts else None
    # Kassa's own compensation refunds, never a merchant's refund whose reason happens to read alike.
    earlier = [
        r
        for r in refunds_for_order(order_id)
        if r.kind == "order" and r.actor == "system" and (r.reason or "").startswith(REASON_PREFIX)
    ]
    last = earlier[-1] if earlier else None
    remaining = refundable(order)
    if last is not None and last.status == "pending":
        refund = send_refund(last.id)
    elif remaining <= 0 and last is not None and last.status == "succeeded":
        _wait_for_open_dispute(order)
        return last
    elif remaining <= 0:
        _nothing_to_refund(order, why)
        return None
    elif last is not None and last.status != "succeeded" and last.amount <= remaining:
        refund = retry_refund(merchant_id, last.id, actor="system")
    else:
        refund = create_refund(merchant_id, order_id, reason=(REASON_PREFIX + why)[:500], actor="system")
    if refund.status != "succeeded":
        raise CompensationIncomplete(f"compensation refund {refund.id} is {refund.status}: {refund.failure_reason}")
    # All that remained went back, but an open dispute may still be won and its money come back to the merchant: the
    # shopper, never served, gets that too, so the outbox keeps the compensation until the dispute closes.
    _wait_for_open_dispute(order)
    log.info(
        "order compensated",
        extra={"fields": {"merchant_id": merchant_id, "order_id": order_id, "refund_id": refund.id}},
    )
    return refund


def _nothing_to_refund(order: Order, why: str) -> None:
    """Stop compensating an order nothing of which can be refunded, once it is certain: retrying could never refund
    anything. While an open dispute holds money it may come back (won), so the outbox retries until it closes."""
    _wait_for_open_dispute(order)
    note = (
        f"{REASON_PREFIX}{why}: nothing left to refund (refunds and lost disputes already gave the whole "
        "total back); compensation stopped"
    )[:500]
    known = (
        select(OrderTimelineEntry.id)
        .where(OrderTimelineEntry.order_id == order.id, OrderTimelineEntry.reason == note)
        .limit(1)
    )
    if db.session.scalar(known) is None:  # the outbox may deliver the event again
        note_on_timeline(order, note, actor="system", kind=EntryCode.NOTHING_LEFT_TO_REFUND)
        db.session.commit()
    log.warning(
        "compensation stopped: nothing left to refund",
        extra={"fields": {"merchant_id": order.merchant_id, "order_id": order.id, "status": order.status}},
    )


def _wait_for_open_dispute(order: Order) -> None:
    """DisputeHolds (the outbox retries) while a dispute holds money of the order that may come back."""
    holding = db.session.scalar(
        select(Dispute.id).where(Dispute.order_id == order.id, Dispute.status.in_(OPEN)).limit(1)
    )
    if holding is not None:
        raise DisputeHolds(f"the rest of order {order.id} is held by open dispute {holding}; waiting for its outcome")


@subscribe(STRAY_CAPTURE)
def return_stray_capture(event: Event) -> None:
    """Outbox handler: a capture the order does not keep (closed, or paid by another payment) goes back to
    the shopper at once; until the provider confirms, the handler raises and the outbox retries."""
    payment = event.data["object"]
    refund = refund_stray_capture(
        payment["id"], f"payment {payment['id']} was captured after its order was closed or already paid"
    )
    if refund is not None and refund.status != "succeeded":
        raise CompensationIncomplete(f"stray capture refund {refund.id} is {refund.status}")


@subscribe("order.fulfilment_failed")
def refund_unfulfilled_order(event: Event) -> None:
    """Outbox handler: compensate the order whose fulfilment was given up."""
    order = event.data["object"]
    compensate_unfulfilled_order(event.merchant_id, order["id"], order.get("reason") or "unknown error")
