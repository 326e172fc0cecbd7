"""Campaigns: rules that issue personal coupons to customers, within a budget."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow

# What issues a coupon: a new customer's first paid order, any paid order (of at least min_amount), or a
# subscription that starts.
RULES = ("first_order", "paid_order", "subscription_start")


class Campaign(db.Model):
    """A merchant's campaign: each time its rule fires for a customer, one single-use coupon with the template
    coupon's terms is issued to that customer, while the campaign is running and its budget lasts."""

    __tablename__ = "campaigns"
    __table_args__ = (
        # The counters can never pass the budget, whatever the application does.
        CheckConstraint("max_issued IS NULL OR issued_count <= max_issued", name="issued_within_budget"),
        CheckConstraint(
            "max_discount_total IS NULL OR discount_committed <= max_discount_total", name="discount_within_budget"
        ),
        CheckConstraint("issued_count >= 0 AND discount_committed >= 0", name="counters_not_negative"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    # Test and live campaigns are apart: a test order never spends a live campaign's budget.
    livemode: Mapped[bool]
    name: Mapped[str] = mapped_column(String(120))
    rule: Mapped[str] = mapped_column(String(20))
    # paid_order: the order's total must reach this (in the order's currency) to issue a coupon.
    min_amount: Mapped[int | None] = mapped_column(BigInteger)
    min_amount_currency: Mapped[str | None] = mapped_column(String(3))
    template_coupon_id: Mapped[str] = mapped_column(ForeignKey("coupons.id"))
    # Each issued coupon is valid for this many days (else until the template's own end, if any).
    coupon_valid_days: Mapped[int | None]
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    max_issued: Mapped[int | None]
    # In minor units of the template's currency: the most the issued coupons can take off, together.
    max_discount_total: Mapped[int | None] = mapped_column(BigInteger)
    issued_count: Mapped[int] = mapped_column(default=0)
    # The most each issued coupon can take off, summed: reserved when it is issued, so the budget holds even if
    # every coupon is used.
    discount_committed: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | ended
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CampaignIssuance(db.Model):
    """One coupon a campaign issued, and why: ``reason_key`` is unique per campaign, so a retried event (or a
    customer's second "first" order) never issues twice."""

    __tablename__ = "campaign_issuances"
    __table_args__ = (UniqueConstraint("campaign_id", "reason_key", name="uq_campaign_issuances_reason"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    coupon_id: Mapped[str] = mapped_column(ForeignKey("coupons.id"))
    customer_id: Mapped[str] = mapped_column(String(200))
    reason_key: Mapped[str] = mapped_column(String(250))
    # The order or subscription that earned it.
    source_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# Which campaigns run is kept with the merchant's configuration (app/catalog/campaigns.py): creating or changing
# one bumps it; an issuance is a Core UPDATE of its counters and changes nothing kept.
watch(Campaign)
