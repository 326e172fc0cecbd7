"""Catalog services: read products, price a basket, reserve and release inventory."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from sqlalchemy import select, update
from sqlalchemy.orm import joinedload, selectinload

from app.catalog.coupons import Discount, discount_for, find_coupon
from app.catalog.models import Product, Sku, stock_column
from app.catalog.promotions import best_promotion, one_discount
from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.merchants.config_cache import cached
from app.platform.values.money import Money, max_amount, max_amount_text, normalise_currency

MAX_QUANTITY = 99
MAX_LINES = 50


@dataclass(frozen=True)
class QuoteLine:
    sku: Sku
    quantity: int
    unit: Money  # the SKU's price in the quote's currency (nothing, for a free trial's signing)
    trial_days: int = 0  # the free trial this line starts (its unit is then nothing)

    @property
    def amount(self) -> Money:
        return self.unit * self.quantity


@dataclass(frozen=True)
class Quote:
    lines: list[QuoteLine]
    subtotal: Money
    discount: Money
    total: Money
    discounts: tuple[Discount, ...] = ()

    @property
    def currency(self) -> str:
        return self.total.currency


def list_products(
    merchant_id: str, *, limit: int = 20, starting_after: str | None = None
) -> tuple[list[Product], bool]:
    """Active products in creation order, one page plus whether more follow."""
    query = select(Product).where(Product.merchant_id == merchant_id, Product.status == "active")
    if starting_after:
        query = query.where(Product.id > starting_after)
    rows = list(db.session.scalars(query.order_by(Product.id).limit(limit + 1)))
    return rows[:limit], len(rows) > limit


def get_product(merchant_id: str, product_id: str) -> Product:
    product = db.session.scalar(
        select(Product).where(
            Product.id == product_id, Product.merchant_id == merchant_id, Product.status != "archived"
        )
    )
    if product is None:
        raise NotFound(f"no product {product_id!r}", param="id")
    return product


def _parse_items(items: object) -> list[tuple[str, int]]:
    if items is None:
        raise InvalidRequest(
            "items is required: a non-empty list of {sku, quantity}", code="parameter_missing", param="items"
        )
    if not isinstance(items, list) or not items:
        raise InvalidRequest("items must be a non-empty list of {sku, quantity}", param="items")
    if len(items) > MAX_LINES:
        raise InvalidRequest(f"at most {MAX_LINES} items per order", param="items")
    parsed = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidRequest("each item must be an object {sku, quantity}", param=f"items[{i}]")
        sku_id, quantity = item.get("sku"), item.get("quantity", 1)
        if not isinstance(sku_id, str) or not sku_id:
            raise InvalidRequest("sku must be a SKU id string", param=f"items[{i}].sku")
        if type(quantity) is not int:  # "2", 1.5, true: say what to send, not only the range
            raise InvalidRequest(
                f"quantity must be a whole number from 1 to {MAX_QUANTITY}", param=f"items[{i}].quantity"
            )
        if not 1 <= quantity <= MAX_QUANTITY:  # this wording is API.md's example of an error
            raise InvalidRequest(f"quantity must be between 1 and {MAX_QUANTITY}", param=f"items[{i}].quantity")
        parsed.append((sku_id, quantity))
    return parsed


def parse_currency(currency: object) -> str | None:
    """The currency a buyer asks to pay in (lowercase ISO 4217), None for the SKUs' default prices; a 400 otherwise."""
    if currency is None:
        return None
    try:
        return normalise_currency(currency)
    except ValueError:
        raise InvalidRequest(
            f"currency must be a lowercase three-letter ISO 4217 code such as usd or eur, got {currency!r}",
            param="currency",
        ) from None


def _unit_price(sku: Sku, currency: str | None) -> Money:
    """The SKU's price in the asked currency (its default price without one), or a 400 naming where it is sold."""
    if currency is None:
        return sku.price
    unit = sku.price_in(currency)
    if unit is None:
        raise InvalidRequest(
            f"{sku.product.name} — {sku.name} ({sku.id}) has no price in {currency.upper()}; "
            f"it can be bought in {', '.join(c.upper() for c in sku.currencies)}",
            code="currency_unavailable",
            param="currency",
        )
    return unit


def shared_currencies(skus: list[Sku]) -> list[str]:
    """The currencies every one of ``skus`` can be bought in, the first SKU's default first (a subscription's
    renewals are charged in the currency its contract was opened in)."""
    if not skus:
        return []
    return [c for c in skus[0].currencies if all(c in s.currencies for s in skus)]


def price_items(
    merchant_id: str,
    items: object,
    coupon: object = None,
    *,
    livemode: bool,
    customer_id: str | None = None,
    currency: object = None,
    free_trial: bool = False,
    automatic: bool = True,
) -> Quote:
    """Price a basket (and its coupon, if any) with no side effects, in ``currency`` when given (every item must
    have a price in it), else in the SKUs' default prices; raises a 4xx error naming the bad item or saying why
    the coupon cannot be used. Stock and coupon uses are ``livemode``'s (test orders count theirs apart).
    ``free_trial``: the basket is a new contract's first order that starts the SKU's free trial (the customer has
    not had it), so it costs nothing now (the shopper signs the mandate; its first period is charged when the trial
    ends). ``automatic``: whether automatic promotions apply (not to a renewal: its price is the contract's)."""
    parsed = _parse_items(items)
    currency = parse_currency(currency)
    skus = {
        sku_id: found
        for sku_id in {sku for sku, _ in parsed}
        if (found := cached(merchant_id, f"catalog.sku:{sku_id}", partial(_load_sku, sku_id))) is not None
    }
    limited = [sku_id for sku_id, sku in skus.items() if sku.stock is not None]
    # Stock moves with every order: never from memory (the reservation's conditional UPDATE decides anyway).
    stock = (
        dict(db.session.execute(select(Sku.id, stock_column(livemode)).where(Sku.id.in_(limited))).all())
        if limited
        else {}
    )
    lines = []
    for i, (sku_id, quantity) in enumerate(parsed):
        sku = skus.get(sku_id)
        if sku is None or sku.status != "active" or sku.product.status != "active":
            raise InvalidRequest(f"no purchasable SKU {sku_id!r}", code="resource_missing", param=f"items[{i}].sku")
        left = stock.get(sku_id)
        if left is not None and left < quantity:
            raise Conflict(f"only {left} of {sku.name!r} left", code="out_of_stock", param=f"items[{i}].quantity")
        unit = _unit_price(sku, currency)
        if free_trial and sku.trial_days:
            lines.append(QuoteLine(sku, quantity, Money.zero(unit.currency), sku.trial_days))
        else:
            lines.append(QuoteLine(sku, quantity, unit))
    currencies = {line.unit.currency for line in lines}
    if len(currencies) > 1:
        raise InvalidRequest(
            "all items must be priced in one currency: give currency to price them in one they all have",
            code="currency_mismatch",
            param="items",
        )
    subtotal = Money.zero(currencies.pop())
    for line in lines:
        subtotal = subtotal + line.amount
    if subtotal.amount > max_amount(subtotal.currency):
        raise InvalidRequest(
            f"an order in {subtotal.currency.upper()} may total at most "
            f"{max_amount_text(subtotal.currency)}; split it into several orders",
            param="items",
        )
    trial = free_trial and any(line.sku.trial_days for line in lines)
    if coupon not in (None, "") and trial:
        # Nothing is charged today, so the coupon would be used up on nothing (renewals charge the list price).
        raise InvalidRequest(
            "a coupon cannot be used with a free trial: nothing is charged today",
            code="coupon_not_applicable",
            param="coupon",
        )
    typed = (
        discount_for(
            find_coupon(merchant_id, coupon, livemode=livemode),
            lines,
            subtotal.currency,
            livemode=livemode,
            customer_id=customer_id,
        )
        if coupon not in (None, "")
        else None
    )
    promotion = (
        best_promotion(merchant_id, lines, subtotal.currency, livemode=livemode, customer_id=customer_id)
        if automatic and not trial
        else None
    )
    discounts = one_discount(typed, promotion)
    discount = Money.zero(subtotal.currency)
    for line in discounts:
        discount = discount + line.amount
    return Quote(lines, subtotal, discount, subtotal - discount, discounts)


def refuse_subscriptions(quote: Quote) -> None:
    """An order or checkout session sells one-off purchases. A SKU sold as a subscription is opened with
    POST /subscriptions, which signs its renewals: bought as an order it would charge one period and never renew,
    while the shopper's page and the merchant's catalog say it does."""
    for i, line in enumerate(quote.lines):
        if line.sku.subscription_interval:
            raise InvalidRequest(
                f"SKU {line.sku.id!r} is sold as a subscription: open it with POST /subscriptions, "
                "which signs its renewals (an order would charge one period and never renew)",
                code="sku_recurring",
                param=f"items[{i}].sku",
            )


def _load_sku(sku_id: str, session, merchant_id: str) -> Sku | None:
    """One of the merchant's SKUs with its product and prices, for pricing (kept in memory, only read)."""
    return session.scalar(
        select(Sku)
        .options(joinedload(Sku.product), selectinload(Sku.prices))
        .where(Sku.merchant_id == merchant_id, Sku.id == sku_id)
    )


def reserve_inventory(sku_id: str, quantity: int, *, livemode: bool, limited: bool = True) -> None:
    """Take ``quantity`` from the limited stock of ``livemode``'s orders with one conditional UPDATE (no oversell).
    A SKU priced as unlimited (``limited=False``) takes nothing and costs no statement."""
    if not limited:
        return
    stock = stock_column(livemode)
    result = db.session.execute(
        update(Sku)
        .where(Sku.id == sku_id, stock.is_not(None), stock >= quantity)
        .values({stock: stock - quantity})
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 0:
        left = db.session.scalar(select(stock).where(Sku.id == sku_id))
        if left is not None:
            raise Conflict(f"not enough stock left for SKU {sku_id}", code="out_of_stock", param="items")


def release_inventory(sku_id: str, quantity: int, *, livemode: bool) -> None:
    """Give reserved units back to the limited stock they were taken from."""
    stock = stock_column(livemode)
    db.session.execute(
        update(Sku)
        .where(Sku.id == sku_id, stock.is_not(None))
        .values({stock: stock + quantity})
        .execution_options(synchronize_session=False)
    )
