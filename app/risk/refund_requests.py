"""Shopper refund requests, scored for abuse before any money moves (malicious-refund detection).

Signals, each adding to a 0-100 score with a reason the merchant reads:
- the customer's refund rate: most of their paid orders already refunded;
- a refund after the goods were used: a membership already running for days, credits already spent;
- one device or address asking refunds for several customers;
- buy-refund cycles: the customer's refund requests in the last 30 days.
The merchant's ``refund_abuse`` rule sets the cut-offs (default: below 40 refunded at once, from 80 denied,
in between held for review in the portal). Risk scores and sorts a request; payments decides it and refunds an
approved one in full (app/payments/refunds/requests.py). What risk knows of the order comes in a ``RefundContext``
(app/orders/refund_context.py builds it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, distinct, func, select, update

from app.extensions import db
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.risk.models import RefundRequest, RiskRule

DEFAULT_APPROVE_BELOW, DEFAULT_DENY_FROM = 40, 80
WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class Grant:
    """What one item of the order granted, and what of it the customer holds now."""

    kind: str  # credits | membership
    credits: int | None
    credits_held: int  # the customer's credit balance in the grant's mode (a membership's: 0)
    membership_days: int | None
    granted_at: datetime


@dataclass(frozen=True)
class RefundContext:
    """The order a refund is asked for, as orders tell it: whose, which mode, the customer's purchases, and what the
    order granted."""

    merchant_id: str
    order_id: str
    customer_id: str
    livemode: bool
    bought: int  # the customer's orders of this mode whose money was taken (those refunded since included)
    refunded: int  # the customer's orders of this mode with money given back
    grants: tuple[Grant, ...]
    # SQL: is the order that a request names (its ``order_id`` column) of this mode? A request keeps no mode of
    # its own, its order does.
    of_mode: Callable[[ColumnElement[str]], ColumnElement[bool]]


def _thresholds(merchant_id: str, livemode: bool) -> tuple[int, int]:
    rule = db.session.scalar(
        select(RiskRule)
        .where(
            RiskRule.merchant_id == merchant_id,
            RiskRule.livemode == livemode,
            RiskRule.enabled.is_(True),
            RiskRule.kind == "refund_abuse",
        )
        .limit(1)
    )
    if rule is None:
        return DEFAULT_APPROVE_BELOW, DEFAULT_DENY_FROM
    return rule.params["approve_below"], rule.params["deny_from"]


def score_request(order: RefundContext, *, ip: str | None, device: str | None) -> tuple[int, list[str]]:
    """The abuse score of a refund request on ``order`` and why, from the order's mode only: a developer's test
    refunds of a real customer id make no live shopper a serial refunder (nor live history a test one)."""
    score, reasons, since = 0, [], utcnow() - WINDOW
    same_mode = order.of_mode(RefundRequest.order_id)
    if order.bought >= 3 and order.refunded * 2 >= order.bought:
        score += 40
        reasons.append(f"the customer already had {order.refunded} of {order.bought} paid orders refunded")
    score_used, used = _goods_used(order.grants)
    if used:
        score += score_used
        reasons.append(used)
    for column, value, label in ((RefundRequest.device, device, "device"), (RefundRequest.ip, ip, "address")):
        if not value:
            continue
        customers = db.session.scalar(
            select(func.count(distinct(RefundRequest.customer_id))).where(
                RefundRequest.merchant_id == order.merchant_id,
                column == value,
                RefundRequest.created_at >= since,
                RefundRequest.customer_id != order.customer_id,
                same_mode,
            )
        )
        if customers >= 2:
            score += 50
            reasons.append(f"the same {label} asked refunds for {customers} other customers in 30 days")
    earlier = db.session.scalar(
        select(func.count())
        .select_from(RefundRequest)
        .where(
            RefundRequest.merchant_id == order.merchant_id,
            RefundRequest.customer_id == order.customer_id,
            RefundRequest.created_at >= since,
            same_mode,
        )
    )
    if earlier >= 2:
        score += 30
        reasons.append(f"buy-and-refund pattern: {earlier} earlier refund requests by this customer in 30 days")
    return min(score, 100), reasons


def _goods_used(grants: tuple[Grant, ...]) -> tuple[int, str | None]:
    for grant in grants:
        if grant.kind == "credits" and grant.credits and grant.credits_held < grant.credits:
            spent = grant.credits - grant.credits_held
            return 40, f"{spent} of the {grant.credits} credits bought were already spent"
        if grant.kind == "membership" and grant.membership_days:
            days = (utcnow() - grant.granted_at).days
            if days >= 1:
                return min(40, 10 + days * 2), (
                    f"the membership has been used for {days} of its {grant.membership_days} days"
                )
    return 0, None


def open_request(order: RefundContext, reason: str, *, ip: str | None, device: str | None) -> RefundRequest:
    """Score a shopper's request and record it as the merchant's cut-offs sort it: ``approved``, ``review`` or
    ``denied`` (the caller commits, and refunds an approved one)."""
    score, reasons = score_request(order, ip=ip, device=device)
    approve_below, deny_from = _thresholds(order.merchant_id, order.livemode)
    status = "approved" if score < approve_below else "denied" if score >= deny_from else "review"
    request = RefundRequest(
        id=new_id("rfq"),
        merchant_id=order.merchant_id,
        order_id=order.order_id,
        customer_id=order.customer_id,
        reason=reason,
        status=status,
        score=score,
        reasons=reasons,
        ip=ip,
        device=device,
        created_at=utcnow(),
    )
    db.session.add(request)
    return request


def settle_held(request_id: str, status: str) -> bool:
    """A held request becomes ``approved`` or ``denied``, unless it was decided meanwhile (False); the caller
    commits."""
    return (
        db.session.execute(
            update(RefundRequest)
            .where(RefundRequest.id == request_id, RefundRequest.status == "review")
            .values(status=status)
            .execution_options(synchronize_session=False)
        ).rowcount
        == 1
    )
