from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


class AuditEntry(db.Model):
    """One change a portal user made: who, what, when, and the object before and after."""

    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entries_merchant_id", "merchant_id", "id"),
        Index("ix_audit_entries_merchant_action", "merchant_id", "action"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    # No foreign key: the entry outlives a removed user, so who it was is copied in.
    actor_id: Mapped[str] = mapped_column(String(40))
    actor_email: Mapped[str] = mapped_column(String(320))
    actor_role: Mapped[str] = mapped_column(String(20))
    ip: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(60))  # e.g. order.refund, api_key.revoke
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(100))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
