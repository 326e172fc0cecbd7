"""Dashboard figures over a date range, each one set-based SQL (GROUP BY), never a loop over orders.

GMV is the total of purchase orders created in the range that were paid (whatever happened after:
fulfilled, completed, refunded); conversion is paid orders over created orders; a channel's success
rate is succeeded attempts over decided ones (succeeded, failed or canceled); refunds are the
succeeded refunds made in the range. Amounts are per currency: they are never added across currencies.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import case, func, select

from app.errors import InvalidRequest
from app.extensions import db
from app.orders.models import Order
from app.payments.models import PaymentAttempt
from app.payments.refund_models import Refund

PAID_STATUSES = ("paid", "fulfilled", "completed", "refunding", "refunded")
MAX_DAYS = 366


@dataclass(frozen=True)
class ChannelStats:
    channel: str
    attempts: int
    succeeded: int
    failed: int

    @property
    def success_rate(self) -> float | None:
        """Succeeded over decided attempts (None when nothing was decided yet). A ratio, not money."""
        decided = self.succeeded + self.failed
        return self.succeeded / decided if decided else None


@dataclass(frozen=True)
class DayStats:
    day: date
    orders: int
    paid: int
    gmv: dict[str, int]


@dataclass
class Report:
    start: date
    end: date  # inclusive
    orders: int = 0
    paid_orders: int = 0
    gmv: dict[str, int] = field(default_factory=dict)
    refunds: int = 0
    refunded: dict[str, int] = field(default_factory=dict)
    channels: list[ChannelStats] = field(default_factory=list)
    days: list[DayStats] = field(default_factory=list)

    @property
    def conversion(self) -> float | None:
        return self.paid_orders / self.orders if self.orders else None

    @property
    def currencies(self) -> list[str]:
        """Currencies with GMV, largest first (the charts draw one line per currency)."""
        return sorted(self.gmv, key=lambda c: (-self.gmv[c], c))


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    if end < start:
        raise InvalidRequest("the end date must not be before the start date", param="end")
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidRequest(f"choose at most {MAX_DAYS} days", param="start")
    return (datetime.combine(start, time.min, timezone.utc),
            datetime.combine(end + timedelta(days=1), time.min, timezone.utc))


def _day(column):
    """The UTC calendar day of a timestamp column, as YYYY-MM-DD text, on either database."""
    if db.session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
    return func.strftime("%Y-%m-%d", column)


def dashboard_report(merchant_id: str, start: date, end: date, *, livemode: bool) -> Report:
    """Every dashboard figure for the merchant's orders of one mode created from ``start`` to ``end`` (UTC
    days); refunds and payment attempts count with the mode of their order."""
    low, high = _bounds(start, end)
    report = Report(start=start, end=end)
    paid = Order.status.in_(PAID_STATUSES)
    in_range = (Order.merchant_id == merchant_id, Order.livemode == livemode, Order.kind == "purchase",
                Order.created_at >= low, Order.created_at < high)

    day = _day(Order.created_at).label("day")
    per_day: dict[str, dict] = {}
    for row in db.session.execute(
            select(day, Order.currency, func.count().label("orders"),
                   func.sum(case((paid, 1), else_=0)).label("paid"),
                   func.sum(case((paid, Order.total), else_=0)).label("gmv"))
            .where(*in_range).group_by(day, Order.currency)):
        bucket = per_day.setdefault(row.day, {"orders": 0, "paid": 0, "gmv": {}})
        bucket["orders"] += row.orders
        bucket["paid"] += int(row.paid or 0)
        if row.paid:
            bucket["gmv"][row.currency] = int(row.gmv or 0)
            report.gmv[row.currency] = report.gmv.get(row.currency, 0) + int(row.gmv or 0)
        report.orders += row.orders
        report.paid_orders += int(row.paid or 0)
    for offset in range((end - start).days + 1):
        current = start + timedelta(days=offset)
        bucket = per_day.get(current.isoformat(), {"orders": 0, "paid": 0, "gmv": {}})
        report.days.append(DayStats(current, bucket["orders"], bucket["paid"], bucket["gmv"]))

    for row in db.session.execute(
            select(Refund.currency, func.count().label("n"), func.sum(Refund.amount).label("amount"))
            .join(Order, Order.id == Refund.order_id)
            .where(Refund.merchant_id == merchant_id, Order.livemode == livemode, Refund.status == "succeeded",
                   Refund.created_at >= low, Refund.created_at < high).group_by(Refund.currency)):
        report.refunds += row.n
        report.refunded[row.currency] = int(row.amount or 0)

    decided_failed = PaymentAttempt.status.in_(("failed", "canceled"))
    for row in db.session.execute(
            select(PaymentAttempt.channel, func.count().label("attempts"),
                   func.sum(case((PaymentAttempt.status == "succeeded", 1), else_=0)).label("succeeded"),
                   func.sum(case((decided_failed, 1), else_=0)).label("failed"))
            .join(Order, Order.id == PaymentAttempt.order_id)
            .where(PaymentAttempt.merchant_id == merchant_id, Order.livemode == livemode,
                   PaymentAttempt.created_at >= low, PaymentAttempt.created_at < high)
            .group_by(PaymentAttempt.channel).order_by(PaymentAttempt.channel)):
        report.channels.append(ChannelStats(row.channel, row.attempts, int(row.succeeded or 0), int(row.failed or 0)))
    return report
