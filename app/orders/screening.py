"""An order's side of its risk assessment (app/risk/assessment.py): orders ask risk with a prospect that carries what
risk may not read itself (the customer's purchases before, for a first-purchase limit), and act on the answer: a
payment's assessment that finds a reason for review holds the order's fulfilment."""

from __future__ import annotations

import dataclasses
from functools import partial

from sqlalchemy import exists, select

from app.extensions import db
from app.orders.models import Order
from app.platform.outbox.events import record_event
from app.risk import context
from app.risk.assessment import Assessment, Prospect, assess, refuse_if_blocked

PURCHASED = ("paid", "fulfilled", "completed")


def paid_before(merchant_id: str, customer_id: str, *, livemode: bool) -> bool:
    """Has the customer a paid order of this mode? A paid order of the other mode is no purchase here: a test key
    paying sandbox orders for a customer id must not let that customer's first live purchase past the limit."""
    return bool(
        db.session.scalar(
            select(
                exists().where(
                    Order.merchant_id == merchant_id,
                    Order.livemode == livemode,
                    Order.customer_id == customer_id,
                    Order.status.in_(PURCHASED),
                )
            )
        )
    )


def prospect_for(
    merchant_id: str,
    *,
    customer_id: str | None,
    email: str | None,
    amount: int,
    currency: str,
    livemode: bool,
    business_line: str | None = None,
) -> Prospect:
    """The order about to be made, with what this request says of the shopper (app/risk/context.py)."""
    facts = context.current()
    return Prospect(
        merchant_id,
        customer_id,
        email,
        amount,
        currency,
        livemode,
        ip=facts.ip,
        device=facts.device,
        country=facts.country,
        paid_before=partial(paid_before, merchant_id, customer_id, livemode=livemode) if customer_id else None,
        business_line=business_line,
    )


def assess_payment(order: Order, channel: str | None = None) -> Assessment:
    """Assess a payment of an existing order with what this request says of the shopper (their address and
    device may differ from the order's, and the merchant's lists may have changed since): a block refuses the
    payment (402, nothing charged, the order stays payable); a review the order had not yet holds its
    fulfilment, and the order's stored assessment says why. Velocity counted the order at creation already."""
    prospect = dataclasses.replace(
        prospect_for(
            order.merchant_id,
            customer_id=order.customer_id,
            email=order.customer_email,
            amount=order.total,
            currency=order.currency,
            livemode=order.livemode,
            business_line=order.business_line_id,
        ),
        channel=channel,
    )
    assessment = assess(prospect, count_velocity=False)
    refuse_if_blocked(assessment, prospect)
    stored = order.risk or {"decision": "allow", "score": 0, "reasons": []}
    if assessment.decision == "review" and stored.get("decision") == "allow":
        order.risk = {
            "decision": "review",
            "score": max(stored.get("score", 0), assessment.score),
            "reasons": [*stored.get("reasons", []), *(f"at payment: {r}" for r in assessment.reasons)],
        }
        record_event(order.merchant_id, "risk.review_opened", {"id": order.id, "object": "order", **order.risk})
        db.session.commit()
    return assessment
