"""Compensation: money back, in full, for an order Kassa could not fulfil (DESIGN.md §3).

The orders domain records ``order.fulfilment_failed``; this outbox handler refunds whatever
remains through the capturing channel. If the channel refuses, the handler raises and the outbox
retries it later, which retries the same refund rather than creating another.
"""
from __future__ import annotations

from app import logs
from app.events import Event, subscribe
from app.orders.services import get_order
from app.payments.refund_models import Refund
from app.payments.order_refunds import refunds_for_order
from app.payments.capture_returns import refund_stray_capture
from app.payments.refunds import create_refund, retry_refund, send_refund

log = logs.get("compensation")

REASON_PREFIX = "fulfilment failed: "


class CompensationIncomplete(Exception):
    """The compensation refund did not go through yet; the outbox will retry."""


def compensate_unfulfilled_order(merchant_id: str, order_id: str, why: str) -> Refund | None:
    """Refund all that remains of an order whose fulfilment failed for good; safe to run again."""
    order = get_order(merchant_id, order_id)
    if order.status == "refunded":
        return None
    # Kassa's own compensation refunds, never a merchant's refund whose reason happens to read alike.
    earlier = [r for r in refunds_for_order(order_id)
               if r.kind == "order" and r.actor == "system" and (r.reason or "").startswith(REASON_PREFIX)]
    if earlier and earlier[-1].status == "succeeded":
        return earlier[-1]
    if earlier and earlier[-1].status == "pending":
        refund = send_refund(earlier[-1].id)
    elif earlier:
        refund = retry_refund(merchant_id, earlier[-1].id, actor="system")
    else:
        refund = create_refund(merchant_id, order_id, reason=(REASON_PREFIX + why)[:500], actor="system")
    if refund.status != "succeeded":
        raise CompensationIncomplete(f"compensation refund {refund.id} is {refund.status}: {refund.failure_reason}")
    log.info("order compensated", extra={"fields": {"merchant_id": merchant_id, "order_id": order_id,
                                                    "refund_id": refund.id}})
    return refund


@subscribe("payment.captured_on_inactive_order")
def return_stray_capture(event: Event) -> None:
    """Outbox handler: a capture the order does not keep (closed, or paid by another payment) goes back to
    the shopper at once; until the provider confirms, the handler raises and the outbox retries."""
    payment = event.data["object"]
    refund = refund_stray_capture(payment["id"], f"payment {payment['id']} was captured after its order "
                                                 "was closed or already paid")
    if refund is not None and refund.status != "succeeded":
        raise CompensationIncomplete(f"stray capture refund {refund.id} is {refund.status}")


@subscribe("order.fulfilment_failed")
def refund_unfulfilled_order(event: Event) -> None:
    """Outbox handler: compensate the order whose fulfilment was given up."""
    order = event.data["object"]
    compensate_unfulfilled_order(event.merchant_id, order["id"], order.get("reason") or "unknown error")
