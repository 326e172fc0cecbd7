"""Personal coupons: a single-use code issued to one customer (by the merchant, or by a campaign), and the
customer's wallet of the ones they can still use."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select

from app.catalog.coupon_models import Coupon, redeemed_column
from app.catalog.coupon_wording import describe
from app.catalog.coupons import get_coupon
from app.errors import InvalidRequest
from app.extensions import db
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time

# The terms a personal coupon copies from its template; its limits are its own (one use, one customer).
_COPIED = (
    "kind",
    "description",
    "currency",
    "amount_off",
    "percent_bps",
    "max_discount",
    "min_subtotal",
    "tiers",
    "product_ids",
    "sku_ids",
)
# No 0/O or 1/I, as generated codes: a shopper may read one from an email and type it.
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_VALID_DAYS = 3650
WALLET_LIMIT = 100


def _personal_code() -> str:
    # 12 symbols of 32: 2^60 codes, so a personal code can be neither guessed nor collide in practice.
    return "".join(secrets.choice(_ALPHABET) for _ in range(12))


def valid_days(value: object, *, param: str = "valid_days") -> int | None:
    """An optional lifetime in days for issued coupons, or a 400."""
    if value is None:
        return None
    if type(value) is not int or not 1 <= value <= MAX_VALID_DAYS:
        raise InvalidRequest(f"{param} must be a whole number of days between 1 and {MAX_VALID_DAYS}", param=param)
    return value


def issue_personal_coupon(
    template: Coupon, customer_id: str, *, livemode: bool, days: int | None = None, now: datetime | None = None
) -> Coupon:
    """A new single-use coupon with ``template``'s terms that only ``customer_id``'s orders of ``livemode`` can use,
    valid for ``days`` (else until the template's end), added to the caller's transaction."""
    now = now or utcnow()
    valid_until = now + timedelta(days=days) if days else template.valid_until
    coupon = Coupon(
        id=new_id("cpn"),
        merchant_id=template.merchant_id,
        code=_personal_code(),
        **{name: getattr(template, name) for name in _COPIED},
        valid_from=now,
        valid_until=valid_until,
        max_redemptions=1,
        max_per_customer=1,
        times_redeemed=0,
        test_times_redeemed=0,
        active=True,
        customer_id=customer_id,
        livemode=livemode,
        created_at=now,
    )
    if coupon.description == "":
        coupon.description = describe(template)
    db.session.add(coupon)
    return coupon


def give_coupon(
    merchant_id: str, customer_id: str, template_id: object, *, livemode: bool, days: object = None
) -> Coupon:
    """The merchant issues one personal coupon to a customer, with the terms of their coupon ``template_id``."""
    if not isinstance(template_id, str) or not template_id:
        raise InvalidRequest("coupon must be the id (cpn_…) of the coupon whose terms to issue", param="coupon")
    template = get_coupon(merchant_id, template_id)
    if template.customer_id is not None:
        raise InvalidRequest(
            "that coupon is itself a personal one: issue from a coupon anyone may use as the template", param="coupon"
        )
    coupon = issue_personal_coupon(template, customer_id, livemode=livemode, days=valid_days(days))
    db.session.commit()
    return coupon


def wallet(
    merchant_id: str, customer_id: str, *, livemode: bool, now: datetime | None = None, limit: int = WALLET_LIMIT
) -> list[Coupon]:
    """The customer's personal coupons of that mode they can use now (unused, started, not expired), soonest to
    expire first."""
    now = now or utcnow()
    uses = redeemed_column(livemode)
    return list(
        db.session.scalars(
            select(Coupon)
            .where(
                Coupon.merchant_id == merchant_id,
                Coupon.customer_id == customer_id,
                Coupon.livemode.is_(livemode),
                Coupon.active.is_(True),
                (Coupon.max_redemptions.is_(None)) | (uses < Coupon.max_redemptions),
                (Coupon.valid_from.is_(None)) | (Coupon.valid_from <= now),
                (Coupon.valid_until.is_(None)) | (Coupon.valid_until > now),
            )
            .order_by(Coupon.valid_until.is_(None), Coupon.valid_until, Coupon.id)
            .limit(limit)
        )
    )


def personal_coupon_json(coupon: Coupon) -> dict:
    """A personal coupon as the API shows it to the merchant and the customer's checkout."""
    return {
        "id": coupon.id,
        "object": "coupon",
        "code": coupon.code,
        "description": describe(coupon),
        "kind": coupon.kind,
        "amount_off": coupon.amount_off,
        "percent_bps": coupon.percent_bps,
        "max_discount": coupon.max_discount,
        "min_subtotal": coupon.min_subtotal,
        "currency": coupon.currency,
        "customer": coupon.customer_id,
        "livemode": bool(coupon.livemode),
        "valid_from": iso_time(coupon.valid_from),
        "valid_until": iso_time(coupon.valid_until),
        "created_at": iso_time(coupon.created_at),
    }
