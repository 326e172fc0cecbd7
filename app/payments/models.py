"""The payment tables: channel configs, attempts (what a provider captured), refunds and disputes (what went
back), written by the hub, refunds and disputes, read by reports and reconciliation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow

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
        Index(
            "uq_payment_attempts_one_active",
            "order_id",
            unique=True,
            postgresql_where=text("status IN ('pending', 'unknown')"),
            sqlite_where=text("status IN ('pending', 'unknown')"),
        ),
        Index("ix_payment_attempts_status_created", "status", "created_at"),
        # The poller's and the janitor's sweeps: pending / unknown attempts due for a look.
        Index("ix_payment_attempts_status_next_check", "status", "next_check_at"),
        Index("ix_payment_attempts_merchant_created", "merchant_id", "created_at"),  # dashboard by channel
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    # The business line (app/merchants/business_lines.py); NULL: the merchant's default.
    business_line_id: Mapped[str | None] = mapped_column(String(40))
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


# ``order``: the merchant (or Kassa for them) gives back money the order kept; it moves the order and its
# refunded amount. ``capture_return``: Kassa gives back a capture the order never kept (it landed after
# the order closed, or the order was already paid by another payment); the order is left as it is.
REFUND_KINDS = ("order", "capture_return")
_RETURN_LIVE = "kind = 'capture_return' AND status IN ('pending', 'succeeded')"


class Refund(db.Model):
    """Money given back on an order, through the channel attempt that captured it."""

    __tablename__ = "refunds"
    __table_args__ = (
        CheckConstraint("amount > 0", name="refund_amount_positive"),
        # One refund in flight per order, enforced by the database itself.
        Index(
            "uq_refunds_one_pending",
            "order_id",
            unique=True,
            postgresql_where=text("status = 'pending'"),
            sqlite_where=text("status = 'pending'"),
        ),
        # A stray capture is given back once: at most one of its returns is in flight or done.
        Index(
            "uq_refunds_one_capture_return",
            "payment_id",
            unique=True,
            postgresql_where=text(_RETURN_LIVE),
            sqlite_where=text(_RETURN_LIVE),
        ),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    # The business line (app/merchants/business_lines.py); NULL: the merchant's default.
    business_line_id: Mapped[str | None] = mapped_column(String(40))
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    # Indexed: every refund asks whether its capture was returned already (the partial index above holds only
    # the returns in flight or done).
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment_attempts.id"), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | succeeded | failed
    kind: Mapped[str] = mapped_column(String(20), default="order", server_default="order")
    # The sub-order this refund gives back (its lines' money only); None: the order as a whole.
    sub_order_id: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(String(500))
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    # Where the order returns after a partial refund or a failure.
    previous_order_status: Mapped[str] = mapped_column(String(12))
    # Bumped only after the provider definitely refused, so an unknown outcome is retried with
    # the same reference (never refunded twice) and a refusal with a fresh one.
    provider_attempt: Mapped[int] = mapped_column(default=1)
    provider_refund_id: Mapped[str | None] = mapped_column(String(100))
    # The part of the capture's channel fee this refund gets back (app/payments/channels/fees.py), fixed when it is
    # held.
    fee_amount: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    actor: Mapped[str] = mapped_column(String(60))
    # The refund-abuse assessment of the customer when the refund was asked for: {score, reasons} (app/risk).
    risk: Mapped[dict | None] = mapped_column(JSON)
    # A pending refund whose sending broke (its channel gone, an answer Kassa cannot read) waits its back-off before
    # the sweep tries it again, so it cannot head every run and hold back the refunds behind it.
    sweep_failures: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    next_sweep_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def provider_reference(self) -> str:
        """The idempotency reference sent to the provider for the current attempt."""
        return self.id if self.provider_attempt == 1 else f"{self.id}.{self.provider_attempt}"


# needs_response → under_review (evidence sent) → won | lost; a later status never goes back to an earlier one.
DISPUTE_STATUSES = ("needs_response", "under_review", "won", "lost")
# Disputes whose money the bank holds: the order may not refund it (and its books show it withdrawn).
WITHDRAWN = ("needs_response", "under_review", "lost")
OPEN = ("needs_response", "under_review")


class Dispute(db.Model):
    """One provider dispute, once per (channel, provider id) however often and in whatever order its news comes."""

    __tablename__ = "disputes"
    __table_args__ = (
        UniqueConstraint("channel", "provider_dispute_id", name="uq_disputes_provider"),
        CheckConstraint("amount > 0", name="dispute_amount_positive"),
        # The API and portal list a merchant's disputes of one mode, newest first.
        Index("ix_disputes_merchant_mode_id", "merchant_id", "livemode", "id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool] = mapped_column(default=False)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment_attempts.id"))
    channel: Mapped[str] = mapped_column(String(40))
    provider_dispute_id: Mapped[str] = mapped_column(String(100))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[str | None] = mapped_column(Text)
    evidence_due_by: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The part of the capture's channel fee the withdrawal got back (booked as a refund of the amount would be),
    # and the channel's fee for handling the dispute (its config's dispute_fee; kept whatever the outcome).
    fee_back: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    dispute_fee: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
