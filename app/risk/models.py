from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow


class RiskListEntry(db.Model):
    """A merchant's verdict on one value: block, allow or review every order of its mode that carries it."""

    __tablename__ = "risk_list_entries"
    __table_args__ = (
        UniqueConstraint("merchant_id", "livemode", "kind", "value", name="uq_risk_list_entries_value"),
        Index("ix_risk_list_entries_merchant_id", "merchant_id", "livemode", "id"),
        # CIDR ranges cannot be found by exact value: they are read apart, by this flag.
        Index("ix_risk_list_entries_ranges", "merchant_id", "livemode", "is_range"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    # Each mode has its own lists: a test key, or a test run blocking a test card, never
    # changes who live shoppers are refused or let through.
    livemode: Mapped[bool] = mapped_column()
    kind: Mapped[str] = mapped_column(String(20))  # customer|email|email_domain|ip|device|card_fingerprint
    value: Mapped[str] = mapped_column(String(320))  # normalised: lower-case; an ip kind may be a CIDR range
    action: Mapped[str] = mapped_column(String(10))  # block|allow|review
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(String(500))
    is_range: Mapped[bool] = mapped_column(default=False)  # an ip entry that is a CIDR range
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RiskRule(db.Model):
    """A rule the merchant set for one mode's orders: its kind, parameters and what to do when it matches."""

    __tablename__ = "risk_rules"
    __table_args__ = (Index("ix_risk_rules_merchant_id", "merchant_id", "livemode", "id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    livemode: Mapped[bool] = mapped_column()  # each mode's own rules, as its lists
    kind: Mapped[str] = mapped_column(String(30))
    params: Mapped[dict] = mapped_column(JSON)
    action: Mapped[str] = mapped_column(String(10))  # block|review
    enabled: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RefundRequest(db.Model):
    """A shopper asking for their money back, scored for abuse, and what was decided."""

    __tablename__ = "refund_requests"
    __table_args__ = (
        Index("ix_refund_requests_merchant_customer", "merchant_id", "customer_id", "created_at"),
        Index("ix_refund_requests_merchant_device", "merchant_id", "device", "created_at"),
        Index("ix_refund_requests_merchant_ip", "merchant_id", "ip", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    order_id: Mapped[str] = mapped_column(String(40), index=True)
    customer_id: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(10))  # approved | review | denied
    score: Mapped[int] = mapped_column(default=0)
    reasons: Mapped[list] = mapped_column(JSON)
    refund_id: Mapped[str | None] = mapped_column(String(40))
    ip: Mapped[str | None] = mapped_column(String(64))
    device: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# The assessment reads rules, and whether any list entry exists, from memory per merchant (app/risk/assessment.py).
watch(RiskListEntry)
watch(RiskRule)
