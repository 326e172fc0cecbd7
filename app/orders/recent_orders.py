"""A merchant's recent purchase orders of one mode, as a risk rule's preview reads them (app/risk/preview.py): counted
and picked out in SQL, for a month of a large merchant's orders."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.orders.models import Order
from app.orders.state import PAID_STATUSES


class RecentOrders:
    """The purchase orders of ``merchant_id`` in ``livemode`` (``app.risk.preview.RecentOrders``), only those of
    ``business_line`` when it is given (a rule naming a line is tried on that line's orders)."""

    def __init__(self, merchant_id: str, *, livemode: bool, business_line: str | None = None) -> None:
        self.merchant_id, self.livemode, self.business_line = merchant_id, livemode, business_line

    def _since(self, since: datetime, currency: str | None = None) -> ColumnElement[bool]:
        made = and_(
            Order.merchant_id == self.merchant_id,
            Order.livemode == self.livemode,
            Order.kind == "purchase",
            Order.created_at >= since,
        )
        if self.business_line is not None:
            made = and_(made, Order.business_line_id == self.business_line)
        return and_(made, Order.currency == currency) if currency else made

    def count(self, since: datetime) -> int:
        return db.session.scalar(select(func.count()).select_from(Order).where(self._since(since))) or 0

    def above(
        self, since: datetime, amount: int, *, currency: str | None, first_purchase: bool, examples: int
    ) -> tuple[int, list[str]]:
        hit = and_(self._since(since, currency), Order.total > amount)
        if first_purchase:
            earlier = aliased(Order)
            paid_before = exists().where(
                earlier.merchant_id == Order.merchant_id,
                earlier.customer_id == Order.customer_id,
                earlier.livemode == Order.livemode,
                earlier.status.in_(PAID_STATUSES),
                earlier.created_at < Order.created_at,
            )
            hit = and_(hit, ~paid_before)
        flagged = db.session.scalar(select(func.count()).select_from(Order).where(hit)) or 0
        return flagged, list(
            db.session.scalars(select(Order.id).where(hit).order_by(Order.created_at.desc()).limit(examples))
        )

    def in_time_order(
        self, since: datetime, by: str, *, currency: str | None, limit: int
    ) -> list[tuple[str, str, str, int, datetime]]:
        key = Order.customer_id if by == "customer" else func.lower(Order.customer_email)
        rows = db.session.execute(
            select(Order.id, key, Order.currency, Order.total, Order.created_at)
            .where(self._since(since, currency), key.is_not(None))
            .order_by(Order.created_at.desc())
            .limit(limit)
        ).all()
        return [tuple(row) for row in reversed(rows)]
