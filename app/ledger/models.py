"""Ledger tables: journal entries and their postings, plus the wallet's lock rows and TCC barrier."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db_types import UTCDateTime, utcnow
from app.extensions import db


class JournalEntry(db.Model):
    """One movement of money. (kind, reference) is unique: posting the same action twice is a no-op."""

    __tablename__ = "journal_entries"
    __table_args__ = (UniqueConstraint("kind", "reference"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    postings: Mapped[list["Posting"]] = relationship(order_by="Posting.id")


class Posting(db.Model):
    """One leg of an entry: a signed amount on an account. Never updated, never deleted."""

    __tablename__ = "postings"
    __table_args__ = (Index("ix_postings_merchant_account", "merchant_id", "account", "currency"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("journal_entries.id"), index=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    account: Mapped[str] = mapped_column(String(300))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))


class WalletAccount(db.Model):
    """A row per (merchant, customer, currency) wallet that exists only to be locked: tries on one
    wallet queue behind ``SELECT … FOR UPDATE`` so two of them cannot spend the same balance."""

    __tablename__ = "wallet_accounts"
    __table_args__ = (UniqueConstraint("merchant_id", "customer_id", "currency"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
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
