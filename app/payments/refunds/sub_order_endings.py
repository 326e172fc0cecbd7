"""Ending one part of a paid split order before it is delivered (issue #56): the merchant cancels it, or its
fulfilment fails. Either refunds all that remains of the part through the sub-order refund path
(app/payments/refunds/services.py) and ends it (``canceled`` / ``failed``) in the refund's own transaction, by a
conditional UPDATE: a second cancel, or the same failure reported again, finds it ended and answers the order as it
stands; two at once refund it once (the loser finds it ended, or the refund in flight). When the refund settles the
order follows the parts left (app/orders/sub_order_life.py).

A refund the channel refuses leaves the part ended and the refund ``failed``, to be retried (``POST
/refunds/{id}/retry``, the portal's "Retry this refund"); a failure reported again retries its compensation itself.
"""

from __future__ import annotations

from sqlalchemy import select

from app.errors import Conflict
from app.extensions import db
from app.orders.fulfilment import fulfilment_progress
from app.orders.models import Order, SubOrder
from app.orders.services import get_order
from app.orders.sub_order_life import delivered_already, report_sub_order_delivered
from app.orders.sub_orders import (
    DELIVERED,
    SubOrderEnded,
    refunded_in_full,
    sub_order_of,
    sub_order_refundable,
    sub_order_status,
    sub_orders_of,
)
from app.payments.models import Refund
from app.payments.refunds.services import COMPENSATION_PREFIX, create_refund, refundable, retry_refund
from app.payments.refunds.settling import send_refund
from app.risk.review import held_for_review

CANCEL_REASON = "sub-order canceled"


def cancel_sub_order(
    merchant_id: str, order_id: str, sub_order_id: str, *, reason: str | None = None, actor: str = "api"
) -> Order:
    """Cancel one part of a paid order before it is delivered: all that remains of it is refunded and it becomes
    ``canceled``. Canceling it again answers the order as it stands."""
    order = get_order(merchant_id, order_id)
    sub = sub_order_of(order, sub_order_id)
    if sub.state == "canceled":
        return order
    _check_cancelable(order, sub)
    try:
        create_refund(
            merchant_id,
            order.id,
            reason=reason or CANCEL_REASON,
            actor=actor,
            sub_order_id=sub.id,
            ends_sub_order="canceled",
        )
    except SubOrderEnded:  # ended (or delivered) meanwhile: answer as it was left
        return cancel_sub_order(merchant_id, order_id, sub_order_id, reason=reason, actor=actor)
    return get_order(merchant_id, order_id)


def _check_cancelable(order: Order, sub: SubOrder) -> None:
    """The 409 saying why the part cannot be canceled now, and what to do instead."""
    if order.status in ("created", "paying"):
        raise Conflict(
            f"order {order.id} is not paid yet ({order.status}), so no part of it can be canceled: cancel the whole "
            f"order (POST /orders/{order.id}/cancel) or wait until it is paid",
            code="order_state_invalid",
        )
    if order.status == "closed":
        raise Conflict(f"order {order.id} is closed: it was never paid", code="order_state_invalid")
    if sub.state == "failed" or refunded_in_full(sub) or order.status == "refunded":
        raise Conflict(
            f"sub-order {sub.id} is {sub_order_status(order, sub)}: nothing remains of it to cancel",
            code="sub_order_state_invalid",
            param="sub_order_id",
        )
    if delivered_already(order, sub):
        raise Conflict(
            f"sub-order {sub.id} is already {sub_order_status(order, sub)}: refund it instead "
            f"(POST /orders/{order.id}/sub_orders/{sub.id}/refunds)",
            code="sub_order_fulfilled",
            param="sub_order_id",
        )
    if min(sub_order_refundable(sub), refundable(order)) <= 0:
        raise Conflict(
            f"nothing of sub-order {sub.id} can be refunded any more (disputes took it back)",
            code="sub_order_state_invalid",
            param="sub_order_id",
        )


def report_sub_order_fulfilment(
    merchant_id: str, order_id: str, sub_order_id: str, status: str, reason: str | None = None, *, actor: str = "api"
) -> Order:
    """The merchant's system says how one part's fulfilment ended: ``succeeded`` delivers it
    (app/orders/sub_order_life.py), ``failed`` refunds what remains of it, quoting ``reason``, and ends it
    ``failed``. The same report again answers the order as it stands (and retries a compensation refund the channel
    refused); the other outcome afterwards is a 409."""
    if status == "succeeded":
        return report_sub_order_delivered(merchant_id, order_id, sub_order_id, actor=actor)
    return fail_sub_order(merchant_id, order_id, sub_order_id, reason or "no reason given", actor=actor)


def fail_sub_order(merchant_id: str, order_id: str, sub_order_id: str, why: str, *, actor: str) -> Order:
    """One part could not be delivered: all that remains of it is refunded (the refund quotes ``why``) and it ends
    ``failed``. Run again, it finishes a compensation the channel refused or left unanswered."""
    order = get_order(merchant_id, order_id)
    sub = sub_order_of(order, sub_order_id)
    if sub.state == "failed":
        _finish_compensation(merchant_id, sub, actor)
        return get_order(merchant_id, order_id)
    if delivered_already(order, sub):
        raise Conflict(
            f"fulfilment of sub-order {sub.id} was already reported succeeded: refund it instead "
            f"(POST /orders/{order.id}/sub_orders/{sub.id}/refunds)",
            code="fulfilment_already_reported",
            param="sub_order_id",
        )
    if sub.state == "canceled" or refunded_in_full(sub) or order.status == "refunded":
        raise Conflict(
            f"sub-order {sub.id} is {sub_order_status(order, sub)}: there is nothing left to fail",
            code="sub_order_state_invalid",
            param="sub_order_id",
        )
    # Kassa itself fails the parts of an order it gave up on (``compensate_undelivered_parts``); a merchant's report
    # comes while the order waits for its fulfilment.
    by_kassa = actor == "system"
    progress = fulfilment_progress(order.id)
    given_up = progress is not None and progress.gave_up_at is not None and not by_kassa
    if order.status not in ("paid", "refunding") or given_up:
        raise Conflict(
            f"order {order.id} is {'given up (refunded)' if given_up else order.status}: only a paid order waiting "
            "for fulfilment takes a report",
            code="order_state_invalid",
        )
    if held_for_review(order) and not by_kassa:
        raise Conflict(f"order {order.id} is held for risk review: decide it first", code="order_state_invalid")
    try:
        create_refund(
            merchant_id,
            order.id,
            reason=(COMPENSATION_PREFIX + why)[:500],
            actor=actor,
            sub_order_id=sub.id,
            ends_sub_order="failed",
        )
    except SubOrderEnded:
        return fail_sub_order(merchant_id, order_id, sub_order_id, why, actor=actor)
    return get_order(merchant_id, order_id)


def compensation_of(sub_order_id: str) -> Refund | None:
    """The latest compensation refund of a part whose fulfilment failed."""
    return db.session.scalar(
        select(Refund)
        .where(Refund.sub_order_id == sub_order_id, Refund.reason.startswith(COMPENSATION_PREFIX))
        .order_by(Refund.created_at.desc(), Refund.id.desc())
        .limit(1)
    )


def _finish_compensation(merchant_id: str, sub: SubOrder, actor: str) -> Refund | None:
    """Send again a failed part's compensation refund that is still pending, or retry one the channel refused."""
    refund = compensation_of(sub.id)
    if refund is None or refund.status == "succeeded":
        return refund
    if refund.status == "pending":
        return send_refund(refund.id)
    return retry_refund(merchant_id, refund.id, actor=actor)


def compensate_undelivered_parts(merchant_id: str, order: Order, why: str) -> list[Refund] | None:
    """The fulfilment of a split order some of whose parts were delivered was given up: only the live parts not
    delivered are failed and refunded (the delivered ones stand). None when no part was delivered (the whole order
    is compensated as before). Safe to run again: a part already failed has its compensation finished."""
    subs = sub_orders_of(order.id)
    if not any(sub.state in DELIVERED for sub in subs):
        return None
    ending = [sub.id for sub in subs if sub.state == "failed" or (sub.state == "open" and not refunded_in_full(sub))]
    for sub_order_id in ending:
        fail_sub_order(merchant_id, order.id, sub_order_id, why, actor="system")
    return [refund for refund in map(compensation_of, ending) if refund is not None]
