"""Where a merchant's orders are now: how many in each status and the longest waiting, and the lists of
orders stuck longer than they should be. Each figure is one set-based query over one merchant and one mode
(never a loop over orders), and every list pages with a cursor, oldest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import Select, and_, func, literal, or_, select

from app.extensions import db
from app.orders.fulfilment_models import OrderFulfilment
from app.orders.models import Order
from app.orders.state import STATUSES
from app.payments.models import ACTIVE_ATTEMPT_STATUSES, PaymentAttempt, Refund
from app.platform.db.types import utcnow

# How long a state may last before someone should look (the checkout's own expiry is 15 minutes).
PAYING_STUCK_AFTER = timedelta(minutes=15)
REFUND_STUCK_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class StatusCount:
    """How many orders are in a status, and the one that has been in it longest."""

    status: str
    count: int
    oldest_id: str | None
    oldest_since: datetime | None


def status_counts(merchant_id: str, *, livemode: bool) -> list[StatusCount]:
    """Every order status (none left out, zeros included) with its count and its longest-waiting order."""
    ranked = (
        select(
            Order.id,
            Order.status,
            Order.updated_at,
            func.count().over(partition_by=Order.status).label("n"),
            func.row_number().over(partition_by=Order.status, order_by=(Order.updated_at, Order.id)).label("rank"),
        )
        .where(Order.merchant_id == merchant_id, Order.livemode == livemode)
        .subquery()
    )
    found = {row.status: row for row in db.session.execute(select(ranked).where(ranked.c.rank == 1))}
    return [
        StatusCount(s, found[s].n, found[s].id, found[s].updated_at) if s in found else StatusCount(s, 0, None, None)
        for s in STATUSES
    ]


@dataclass(frozen=True)
class StuckRow:
    """One order stuck somewhere: since when, what is stuck (a payment, a refund), and what is known."""

    order_id: str
    since: datetime
    subject: str
    detail: str


@dataclass(frozen=True)
class StuckList:
    key: str
    title: str
    explanation: str
    empty: str
    # (merchant, mode, now) -> a SELECT of order_id, since, subject and the detail columns
    query: Callable[[str, bool, datetime], Select]
    detail: Callable[[object], str]


def _paying(merchant_id: str, livemode: bool, now: datetime) -> Select:
    active = and_(PaymentAttempt.order_id == Order.id, PaymentAttempt.status.in_(ACTIVE_ATTEMPT_STATUSES))
    return (
        select(
            Order.id.label("order_id"),
            Order.updated_at.label("since"),
            func.coalesce(PaymentAttempt.id, literal("")).label("subject"),
            PaymentAttempt.channel,
            PaymentAttempt.status.label("attempt_status"),
        )
        .outerjoin(PaymentAttempt, active)
        .where(
            Order.merchant_id == merchant_id,
            Order.livemode == livemode,
            Order.status == "paying",
            Order.updated_at <= now - PAYING_STUCK_AFTER,
        )
    )


def _unknown(merchant_id: str, livemode: bool, now: datetime) -> Select:
    return (
        select(
            Order.id.label("order_id"),
            PaymentAttempt.updated_at.label("since"),
            PaymentAttempt.id.label("subject"),
            PaymentAttempt.channel,
            PaymentAttempt.check_count,
            PaymentAttempt.next_check_at,
        )
        .join(Order, Order.id == PaymentAttempt.order_id)
        .where(
            PaymentAttempt.merchant_id == merchant_id, PaymentAttempt.status == "unknown", Order.livemode == livemode
        )
    )


def _fulfilment(merchant_id: str, livemode: bool, now: datetime) -> Select:
    return (
        select(
            Order.id.label("order_id"),
            OrderFulfilment.updated_at.label("since"),
            Order.id.label("subject"),
            OrderFulfilment.attempts,
            OrderFulfilment.last_error,
            OrderFulfilment.gave_up_at,
        )
        .join(Order, Order.id == OrderFulfilment.order_id)
        .where(
            Order.merchant_id == merchant_id,
            Order.livemode == livemode,
            Order.status == "paid",
            OrderFulfilment.attempts > 0,
        )
    )


def _refunds(merchant_id: str, livemode: bool, now: datetime) -> Select:
    return (
        select(
            Order.id.label("order_id"),
            Refund.updated_at.label("since"),
            Refund.id.label("subject"),
            Refund.amount,
            Refund.currency,
            Refund.failure_reason,
        )
        .join(Order, Order.id == Refund.order_id)
        .where(
            Refund.merchant_id == merchant_id,
            Order.livemode == livemode,
            Refund.status == "pending",
            Refund.updated_at <= now - REFUND_STUCK_AFTER,
        )
    )


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


STUCK_LISTS: tuple[StuckList, ...] = (
    StuckList(
        "paying",
        f"Paying for more than {_minutes(PAYING_STUCK_AFTER)} minutes",
        "The shopper started paying and the provider has not said how it ended: its callback may be lost. "
        "Re-query the provider from the order's page.",
        "No order has been paying that long.",
        _paying,
        lambda r: f"{r.channel} payment {r.attempt_status}" if r.channel else "no active payment",
    ),
    StuckList(
        "unknown",
        "Payments with an unknown outcome",
        "The provider did not answer clearly when the payment was made, so Kassa does not know whether it "
        "was taken. Kassa looks them up by reference on a back-off; resolve one now from its order.",
        "No payment has an unknown outcome.",
        _unknown,
        lambda r: (
            f"{r.channel}, looked up {r.check_count} time{'s' if r.check_count != 1 else ''}"
            + (f", next {r.next_check_at:%Y-%m-%d %H:%M} UTC" if r.next_check_at else "")
        ),
    ),
    StuckList(
        "fulfilment",
        "Fulfilments being retried",
        "Paid orders whose fulfilment failed (usually your fulfilment webhook): Kassa retries with back-off "
        "and refunds in full after the last try. Fix the cause, then re-run fulfilment from the order.",
        "No fulfilment is failing.",
        _fulfilment,
        lambda r: (
            f"{r.attempts} failed attempt{'s' if r.attempts != 1 else ''}: {r.last_error or '?'}"
            + (" — given up, refunding" if r.gave_up_at else "")
        ),
    ),
    StuckList(
        "refunds",
        f"Refunds pending for more than {_minutes(REFUND_STUCK_AFTER)} minutes",
        "Refunds sent to the provider whose outcome is not known yet; Kassa sends them again every minute "
        "with the same reference, so the shopper is never refunded twice.",
        "No refund is waiting that long.",
        _refunds,
        lambda r: r.failure_reason or "sent, no answer yet",
    ),
)


def stuck_list(key: str) -> StuckList:
    """The stuck list named ``key``; KeyError for another name."""
    found = {s.key: s for s in STUCK_LISTS}
    return found[key]


def _cursor(row) -> str:
    # An order appears at most once in a list (one active payment, one pending refund, one fulfilment per
    # order), so (since, order) orders every list completely.
    return f"{row.since.isoformat()}|{row.order_id}"


def stuck_page(
    merchant_id: str,
    key: str,
    *,
    livemode: bool,
    limit: int = 25,
    after: str | None = None,
    now: datetime | None = None,
) -> tuple[list[StuckRow], int, str | None]:
    """One page of a stuck list, oldest first: its rows, how many there are in all, and the cursor of the
    next page (None on the last). A cursor that does not parse starts from the beginning."""
    kind = stuck_list(key)
    base = kind.query(merchant_id, livemode, now or utcnow()).subquery()
    total = db.session.scalar(select(func.count()).select_from(base))
    query = select(base)
    if after and "|" in after:
        since_text, order_id = after.rsplit("|", 1)
        try:
            since = datetime.fromisoformat(since_text)
        except ValueError:
            since = None
        if since is not None and since.tzinfo is not None:
            query = query.where(or_(base.c.since > since, and_(base.c.since == since, base.c.order_id > order_id)))
    rows = list(db.session.execute(query.order_by(base.c.since, base.c.order_id).limit(limit + 1)))
    page = [StuckRow(r.order_id, r.since, r.subject, kind.detail(r)) for r in rows[:limit]]
    return page, total, _cursor(rows[limit - 1]) if len(rows) > limit else None
