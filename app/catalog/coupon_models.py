"""Coupons and their redemptions (one per order)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow

KINDS = ("amount_off", "percent_off", "spend_and_save", "volume")
DURATIONS = ("once", "repeating", "forever")
# The terms each kind reads; the others are ignored (forms use this to show only what applies).
KIND_TERMS: dict[str, frozenset[str]] = {
    "amount_off": frozenset({"amount_off", "currency"}),
    "percent_off": frozenset({"percent_bps", "max_discount", "currency"}),
    "spend_and_save": frozenset({"amount_off", "min_subtotal", "currency"}),
    "volume": frozenset({"tiers"}),
}


class Coupon(db.Model):
    """A code a shopper types to get a discount.

    kind ``amount_off``: ``amount_off`` (in ``currency``) off the eligible items;
    ``percent_off``: ``percent_bps`` basis points off, at most ``max_discount`` when set;
    ``spend_and_save``: ``amount_off`` once the eligible items reach ``min_subtotal``;
    ``volume``: a quantity ladder per line, ``tiers: [{min_quantity, percent_bps}]``.
    """

    __tablename__ = "coupons"
    __table_args__ = (
        # Codes are stored normalised (upper case), so this makes them case-insensitive and unique.
        UniqueConstraint("merchant_id", "code", name="uq_coupons_merchant_code"),
        # The counter can never pass the limit, whatever the application does.
        CheckConstraint(
            "max_redemptions IS NULL OR times_redeemed <= max_redemptions", name="redemptions_within_limit"
        ),
        CheckConstraint("times_redeemed >= 0", name="redemptions_not_negative"),
        CheckConstraint(
            "max_redemptions IS NULL OR test_times_redeemed <= max_redemptions", name="test_redemptions_within_limit"
        ),
        CheckConstraint("test_times_redeemed >= 0", name="test_redemptions_not_negative"),
        # A customer's wallet is one indexed read.
        Index("ix_coupons_merchant_customer", "merchant_id", "customer_id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(200), default="")
    currency: Mapped[str | None] = mapped_column(String(3))
    amount_off: Mapped[int | None] = mapped_column(BigInteger)
    percent_bps: Mapped[int | None]
    max_discount: Mapped[int | None] = mapped_column(BigInteger)
    min_subtotal: Mapped[int | None] = mapped_column(BigInteger)
    tiers: Mapped[list | None] = mapped_column(JSON)
    # Empty lists: the coupon applies to every product / SKU.
    product_ids: Mapped[list] = mapped_column(JSON, default=list)
    sku_ids: Mapped[list] = mapped_column(JSON, default=list)
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    max_redemptions: Mapped[int | None]
    max_per_customer: Mapped[int | None]
    times_redeemed: Mapped[int] = mapped_column(default=0)
    # Test orders' uses, against the same limits: a test order never uses up a live coupon.
    test_times_redeemed: Mapped[int] = mapped_column(default=0, server_default="0")
    active: Mapped[bool] = mapped_column(default=True)
    # Payment channel codes the order may be paid with; empty: any channel.
    channels: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    # A promotion: applied without a code when its terms hold (app/catalog/promotions.py).
    automatic: Mapped[bool] = mapped_column(default=False, server_default=false())
    # For a subscription: once (its first order), repeating (and its first duration_in_periods renewals), forever.
    duration: Mapped[str] = mapped_column(String(10), default="once", server_default="once")
    duration_in_periods: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # A personal coupon (issued to one customer, app/catalog/coupon_wallet.py): only that customer's orders of that
    # mode may use it. NULL for a code anyone may type.
    customer_id: Mapped[str | None] = mapped_column(String(200))
    livemode: Mapped[bool | None]

    def redeemed_in(self, livemode: bool) -> int:
        """How many times orders of that mode use it."""
        return self.times_redeemed if livemode else self.test_times_redeemed

    def state_in(self, livemode: bool, now: datetime) -> str:
        """Whether a shopper can use it now, the one rule the checkout refuses by (``find_coupon``) and the portal
        shows: ``deactivated``, ``scheduled`` (before its start), ``expired`` (its end has passed), ``used up``
        (every use taken by orders of that mode) or ``active``."""
        if not self.active:
            return "deactivated"
        if self.valid_from and now < self.valid_from:
            return "scheduled"
        if self.valid_until and now >= self.valid_until:
            return "expired"
        if self.max_redemptions is not None and self.redeemed_in(livemode) >= self.max_redemptions:
            return "used up"
        return "active"


def redeemed_column(livemode: bool):
    """The count of uses by orders of that mode."""
    return Coupon.times_redeemed if livemode else Coupon.test_times_redeemed


class CouponRedemption(db.Model):
    """A coupon used by one order: ``active`` while the order is open or paid, ``released`` when it
    closed unpaid (the use no longer counts)."""

    __tablename__ = "coupon_redemptions"
    __table_args__ = (
        # One redemption per order: a retried create can never count a use twice.
        UniqueConstraint("order_id", name="uq_coupon_redemptions_order"),
        Index("ix_coupon_redemptions_coupon_customer", "coupon_id", "customer_id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    coupon_id: Mapped[str] = mapped_column(ForeignKey("coupons.id"))
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"))
    customer_id: Mapped[str] = mapped_column(String(200))
    livemode: Mapped[bool] = mapped_column(default=False, server_default=false())  # the order's mode
    code: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | released
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


# Saving an automatic promotion changes how the merchant's orders are priced (app/catalog/promotions.py keeps whether
# it has any); a use of one is a Core UPDATE of its count and changes nothing kept.
watch(Coupon, lambda coupon: coupon.merchant_id if coupon.automatic else None)
