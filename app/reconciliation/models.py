"""A reconciliation run (one merchant, channel and day) and the discrepancies it found."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow

KINDS = ("missing_in_kassa", "missing_at_provider", "amount_mismatch", "status_mismatch", "duplicate")
RUN_STATUSES = ("running", "done", "failed")


class ReconciliationRun(db.Model):
    __tablename__ = "reconciliation_runs"
    __table_args__ = (Index("ix_reconciliation_runs_merchant", "merchant_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    channel: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="running")
    lines: Mapped[int] = mapped_column(BigInteger, default=0)  # statement lines that are this merchant's
    matched: Mapped[int] = mapped_column(BigInteger, default=0)
    missing_in_kassa: Mapped[int] = mapped_column(default=0)
    missing_at_provider: Mapped[int] = mapped_column(default=0)
    amount_mismatch: Mapped[int] = mapped_column(default=0)
    status_mismatch: Mapped[int] = mapped_column(default=0)
    duplicate: Mapped[int] = mapped_column(default=0)
    auto_resolved: Mapped[int] = mapped_column(default=0)
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    actor: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Discrepancy(db.Model):
    """One thing the statement and Kassa disagree on. The same disagreement found again by a later run of the
    same day is the same row (unique key), so re-running a day never doubles the queue."""

    __tablename__ = "reconciliation_discrepancies"
    __table_args__ = (
        UniqueConstraint("merchant_id", "channel", "day", "kind", "line_type", "reference", name="uq_discrepancy_once"),
        Index("ix_discrepancies_queue", "merchant_id", "status", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    run_id: Mapped[str] = mapped_column(ForeignKey("reconciliation_runs.id"), index=True)  # the run that found it
    channel: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(24))
    # capture | refund | payout | dispute | dispute_fee | dispute_reversal | adjustment (any other movement)
    line_type: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(255))  # what the provider's line (or Kassa's record) is called
    # pay_…, re_…, po_…, dp_… or the order (the payment, for a dispute Kassa lacks) it names
    kassa_object: Mapped[str | None] = mapped_column(String(40))
    provider_id: Mapped[str | None] = mapped_column(String(100))
    currency: Mapped[str] = mapped_column(String(3))  # the line's; Kassa's when no line lists it
    kassa_currency: Mapped[str | None] = mapped_column(String(3))  # the record's (None: Kassa has none)
    kassa_amount: Mapped[int | None] = mapped_column(BigInteger)
    provider_amount: Mapped[int | None] = mapped_column(BigInteger)
    kassa_status: Mapped[str | None] = mapped_column(String(16))  # a dispute's may be needs_response
    provider_status: Mapped[str | None] = mapped_column(String(12))
    # The channel's fee as the statement writes it (negative: given back on a refund); set where both sides call
    # the line succeeded, so a fee the provider charged differently from Kassa's books is shown.
    kassa_fee: Mapped[int | None] = mapped_column(BigInteger)
    provider_fee: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | resolved
    resolution: Mapped[str | None] = mapped_column(String(20))  # auto | corrected | accepted | written_off
    resolution_note: Mapped[str | None] = mapped_column(String(500))
    resolved_by: Mapped[str | None] = mapped_column(String(60))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def provider_currency(self) -> str | None:
        """The currency of the provider's line, None when no line lists the record."""
        return self.currency if self.provider_amount is not None else None
