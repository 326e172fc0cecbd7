"""The API's pages of coupons: newest first by cursor, by state and by part of the code."""

from __future__ import annotations

from sqlalchemy import select

from app.catalog.coupon_models import Coupon
from app.platform.values.pagination import newest_first


def page_coupons(
    merchant_id: str,
    *,
    limit: int,
    starting_after: str | None = None,
    active: bool | None = None,
    code: str | None = None,
) -> tuple[list[Coupon], bool]:
    """A page of the merchant's coupons, newest first; ``active`` keeps (not) deactivated ones, ``code`` those whose
    code contains it (codes are stored upper case, so the search ignores case). A customer's personal coupons are
    theirs, of one mode: they are listed with that customer (app/catalog/coupon_wallet.py), never here."""
    query = select(Coupon).where(Coupon.merchant_id == merchant_id, Coupon.customer_id.is_(None))
    if active is not None:
        query = query.where(Coupon.active.is_(active))
    if code and code.strip():
        query = query.where(Coupon.code.contains(code.strip().upper(), autoescape=True))
    return newest_first(query, Coupon.id, limit=limit, starting_after=starting_after)
