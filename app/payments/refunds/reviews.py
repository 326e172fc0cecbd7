"""The merchant's decision on an order risk held for review, as the API, the portal and the expiry job make it. The
order records it (app/orders/review.py); an approval releases what was held at once, so the answer shows the order
fulfilled; a rejection refunds what was paid, in full, and a refund is a payments action, so the decision is made
here."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.errors import Conflict
from app.extensions import db
from app.orders.models import Order
from app.orders.review import decide_review, expired_reviews, release_held
from app.payments.refunds.services import REFUNDABLE_STATUSES, create_refund, refundable
from app.platform.db.types import utcnow
from app.risk.review import review_expiries

PAID = REFUNDABLE_STATUSES  # paid, fulfilled or completed: money taken, none of it on its way back


def review_order(
    merchant_id: str, order_id: str, decision: object, *, actor: str, livemode: bool | None = None
) -> Order:
    """Record the merchant's decision once (a second one is a 409) and act on it: approve fulfils the order (or
    credits the top-up), reject refunds it in full. With ``livemode`` the order must be of that mode (an API key
    sees only its own mode's orders)."""
    order = decide_review(merchant_id, order_id, decision, actor=actor, livemode=livemode)
    if decision == "approve" and order.status in PAID:
        release_held(order)
    elif decision == "reject" and order.status in PAID and order.refunded_amount < order.total:
        create_refund(
            merchant_id, order.id, amount=refundable(order), reason=f"rejected in risk review by {actor}", actor=actor
        )
    return db.session.get(Order, order.id, populate_existing=True)


def expire_reviews(*, now: datetime | None = None, batch: int = 200) -> int:
    """Decide, by each merchant's setting, the held orders that waited longer than its review expiry; each is
    audited on the order as decided by ``system:review-expiry``. Returns how many were decided."""
    now = now or utcnow()
    decided = 0
    for merchant in review_expiries():
        waiting_since = now - timedelta(hours=merchant.review_expiry_hours)
        for order_id in expired_reviews(merchant.id, waiting_since=waiting_since, limit=batch):
            try:
                review_order(merchant.id, order_id, merchant.review_expiry_decision, actor="system:review-expiry")
                decided += 1
            except Conflict:
                db.session.rollback()  # decided by a person meanwhile
    return decided
