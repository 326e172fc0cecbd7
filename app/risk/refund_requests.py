"""Shopper refund requests, scored for abuse before any money moves (malicious-refund detection).

Signals, each adding to a 0-100 score with a reason the merchant reads:
- the customer's refund rate: most of their paid orders already refunded;
- a refund after the goods were used: a membership already running for days, credits already spent;
- one device or address asking refunds for several customers;
- buy-refund cycles: the customer's refund requests in the last 30 days.
The merchant's ``refund_abuse`` rule sets the cut-offs (default: below 40 refunded at once, from 80 denied,
in between held for review in the portal). An approved request refunds in full at once.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import distinct, func, select

from app.platform.db.types import utcnow
from app.errors import Conflict, InvalidRequest, Unprocessable
from app.extensions import db
from app.platform.values.ids import new_id
from app.orders.fulfilment_models import Entitlement, EntitlementGrant
from app.orders.models import Order
from app.risk import context
from app.risk.models import RefundRequest, RiskRule

DEFAULT_APPROVE_BELOW, DEFAULT_DENY_FROM = 40, 80
WINDOW = timedelta(days=30)
PAID = ("paid", "fulfilled", "completed")


def _thresholds(merchant_id: str, livemode: bool) -> tuple[int, int]:
    rule = db.session.scalar(select(RiskRule).where(RiskRule.merchant_id == merchant_id, RiskRule.livemode == livemode,
                                                    RiskRule.enabled.is_(True), RiskRule.kind == "refund_abuse")
                             .limit(1))
    if rule is None:
        return DEFAULT_APPROVE_BELOW, DEFAULT_DENY_FROM
    return rule.params["approve_below"], rule.params["deny_from"]


def score_request(order: Order, *, ip: str | None, device: str | None) -> tuple[int, list[str]]:
    """The abuse score of a refund request on ``order`` and why, from the order's mode only: a developer's test
    refunds of a real customer id make no live shopper a serial refunder (nor live history a test one)."""
    score, reasons, since = 0, [], utcnow() - WINDOW
    mine = ((Order.merchant_id == order.merchant_id) & (Order.customer_id == order.customer_id)
            & (Order.livemode == order.livemode))
    same_mode = select(Order.id).where(Order.id == RefundRequest.order_id, Order.livemode == order.livemode).exists()
    bought = db.session.scalar(select(func.count()).select_from(Order).where(
        mine, Order.status.in_(PAID + ("refunding", "refunded"))))
    refunded = db.session.scalar(select(func.count()).select_from(Order).where(mine, Order.refunded_amount > 0))
    if bought >= 3 and refunded * 2 >= bought:
        score += 40
        reasons.append(f"the customer already had {refunded} of {bought} paid orders refunded")
    score_used, used = _goods_used(order)
    if used:
        score += score_used
        reasons.append(used)
    for column, value, label in ((RefundRequest.device, device, "device"), (RefundRequest.ip, ip, "address")):
        if not value:
            continue
        customers = db.session.scalar(select(func.count(distinct(RefundRequest.customer_id))).where(
            RefundRequest.merchant_id == order.merchant_id, column == value, RefundRequest.created_at >= since,
            RefundRequest.customer_id != order.customer_id, same_mode))
        if customers >= 2:
            score += 50
            reasons.append(f"the same {label} asked refunds for {customers} other customers in 30 days")
    earlier = db.session.scalar(select(func.count()).select_from(RefundRequest).where(
        RefundRequest.merchant_id == order.merchant_id, RefundRequest.customer_id == order.customer_id,
        RefundRequest.created_at >= since, same_mode))
    if earlier >= 2:
        score += 30
        reasons.append(f"buy-and-refund pattern: {earlier} earlier refund requests by this customer in 30 days")
    return min(score, 100), reasons


def _goods_used(order: Order) -> tuple[int, str | None]:
    grants = list(db.session.scalars(select(EntitlementGrant).where(EntitlementGrant.order_id == order.id)))
    for grant in grants:
        if grant.kind == "credits" and grant.credits:
            held = db.session.scalar(select(Entitlement.credits).where(
                Entitlement.merchant_id == order.merchant_id, Entitlement.customer_id == order.customer_id,
                Entitlement.kind == "credits", Entitlement.livemode == grant.livemode)) or 0
            if held < grant.credits:
                return 40, f"{grant.credits - held} of the {grant.credits} credits bought were already spent"
        if grant.kind == "membership" and grant.membership_days:
            days = (utcnow() - grant.granted_at).days
            if days >= 1:
                return min(40, 10 + days * 2), (f"the membership has been used for {days} of its "
                                                f"{grant.membership_days} days")
    return 0, None


def request_refund(order: Order, reason: object, *, actor: str) -> RefundRequest:
    """Score the request, record it, and act: approve (refund in full now), review, or deny."""
    if not isinstance(reason, str) or not reason.strip() or len(reason) > 500:
        raise InvalidRequest("reason must say why, in 1 to 500 characters", param="reason")
    if order.status not in PAID:
        raise Conflict(f"order is {order.status}: only a paid order can be refunded", code="order_state_invalid")
    if order.total == 0:  # completed without a payment: asked before anything is recorded
        raise Unprocessable("this order cost nothing and no payment was taken, so there is nothing to refund",
                            code="nothing_to_refund")
    facts = context.current()
    score, reasons = score_request(order, ip=facts.ip, device=facts.device)
    approve_below, deny_from = _thresholds(order.merchant_id, order.livemode)
    status = "approved" if score < approve_below else "denied" if score >= deny_from else "review"
    request = RefundRequest(id=new_id("rfq"), merchant_id=order.merchant_id, order_id=order.id,
                            customer_id=order.customer_id, reason=reason.strip(), status=status, score=score,
                            reasons=reasons, ip=facts.ip, device=facts.device, created_at=utcnow())
    db.session.add(request)
    db.session.commit()
    if status == "approved":
        from app.payments.refunds.services import create_refund  # payments sit above risk

        refund = create_refund(order.merchant_id, order.id, reason=f"shopper request {request.id}: {reason.strip()}"[:500],
                               actor=actor)
        request.refund_id = refund.id
        db.session.commit()
    return request


REQUEST_DECISIONS = ("approve", "deny")


def refund_requests_waiting(merchant_id: str, *, livemode: bool, limit: int = 50) -> list[tuple[RefundRequest, Order]]:
    """Shopper refund requests held for the merchant's decision, oldest first, with their orders."""
    from sqlalchemy import select

    return list(db.session.execute(
        select(RefundRequest, Order).join(Order, Order.id == RefundRequest.order_id)
        .where(RefundRequest.merchant_id == merchant_id, RefundRequest.status == "review", Order.livemode == livemode)
        .order_by(RefundRequest.created_at).limit(limit)).all())


def decide_refund_request(merchant_id: str, request_id: str, decision: object, *, actor: str,
                          livemode: bool) -> RefundRequest:
    """The merchant's decision on a held request, once: approve refunds what is left of the order, deny refunds
    nothing. A second decision (or one racing another) is a 409."""
    from sqlalchemy import update

    from app.errors import NotFound

    request = db.session.get(RefundRequest, request_id)
    order = db.session.get(Order, request.order_id) if request else None
    if request is None or request.merchant_id != merchant_id or order.livemode != livemode:
        raise NotFound(f"no refund request {request_id!r}", param="id")
    if decision not in REQUEST_DECISIONS:
        raise InvalidRequest("decision must be approve or deny", param="decision")
    status = "approved" if decision == "approve" else "denied"
    if db.session.execute(update(RefundRequest).where(RefundRequest.id == request.id, RefundRequest.status == "review")
                          .values(status=status).execution_options(synchronize_session=False)).rowcount != 1:
        db.session.rollback()
        raise Conflict(f"refund request {request_id} is not waiting for a decision (it is {request.status})",
                       code="review_not_open")
    db.session.commit()
    if status == "approved" and order.status in PAID and order.refunded_amount < order.total:
        from app.payments.refunds.services import create_refund  # payments sit above risk

        refund = create_refund(merchant_id, order.id, reason=f"shopper request {request.id} approved by {actor}"[:500],
                               actor=actor)
        request.refund_id = refund.id
        db.session.commit()
    return db.session.get(RefundRequest, request.id, populate_existing=True)
