"""Billing periods counted from an anchor: period ``n`` runs from anchor + (n-1)·step to anchor + n·step.
Counting from the anchor (never from the previous end) keeps month ends true: Jan 31 → Feb 28 → Mar 31."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

INTERVALS = ("day", "week", "month", "year")


def shift(anchor: datetime, interval: str, steps: int) -> datetime:
    """``anchor`` moved forward by ``steps`` intervals (months clamp to the month's last day)."""
    if interval == "day":
        return anchor + timedelta(days=steps)
    if interval == "week":
        return anchor + timedelta(weeks=steps)
    months = steps * (12 if interval == "year" else 1) if interval in ("month", "year") else None
    if months is None:
        raise ValueError(f"unknown interval {interval!r}")
    index = anchor.month - 1 + months
    year, month = anchor.year + index // 12, index % 12 + 1
    return anchor.replace(year=year, month=month, day=min(anchor.day, calendar.monthrange(year, month)[1]))


def period_bounds(
    anchor: datetime, interval: str, interval_count: int, period: int, anchor_period: int = 0
) -> tuple[datetime, datetime]:
    """Start and end of period number ``period`` (1-based) of a contract anchored after ``anchor_period``."""
    steps = period - anchor_period
    return (shift(anchor, interval, (steps - 1) * interval_count), shift(anchor, interval, steps * interval_count))


def next_period(sub, sku) -> tuple[datetime, datetime, dict]:
    """Start and end of a contract's next period when it is charged for ``sku``, and the contract's new terms when
    that SKU (a change taking over at this renewal) sells on other terms: the new interval runs from the period's
    start, which becomes the anchor, so a switch from monthly to yearly buys a year, not a month at a year's price."""
    period = sub.period + 1
    start, end = period_bounds(sub.anchor_at, sub.interval, sub.interval_count, period, sub.anchor_period)
    if sku is None or not sku.subscription_interval:
        return start, end, {}
    interval, count = sku.subscription_interval, sku.subscription_interval_count or 1
    if (interval, count) == (sub.interval, sub.interval_count):
        return start, end, {}
    return (
        start,
        shift(start, interval, count),
        {"interval": interval, "interval_count": count, "anchor_at": start, "anchor_period": sub.period},
    )
