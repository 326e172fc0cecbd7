"""What a receipt says: the order's lines, discounts and total, how it was paid, and where to see it again.

The receipt page and the email receipt both render this, so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from flask import current_app
from sqlalchemy import select

from app.catalog.coupons import discounts_for_order
from app.extensions import db
from app.merchants.business_lines import display_name_of
from app.merchants.models import Merchant
from app.orders.models import Order
from app.payments.channels.available import channel_name
from app.payments.models import PaymentAttempt
from app.platform.values.languages import DEFAULT_LANGUAGE
from app.platform.values.money import Money
from app.signing.models import Subscription

# Orders a shopper has paid for (a refund later does not undo that the payment happened).


@dataclass(frozen=True)
class ReceiptLine:
    description: str
    quantity: int
    unit_amount: Money
    amount: Money


@dataclass(frozen=True)
class ReceiptDiscount:
    description: str
    amount: Money


@dataclass(frozen=True)
class TrialStarted:
    """What a subscription's free trial signed for (its first order, of nothing): the price that follows, and when."""

    days: int
    price: Money
    interval: str
    interval_count: int
    first_charge_at: datetime | None


@dataclass(frozen=True)
class Receipt:
    """One paid order as its shopper sees it."""

    order_id: str
    merchant_name: str
    paid_at: datetime | None
    lines: list[ReceiptLine]
    discounts: list[ReceiptDiscount]
    subtotal: Money
    total: Money
    refunded: Money
    payment_method: str | None
    email: str | None
    livemode: bool
    url: str
    # The language the receipt email speaks: the shopper's at checkout (app/platform/values/languages.py).
    language: str
    # Set on a free trial's signing: the receipt of $0.00 says what it started and what it will charge.
    trial: TrialStarted | None = None


def receipt_url(order: Order) -> str:
    """The receipt page's public address; the order's client secret is what lets its holder see it."""
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    return f"{base}/checkout/receipts/{quote(order.id)}?client_secret={quote(order.client_secret)}"


def _paid_attempt(order_id: str) -> PaymentAttempt | None:
    return db.session.scalar(
        select(PaymentAttempt)
        .where(PaymentAttempt.order_id == order_id, PaymentAttempt.status == "succeeded")
        .order_by(PaymentAttempt.created_at.desc())
        .limit(1)
    )


def _paid_at(order: Order) -> datetime | None:
    return next((entry.at for entry in order.timeline if entry.status == "paid"), None)


def payment_method(order: Order) -> str | None:
    """The name of the channel that took the payment, or None while nothing has been paid."""
    attempt = _paid_attempt(order.id)
    return channel_name(order.merchant_id, attempt.channel) if attempt else None


def _trial_started(order: Order, paid_at: datetime | None) -> TrialStarted | None:
    if order.total:
        return None
    sub = db.session.scalar(select(Subscription).where(Subscription.first_order_id == order.id))
    if sub is None or not sub.trial_days:
        return None
    # The contract's trial end once it is signed; the receipt may be written first (both follow order.paid).
    ends = (
        sub.current_period_end
        if sub.period == 0 and sub.current_period_end
        else paid_at + timedelta(days=sub.trial_days)
        if paid_at
        else None
    )
    return TrialStarted(sub.trial_days, Money(sub.price_amount, sub.currency), sub.interval, sub.interval_count, ends)


def build_receipt(order: Order) -> Receipt:
    """The receipt of a paid order, in the language the shopper checked out in (an order made through the API
    has none: the merchant's checkout language, else English)."""
    currency = order.currency
    merchant = db.session.get(Merchant, order.merchant_id)
    paid_at = _paid_at(order)
    return Receipt(
        order_id=order.id,
        # The name the shopper bought from: a business line's display name, else the merchant's.
        merchant_name=display_name_of(merchant.id, order.business_line_id, merchant.name),
        paid_at=paid_at,
        lines=[
            ReceiptLine(item.name, item.quantity, Money(item.unit_amount, currency), Money(item.amount, currency))
            for item in order.items
        ],
        discounts=[
            ReceiptDiscount(f"{d.code} — {d.description}", Money(d.amount, currency))
            for d in discounts_for_order(order.id)
        ],
        subtotal=Money(order.subtotal, currency),
        total=Money(order.total, currency),
        refunded=Money(order.refunded_amount, currency),
        payment_method=payment_method(order),
        email=order.customer_email,
        livemode=order.livemode,
        url=receipt_url(order),
        language=order.language or merchant.checkout_language or DEFAULT_LANGUAGE,
        trial=_trial_started(order, paid_at),
    )
