"""Automatic promotions: coupons marked ``automatic`` that apply without a code when their terms hold (items,
minimum spend, validity window, limits). An order gets at most one discount: the largest of the promotions that
apply and the code the shopper typed (the typed code wins a tie: the shopper chose it)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog.coupon_models import Coupon
from app.catalog.coupons import Discount, PricedLine, discount_for
from app.errors import KassaError
from app.extensions import db
from app.merchants.config_cache import cached
from app.platform.db.types import utcnow


def _has_promotions(session: Session, merchant_id: str) -> bool:
    """Whether the merchant has an active automatic promotion (a loader for ``cached``: saving one bumps the
    merchant's configuration, app/catalog/coupon_models.py; a use of one does not)."""
    found = session.scalar(
        select(Coupon.id)
        .where(Coupon.merchant_id == merchant_id, Coupon.automatic.is_(True), Coupon.active.is_(True))
        .limit(1)
    )
    return found is not None


def best_promotion(
    merchant_id: str,
    lines: Sequence[PricedLine],
    currency: str,
    *,
    livemode: bool,
    customer_id: str | None = None,
) -> Discount | None:
    """The largest discount an automatic promotion gives this basket now, or None (the oldest wins a tie)."""
    # Most merchants have none: every order is priced without a query for them.
    if not cached(merchant_id, "catalog.has_promotions", _has_promotions):
        return None
    now = utcnow()
    best: Discount | None = None
    for coupon in db.session.scalars(
        select(Coupon)
        .where(Coupon.merchant_id == merchant_id, Coupon.automatic.is_(True), Coupon.active.is_(True))
        .order_by(Coupon.id)
    ):
        if coupon.state_in(livemode, now) != "active":
            continue
        try:
            discount = discount_for(coupon, lines, currency, livemode=livemode, customer_id=customer_id)
        except KassaError:
            continue  # its terms do not hold for this basket (items, spend, currency, this customer's uses)
        if discount.amount.amount > 0 and (best is None or discount.amount.amount > best.amount.amount):
            best = discount
    return best


def one_discount(typed: Discount | None, promotion: Discount | None) -> tuple[Discount, ...]:
    """The order's discount: the better for the shopper of the typed code's and the best promotion's."""
    if typed is None or (promotion is not None and promotion.amount.amount > typed.amount.amount):
        return (promotion,) if promotion is not None else ()
    return (typed,)
