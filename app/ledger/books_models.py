"""Tables of the books above the journal: partners, what has been cleared, settlements, payouts, checks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow

SELF = "self"  # the partner id of the merchant itself
CYCLES = ("daily", "weekly", "monthly")


class Partner(db.Model):
    """A party that gets a share of what a merchant sells (a studio, a creator, or the merchant itself as
    ``self``) and is paid out on its settlement cycle: live settlements to ``payout_account``, test ones to
    ``test_payout_account``."""

    __tablename__ = "partners"

    # (id, merchant_id): ids are unique but ``self``, which every merchant has.
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Where live payouts go at the provider (e.g. a bank account reference); None: settlements wait for one.
    payout_account: Mapped[str | None] = mapped_column(String(100))
    cycle: Mapped[str] = mapped_column(String(8), default="daily", server_default="daily")
    # Rolling reserve: this share of each live settlement is held back for ``reserve_days`` days.
    reserve_bps: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    reserve_days: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    # Test mode's own account and reserve, which test keys and the portal in test mode read and write and test
    # settlements use: a test key (in CI configs, with contractors) can never send live money elsewhere or hold it.
    test_payout_account: Mapped[str | None] = mapped_column(String(100))
    test_reserve_bps: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    test_reserve_days: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    # The connected account at the payout provider (Stripe Connect) the partner is onboarding with, per mode; once
    # the provider says it can take transfers it becomes that mode's payout account (payments/payouts/onboarding.py).
    connect_account: Mapped[str | None] = mapped_column(String(100))
    test_connect_account: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(10), default="active", server_default="active")  # | archived
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def payout_account_in(self, livemode: bool) -> str | None:
        """Where that mode's payouts go (None: its settlements wait for an account)."""
        return self.payout_account if livemode else self.test_payout_account

    def connect_account_in(self, livemode: bool) -> str | None:
        """That mode's connected account at the payout provider (None: no onboarding started)."""
        return self.connect_account if livemode else self.test_connect_account

    def reserve_in(self, livemode: bool) -> tuple[int, int]:
        """That mode's rolling reserve: (basis points held back, for how many days)."""
        return (self.reserve_bps, self.reserve_days) if livemode else (self.test_reserve_bps, self.test_reserve_days)


# The partner's settings kept per mode: the column a mode's key reads and writes for each API field.
PER_MODE = ("payout_account", "reserve_bps", "reserve_days")


def mode_column(field: str, livemode: bool) -> str:
    """The attribute holding ``field`` (one of PER_MODE) for that mode."""
    return field if livemode else f"test_{field}"


class SettlementCursor(db.Model):
    """How far a partner's lines of one mode and currency have been settled. Settlement locks this row to
    move it forward; clearing locks it to read it, so a line is never posted into a window already cut."""

    __tablename__ = "settlement_cursors"

    merchant_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    livemode: Mapped[bool] = mapped_column(primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    settled_through: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OrderClearing(db.Model):
    """An order has been cleared (once: the primary key is the claim). ``amount`` is what was split,
    ``refunded_before`` what had already gone back to the shopper, ``channel_fee`` what the channel kept."""

    __tablename__ = "order_clearings"

    order_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    livemode: Mapped[bool] = mapped_column()
    entry_id: Mapped[str | None] = mapped_column(String(40))
    amount: Mapped[int] = mapped_column(BigInteger)
    refunded_before: Mapped[int] = mapped_column(BigInteger)
    channel_fee: Mapped[int] = mapped_column(BigInteger)
    platform_fee: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    cleared_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


SETTLEMENT_STATUSES = ("pending", "paying", "paid", "failed")


class Settlement(db.Model):
    """A partner's lines of one window (``period_start`` ≤ available_at < ``period_end``), paid out as one."""

    __tablename__ = "settlements"
    __table_args__ = (
        UniqueConstraint("merchant_id", "partner_id", "livemode", "currency", "period_end"),
        Index("ix_settlements_merchant_mode", "merchant_id", "livemode", "id"),
        CheckConstraint("payout_amount >= 0", name="payout_not_negative"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    partner_id: Mapped[str] = mapped_column(String(40))
    livemode: Mapped[bool] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3))
    period_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    period_end: Mapped[datetime] = mapped_column(UTCDateTime())
    gross: Mapped[int] = mapped_column(BigInteger)  # shares
    fees: Mapped[int] = mapped_column(BigInteger)  # channel and platform fees borne (positive)
    refunds: Mapped[int] = mapped_column(BigInteger)  # shares given back (positive)
    adjustments: Mapped[int] = mapped_column(BigInteger)  # signed: released reserves and manual lines
    reserve_held: Mapped[int] = mapped_column(BigInteger)  # held back from this one (positive)
    net: Mapped[int] = mapped_column(BigInteger)  # gross - fees - refunds + adjustments
    payout_amount: Mapped[int] = mapped_column(BigInteger)  # net - reserve_held
    line_count: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(8), default="pending")
    entry_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


PAYOUT_STATUSES = ("pending", "unknown", "paid", "failed")


class Payout(db.Model):
    """Money sent out through the provider's payout API: a settlement's, or a customer's wallet withdrawal.
    Each try has its own provider reference (``<id>`` then ``<id>.2`` …): an unknown outcome is looked up
    under the same reference and never sent twice; a refused one is tried again under a new one."""

    __tablename__ = "payouts"
    __table_args__ = (
        Index("ix_payouts_status_next", "status", "next_try_at"),
        # One payout per settlement.
        Index(
            "uq_payouts_settlement",
            "settlement_id",
            unique=True,
            postgresql_where=text("settlement_id IS NOT NULL"),
            sqlite_where=text("settlement_id IS NOT NULL"),
        ),
        CheckConstraint("amount > 0", name="payout_amount_positive"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    livemode: Mapped[bool] = mapped_column()
    # settlement: a partner's settlement paid out; withdrawal: a customer's wallet money sent to them.
    purpose: Mapped[str] = mapped_column(String(12), default="settlement", server_default="settlement")
    settlement_id: Mapped[str | None] = mapped_column(String(40))
    # For a wallet withdrawal: whose wallet it came from.
    customer_id: Mapped[str | None] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    destination: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(40))
    # pending: sent or about to be; unknown: the send got no answer; paid | failed: the provider decided.
    status: Mapped[str] = mapped_column(String(8), default="pending")
    try_number: Mapped[int] = mapped_column(default=1)
    max_tries: Mapped[int] = mapped_column(default=5)
    provider_payout_id: Mapped[str | None] = mapped_column(String(100))
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    next_try_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # How many sweeps in a row broke on it (not the provider's answers: those are tries); sets its back-off.
    sweep_failures: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def provider_reference(self) -> str:
        """The idempotency reference of the current try at the provider."""
        return self.id if self.try_number == 1 else f"{self.id}.{self.try_number}"


class LedgerCheck(db.Model):
    """One run of the books' integrity check: what it found, so /healthz and the portal can show it."""

    __tablename__ = "ledger_checks"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    ran_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    ok: Mapped[bool] = mapped_column()
    entries_checked: Mapped[int] = mapped_column(BigInteger, default=0)
    orders_checked: Mapped[int] = mapped_column(BigInteger, default=0)
    # [{kind, merchant_id?, detail}] of everything wrong, at most a few hundred.
    findings: Mapped[list] = mapped_column(JSON, default=list)
    duration_ms: Mapped[int] = mapped_column(default=0)
