"""Coupons: create and generate codes, price a basket's discount, redeem once per order, release.

Rounding rule for percentages: a discount of ``bps`` basis points on an amount is
``amount * bps // 10000`` — rounded down to the minor unit, so a shopper never gets more than the
stated percent and the order total stays an exact integer. A discount never exceeds the eligible
items' subtotal.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Collection, Protocol, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from app.catalog.coupon_models import KINDS, Coupon, CouponRedemption, redeemed_column
from app.catalog.coupon_options import coupon_options
from app.catalog.coupon_wording import describe
from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.platform.values.money import MAX_DIGITS, Money, max_amount, max_amount_text, normalise_currency
from app.platform.values.pagination import newest_first

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,63}$")
# No 0/O or 1/I: generated codes are read aloud and typed from paper.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_BULK = 1000


class PricedLine(Protocol):
    """What a discount needs of a basket line (catalog.services.QuoteLine)."""

    quantity: int

    @property
    def sku(self): ...

    @property
    def amount(self) -> Money: ...


@dataclass(frozen=True)
class Discount:
    """One discount line of a quote or order."""

    coupon: Coupon
    description: str
    amount: Money

    def to_json(self) -> dict:
        return {"coupon": self.coupon.code, "description": self.description, "amount": self.amount.amount}


def normalise_code(code: object) -> str:
    """The stored form of a code: trimmed, upper case; raises coupon_invalid when malformed."""
    if not isinstance(code, str) or not _CODE.match(code.strip().upper()):
        raise InvalidRequest("a coupon code is 1–64 letters, digits, '-' or '_'", code="coupon_invalid", param="coupon")
    return code.strip().upper()


def _bps(amount: int, bps: int) -> int:
    return amount * bps // 10_000


def _eligible(coupon: Coupon, lines: Sequence[PricedLine]) -> list[PricedLine]:
    return [
        line
        for line in lines
        if (not coupon.sku_ids or line.sku.id in coupon.sku_ids)
        and (not coupon.product_ids or line.sku.product_id in coupon.product_ids)
    ]


def _not_applicable(message: str) -> InvalidRequest:
    return InvalidRequest(message, code="coupon_not_applicable", param="coupon")


def find_coupon(merchant_id: str, code: object, *, livemode: bool, now: datetime | None = None) -> Coupon:
    """The merchant's usable coupon for ``code`` for an order of ``livemode``, or a 4xx saying why it cannot be
    used (test orders count their uses apart)."""
    normalised = normalise_code(code)
    coupon = db.session.scalar(select(Coupon).where(Coupon.merchant_id == merchant_id, Coupon.code == normalised))
    state = coupon.state_in(livemode, now or utcnow()) if coupon is not None else "deactivated"
    if state == "deactivated":
        raise InvalidRequest(f"the coupon code {normalised} is not valid", code="coupon_invalid", param="coupon")
    if state == "scheduled":
        raise InvalidRequest(
            f"the coupon {normalised} is not valid before {coupon.valid_from:%Y-%m-%d %H:%M} UTC",
            code="coupon_not_yet_valid",
            param="coupon",
        )
    if state == "expired":
        raise InvalidRequest(
            f"the coupon {normalised} expired on {coupon.valid_until:%Y-%m-%d %H:%M} UTC",
            code="coupon_expired",
            param="coupon",
        )
    if state == "used up":
        raise Conflict(f"the coupon {normalised} has been used up", code="coupon_exhausted", param="coupon")
    return coupon


def check_holder(coupon: Coupon, customer_id: str | None, livemode: bool) -> None:
    """A personal coupon serves only its customer's orders of its mode: a 4xx for anyone else (a quote that names
    no customer may still price it; the order names one)."""
    if coupon.livemode is not None and coupon.livemode != livemode:
        raise InvalidRequest(f"the coupon code {coupon.code} is not valid", code="coupon_invalid", param="coupon")
    if customer_id is not None and customer_id != coupon.customer_id:
        raise InvalidRequest(
            f"the coupon {coupon.code} was issued to another customer: only they can use it",
            code="coupon_not_yours",
            param="coupon",
            status=403,
        )


def _customer_uses(coupon_id: str, customer_id: str, livemode: bool) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(CouponRedemption)
            .where(
                CouponRedemption.coupon_id == coupon_id,
                CouponRedemption.customer_id == customer_id,
                CouponRedemption.livemode.is_(livemode),
                CouponRedemption.status == "active",
            )
        )
        or 0
    )


def _per_customer_exhausted(coupon: Coupon) -> Conflict:
    times = "once" if coupon.max_per_customer == 1 else f"{coupon.max_per_customer} times"
    return Conflict(
        f"the coupon {coupon.code} can be used {times} per customer and you have already used it",
        code="coupon_exhausted",
        param="coupon",
    )


def discount_for(
    coupon: Coupon, lines: Sequence[PricedLine], currency: str, *, livemode: bool, customer_id: str | None = None
) -> Discount:
    """The discount ``coupon`` gives this basket (of an order of ``livemode``), or a 4xx saying why it does not
    apply."""
    if coupon.customer_id is not None:
        check_holder(coupon, customer_id, livemode)
    if (
        coupon.max_per_customer is not None
        and customer_id
        and _customer_uses(coupon.id, customer_id, livemode) >= coupon.max_per_customer
    ):
        raise _per_customer_exhausted(coupon)
    if coupon.currency and coupon.currency != currency:
        raise _not_applicable(f"the coupon {coupon.code} applies to {coupon.currency.upper()} prices only")
    eligible = _eligible(coupon, lines)
    if not eligible:
        raise _not_applicable(f"the coupon {coupon.code} does not apply to these items")
    base = sum(line.amount.amount for line in eligible)
    if coupon.kind == "amount_off":
        amount = coupon.amount_off
    elif coupon.kind == "percent_off":
        amount = _bps(base, coupon.percent_bps)
        if coupon.max_discount is not None:
            amount = min(amount, coupon.max_discount)
    elif coupon.kind == "spend_and_save":
        if base < coupon.min_subtotal:
            raise _not_applicable(
                f"spend at least {Money(coupon.min_subtotal, currency).format()} on eligible "
                f"items to use the coupon {coupon.code}"
            )
        amount = coupon.amount_off
    else:  # volume: each line gets the highest tier its quantity reaches
        amount = 0
        for line in eligible:
            reached = [t["percent_bps"] for t in coupon.tiers if line.quantity >= t["min_quantity"]]
            amount += _bps(line.amount.amount, max(reached)) if reached else 0
        if amount == 0:
            least = min(t["min_quantity"] for t in coupon.tiers)
            raise _not_applicable(f"buy at least {least} of an item to use the coupon {coupon.code}")
    return Discount(coupon, describe(coupon), Money(min(amount, base), currency))


def redeem_coupon(
    discount: Discount, *, merchant_id: str, order_id: str, customer_id: str, livemode: bool
) -> CouponRedemption:
    """Count one use for an order of ``livemode`` in the caller's transaction: a conditional UPDATE of that mode's
    count against the limit (which also locks the coupon row, serialising the per-customer check), then the
    redemption row, unique per order."""
    coupon = discount.coupon
    if coupon.customer_id is not None:
        check_holder(coupon, customer_id, livemode)
    uses = redeemed_column(livemode)
    counted = db.session.execute(
        update(Coupon)
        .where(
            Coupon.id == coupon.id,
            Coupon.active.is_(True),
            (Coupon.max_redemptions.is_(None)) | (uses < Coupon.max_redemptions),
        )
        .values({uses: uses + 1})
        .execution_options(synchronize_session=False)
    )
    if counted.rowcount != 1:
        raise Conflict(f"the coupon {coupon.code} has been used up", code="coupon_exhausted", param="coupon")
    if (
        coupon.max_per_customer is not None
        and _customer_uses(coupon.id, customer_id, livemode) >= coupon.max_per_customer
    ):
        raise _per_customer_exhausted(coupon)
    redemption = CouponRedemption(
        id=new_id("red"),
        merchant_id=merchant_id,
        coupon_id=coupon.id,
        order_id=order_id,
        customer_id=customer_id,
        livemode=livemode,
        code=coupon.code,
        description=discount.description,
        amount=discount.amount.amount,
        currency=discount.amount.currency,
    )
    db.session.add(redemption)
    return redemption


def release_coupon(order_id: str) -> None:
    """Give back the use an order closed unpaid had counted (caller's transaction; at most once)."""
    redemption = db.session.scalar(select(CouponRedemption).where(CouponRedemption.order_id == order_id))
    if redemption is None:
        return
    released = db.session.execute(
        update(CouponRedemption)
        .where(CouponRedemption.id == redemption.id, CouponRedemption.status == "active")
        .values(status="released", released_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if released.rowcount == 1:
        uses = redeemed_column(redemption.livemode)
        db.session.execute(
            update(Coupon)
            .where(Coupon.id == redemption.coupon_id, uses > 0)
            .values({uses: uses - 1})
            .execution_options(synchronize_session=False)
        )


def discounts_for_order(order_id: str) -> list[CouponRedemption]:
    """The discount lines an order was priced with."""
    return list(db.session.scalars(select(CouponRedemption).where(CouponRedemption.order_id == order_id)))


def discounts_for_orders(order_ids: list[str]) -> dict[str, list[CouponRedemption]]:
    """Several orders' discount lines in one statement (a page of a list)."""
    found: dict[str, list[CouponRedemption]] = {}
    if order_ids:
        for redemption in db.session.scalars(
            select(CouponRedemption).where(CouponRedemption.order_id.in_(order_ids)).order_by(CouponRedemption.id)
        ):
            found.setdefault(redemption.order_id, []).append(redemption)
    return found


# --- the merchant's side: create, generate, deactivate, list ---------------------------------


MAX_COUNT = 99_999_999  # redemptions: a 32-bit column holds them


def _int_field(fields: dict, name: str, *, minimum: int = 0, maximum: int = MAX_COUNT) -> int | None:
    """An integer term (counts, basis points): bounded, so no column overflows."""
    value = fields.get(name)
    if value is None or value == "":
        return None
    if type(value) is not int or not minimum <= value <= maximum:
        raise InvalidRequest(f"{name} must be an integer of at least {minimum} and at most {maximum}", param=name)
    return value


def _amount_field(fields: dict, name: str, currency: str | None) -> int | None:
    """An amount term in minor units of the coupon's currency, at most that currency's largest amount."""
    value = _int_field(fields, name, minimum=1, maximum=10**MAX_DIGITS - 1)
    if value is not None and currency is not None and value > max_amount(currency):
        raise InvalidRequest(f"{name} in {currency.upper()} is at most {max_amount_text(currency)}", param=name)
    return value


def _id_list(fields: dict, name: str) -> list[str]:
    value = fields.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise InvalidRequest(f"{name} must be a list of ids", param=name)
    return value


def _coupon_terms(fields: dict, known_channels: Collection[str] | None = None) -> dict:
    """Validate the terms shared by one coupon and a bulk batch; returns column values. ``known_channels``: the
    channel codes a coupon may be limited to (the caller knows the payment hub's; None checks only their form)."""
    kind = fields.get("kind")
    if kind not in KINDS:
        raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}", param="kind")
    terms = {
        "kind": kind,
        "description": (fields.get("description") or "").strip()[:200],
        "amount_off": None,
        "percent_bps": None,
        "max_discount": None,
        "min_subtotal": None,
        "tiers": None,
        "currency": None,
        "product_ids": _id_list(fields, "product_ids"),
        "sku_ids": _id_list(fields, "sku_ids"),
        "max_redemptions": _int_field(fields, "max_redemptions", minimum=1),
        "max_per_customer": _int_field(fields, "max_per_customer", minimum=1),
        "valid_from": fields.get("valid_from"),
        "valid_until": fields.get("valid_until"),
        **coupon_options(fields, known_channels=known_channels),
    }
    if kind in ("amount_off", "spend_and_save", "percent_off") and fields.get("currency"):
        try:
            terms["currency"] = normalise_currency(fields["currency"])
        except ValueError:
            raise InvalidRequest("currency must be a three-letter ISO code", param="currency") from None
    if kind in ("amount_off", "spend_and_save"):
        terms["amount_off"] = _amount_field(fields, "amount_off", terms["currency"])
        if terms["amount_off"] is None or terms["currency"] is None:
            raise InvalidRequest("an amount off needs amount_off (minor units) and its currency", param="amount_off")
    if kind == "spend_and_save":
        terms["min_subtotal"] = _amount_field(fields, "min_subtotal", terms["currency"])
        if terms["min_subtotal"] is None:
            raise InvalidRequest("spend_and_save needs min_subtotal (minor units)", param="min_subtotal")
    if kind == "percent_off":
        terms["percent_bps"] = _int_field(fields, "percent_bps", minimum=1, maximum=10_000)
        if terms["percent_bps"] is None:
            raise InvalidRequest("percent_off needs percent_bps between 1 and 10000", param="percent_bps")
        terms["max_discount"] = _amount_field(fields, "max_discount", terms["currency"])
        if terms["max_discount"] is None:
            terms["currency"] = None  # an uncapped percentage applies in any currency
        elif terms["currency"] is None:
            raise InvalidRequest("a cap (max_discount) needs its currency", param="currency")
    if kind == "volume":
        terms["tiers"] = _tiers(fields.get("tiers"))
    for name in ("valid_from", "valid_until"):
        if terms[name] is not None and (not isinstance(terms[name], datetime) or terms[name].tzinfo is None):
            raise InvalidRequest(f"{name} must be a timezone-aware datetime", param=name)
    if terms["valid_from"] and terms["valid_until"] and terms["valid_until"] <= terms["valid_from"]:
        raise InvalidRequest("valid_until must be after valid_from", param="valid_until")
    return terms


def _tiers(value: object) -> list[dict]:
    if not isinstance(value, list) or not value or len(value) > 20:
        raise InvalidRequest("tiers must be a list of 1–20 {min_quantity, percent_bps}", param="tiers")
    tiers = []
    for i, tier in enumerate(value):
        if (
            not isinstance(tier, dict)
            or type(tier.get("min_quantity")) is not int
            or tier["min_quantity"] < 2
            or type(tier.get("percent_bps")) is not int
            or not 1 <= tier["percent_bps"] <= 10_000
        ):
            raise InvalidRequest(
                "each tier needs min_quantity ≥ 2 and percent_bps between 1 and 10000", param=f"tiers[{i}]"
            )
        tiers.append({"min_quantity": tier["min_quantity"], "percent_bps": tier["percent_bps"]})
    return sorted(tiers, key=lambda t: t["min_quantity"])


def create_coupon(merchant_id: str, fields: dict, *, known_channels: Collection[str] | None = None) -> Coupon:
    """Create one coupon with the merchant's chosen code."""
    code = normalise_code(fields.get("code"))
    terms = _coupon_terms(fields, known_channels)
    coupon = Coupon(id=new_id("cpn"), merchant_id=merchant_id, code=code, **terms)
    db.session.add(coupon)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(f"the code {code} is already in use", code="coupon_code_taken", param="code") from None
    return coupon


def generate_coupons(
    merchant_id: str,
    fields: dict,
    *,
    count: object,
    prefix: object = "",
    known_channels: Collection[str] | None = None,
) -> list[Coupon]:
    """Create ``count`` coupons with the same terms and random codes ``PREFIX-XXXXXXXX``."""
    if type(count) is not int or not 1 <= count <= MAX_BULK:
        raise InvalidRequest(f"count must be between 1 and {MAX_BULK}", param="count")
    prefix = (prefix or "").strip().upper()
    if prefix and not _CODE.match(prefix) or len(prefix) > 40:
        raise InvalidRequest("a prefix is up to 40 letters, digits, '-' or '_'", param="prefix")
    terms = _coupon_terms(fields, known_channels)
    if terms["automatic"]:
        # A batch is codes to hand out one by one; an automatic promotion is one coupon that needs none.
        raise InvalidRequest("an automatic promotion is one coupon: create it alone, not a batch", param="automatic")
    # 8 characters from 32 symbols: 2^40 codes, so guessing one is hopeless and collisions are rare;
    # a set keeps the batch itself free of duplicates, the unique constraint guards the rest.
    codes: set[str] = set()
    while len(codes) < count:
        body = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
        codes.add(f"{prefix}-{body}" if prefix else body)
    coupons = [Coupon(id=new_id("cpn"), merchant_id=merchant_id, code=code, **terms) for code in sorted(codes)]
    db.session.add_all(coupons)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(
            "a generated code collided with an existing one; generate again", code="coupon_code_taken", param="prefix"
        ) from None
    return coupons


def get_coupon(merchant_id: str, coupon_id: str, *, livemode: bool | None = None) -> Coupon:
    """The merchant's coupon by id (another merchant's is a 404); given ``livemode``, a personal coupon of the other
    mode is a 404 too (a catalog coupon is one for both modes)."""
    coupon = db.session.scalar(select(Coupon).where(Coupon.id == coupon_id, Coupon.merchant_id == merchant_id))
    if coupon is None or (livemode is not None and coupon.livemode is not None and coupon.livemode != livemode):
        raise NotFound(f"no coupon {coupon_id!r}", param="id")
    return coupon


def update_coupon(merchant_id: str, coupon_id: str, fields: dict) -> Coupon:
    """Change a coupon's description, validity window and limits (its code and terms stay: orders
    were priced with them)."""
    coupon = get_coupon(merchant_id, coupon_id)
    max_redemptions = _int_field(fields, "max_redemptions", minimum=1)
    max_per_customer = _int_field(fields, "max_per_customer", minimum=1)
    if max_redemptions is not None and max_redemptions < _most_uses(coupon):
        raise InvalidRequest(_used_already(coupon), param="max_redemptions")
    valid_from, valid_until = fields.get("valid_from"), fields.get("valid_until")
    if valid_from and valid_until and valid_until <= valid_from:
        raise InvalidRequest("valid_until must be after valid_from", param="valid_until")
    coupon.description = (fields.get("description") or "").strip()[:200]
    coupon.valid_from, coupon.valid_until = valid_from, valid_until
    coupon.max_redemptions, coupon.max_per_customer = max_redemptions, max_per_customer
    try:
        db.session.commit()
    except IntegrityError:
        # Used again between the check above and this save: the database's rule (uses ≤ limit) refused it.
        db.session.rollback()
        raise InvalidRequest(
            _used_already(db.session.get(Coupon, coupon.id, populate_existing=True)), param="max_redemptions"
        ) from None
    return coupon


def _most_uses(coupon: Coupon) -> int:
    return max(coupon.times_redeemed, coupon.test_times_redeemed)


def _used_already(coupon: Coupon) -> str:
    """Why the limit cannot go below the uses so far (the limit holds for each mode's count)."""
    mode = "" if coupon.times_redeemed >= coupon.test_times_redeemed else " by test orders"
    return f"it has already been used {_most_uses(coupon)} times{mode}; the limit cannot be lower"


def deactivate_coupon(merchant_id: str, coupon_id: str) -> Coupon:
    """Stop a coupon from being used again; orders already priced with it keep their discount."""
    coupon = get_coupon(merchant_id, coupon_id)
    coupon.active = False
    db.session.commit()
    return coupon


def list_coupons(
    merchant_id: str, *, q: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Coupon], bool]:
    """Newest first, optionally those whose code contains ``q``; personal coupons (one customer's, thousands of them
    from a campaign) are listed with their campaign or customer, not here."""
    query = select(Coupon).where(Coupon.merchant_id == merchant_id, Coupon.customer_id.is_(None))
    if q:
        query = query.where(Coupon.code.contains(q.strip().upper(), autoescape=True))
    rows = list(db.session.scalars(query.order_by(Coupon.id.desc()).offset(offset).limit(limit + 1)))
    return rows[:limit], len(rows) > limit


def list_redemptions(
    merchant_id: str, coupon_id: str, *, livemode: bool, limit: int, starting_after: str | None = None
) -> tuple[list[CouponRedemption], bool]:
    """A page of a coupon's uses by orders of ``livemode``, newest first (each mode counts its uses apart), and
    whether older ones follow: a campaign's coupon is used thousands of times."""
    get_coupon(merchant_id, coupon_id)
    return newest_first(
        select(CouponRedemption).where(
            CouponRedemption.merchant_id == merchant_id,
            CouponRedemption.coupon_id == coupon_id,
            CouponRedemption.livemode.is_(livemode),
        ),
        CouponRedemption.id,
        limit=limit,
        starting_after=starting_after,
    )
