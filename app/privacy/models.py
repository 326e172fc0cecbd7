from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


class CustomerErasure(db.Model):
    """One erasure of a customer's personal data: when, in which modes, and how many records it blanked (the
    merchant's proof that the request was carried out; it names the customer id only, never what was erased)."""

    __tablename__ = "customer_erasures"
    __table_args__ = (Index("ix_customer_erasures_merchant_customer", "merchant_id", "customer_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    customer_id: Mapped[str] = mapped_column(String(200))
    # A live key (or the portal in live mode) erases the customer's live and test data; a test key the test data.
    livemode: Mapped[bool]
    erased: Mapped[dict] = mapped_column(JSON)  # {kind of record: how many were blanked}
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
