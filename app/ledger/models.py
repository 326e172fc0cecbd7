"""Ledger tables: journal entries and their postings, plus the wallet's lock rows and TCC barrier."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import RowId, UTCDateTime, utcnow


class JournalEntry(db.Model):
    """One movement of money. (kind, reference) is unique: posting the same action twice is a no-op."""

    __tablename__ = "journal_entries"
    # The day index: reconciliation reads what was booked per merchant, kind and day.
    __table_args__ = (
        UniqueConstraint("kind", "reference"),
        Index("ix_journal_entries_day", "merchant_id", "kind", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40), index=True)
    # The business line (app/merchants/business_lines.py); NULL: the merchant's default.
    business_line_id: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    postings: Mapped[list["Posting"]] = relationship(order_by="Posting.id")


class Posting(db.Model):
    """One leg of an entry: a signed amount on an account. Never updated, never deleted.

    Postings of an order's money name the order (not a clearing batch's fee totals); a partner's clearing lines also
    name the SKU, sub-order and partner, what kind of line they are (``share`` — net of the fees it bears, kept in
    ``fee_withheld`` — ``fee`` (lines cleared before that), ``refund``, ``adjustment``,
    ``reserve``, ``reserve_release``, ``settlement``, ``payout_returned``) and from when they may be settled
    (``available_at``; None: at once). A settlement is the window of a partner's lines by ``available_at``,
    so settling never rewrites a posting (app/ledger/settlement/services.py).
    """

    __tablename__ = "postings"
    # Balances and settlement windows read one account of one merchant (and its lines by availability); an order's
    # postings are read by order; a settlement's own few postings by settlement (most have none: a partial index).
    __table_args__ = (
        Index("ix_postings_settlement_window", "merchant_id", "account", "currency", "available_at"),
        # A balance sums the lines still on hold since the last checkpoint (app/ledger/checkpoints.py)
        # from this index alone; lines never held (most) are not in it.
        Index(
            "ix_postings_held",
            "merchant_id",
            "available_at",
            postgresql_include=["account", "currency", "amount", "id"],
            postgresql_where=text("available_at IS NOT NULL"),
            sqlite_where=text("available_at IS NOT NULL"),
        ),
        Index("ix_postings_order", "order_id"),
        Index(
            "ix_postings_settlement",
            "settlement_id",
            postgresql_where=text("settlement_id IS NOT NULL"),
            sqlite_where=text("settlement_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    # The entry must exist: checked once per INSERT statement by a trigger on PostgreSQL, per row on SQLite
    # (migrations/versions/0138_baseline.py), not by a key constraint's lookup per posting.
    entry_id: Mapped[str] = mapped_column(ForeignKey("journal_entries.id"), index=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    account: Mapped[str] = mapped_column(String(300))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    order_id: Mapped[str | None] = mapped_column(String(40))
    partner_id: Mapped[str | None] = mapped_column(String(40))
    sku_id: Mapped[str | None] = mapped_column(String(40))
    sub_order_id: Mapped[str | None] = mapped_column(String(40))
    line_kind: Mapped[str | None] = mapped_column(String(20))
    # On a partner's ``share`` line: the channel's and platform's fees it bears, already taken off ``amount`` (the
    # net). Statements show them as a ``fee`` line beside the gross share (app/ledger/settlement/statements.py).
    fee_withheld: Mapped[int | None] = mapped_column(BigInteger)
    available_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set only on the postings a settlement itself makes (its payout, its reserve), when they are written.
    settlement_id: Mapped[str | None] = mapped_column(String(40))


class WalletAccount(db.Model):
    """A row per (merchant, customer, currency) wallet that exists only to be locked: tries on one
    wallet queue behind ``SELECT … FOR UPDATE`` so two of them cannot spend the same balance."""

    __tablename__ = "wallet_accounts"
    __table_args__ = (UniqueConstraint("merchant_id", "customer_id", "currency"),)

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class WalletBarrier(db.Model):
    """Which TCC phases have happened for a payment attempt; the primary key makes each phase once-only."""

    __tablename__ = "wallet_barriers"

    attempt_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    phase: Mapped[str] = mapped_column(String(8), primary_key=True)  # try | confirm | cancel
    merchant_id: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[str] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# The wallet channel is offered only by merchants whose customers ever topped a wallet up (kept in memory per
# merchant, app/payments/channels/adapters/wallet.py): the first top-up changes that.
watch(JournalEntry, lambda entry: entry.merchant_id if entry.kind == "wallet.topup" else None)
