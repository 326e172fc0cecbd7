"""Every table of the simulated provider, with their own Base, engine and session factory (no migrations: a table
or column added later is made at start, see create_tables)."""

from __future__ import annotations

import base64
import secrets
import time
from datetime import datetime, timezone

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    inspect,
    text,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.schema import CreateIndex

PAYMENT_STATUSES = ("pending", "succeeded", "failed")
PAYMENT_METHODS = ("card", "qr")


def utcnow() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(timezone.utc)


def random_suffix() -> str:
    """24 random lowercase letters and digits (120 bits), the part of an object's id after its prefix."""
    return base64.b32encode(secrets.token_bytes(15)).decode().lower()


class Base(DeclarativeBase):
    """Declarative base of the sandbox; deliberately separate from Kassa's metadata."""


class Account(Base):
    """A merchant's account at the provider: how it authenticates and signs callbacks."""

    __tablename__ = "sandbox_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Only a hash is kept so a leaked database does not leak a usable key.
    api_key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    callback_secret: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Payment(Base):
    """One payment the merchant asked the provider to collect."""

    __tablename__ = "sandbox_payments"
    # The merchant's reference is the provider-side idempotency key.
    __table_args__ = (
        UniqueConstraint("account_id", "reference", name="uq_sandbox_payment_reference"),
        # A day's statement lists the account's payments decided in a time range.
        Index("ix_sandbox_payments_account_decided", "account_id", "decided_at"),
    )

    id: Mapped[str] = mapped_column(String(28), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("sandbox_accounts.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reference: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    return_url: Mapped[str] = mapped_column(Text)
    callback_url: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(8), default="card")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Mandate(Base):
    """The shopper's authorisation of future deductions, signed by approving the payment that asked for it."""

    __tablename__ = "sandbox_mandates"

    id: Mapped[str] = mapped_column(String(28), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("sandbox_accounts.id"), index=True)
    # The payment whose approval signs it (one mandate per payment).
    payment_id: Mapped[str] = mapped_column(ForeignKey("sandbox_payments.id"), unique=True)
    terms: Mapped[str] = mapped_column(Text)  # what the shopper agrees to, e.g. "$9.99 every month"
    callback_url: Mapped[str] = mapped_column(Text)  # told when the shopper revokes it
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending|active|declined|revoked|canceled
    # Test control: how many of the next deductions the "bank" declines.
    fail_next: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SavedCard(Base):
    """A card the shopper let the merchant keep for their next purchases (``save_card`` on the payment that paid with
    it): the merchant charges it again while the shopper is at the checkout, without the provider's page, unless the
    issuer asks the shopper to authenticate. Not a mandate: nothing is charged without the shopper."""

    __tablename__ = "sandbox_saved_cards"

    id: Mapped[str] = mapped_column(String(28), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("sandbox_accounts.id"), index=True)
    # The payment whose approval saves it (one card per payment).
    payment_id: Mapped[str] = mapped_column(ForeignKey("sandbox_payments.id"), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending|active|declined|detached
    brand: Mapped[str] = mapped_column(String(20), default="visa")
    last4: Mapped[str] = mapped_column(String(4), default="4242")
    # Test control: what the issuer does with the next charge (authentication_required | declined), once.
    next_charge: Mapped[str | None] = mapped_column(String(24), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CallbackDelivery(Base):
    """One attempt to deliver a callback, kept so a tester can see what was sent and when."""

    __tablename__ = "sandbox_callback_deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("sandbox_payments.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(40), index=True)
    attempt: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CardFingerprint(Base):
    """The fingerprint of the card that paid (set by the simulate control): the same card gives the same one,
    whoever holds it. Its own table, so sandboxes created before it keep working (no migrations here)."""

    __tablename__ = "sandbox_card_fingerprints"

    payment_id: Mapped[str] = mapped_column(String(28), ForeignKey("sandbox_payments.id"), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))


class Payout(Base):
    """Money the merchant sends from its balance at the provider to a bank account (``destination``)."""

    __tablename__ = "sandbox_payouts"
    # The merchant's reference is the idempotency key: a retried send never pays twice.
    __table_args__ = (
        UniqueConstraint("account_id", "reference", name="uq_sandbox_payout_reference"),
        # A day's statement lists the account's payouts decided in a time range.
        Index("ix_sandbox_payouts_account_decided", "account_id", "decided_at"),
    )

    id: Mapped[str] = mapped_column(String(28), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("sandbox_accounts.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    destination: Mapped[str] = mapped_column(String(100))
    reference: Mapped[str] = mapped_column(String(255))
    callback_url: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending | paid | failed
    failure_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Refund(Base):
    """Money given back on a payment; a failed one moved nothing."""

    __tablename__ = "sandbox_refunds"
    __table_args__ = (UniqueConstraint("payment_id", "reference", name="uq_sandbox_refund_reference"),)

    id: Mapped[str] = mapped_column(String(28), primary_key=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("sandbox_payments.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    reference: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16))
    failure_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Indexed for the day's statement, which lists the refunds made in a time range.
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class RefundSimulation(Base):
    """A planned outcome for the next refund of a payment (test control), used up by that refund."""

    __tablename__ = "sandbox_refund_simulations"

    payment_id: Mapped[str] = mapped_column(ForeignKey("sandbox_payments.id"), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16))


class Dispute(Base):
    """The shopper's bank disputes (part of) a succeeded payment; its amount left the merchant when it opened."""

    __tablename__ = "sandbox_disputes"
    # The daily statement lists the disputes opened, and the won ones closed, in a time range.
    __table_args__ = (
        Index("ix_sandbox_disputes_account_created", "account_id", "created_at"),
        Index("ix_sandbox_disputes_account_closed", "account_id", "closed_at"),
    )

    id: Mapped[str] = mapped_column(String(28), primary_key=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("sandbox_payments.id"), index=True)
    account_id: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))  # needs_response | under_review | won | lost
    evidence: Mapped[str | None] = mapped_column(Text, nullable=True)
    evidence_due_by: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The provider's fee for handling the dispute, kept whatever the outcome (its own statement line); None on
    # disputes opened before the sandbox charged one, which is none.
    fee: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Tamper(Base):
    """What a payment's capture line says instead of the truth (test control); a later tamper replaces it."""

    __tablename__ = "sandbox_statement_tampers"

    payment_id: Mapped[str] = mapped_column(String(28), ForeignKey("sandbox_payments.id"), primary_key=True)
    amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # None: the payment's own
    status: Mapped[str | None] = mapped_column(String(16), nullable=True)  # None: the payment's own
    currency: Mapped[str | None] = mapped_column(String(3), nullable=True)  # None: the payment's own
    fee: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # None: the published fee on the amount
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False)  # the line is listed twice
    omit: Mapped[bool] = mapped_column(Boolean, default=False)  # the line is left out (the provider "lost" it)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Orphan(Base):
    """A capture the provider reports though the merchant never asked for it (test control)."""

    __tablename__ = "sandbox_orphans"
    __table_args__ = (Index("ix_sandbox_orphans_account_created", "account_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(28), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("sandbox_accounts.id"))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reference: Mapped[str] = mapped_column(String(255))
    method: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite waits on a lock instead of failing, since callbacks write from threads. A server
    database's pooled connections are checked before use: after the database restarts, a provider answers as it
    did before, not with a 500 per stale connection (enough to open a merchant's circuit breaker)."""
    if url.startswith("sqlite"):
        return create_engine(url, connect_args={"timeout": 15})
    # Plain psycopg connections: the provider's busy path (create, decide, record the callback) ends each of its
    # transactions in a COMMIT, which keeps psycopg's prepared statements, so a ROLLBACK that keeps them too and
    # PostgreSQL's own placeholders save it no measurable CPU.
    return create_engine(url, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Return a session factory bound to the engine."""
    # Objects stay readable after commit, so a view can render what a service returned.
    return sessionmaker(bind=engine, expire_on_commit=False)


def create_tables(engine: Engine) -> None:
    """Create all sandbox tables and their indexes; the simulator has no migrations by design."""
    for attempt in range(1, 6):
        try:
            _create_tables(engine)
            return
        except DBAPIError:
            # Several server processes start on one fresh database: another one created a table, column or index between
            # our look and our CREATE. Looking again finds it there.
            if attempt == 5:
                raise
            time.sleep(0.2 * attempt)


def _create_tables(engine: Engine) -> None:
    Base.metadata.create_all(engine)
    # create_all leaves a table that already exists alone, so a column or an index added to it later would never be
    # made: every column is added here if missing, every index created if missing (SQLite and PostgreSQL both know
    # IF NOT EXISTS for an index).
    with engine.begin() as connection:
        _add_missing_columns(connection)
        _widen_amounts(connection)
        for table in Base.metadata.sorted_tables:
            for index in table.indexes:
                connection.execute(CreateIndex(index, if_not_exists=True))


def _widen_amounts(connection: Connection) -> None:
    """Make 64-bit each amount column an older sandbox made 32-bit on PostgreSQL (it stops at 21,474,836.47 IDR);
    SQLite's INTEGER is 64-bit already."""
    if connection.dialect.name != "postgresql":
        return
    present = inspect(connection)
    for table in Base.metadata.sorted_tables:
        narrow = {
            column["name"]
            for column in present.get_columns(table.name)
            if isinstance(column["type"], Integer) and not isinstance(column["type"], BigInteger)
        }
        for column in table.columns:
            if isinstance(column.type, BigInteger) and column.name in narrow:
                connection.execute(text(f"ALTER TABLE {table.name} ALTER COLUMN {column.name} TYPE bigint"))


def _add_missing_columns(connection: Connection) -> None:
    """ADD COLUMN for each column a table made by an older sandbox lacks. Such a column must be nullable: the rows
    already there have no value for it."""
    present = inspect(connection)
    for table in Base.metadata.sorted_tables:
        have = {column["name"] for column in present.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(connection.dialect)
                connection.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))
