"""The dashboard's figures of days that can no longer change, kept so a long range is not aggregated on every view.

A day's figures (orders, paid orders and GMV per currency; refunds per currency; attempts per channel) are kept
once the day ended over an hour ago and nothing made that day is still open: no order ``created`` or ``paying``, no
attempt ``pending`` or ``unknown``, no refund ``pending``. Only two moves can still change such a day: an attempt
given up (``failed`` or ``canceled``) that is captured after all, and a failed refund sent again. Each of those, in
its own transaction, bumps the merchant's generation (``figures_changed``), and a kept day counts only while its
generation is the current one. The generation is read before anything else a view reads, so figures kept by a view
that raced such a move carry the older generation and are read afresh next time; nothing is ever shown stale.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import JSON, Date, String, select
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import conflict_insert, db
from app.platform.db.types import UTCDateTime, utcnow

# A day is kept only this long after it ended, so an order written with that day's time but committed a moment
# after midnight is in it.
KEEP_AFTER = timedelta(hours=1)


class ReportDay(db.Model):
    """One UTC day's dashboard figures for one merchant and mode, as JSON lists of integers:
    ``{"orders": {currency: [orders, paid, gmv]}, "refunds": {currency: [count, amount]},
    "channels": {channel: [attempts, succeeded, failed]}}``."""

    __tablename__ = "report_days"

    merchant_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    livemode: Mapped[bool] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    generation: Mapped[int]
    figures: Mapped[dict] = mapped_column(JSON)
    kept_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReportGeneration(db.Model):
    """How many times a merchant's past figures moved after their day was settled (no row: never)."""

    __tablename__ = "report_generations"

    merchant_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    generation: Mapped[int]


def figures_changed(merchant_id: str) -> None:
    """A settled day's figures moved: the merchant's kept days are read afresh. In the caller's transaction."""
    bump = conflict_insert(ReportGeneration).values(merchant_id=merchant_id, generation=1)
    db.session.execute(
        bump.on_conflict_do_update(index_elements=["merchant_id"], set_={"generation": ReportGeneration.generation + 1})
    )


def generation_of(merchant_id: str) -> int:
    return (
        db.session.scalar(select(ReportGeneration.generation).where(ReportGeneration.merchant_id == merchant_id)) or 0
    )


def kept_days(merchant_id: str, livemode: bool, start: date, end: date, generation: int) -> dict[date, dict]:
    """The kept figures of the days from ``start`` to ``end`` that are still good."""
    return dict(
        db.session.execute(
            select(ReportDay.day, ReportDay.figures).where(
                ReportDay.merchant_id == merchant_id,
                ReportDay.livemode == livemode,
                ReportDay.day >= start,
                ReportDay.day <= end,
                ReportDay.generation == generation,
            )
        ).all()
    )


def may_keep(day: date, now: datetime) -> bool:
    """Whether ``day`` ended long enough ago for its figures to be kept (if nothing of it is still open)."""
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), now.tzinfo) + KEEP_AFTER <= now


def keep_days(merchant_id: str, livemode: bool, generation: int, figures: dict[date, dict]) -> None:
    """Keep settled days' figures (computed after ``generation`` was read), and commit. A row kept meanwhile under
    a newer generation is left as it is."""
    if not figures:
        return
    now = utcnow()
    rows = [
        {
            "merchant_id": merchant_id,
            "livemode": livemode,
            "day": day,
            "generation": generation,
            "figures": value,
            "kept_at": now,
        }
        for day, value in sorted(figures.items())
    ]
    statement = conflict_insert(ReportDay).values(rows)
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=["merchant_id", "livemode", "day"],
            set_={
                "generation": statement.excluded.generation,
                "figures": statement.excluded.figures,
                "kept_at": statement.excluded.kept_at,
            },
            where=ReportDay.generation <= statement.excluded.generation,
        )
    )
    db.session.commit()
