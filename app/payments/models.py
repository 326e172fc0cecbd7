from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.platform.db.types import UTCDateTime, utcnow
from app.extensions import db
from app.merchants.config_cache import watch

ACTIVE_ATTEMPT_STATUSES = ("pending", "unknown")

# The event a capture the order does not keep writes as it lands, in the capture's own transaction (the hub): it is
# returned on its own (app/payments/refunds/capture_returns.py), and a refund of the order never counts it as the
# order's payment.
STRAY_CAPTURE = "payment.captured_on_inactive_order"


class ChannelConfig(db.Model):
    """A merchant's settings for one channel; a channel without a row uses its defaults."""

    __tablename__ = "channel_configs"
    __table_args__ = (UniqueConstraint("merchant_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    code: Mapped[str] = mapped_column(String(40))
    enabled: Mapped[bool] = mapped_column(default=True)
    priority: Mapped[int] = mapped_column(default=100)
    display_name: Mapped[str | None] = mapped_column(String(100))
    icon: Mapped[str | None] = mapped_column(String(200))
    # Limits on the order total in minor units (None = no limit), and the currencies it
    # accepts (empty = any): routing offers the channel only to orders inside them. The limits are minor units of
    # ``limits_currency`` and bound orders in it only (50000 is $500.00 but ¥50,000); without one, of any currency.
    min_amount: Mapped[int | None] = mapped_column(BigInteger)
    max_amount: Mapped[int | None] = mapped_column(BigInteger)
    limits_currency: Mapped[str | None] = mapped_column(String(3))
    currencies: Mapped[list] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    agreement_text: Mapped[str | None] = mapped_column(Text)
    # The merchant's rate with the provider (app/payments/channels/fees.py): fee_bps/10000 of each capture (None: the
    # channel's published rate) plus the fixed fee of the capture's currency, ``fixed_fees`` {currency: minor units}
    # (a currency not named: the published one); ``dispute_fees`` {currency: minor units} per dispute, kept whatever
    # its outcome (not named: none). Reconciliation compares what Kassa books with the provider's statement.
    fee_bps: Mapped[int | None]
    fixed_fees: Mapped[dict] = mapped_column(JSON, default=dict, server_default=text("'{}'"))
    dispute_fees: Mapped[dict] = mapped_column(JSON, default=dict, server_default=text("'{}'"))


class PaymentAttempt(db.Model):
    __tablename__ = "payment_attempts"
    __table_args__ = (
        # The provider's transaction id is unique per channel: one capture per transaction.
        UniqueConstraint("channel", "provider_reference"),
        # At most one active attempt per order, enforced by the database itself.
        Index("uq_payment_attempts_one_active", "order_id", unique=True,
              postgresql_where=text("status IN ('pending', 'unknown')"),
              sqlite_where=text("status IN ('pending', 'unknown')")),
        Index("ix_payment_attempts_status_created", "status", "created_at"),
        # The poller's and the janitor's sweeps: pending / unknown attempts due for a look.
        Index("ix_payment_attempts_status_next_check", "status", "next_check_at"),
        Index("ix_payment_attempts_merchant_created", "merchant_id", "created_at"),  # dashboard by channel
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending|succeeded|failed|unknown|canceled
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    provider_reference: Mapped[str | None] = mapped_column(String(100))
    next_action: Mapped[dict] = mapped_column(JSON, default=dict)
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    # The provider's fingerprint of the card that paid, when it tells us (app/payments/attempts/card_screening.py).
    card_fingerprint: Mapped[str | None] = mapped_column(String(64))
    # The channel's fee on this capture, fixed when it succeeded.
    fee_amount: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    poll_count: Mapped[int] = mapped_column(default=0)
    # When the attempt is next asked about: a ``pending`` one by the poller (its callback has not come), an
    # ``unknown`` one (the create call timed out) by the janitor on a back-off (``check_count``).
    check_count: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    next_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# Routing reads channel settings kept in memory per merchant (app/payments/channels/routing.py).
watch(ChannelConfig)
