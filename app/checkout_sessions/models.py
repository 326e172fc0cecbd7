"""The checkout session table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


class CheckoutSession(db.Model):
    """One shopper's checkout, opened by the merchant's server; ``open`` until an order of it is paid
    (``complete``) or ``expires_at`` passes (read as ``expired``: nothing needs to run for that)."""

    __tablename__ = "checkout_sessions"
    __table_args__ = (Index("ix_checkout_sessions_merchant_id", "merchant_id", "id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool]
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | complete
    customer_id: Mapped[str] = mapped_column(String(200))
    customer_email: Mapped[str | None] = mapped_column(String(320))
    # Either a fixed basket [{sku, quantity}] or a product the shopper picks an option of.
    items: Mapped[list | None] = mapped_column(JSON)
    product_id: Mapped[str | None] = mapped_column(ForeignKey("products.id"))
    # The currency the fixed items are priced in; None: the SKUs' default prices.
    currency: Mapped[str | None] = mapped_column(String(3))
    success_url: Mapped[str | None] = mapped_column(String(2000))
    cancel_url: Mapped[str | None] = mapped_column(String(2000))
    metadata_: Mapped[dict] = mapped_column("metadata", JSON, default=dict)
    client_secret: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The paid order that completed the session.
    order_id: Mapped[str | None] = mapped_column(String(40))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def status_at(self, now: datetime | None = None) -> str:
        """``open``, ``complete``, or ``expired`` once an open session's time has passed."""
        if self.status == "open" and self.expires_at <= (now or utcnow()):
            return "expired"
        return self.status
