"""Dashboard figures over a date range, each one set-based SQL (GROUP BY), never a loop over orders.

GMV is the total of purchase orders created in the range that were paid (whatever happened after:
fulfilled, completed, refunded); conversion is paid orders over created orders; a channel's success
rate is succeeded attempts over decided ones (succeeded, failed or canceled); refunds are the
succeeded refunds made in the range. Amounts are per currency: they are never added across currencies.
Figures are aggregated per UTC day; a settled day's are kept and read from there (app/payments/report_days.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import case, func, select, union

from app.errors import InvalidRequest
from app.extensions import db
from app.merchants.models import Merchant
from app.orders.models import Order
from app.orders.state import PAID_STATUSES
from app.payments import report_days
from app.payments.models import ACTIVE_ATTEMPT_STATUSES, PaymentAttempt, Refund
from app.platform.db.types import utcnow

MAX_DAYS = 366


@dataclass(frozen=True)
class ChannelStats:
    channel: str
    attempts: int
    succeeded: int
    failed: int

    @property
    def in_progress(self) -> int:
        """Attempts not decided yet: pending, or unknown (the provider has not said). Every attempt is succeeded,
        failed (failed or canceled) or one of those (ATTEMPT_STATUSES), so the rest of the attempts are these, and the
        kept days' figures need no fourth number. Counted in attempts, in neither outcome nor the success rate."""
        return self.attempts - self.succeeded - self.failed

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
    return (
        datetime.combine(start, time.min, timezone.utc),
        datetime.combine(end + timedelta(days=1), time.min, timezone.utc),
    )


def _day(column):
    """The UTC calendar day of a timestamp column, as YYYY-MM-DD text, on either database."""
    if db.session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
    return func.strftime("%Y-%m-%d", column)


def dashboard_report(
    merchant_id: str, start: date, end: date, *, livemode: bool, business_line: str | None = None
) -> Report:
    """Every dashboard figure for the merchant's orders of one mode created from ``start`` to ``end`` (UTC
    days); refunds and payment attempts count with the mode of their order. Settled days come from their kept
    figures (app/payments/report_days.py); the others are aggregated now, and kept if they have settled since.
    ``business_line`` (a line's id): only that line's orders, aggregated now (kept days are the whole merchant's)."""
    _bounds(start, end)
    if business_line is not None:
        live = _figures_by_day(merchant_id, livemode, start, end, business_line=business_line)
        return _report(start, end, {day: live.get(day.isoformat(), _NOTHING) for day in _dates(start, end)})
    generation = report_days.generation_of(merchant_id)  # first: see report_days's docstring
    figures = report_days.kept_days(merchant_id, livemode, start, end, generation)
    now = utcnow()
    for first, last in _runs([day for day in _dates(start, end) if day not in figures]):
        keepable = [d for d in _dates(first, last) if report_days.may_keep(d, now)]
        still_open = _days_with_open_objects(merchant_id, livemode, keepable[0], keepable[-1]) if keepable else set()
        live = _figures_by_day(merchant_id, livemode, first, last)
        for day in _dates(first, last):
            figures[day] = live.get(day.isoformat(), _NOTHING)
        report_days.keep_days(
            merchant_id, livemode, generation, {d: figures[d] for d in keepable if d.isoformat() not in still_open}
        )
    return _report(start, end, figures)


def keep_recent_days(*, days: int = 60) -> int:
    """Keep the settled days of the last ``days`` for every merchant and mode with an order in the last two days,
    so the dashboard's next view aggregates only today (a cron job; a view would do the same on its own, later and
    slower). Returns how many merchant-modes were looked at."""
    today = utcnow().date()
    since = datetime.combine(today - timedelta(days=1), time.min, timezone.utc)
    looked = 0
    for merchant_id in db.session.scalars(select(Merchant.id).order_by(Merchant.id)):
        for livemode in (False, True):
            recent = (
                select(Order.id)
                .where(Order.merchant_id == merchant_id, Order.livemode == livemode, Order.created_at >= since)
                .limit(1)
            )
            if db.session.scalar(recent) is not None:
                dashboard_report(merchant_id, today - timedelta(days=days - 1), today, livemode=livemode)
                looked += 1
    return looked


_NOTHING: dict = {"orders": {}, "refunds": {}, "channels": {}}


def _dates(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _runs(days: list[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs: each run is aggregated in one pass."""
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _figures_by_day(
    merchant_id: str, livemode: bool, first: date, last: date, *, business_line: str | None = None
) -> dict[str, dict]:
    """Each day's figures from the rows, for the days from ``first`` to ``last`` ("YYYY-MM-DD" keys; a day with
    nothing has no key); of one business line's orders when one is given."""
    low, high = _bounds(first, last)
    of_line = [Order.business_line_id == business_line] if business_line is not None else []
    figures: dict[str, dict] = {}

    def of(day: str) -> dict:
        return figures.setdefault(day, {"orders": {}, "refunds": {}, "channels": {}})

    paid = Order.status.in_(PAID_STATUSES)
    day = _day(Order.created_at).label("day")
    for row in db.session.execute(
        select(
            day,
            Order.currency,
            func.count().label("orders"),
            func.sum(case((paid, 1), else_=0)).label("paid"),
            func.sum(case((paid, Order.total), else_=0)).label("gmv"),
        )
        .where(
            Order.merchant_id == merchant_id,
            Order.livemode == livemode,
            Order.kind == "purchase",
            Order.created_at >= low,
            Order.created_at < high,
            *of_line,
        )
        .group_by(day, Order.currency)
    ):
        of(row.day)["orders"][row.currency] = [row.orders, int(row.paid or 0), int(row.gmv or 0)]

    day = _day(Refund.created_at).label("day")
    for row in db.session.execute(
        select(day, Refund.currency, func.count().label("n"), func.sum(Refund.amount).label("amount"))
        .join(Order, Order.id == Refund.order_id)
        .where(
            Refund.merchant_id == merchant_id,
            Order.livemode == livemode,
            Refund.status == "succeeded",
            Refund.created_at >= low,
            Refund.created_at < high,
            *of_line,
        )
        .group_by(day, Refund.currency)
    ):
        of(row.day)["refunds"][row.currency] = [row.n, int(row.amount or 0)]

    day = _day(PaymentAttempt.created_at).label("day")
    decided_failed = PaymentAttempt.status.in_(("failed", "canceled"))
    for row in db.session.execute(
        select(
            day,
            PaymentAttempt.channel,
            func.count().label("attempts"),
            func.sum(case((PaymentAttempt.status == "succeeded", 1), else_=0)).label("succeeded"),
            func.sum(case((decided_failed, 1), else_=0)).label("failed"),
        )
        .join(Order, Order.id == PaymentAttempt.order_id)
        .where(
            PaymentAttempt.merchant_id == merchant_id,
            Order.livemode == livemode,
            PaymentAttempt.created_at >= low,
            PaymentAttempt.created_at < high,
            *of_line,
        )
        .group_by(day, PaymentAttempt.channel)
    ):
        of(row.day)["channels"][row.channel] = [row.attempts, int(row.succeeded or 0), int(row.failed or 0)]
    return figures


def _days_with_open_objects(merchant_id: str, livemode: bool, first: date, last: date) -> set[str]:
    """The days from ``first`` to ``last`` ("YYYY-MM-DD") that made something whose outcome may still change the
    figures: an order not yet paid or closed, an attempt not yet decided, a refund not yet settled."""
    low, high = _bounds(first, last)
    orders = select(_day(Order.created_at)).where(
        Order.merchant_id == merchant_id,
        Order.livemode == livemode,
        Order.kind == "purchase",
        Order.status.in_(("created", "paying")),
        Order.created_at >= low,
        Order.created_at < high,
    )
    attempts = (
        select(_day(PaymentAttempt.created_at))
        .join(Order, Order.id == PaymentAttempt.order_id)
        .where(
            PaymentAttempt.merchant_id == merchant_id,
            Order.livemode == livemode,
            PaymentAttempt.status.in_(ACTIVE_ATTEMPT_STATUSES),
            PaymentAttempt.created_at >= low,
            PaymentAttempt.created_at < high,
        )
    )
    refunds = (
        select(_day(Refund.created_at))
        .join(Order, Order.id == Refund.order_id)
        .where(
            Refund.merchant_id == merchant_id,
            Order.livemode == livemode,
            Refund.status == "pending",
            Refund.created_at >= low,
            Refund.created_at < high,
        )
    )
    return set(db.session.scalars(union(orders, attempts, refunds)))


def _report(start: date, end: date, figures: dict[date, dict]) -> Report:
    """The report of the range from its days' figures."""
    report = Report(start=start, end=end)
    channels: dict[str, list[int]] = {}
    for day in _dates(start, end):
        of_day = figures[day]
        orders = paid_orders = 0
        gmv: dict[str, int] = {}
        for currency, (count, paid, total) in of_day["orders"].items():
            orders, paid_orders = orders + count, paid_orders + paid
            if paid:
                gmv[currency] = total
                report.gmv[currency] = report.gmv.get(currency, 0) + total
        report.orders += orders
        report.paid_orders += paid_orders
        report.days.append(DayStats(day, orders, paid_orders, gmv))
        for currency, (count, amount) in of_day["refunds"].items():
            report.refunds += count
            report.refunded[currency] = report.refunded.get(currency, 0) + amount
        for channel, counts in of_day["channels"].items():
            channels[channel] = [a + b for a, b in zip(channels.get(channel, [0, 0, 0]), counts)]
    report.channels = [ChannelStats(c, *channels[c]) for c in sorted(channels)]
    return report
