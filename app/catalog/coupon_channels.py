"""Coupons limited to payment channels: an order priced with such a coupon is paid only through one of them, so
the discount is given exactly when its condition holds (the order's amount never changes after it is created)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from app.catalog.coupon_models import Coupon, CouponRedemption
from app.errors import InvalidRequest
from app.extensions import db


def allowed_channels(coupons: Iterable[Coupon]) -> list[str] | None:
    """The channels every one of ``coupons`` allows, in the first one's order; None when none limits them."""
    allowed: list[str] | None = None
    for coupon in coupons:
        if coupon.channels:
            allowed = [c for c in (allowed if allowed is not None else coupon.channels) if c in coupon.channels]
    return allowed


def order_channel_limit(order_id: str) -> tuple[str, list[str]] | None:
    """(coupon code, channels) when the order's coupon limits how it is paid, else None."""
    coupons = list(
        db.session.scalars(
            select(Coupon)
            .join(CouponRedemption, CouponRedemption.coupon_id == Coupon.id)
            .where(CouponRedemption.order_id == order_id)
        )
    )
    allowed = allowed_channels(coupons)
    return None if allowed is None else (", ".join(c.code for c in coupons), allowed)


def refuse_channel_outside_coupon(order_id: str, channel: str, names: dict[str, str]) -> None:
    """A 400 when the order's coupon does not allow paying with ``channel``, naming the ones it does (``names``:
    the channels' names as the shopper knows them, by code)."""
    limit = order_channel_limit(order_id)
    if limit is None or channel in limit[1]:
        return
    code, allowed = limit
    shown = ", ".join(f"{names.get(c, c)} ({c})" for c in allowed)
    raise InvalidRequest(
        f"the coupon {code} on this order is valid only when paying with {shown}; choose one of those",
        code="channel_unavailable",
        param="channel",
    )
