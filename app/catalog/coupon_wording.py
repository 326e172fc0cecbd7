"""How a coupon's terms read: the shopper's discount line ("12.5% off") and, for the merchant, its terms in full
and the products and options it is limited to."""

from __future__ import annotations

from sqlalchemy import select

from app.catalog.coupon_models import Coupon
from app.catalog.models import Product
from app.catalog.products import skus_named
from app.extensions import db
from app.platform.values.money import Money


def _percent(bps: int) -> str:
    whole, hundredths = divmod(bps, 100)
    return f"{whole}{f'.{hundredths:02d}'.rstrip('0') if hundredths else ''}%"


def _off(coupon: Coupon) -> str:
    """ "12.5% off" or "$5.00 off": the coupon's own amount, for every kind but the ladder."""
    if coupon.kind == "percent_off":
        return f"{_percent(coupon.percent_bps)} off"
    return f"{Money(coupon.amount_off, coupon.currency).format()} off"


def describe(coupon: Coupon) -> str:
    """The discount line the shopper sees: the merchant's description, else the terms in short."""
    if coupon.description:
        return coupon.description
    if coupon.kind == "volume":
        return "Volume discount"
    if coupon.kind == "spend_and_save":
        return f"{_off(coupon)} when you spend {Money(coupon.min_subtotal, coupon.currency).format()}"
    return _off(coupon)


def coupon_terms(coupon: Coupon) -> str:
    """What the coupon takes off, in full, for the merchant (the shopper's line may be its description)."""
    if coupon.kind == "volume":
        steps = "; ".join(f"{t['min_quantity']} or more: {_percent(t['percent_bps'])} off" for t in coupon.tiers or [])
        return f"{steps} (per line)"
    if coupon.kind == "spend_and_save":
        return f"{_off(coupon)} when the order reaches {Money(coupon.min_subtotal, coupon.currency).format()}"
    if coupon.max_discount:
        return f"{_off(coupon)}, at most {Money(coupon.max_discount, coupon.currency).format()}"
    return _off(coupon)


def coupon_scope(merchant_id: str, coupon: Coupon) -> list[str]:
    """The products and options ("Product — option") the coupon is limited to; empty when it applies to all."""
    names = []
    if coupon.product_ids:
        names += db.session.scalars(
            select(Product.name)
            .where(Product.merchant_id == merchant_id, Product.id.in_(coupon.product_ids))
            .order_by(Product.name)
        ).all()
    return names + sorted(label for _, label in skus_named(merchant_id, coupon.sku_ids).values())
