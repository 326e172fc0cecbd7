"""Subscription figures for the dashboard: monthly recurring revenue, active subscriptions and churn, per
currency and mode, each one grouped query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction

from sqlalchemy import and_, func, or_, select

from app.extensions import db
from app.platform.db.types import utcnow
from app.signing.models import Subscription

# What one interval is worth in months, exactly: a year is 12 months, a week 12/52 of one, a day 12/365.
MONTHS_PER_INTERVAL = {"day": Fraction(12, 365), "week": Fraction(12, 52), "month": Fraction(1), "year": Fraction(12)}
# The contracts whose price is revenue now: one in its free trial pays nothing until the trial ends (it counts
# among the active subscriptions, not in MRR).
RECURRING = ("active", "past_due")


@dataclass(frozen=True)
class SubscriptionFigures:
    mrr: dict[str, int]  # currency → minor units per month (rounded once, at the end)
    active: int
    past_due: int
    canceled_in_window: int
    active_at_start: int
    window_days: int
    by_status: dict[str, int]

    @property
    def churn(self) -> float | None:
        """Contracts canceled in the window ÷ those live at its start (None without a base)."""
        return self.canceled_in_window / self.active_at_start if self.active_at_start else None


def subscription_figures(
    merchant_id: str, *, livemode: bool, window_days: int = 30, now: datetime | None = None
) -> SubscriptionFigures:
    now = now or utcnow()
    start = now - timedelta(days=window_days)
    mine = and_(Subscription.merchant_id == merchant_id, Subscription.livemode == livemode)
    rows = db.session.execute(
        select(
            Subscription.currency,
            Subscription.interval,
            Subscription.interval_count,
            func.sum(Subscription.price_amount),
        )
        .where(mine, Subscription.status.in_(RECURRING))
        .group_by(Subscription.currency, Subscription.interval, Subscription.interval_count)
    ).all()
    mrr: dict[str, Fraction] = {}
    for currency, interval, count, total in rows:
        months = MONTHS_PER_INTERVAL[interval] * (count or 1)
        mrr[currency] = mrr.get(currency, Fraction(0)) + Fraction(int(total)) / months
    counts = dict(
        db.session.execute(select(Subscription.status, func.count()).where(mine).group_by(Subscription.status)).all()
    )
    canceled = (
        db.session.scalar(
            select(func.count())
            .select_from(Subscription)
            .where(mine, Subscription.status == "canceled", Subscription.canceled_at >= start)
        )
        or 0
    )
    # Live at the window's start: activated before it, and not ended before it.
    at_start = (
        db.session.scalar(
            select(func.count())
            .select_from(Subscription)
            .where(
                mine,
                Subscription.anchor_at.is_not(None),
                Subscription.created_at < start,
                or_(Subscription.canceled_at.is_(None), Subscription.canceled_at >= start),
                Subscription.status != "expired",
            )
        )
        or 0
    )
    return SubscriptionFigures(
        mrr={c: round(v) for c, v in sorted(mrr.items())},
        active=counts.get("active", 0) + counts.get("trialing", 0),
        past_due=counts.get("past_due", 0),
        canceled_in_window=canceled,
        active_at_start=at_start,
        window_days=window_days,
        by_status={s: counts[s] for s in sorted(counts)},
    )
