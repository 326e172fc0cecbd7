"""A dispute (chargeback): the shopper's bank took (part of) a captured payment back from the merchant."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.platform.db.types import UTCDateTime, utcnow
from app.extensions import db

# needs_response → under_review (evidence sent) → won | lost; a later status never goes back to an earlier one.
DISPUTE_STATUSES = ("needs_response", "under_review", "won", "lost")
# Disputes whose money the bank holds: the order may not refund it (and its books show it withdrawn).
WITHDRAWN = ("needs_response", "under_review", "lost")
OPEN = ("needs_response", "under_review")


class Dispute(db.Model):
    """One provider dispute, once per (channel, provider id) however often and in whatever order its news comes."""

    __tablename__ = "disputes"
    __table_args__ = (
        UniqueConstraint("channel", "provider_dispute_id", name="uq_disputes_provider"),
        CheckConstraint("amount > 0", name="dispute_amount_positive"),
        # The API and portal list a merchant's disputes of one mode, newest first.
        Index("ix_disputes_merchant_mode_id", "merchant_id", "livemode", "id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool] = mapped_column(default=False)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment_attempts.id"))
    channel: Mapped[str] = mapped_column(String(40))
    provider_dispute_id: Mapped[str] = mapped_column(String(100))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[str | None] = mapped_column(Text)
    evidence_due_by: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The part of the capture's channel fee the withdrawal got back (booked as a refund of the amount would be),
    # and the channel's fee for handling the dispute (its config's dispute_fee; kept whatever the outcome).
    fee_back: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    dispute_fee: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
