"""The saved payment method table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


class SavedPaymentMethod(db.Model):
    """A customer's card kept at a channel's provider: ``pending`` from the pay that asked to save it until that
    payment succeeds (then ``active``, with the provider's reference), ``removed`` once the customer or the merchant
    removed it (detached at the provider too). A payment that failed leaves it pending and never shown."""

    __tablename__ = "saved_payment_methods"
    __table_args__ = (
        Index("ix_saved_payment_methods_customer", "merchant_id", "livemode", "customer_id", "status", "id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool]
    customer_id: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending | active | removed
    # The payment attempt whose success saves it: one saved method per attempt, so a replayed event saves once.
    attempt_id: Mapped[str] = mapped_column(String(40), unique=True)
    provider_reference: Mapped[str | None] = mapped_column(String(100))
    brand: Mapped[str | None] = mapped_column(String(20))
    last4: Mapped[str | None] = mapped_column(String(4))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
