from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import RowId, UTCDateTime, utcnow

ENTITLEMENT_KINDS = ("membership", "credits")


class Entitlement(db.Model):
    """What a customer of a merchant currently holds in one mode: a membership end, or a credit balance."""

    __tablename__ = "entitlements"
    __table_args__ = (
        UniqueConstraint("merchant_id", "customer_id", "kind", "livemode"),
        CheckConstraint("credits >= 0", name="credits_not_negative"),
    )

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    customer_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12))  # membership | credits
    # What test orders granted is not held in live mode, nor the reverse.
    livemode: Mapped[bool] = mapped_column(default=False, server_default=false())
    membership_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    credits: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EntitlementGrant(db.Model):
    """One grant per order item: the unique item id is what makes fulfilment grant only once."""

    __tablename__ = "entitlement_grants"

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    customer_id: Mapped[str] = mapped_column(String(200), index=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    order_item_id: Mapped[int] = mapped_column(RowId, ForeignKey("order_items.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    livemode: Mapped[bool] = mapped_column(default=False, server_default=false())
    membership_days: Mapped[int | None]
    credits: Mapped[int | None]
    # The membership end right after this grant (extensions stack from the previous end).
    membership_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Taken back when the order was refunded in full (app/orders/entitlements.py): what the customer still held.
    taken_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    credits_taken_back: Mapped[int] = mapped_column(default=0, server_default="0")
    membership_days_taken_back: Mapped[int] = mapped_column(default=0, server_default="0")


class OrderFulfilment(db.Model):
    """Progress of fulfilling one order: webhook attempts, and whether Kassa gave up."""

    __tablename__ = "order_fulfilments"
    __table_args__ = (
        Index(
            "ix_order_fulfilments_report_due",
            "report_due_at",
            postgresql_where=text("report_due_at IS NOT NULL AND reported IS NULL AND gave_up_at IS NULL"),
            sqlite_where=text("report_due_at IS NOT NULL AND reported IS NULL AND gave_up_at IS NULL"),
        ),
    )

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    webhook_delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    gave_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Asynchronous fulfilment: the webhook answered 202, the merchant reports the outcome by
    # POST /orders/{id}/fulfilment before report_due_at (else the webhook is sent again, then Kassa gives up).
    report_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reported: Mapped[str | None] = mapped_column(String(10))  # succeeded | failed
    report_reason: Mapped[str | None] = mapped_column(String(500))
    reminders: Mapped[int] = mapped_column(default=0, server_default="0")
