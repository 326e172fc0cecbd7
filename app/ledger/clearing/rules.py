"""Clearing rules: who gets what share of a sold line, and after how many days it may be paid out.

A rule is ``{"splits": [{"partner": id, "share_bps": n}, ...], "hold_days": d}``: shares in basis points that sum to
10000 (the merchant itself is partner ``self``). A SKU may have its own; otherwise its product's; otherwise the
merchant's default; otherwise everything goes to ``self`` at once. The rule in force when a line is sold is copied
onto the order line (``order_items.clearing``), so a later change never reaches orders already sold.

A line's owner — the partner with the largest share, the first listed on a tie — names the sub-order the line
belongs to when an order's lines go different ways (app/orders/sub_orders.py). How the lines are grouped is the
merchant's split strategy: ``partner`` (by owner) or ``product``.
"""

from __future__ import annotations

from sqlalchemy import select

from app.errors import InvalidRequest
from app.extensions import db
from app.ledger.books_models import SELF, Partner
from app.merchants.models import Merchant

FULL = 10_000
MAX_SPLITS = 20
MAX_HOLD_DAYS = 365
DEFAULT_RULE = {"splits": [{"partner": SELF, "share_bps": FULL}], "hold_days": 0}
STRATEGIES = ("partner", "product", "category")  # how an order's lines are grouped into sub-orders


def check_rule(merchant_id: str, value: object, *, param: str = "clearing") -> dict | None:
    """The rule as stored, or a 400 naming what to fix; every partner must be the merchant's own."""
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("splits"), list) or set(value) - {"splits", "hold_days"}:
        raise InvalidRequest(
            f'{param} is {{"splits": [{{"partner": id, "share_bps": n}}], "hold_days": d}}', param=param
        )
    splits = value["splits"]
    if not 1 <= len(splits) <= MAX_SPLITS:
        raise InvalidRequest(f"{param}.splits needs 1 to {MAX_SPLITS} partners", param=f"{param}.splits")
    checked, seen = [], set()
    for i, split in enumerate(splits):
        where = f"{param}.splits[{i}]"
        if not isinstance(split, dict) or set(split) != {"partner", "share_bps"}:
            raise InvalidRequest(f"{where} is {{partner, share_bps}}", param=where)
        partner, share = split["partner"], split["share_bps"]
        if not isinstance(partner, str) or not partner:
            raise InvalidRequest(f"{where}.partner must be a partner id (or self)", param=f"{where}.partner")
        if type(share) is not int or not 1 <= share <= FULL:
            raise InvalidRequest(
                f"{where}.share_bps must be a whole number from 1 to {FULL}", param=f"{where}.share_bps"
            )
        if partner in seen:
            raise InvalidRequest(f"{where}.partner {partner!r} is listed twice", param=f"{where}.partner")
        seen.add(partner)
        checked.append({"partner": partner, "share_bps": share})
    total = sum(s["share_bps"] for s in checked)
    if total != FULL:
        raise InvalidRequest(
            f"{param}.splits must add up to {FULL} basis points (100 %), not {total}", param=f"{param}.splits"
        )
    unknown = sorted(
        seen
        - {SELF}
        - set(db.session.scalars(select(Partner.id).where(Partner.merchant_id == merchant_id, Partner.id.in_(seen))))
    )
    if unknown:
        raise InvalidRequest(f"no partner {unknown[0]!r}: create it first (POST /partners)", param=f"{param}.splits")
    hold = value.get("hold_days", 0)
    if type(hold) is not int or not 0 <= hold <= MAX_HOLD_DAYS:
        raise InvalidRequest(
            f"{param}.hold_days must be a whole number from 0 to {MAX_HOLD_DAYS}", param=f"{param}.hold_days"
        )
    return {"splits": checked, "hold_days": hold}


def rule_in_force(sku_rule: dict | None, product_rule: dict | None, merchant_rule: dict | None) -> dict:
    """The rule a line is sold under: the SKU's, else the product's, else the merchant's, else all to self."""
    return sku_rule or product_rule or merchant_rule or DEFAULT_RULE


def with_settlement_delay(rule: dict, delay_days: int | None) -> dict:
    """The rule with a product's T+N folded in: its lines wait the longer of the rule's hold and ``delay_days``
    after the order completes (clearing time), then the partner's cycle settles them with the rest."""
    if delay_days is None or delay_days <= rule.get("hold_days", 0):
        return rule
    return {**rule, "hold_days": delay_days}


def check_settlement_delay(value: object, *, param: str = "settlement_delay_days") -> int | None:
    """A product's T+N as stored, or a 400 naming what to fix."""
    if value is not None and (type(value) is not int or not 0 <= value <= MAX_HOLD_DAYS):
        raise InvalidRequest(
            f"{param} must be a whole number of days from 0 to {MAX_HOLD_DAYS}, or null to follow the clearing rule",
            param=param,
        )
    return value


def owner(rule: dict) -> str:
    """The partner with the largest share of a rule (the first listed on a tie)."""
    best = rule["splits"][0]
    for split in rule["splits"][1:]:
        if split["share_bps"] > best["share_bps"]:
            best = split
    return best["partner"]


def set_merchant_defaults(merchant_id: str, *, rule: object, strategy: object) -> None:
    """The merchant's default rule (for products without one) and how orders are split into sub-orders."""
    if strategy not in STRATEGIES:
        raise InvalidRequest(f"split_strategy must be one of {', '.join(STRATEGIES)}", param="split_strategy")
    merchant = db.session.get(Merchant, merchant_id)
    merchant.clearing = check_rule(merchant_id, rule)
    merchant.split_strategy = strategy
    db.session.commit()
