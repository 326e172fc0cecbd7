"""Shopper refund requests decided: risk scores each and sorts it by the merchant's cut-offs
(app/risk/refund_requests.py); an approved one, at once or by the merchant from the portal's queue, is refunded in
full here, as a refund is a payments action. A denied one moves no money."""

from __future__ import annotations

from sqlalchemy import select

from app.errors import Conflict, InvalidRequest, NotFound, Unprocessable
from app.extensions import db
from app.orders.models import Order
from app.orders.refund_context import refund_context
from app.payments.refunds.services import REFUNDABLE_STATUSES, create_refund
from app.risk import context
from app.risk.models import RefundRequest
from app.risk.refund_requests import open_request, settle_held

PAID = REFUNDABLE_STATUSES  # paid, fulfilled or completed: money taken, none of it on its way back
REQUEST_DECISIONS = ("approve", "deny")


def request_refund(order: Order, reason: object, *, actor: str) -> RefundRequest:
    """Score the request, record it, and act: approve (refund in full now), review, or deny."""
    if not isinstance(reason, str) or not reason.strip() or len(reason) > 500:
        raise InvalidRequest("reason must say why, in 1 to 500 characters", param="reason")
    if order.status not in PAID:
        raise Conflict(f"order is {order.status}: only a paid order can be refunded", code="order_state_invalid")
    if order.total == 0:  # completed without a payment: asked before anything is recorded
        raise Unprocessable(
            "this order cost nothing and no payment was taken, so there is nothing to refund", code="nothing_to_refund"
        )
    facts = context.current()
    request = open_request(refund_context(order), reason.strip(), ip=facts.ip, device=facts.device)
    db.session.commit()
    if request.status == "approved":
        refund = create_refund(
            order.merchant_id, order.id, reason=f"shopper request {request.id}: {reason.strip()}"[:500], actor=actor
        )
        request.refund_id = refund.id
        db.session.commit()
    return request


def refund_request_of(merchant_id: str, request_id: str, *, livemode: bool) -> RefundRequest | None:
    """The merchant's refund request, if it is about an order of ``livemode``."""
    request = db.session.get(RefundRequest, request_id)
    order = db.session.get(Order, request.order_id) if request else None
    if request is None or request.merchant_id != merchant_id or order.livemode != livemode:
        return None
    return request


def refund_requests_waiting(merchant_id: str, *, livemode: bool, limit: int = 50) -> list[tuple[RefundRequest, Order]]:
    """Shopper refund requests held for the merchant's decision, oldest first, with their orders."""
    return list(
        db.session.execute(
            select(RefundRequest, Order)
            .join(Order, Order.id == RefundRequest.order_id)
            .where(
                RefundRequest.merchant_id == merchant_id, RefundRequest.status == "review", Order.livemode == livemode
            )
            .order_by(RefundRequest.created_at)
            .limit(limit)
        ).all()
    )


def decide_refund_request(
    merchant_id: str, request_id: str, decision: object, *, actor: str, livemode: bool
) -> RefundRequest:
    """The merchant's decision on a held request, once: approve refunds what is left of the order, deny refunds
    nothing. A second decision (or one racing another) is a 409."""
    request = refund_request_of(merchant_id, request_id, livemode=livemode)
    if request is None:
        raise NotFound(f"no refund request {request_id!r}", param="id")
    if decision not in REQUEST_DECISIONS:
        raise InvalidRequest("decision must be approve or deny", param="decision")
    status = "approved" if decision == "approve" else "denied"
    if not settle_held(request.id, status):
        db.session.rollback()
        raise Conflict(
            f"refund request {request_id} is not waiting for a decision (it is {request.status})",
            code="review_not_open",
        )
    db.session.commit()
    order = db.session.get(Order, request.order_id)
    if status == "approved" and order.status in PAID and order.refunded_amount < order.total:
        refund = create_refund(
            merchant_id, order.id, reason=f"shopper request {request.id} approved by {actor}"[:500], actor=actor
        )
        request.refund_id = refund.id
        db.session.commit()
    return db.session.get(RefundRequest, request.id, populate_existing=True)
