"""The portal's order search: filters, two-way cursor pages, and a streamed export.

It lives in payments, not orders, because the channel filter reads payment attempts and orders
must not depend on payments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Iterator

from sqlalchemy import exists, func, or_, select

from app.extensions import db
from app.orders.models import Order
from app.payments.models import PaymentAttempt
from app.platform.db.types import after_day, begins_with
from app.platform.values.pagination import newest_first_both_ways

EXPORT_BATCH = 500


@dataclass(frozen=True)
class OrderFilters:
    """What the merchant asked for: one mode always, and the other fields when not empty."""

    livemode: bool
    status: str | None = None
    start: date | None = None  # created on or after this UTC day
    end: date | None = None  # created on or before this UTC day
    channel: str | None = None  # paid, or tried, with this channel
    customer: str | None = None  # customer id or email, exact
    query: str | None = None  # the search box: an order id (or its beginning), a customer id or email
    business_line: str | None = None  # the business line's id


@dataclass(frozen=True)
class OrderPage:
    orders: list[Order]
    has_older: bool
    has_newer: bool


def _filtered(merchant_id: str, filters: OrderFilters):
    query = select(Order).where(Order.merchant_id == merchant_id, Order.livemode == filters.livemode)
    if filters.status:
        query = query.where(Order.status == filters.status)
    if filters.business_line:
        query = query.where(Order.business_line_id == filters.business_line)
    if filters.start:
        query = query.where(Order.created_at >= datetime.combine(filters.start, time.min, timezone.utc))
    if filters.end:
        query = query.where(Order.created_at < after_day(filters.end))
    if filters.channel:
        query = query.where(
            exists().where(PaymentAttempt.order_id == Order.id, PaymentAttempt.channel == filters.channel)
        )
    if filters.customer:
        who = filters.customer.strip()
        query = query.where(_customer_is(who))
    text = (filters.query or "").strip()
    if text:
        # An id's beginning is a range of the primary key's index (begins_with): four index probes in all.
        query = query.where(or_(Order.id == text, begins_with(Order.id, text), _customer_is(text)))
    return query


def _customer_is(who: str):
    """The customer by their id (exact) or email (any case: shoppers type it as they like)."""
    return or_(Order.customer_id == who, func.lower(Order.customer_email) == who.lower())


def search_orders(
    merchant_id: str,
    filters: OrderFilters,
    *,
    limit: int = 25,
    starting_after: str | None = None,
    ending_before: str | None = None,
) -> OrderPage:
    """One page of matching orders, newest first; ``starting_after`` pages older, ``ending_before`` newer."""
    rows, has_older, has_newer = newest_first_both_ways(
        _filtered(merchant_id, filters),
        Order.id,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
    )
    return OrderPage(rows, has_older, has_newer)


def export_orders(merchant_id: str, filters: OrderFilters) -> Iterator[Order]:
    """Every matching order, newest first, read in keyset batches so memory stays flat."""
    cursor = None
    while True:
        query = _filtered(merchant_id, filters)
        if cursor:
            query = query.where(Order.id < cursor)
        batch = list(db.session.scalars(query.order_by(Order.id.desc()).limit(EXPORT_BATCH)))
        yield from batch
        if len(batch) < EXPORT_BATCH:
            return
        cursor = batch[-1].id
        for order in batch:  # keep the identity map from growing with the export
            db.session.expunge(order)
