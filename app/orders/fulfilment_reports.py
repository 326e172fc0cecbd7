"""Fulfilment reported back: a merchant's webhook that answered **202 Accepted** took the order to deliver later,
and the order stays ``paid`` until the merchant's system reports the outcome (``report_fulfilment``,
``POST /orders/{id}/fulfilment``): succeeded fulfils it, failed gives up (a compensation refund). A report not made
within ``FULFILMENT_REPORT_MINUTES`` is chased (``chase_unreported_fulfilments``, a cron sweep): the webhook is sent
again, which the merchant may answer 2xx (done), 202 (a new window) or not at all; after
``FULFILMENT_MAX_ATTEMPTS`` windows Kassa gives up.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app
from sqlalchemy import select, update

from app.errors import Conflict
from app.extensions import db
from app.orders.fulfilment import (
    FulfilmentDeferred,
    FulfilmentFailed,
    fulfil_loaded,
    fulfil_order,
    give_up,
    order_to_fulfil,
    progress_row,
)
from app.orders.fulfilment_models import OrderFulfilment
from app.orders.models import Order
from app.orders.services import get_order
from app.platform.db.types import utcnow
from app.risk.review import held_for_review


def report_fulfilment(
    merchant_id: str, order_id: str, status: str, reason: str | None = None, *, actor: str = "api"
) -> Order:
    """The merchant's system says how a fulfilment it took (or any paid order's) ended: ``succeeded`` fulfils the
    order, ``failed`` gives up on it (``order.fulfilment_failed``: a compensation refund). The same report again
    answers the order as it is; a report that contradicts an earlier one, or comes for an order that is not waiting
    for fulfilment, is a 409 saying where it stands."""
    order = get_order(merchant_id, order_id)
    order, pays_a_period = order_to_fulfil(order.id)
    progress = progress_row(order)
    if progress.reported == status:
        return order  # a retried report
    if progress.reported is not None:
        raise Conflict(
            f"fulfilment of order {order.id} was already reported {progress.reported}",
            code="fulfilment_already_reported",
        )
    if order.status != "paid" or order.kind == "topup" or progress.gave_up_at is not None:
        state = "given up (refunded)" if progress.gave_up_at is not None else order.status
        raise Conflict(
            f"order {order.id} is {state}: only a paid order waiting for fulfilment takes a report",
            code="order_state_invalid",
        )
    if held_for_review(order):
        raise Conflict(f"order {order.id} is held for risk review: decide it first", code="order_state_invalid")
    claimed = db.session.execute(
        update(OrderFulfilment)
        .where(OrderFulfilment.order_id == order.id, OrderFulfilment.reported.is_(None))
        .values(reported=status, report_reason=(reason or None) and reason[:500], updated_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:  # another report won the race: answer as it left the order
        db.session.rollback()
        return report_fulfilment(merchant_id, order_id, status, reason, actor=actor)
    if status == "succeeded":
        fulfil_loaded(order, pays_a_period, utcnow(), actor=actor, commit=True, webhook=True)
    else:
        give_up(order, f"the merchant reported the fulfilment failed: {reason or 'no reason given'}")
    return get_order(merchant_id, order_id)


def chase_unreported_fulfilments(now: datetime | None = None, *, batch: int = 200) -> int:
    """Fulfilments whose report is overdue: send the webhook again (another window), or after
    ``FULFILMENT_MAX_ATTEMPTS`` windows give up (a compensation refund). Returns how many were chased."""
    now = now or utcnow()
    due = db.session.scalars(
        select(OrderFulfilment.order_id)
        .where(
            OrderFulfilment.report_due_at <= now,
            OrderFulfilment.report_due_at.is_not(None),
            OrderFulfilment.reported.is_(None),
            OrderFulfilment.gave_up_at.is_(None),
        )
        .order_by(OrderFulfilment.report_due_at)
        .limit(batch)
    ).all()
    db.session.rollback()
    for order_id in due:
        # Claimed by moving its window off: a second sweep running at once finds it no longer due.
        chased = db.session.execute(
            update(OrderFulfilment)
            .where(
                OrderFulfilment.order_id == order_id,
                OrderFulfilment.report_due_at <= now,
                OrderFulfilment.reported.is_(None),
                OrderFulfilment.gave_up_at.is_(None),
            )
            .values(
                reminders=OrderFulfilment.reminders + 1,
                report_due_at=None,
                webhook_delivered_at=None,
                updated_at=utcnow(),
            )
            .returning(OrderFulfilment.reminders)
        ).scalar_one_or_none()
        db.session.commit()
        if chased is None:
            continue
        order = db.session.get(Order, order_id)
        if order.status not in ("paid", "refunding"):
            continue  # fulfilled meanwhile (a split order's parts all reported), or ended: nothing awaits a report
        if chased >= current_app.config["FULFILMENT_MAX_ATTEMPTS"]:
            give_up(order, f"the merchant did not report the fulfilment after {chased} reminders")
            continue
        try:
            fulfil_order(order_id)
        except (FulfilmentFailed, FulfilmentDeferred, Conflict):
            db.session.rollback()  # counted (a failed delivery), or the order moved on: the next sweep sees
    return len(due)
