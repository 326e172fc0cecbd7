"""The merchant's customers as their orders know them: who bought, under which emails, how often, when last, and
what they spent (paid less refunded, per currency). Kassa keeps no customer table (the customer id is the
merchant's own reference), so a customer is the orders that name it, read through the orders' customer-id and
email indexes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select

from app.extensions import db
from app.orders.models import Order
from app.orders.state import PAID_STATUSES
from app.platform.db.types import begins_with

RECENT_ORDERS = 500  # the customers of this many latest orders make the list before anything is searched


@dataclass
class CustomerSummary:
    customer_id: str
    orders: int = 0
    last_order_at: datetime | None = None
    emails: list[str] = field(default_factory=list)  # newest first
    spent: dict[str, int] = field(default_factory=dict)  # currency → minor units, paid less given back

    @property
    def email(self) -> str | None:
        return self.emails[0] if self.emails else None


def find_customers(
    merchant_id: str, *, livemode: bool, query: str | None = None, limit: int = 25
) -> list[CustomerSummary]:
    """Customers whose id is or begins with ``query``, or whose email it is (any case); without one, those of the
    latest orders. Most recent buyer first."""
    scope = (Order.merchant_id == merchant_id, Order.livemode == livemode)
    text = (query or "").strip()
    if text:
        match = or_(
            Order.customer_id == text,
            begins_with(Order.customer_id, text),
            func.lower(Order.customer_email) == text.lower(),
        )
        ids = select(Order.customer_id).where(*scope, match).distinct().limit(limit)
    else:
        latest = select(Order.customer_id).where(*scope).order_by(Order.id.desc()).limit(RECENT_ORDERS).subquery()
        ids = select(latest.c.customer_id).distinct().limit(limit)
    found = summarise(merchant_id, livemode=livemode, customer_ids=list(db.session.scalars(ids)))
    return sorted(found.values(), key=lambda s: (s.last_order_at, s.customer_id), reverse=True)


def summarise(merchant_id: str, *, livemode: bool, customer_ids: list[str]) -> dict[str, CustomerSummary]:
    """Each customer's figures, in three grouped statements for all of them."""
    if not customer_ids:
        return {}
    scope = (Order.merchant_id == merchant_id, Order.livemode == livemode, Order.customer_id.in_(customer_ids))
    found = {cid: CustomerSummary(cid) for cid in customer_ids}
    for cid, count, last in db.session.execute(
        select(Order.customer_id, func.count(), func.max(Order.created_at)).where(*scope).group_by(Order.customer_id)
    ):
        found[cid].orders, found[cid].last_order_at = count, last
    for cid, currency, spent in db.session.execute(
        select(Order.customer_id, Order.currency, func.sum(Order.total - Order.refunded_amount - Order.disputed_amount))
        .where(*scope, Order.status.in_(PAID_STATUSES))
        .group_by(Order.customer_id, Order.currency)
    ):
        if spent:
            found[cid].spent[currency] = int(spent)
    for cid, email, _last in db.session.execute(
        select(Order.customer_id, Order.customer_email, func.max(Order.created_at).label("last"))
        .where(*scope, Order.customer_email.is_not(None))
        .group_by(Order.customer_id, Order.customer_email)
        .order_by(func.max(Order.created_at).desc())
    ):
        if email not in found[cid].emails:
            found[cid].emails.append(email)
    return {cid: summary for cid, summary in found.items() if summary.orders}
