"""A business line: a part of one merchant (a games line, a music line) with its own products, orders and
settlements. A merchant with no line is one business, as before (app/merchants/business_lines.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


class BusinessLine(db.Model):
    __tablename__ = "business_lines"
    # A code names one line of a merchant for good: archived lines keep theirs, so old orders stay readable.
    __table_args__ = (UniqueConstraint("merchant_id", "code", name="uq_business_lines_merchant_code"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # An archived line takes no new orders or products; what it sold stays on it.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The line's own unpaid-order timeout (None: the merchant's, app/merchants/settings.py).
    order_timeout_minutes: Mapped[int | None]
    # The line's own wait before a fulfilled order completes itself (None: the merchant's auto_confirm_minutes).
    auto_confirm_minutes: Mapped[int | None]
    # The name a shopper of the line's orders sees on the checkout and the receipt (None: the merchant's name).
    display_name: Mapped[str | None] = mapped_column(String(200))
