"""The recurring terms in words, as the shopper sees them before signing ("$9.99 every month, cancel anytime")."""

from __future__ import annotations

from sqlalchemy import bindparam, select, union_all

from app.catalog.models import Sku
from app.extensions import db
from app.platform.db.types import utcnow
from app.platform.values.money import Money
from app.signing.models import Subscription, SubscriptionRenewal
from app.signing.periods import shift


def every(interval: str, interval_count: int) -> str:
    """``every month``, ``every 3 months``."""
    return f"every {interval}" if interval_count == 1 else f"every {interval_count} {interval}s"


def terms_text(amount: int, currency: str, interval: str, interval_count: int) -> str:
    return f"{Money(amount, currency).format()} {every(interval, interval_count)}, cancel anytime"


def sku_terms(sku: Sku) -> str | None:
    """A subscription SKU's terms at its list price; None for a one-off SKU."""
    if not sku.subscription_interval:
        return None
    return terms_text(sku.price_amount, sku.currency, sku.subscription_interval, sku.subscription_interval_count or 1)


# Asked on every payment of every order: built once, a payment binds only the order's id. Two indexed look-ups
# (the first order's, the renewal's) whose ids find the contract; an OR of them made PostgreSQL scan every contract.
_PAID_BY = (
    select(Subscription)
    .where(
        Subscription.id.in_(
            union_all(
                select(Subscription.id).where(Subscription.first_order_id == bindparam("b_order")),
                select(SubscriptionRenewal.subscription_id).where(SubscriptionRenewal.order_id == bindparam("b_order")),
            )
        )
    )
    .limit(1)
)


def subscription_paid_by(order_id: str) -> Subscription | None:
    """The subscription a payment of this order signs: set for a subscription's first order and for a renewal
    order the shopper pays by hand (a new card replaces a failing one), None otherwise."""
    # One query for the common answer (a plain order: no contract either way).
    return db.session.scalar(_PAID_BY, {"b_order": order_id})


def recurring_terms(order_id: str) -> str | None:
    """The terms a payment of this order signs, in words (see ``subscription_paid_by``)."""
    sub = subscription_paid_by(order_id)
    if sub is None:
        return None
    return terms_text(sub.price_amount, sub.currency, sub.interval, sub.interval_count)


def checkout_terms(quote) -> dict | None:
    """What the checkout shows before a subscription is signed: the terms (price, interval), the free trial the
    signup starts (days, 0: none), the SKU's trial this customer has had already (days, 0: none; they are charged
    at once) and the date of the next charge (the first renewal, or the trial's end), as values the page words in
    the shopper's language; None unless the basket is one subscription SKU."""
    if quote is None or len(quote.lines) != 1 or not quote.lines[0].sku.subscription_interval:
        return None
    line = quote.lines[0]
    interval, count = line.sku.subscription_interval, line.sku.subscription_interval_count or 1
    trial = line.trial_days
    # A trial's line is priced at nothing (nothing is due today): the recurring charge is the SKU's price.
    amount = line.sku.price_in(quote.currency).amount if trial else line.amount.amount
    renews = shift(utcnow(), "day", trial) if trial else shift(utcnow(), interval, count)
    return {
        "amount": amount,
        "currency": quote.currency,
        "interval": interval,
        "interval_count": count,
        "trial_days": trial,
        "trial_had": 0 if trial else line.sku.trial_days,
        "renews_at": renews,
    }


def recurring_sku_in(merchant_id: str, items: list | None) -> Sku | None:
    """The subscription SKU a one-line basket buys, or None (any other basket is a plain order)."""
    if not items or len(items) != 1 or not isinstance(items[0], dict):
        return None
    sku = db.session.get(Sku, items[0].get("sku")) if isinstance(items[0].get("sku"), str) else None
    if sku is None or sku.merchant_id != merchant_id or not sku.subscription_interval:
        return None
    return sku
