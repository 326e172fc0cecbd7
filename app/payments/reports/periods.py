"""The dashboard's date ranges: named presets, the previous period of the same length, and how a figure
changed from one to the other (a ratio for display, never money)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import InvalidRequest

PRESETS = {
    "today": "Today",
    "last_7_days": "Last 7 days",
    "last_30_days": "Last 30 days",
    "this_month": "This month",
    "custom": "Custom range",
}
DEFAULT_PRESET = "last_30_days"
EARLIEST, LATEST = date(1970, 1, 1), date.max - timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """UTC days from ``start`` to ``end``, both included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def previous_label(self) -> str:
        """How the comparison names the previous period: "the day before", "previous 7 days"."""
        return "the day before" if self.days == 1 else f"previous {self.days} days"


def period_for(preset: str, today: date, *, start: date | None = None, end: date | None = None) -> Period:
    """The days a preset covers on ``today``; ``custom`` takes ``start`` and ``end`` (missing ones default to the
    last 30 days)."""
    if preset == "today":
        return Period(today, today)
    if preset == "last_7_days":
        return Period(today - timedelta(days=6), today)
    if preset == "this_month":
        return Period(today.replace(day=1), today)
    if preset == "custom":
        end = end or today
        # A report reads the day after its end and compares with as many days before its start: days a date holds.
        if not EARLIEST <= end <= LATEST or start is not None and not EARLIEST <= start <= LATEST:
            raise InvalidRequest(
                f"choose days from {EARLIEST} to {LATEST}", param="end" if not EARLIEST <= end <= LATEST else "start"
            )
        start = start or max(end - timedelta(days=29), EARLIEST)
        if end < start:
            raise InvalidRequest("the end date must not be before the start date", param="end")
        return Period(start, end)
    if preset == "last_30_days":
        return Period(today - timedelta(days=29), today)
    raise InvalidRequest(f"range must be one of {', '.join(PRESETS)}", param="range")


def change_text(current: int, previous: int, label: str) -> str:
    """ "+12% vs previous 7 days", "no change vs …", or "up from none vs …" when there is nothing to divide by."""
    if current == previous:
        return f"no change vs {label}"
    if previous == 0:
        return f"up from none vs {label}"
    percent = round((current - previous) * 100 / previous)
    if percent == 0:
        return f"{'+' if current > previous else '−'}<1% vs {label}"
    return f"{'+' if percent > 0 else '−'}{abs(percent)}% vs {label}"


def points_text(current: float | None, previous: float | None, label: str) -> str | None:
    """A change between two rates in percentage points ("+3.5 pts vs previous 7 days"), None when one is
    missing."""
    if current is None or previous is None:
        return None
    points = round((current - previous) * 100, 1)
    if points == 0:
        return f"no change vs {label}"
    return f"{'+' if points > 0 else '−'}{abs(points):.1f} pts vs {label}"


def headline_changes(current, previous, label: str) -> dict:
    """How each headline figure of a dashboard report moved since the previous period (GMV per currency)."""
    currencies = sorted(set(current.gmv) | set(previous.gmv))
    return {
        "gmv": {c: change_text(current.gmv.get(c, 0), previous.gmv.get(c, 0), label) for c in currencies},
        "orders": change_text(current.orders, previous.orders, label),
        "paid_orders": change_text(current.paid_orders, previous.paid_orders, label),
        "conversion": points_text(current.conversion, previous.conversion, label),
        "refunds": change_text(current.refunds, previous.refunds, label),
    }
