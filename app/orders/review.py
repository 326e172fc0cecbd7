"""The merchant's review decision on an order risk held (app/risk/review.py), on the order's side: recorded once in
its verdict with a ``risk.review_approved`` / ``_rejected`` event, and what an approval releases (the goods, or a
top-up's wallet credit). A rejection refunds, which payments do (app/payments/refunds/reviews.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from app.errors import Conflict, InvalidRequest
from app.extensions import db
from app.orders.fulfilment import fulfil_order
from app.orders.models import Order
from app.orders.services import get_order
from app.orders.topups import credit_held_topup
from app.platform.db.types import utcnow
from app.platform.outbox.events import record_event
from app.platform.values.times import iso_time
from app.risk.review import DECISIONS, awaiting_review, held_for_review

_OPEN = awaiting_review(Order.risk) & Order.status.notin_(("closed", "refunded"))


def decide_review(
    merchant_id: str, order_id: str, decision: object, *, actor: str, livemode: bool | None = None
) -> Order:
    """Record the merchant's decision once (a second one is a 409), with its event, in one transaction. With
    ``livemode`` the order must be of that mode (an API key sees only its own mode's orders)."""
    order = get_order(merchant_id, order_id, livemode=livemode)  # another merchant's order: 404 before anything
    if decision not in DECISIONS:
        raise InvalidRequest("decision must be approve or reject", param="decision")
    if not held_for_review(order):
        decided = ((order.risk or {}).get("review") or {}).get("decision")
        raise Conflict(
            f"order {order_id} is not waiting for review" + (f": it was already {decided}d" if decided else ""),
            code="review_not_open",
        )
    risk = {**order.risk, "review": {"decision": decision, "by": actor, "at": iso_time(utcnow())}}
    # Conditional: two reviewers deciding at once cannot both act.
    changed = db.session.execute(
        update(Order)
        .where(Order.id == order.id, Order.version == order.version)
        .values(risk=risk, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        raise Conflict(f"order {order_id} changed while you decided; reload and try again", code="state_conflict")
    record_event(
        merchant_id, f"risk.review_{decision}d", {"id": order.id, "object": "order", "decision": decision, "by": actor}
    )
    db.session.commit()
    return db.session.get(Order, order.id, populate_existing=True)


def release_held(order: Order) -> None:
    """Deliver what the review held back, now approved: the goods, or a top-up's wallet credit (commits)."""
    if order.kind == "topup":
        credit_held_topup(order.id)
    else:
        fulfil_order(order.id)


def review_queue(merchant_id: str, *, livemode: bool, limit: int = 50) -> list[Order]:
    """Orders waiting for the merchant's decision, oldest first (the longest-waiting shopper first)."""
    return list(
        db.session.scalars(
            select(Order)
            .where(Order.merchant_id == merchant_id, Order.livemode == livemode, _OPEN)
            .order_by(Order.created_at)
            .limit(limit)
        )
    )


def expired_reviews(merchant_id: str, *, waiting_since: datetime, limit: int) -> list[str]:
    """The merchant's orders held since ``waiting_since`` or longer, oldest first: their review has expired."""
    return list(
        db.session.scalars(
            select(Order.id)
            .where(Order.merchant_id == merchant_id, _OPEN, Order.created_at <= waiting_since)
            .order_by(Order.created_at)
            .limit(limit)
        )
    )
