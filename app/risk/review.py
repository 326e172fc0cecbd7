"""Review: an order the assessment flagged may be paid, but its goods wait for the merchant's decision. Here is
what the order's verdict (its ``risk`` object) says and the merchant's expiry setting; the decision is recorded
on the order (app/orders/review.py) and acted on by payments, as a rejection refunds
(app/payments/refunds/reviews.py)."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import ColumnElement, select

from app.errors import InvalidRequest
from app.extensions import db
from app.merchants.models import Merchant

DECISIONS = ("approve", "reject")
MAX_EXPIRY_HOURS = 24 * 90


class Judged(Protocol):
    """Anything that carries a risk verdict: an order."""

    risk: dict | None


def held_for_review(order: Judged) -> bool:
    """Whether the order's goods wait for a review decision."""
    risk = order.risk or {}
    return risk.get("decision") == "review" and (risk.get("review") or {}).get("decision") is None


def awaiting_review(verdict: Any) -> ColumnElement[bool]:
    """SQL of ``held_for_review`` over a verdict column (the orders' ``risk``)."""
    return (verdict["decision"].as_string() == "review") & verdict["review"]["decision"].as_string().is_(None)


def update_review_expiry(merchant_id: str, *, hours: object, decision: object) -> None:
    """The merchant's review expiry (caller commits): ``hours`` None means a held order waits for a person."""
    if hours is not None and (type(hours) is not int or not 1 <= hours <= MAX_EXPIRY_HOURS):
        raise InvalidRequest(
            f"review expiry is a whole number of hours from 1 to {MAX_EXPIRY_HOURS}, or empty for never",
            param="review_expiry_hours",
        )
    if decision not in DECISIONS:
        raise InvalidRequest(
            "an expired review is approved or rejected: choose approve or reject", param="review_expiry_decision"
        )
    merchant = db.session.get(Merchant, merchant_id)
    merchant.review_expiry_hours, merchant.review_expiry_decision = hours, decision


def review_expiries() -> list[Merchant]:
    """The merchants whose held orders are decided after a while (``review_expiry_hours``, by
    ``review_expiry_decision``)."""
    return list(db.session.scalars(select(Merchant).where(Merchant.review_expiry_hours.is_not(None))))
