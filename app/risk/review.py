"""Review: an order the assessment flagged may be paid, but its goods wait for the merchant's decision.
Approve fulfils it (or credits the top-up); reject refunds it in full. Each decision is on the order's
timeline and in its ``risk`` object."""
from __future__ import annotations

from sqlalchemy import update

from app.platform.db.types import utcnow
from app.errors import Conflict, InvalidRequest
from app.platform.outbox.events import record_event
from app.extensions import db
from app.orders.models import Order
from app.orders.services import get_order

DECISIONS = ("approve", "reject")
PAID = ("paid", "fulfilled", "completed")


def held_for_review(order: Order) -> bool:
    """Whether the order's goods wait for a review decision."""
    risk = order.risk or {}
    return risk.get("decision") == "review" and (risk.get("review") or {}).get("decision") is None


def review_order(merchant_id: str, order_id: str, decision: object, *, actor: str,
                 livemode: bool | None = None) -> Order:
    """Record the merchant's decision once (a second one is a 409) and act on it. With ``livemode`` the
    order must be of that mode (an API key sees only its own mode's orders)."""
    order = get_order(merchant_id, order_id, livemode=livemode)  # another merchant's order: 404 before anything
    if decision not in DECISIONS:
        raise InvalidRequest("decision must be approve or reject", param="decision")
    if not held_for_review(order):
        decided = ((order.risk or {}).get("review") or {}).get("decision")
        raise Conflict(f"order {order_id} is not waiting for review"
                       + (f": it was already {decided}d" if decided else ""), code="review_not_open")
    risk = {**order.risk, "review": {"decision": decision, "by": actor, "at": int(utcnow().timestamp())}}
    # Conditional: two reviewers deciding at once cannot both act.
    changed = db.session.execute(update(Order).where(Order.id == order.id, Order.version == order.version)
                                 .values(risk=risk, version=Order.version + 1)
                                 .execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        db.session.rollback()
        raise Conflict(f"order {order_id} changed while you decided; reload and try again", code="state_conflict")
    record_event(merchant_id, f"risk.review_{decision}d", {"id": order.id, "object": "order", "decision": decision,
                                                           "by": actor})
    db.session.commit()
    order = db.session.get(Order, order.id, populate_existing=True)
    if decision == "approve" and order.status in PAID:
        _release(order)
    elif decision == "reject" and order.status in PAID and order.refunded_amount < order.total:
        from app.payments.refunds.services import create_refund, refundable  # payments sit above orders

        create_refund(merchant_id, order.id, amount=refundable(order),
                      reason=f"rejected in risk review by {actor}", actor=actor)
    return db.session.get(Order, order.id, populate_existing=True)


def _release(order: Order) -> None:
    """Deliver what the review held back: the goods, or a top-up's wallet credit."""
    if order.kind == "topup":
        from app.orders.topups import credit_held_topup

        credit_held_topup(order.id)
    else:
        from app.orders.fulfilment import fulfil_order

        fulfil_order(order.id)


def review_queue(merchant_id: str, *, livemode: bool, limit: int = 50) -> list[Order]:
    """Orders waiting for the merchant's decision, oldest first (the longest-waiting shopper first)."""
    from sqlalchemy import select

    waiting = (Order.risk["decision"].as_string() == "review") & Order.risk["review"]["decision"].as_string().is_(None)
    return list(db.session.scalars(select(Order).where(Order.merchant_id == merchant_id, Order.livemode == livemode,
                                                       waiting, Order.status.notin_(("closed", "refunded")))
                                   .order_by(Order.created_at).limit(limit)))


MAX_EXPIRY_HOURS = 24 * 90


def update_review_expiry(merchant_id: str, *, hours: object, decision: object) -> None:
    """The merchant's review expiry (caller commits): ``hours`` None means a held order waits for a person."""
    from app.merchants.models import Merchant

    if hours is not None and (type(hours) is not int or not 1 <= hours <= MAX_EXPIRY_HOURS):
        raise InvalidRequest(f"review expiry is a whole number of hours from 1 to {MAX_EXPIRY_HOURS}, or empty for "
                             "never", param="review_expiry_hours")
    if decision not in DECISIONS:
        raise InvalidRequest("an expired review is approved or rejected: choose approve or reject",
                             param="review_expiry_decision")
    merchant = db.session.get(Merchant, merchant_id)
    merchant.review_expiry_hours, merchant.review_expiry_decision = hours, decision


def expire_reviews(*, now=None, batch: int = 200) -> int:
    """Decide, by each merchant's setting, the held orders that waited longer than its review expiry; each is
    audited on the order as decided by ``system:review-expiry``. Returns how many were decided."""
    from datetime import timedelta

    from sqlalchemy import select

    from app.merchants.models import Merchant

    now = now or utcnow()
    waiting = (Order.risk["decision"].as_string() == "review") & Order.risk["review"]["decision"].as_string().is_(None)
    decided = 0
    for merchant in list(db.session.scalars(select(Merchant).where(Merchant.review_expiry_hours.is_not(None)))):
        cutoff = now - timedelta(hours=merchant.review_expiry_hours)
        expired = list(db.session.scalars(select(Order.id).where(
            Order.merchant_id == merchant.id, waiting, Order.status.notin_(("closed", "refunded")),
            Order.created_at <= cutoff).order_by(Order.created_at).limit(batch)))
        for order_id in expired:
            try:
                review_order(merchant.id, order_id, merchant.review_expiry_decision, actor="system:review-expiry")
                decided += 1
            except Conflict:
                db.session.rollback()  # decided by a person meanwhile
    return decided
