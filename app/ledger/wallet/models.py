"""Tables of wallet movements that are not payments: withdrawals to a payout account, transfers between customers.

Their money is in the journal (app/ledger/wallet/moves.py); these rows say who asked for what, so a statement's
movement can name its withdrawal or transfer, and a withdrawal can follow its payout.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow

REVIEW_STATES = ("open", "approved", "rejected")


class WalletWithdrawal(db.Model):
    """A customer's money sent to their payout account: frozen in the wallet until ``payout_id`` (a payout of
    purpose ``withdrawal``) is paid, or back in the wallet when it fails for good or is rejected in review."""

    __tablename__ = "wallet_withdrawals"
    __table_args__ = (
        Index("ix_wallet_withdrawals_customer", "merchant_id", "livemode", "customer_id", "id"),
        Index("ix_wallet_withdrawals_review", "merchant_id", "review"),
        CheckConstraint("amount > 0", name="withdrawal_amount_positive"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool] = mapped_column()
    customer_id: Mapped[str] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    destination: Mapped[str] = mapped_column(String(100))
    payout_id: Mapped[str] = mapped_column(String(40), unique=True)
    # The risk assessment when it was asked for: {decision, score, reasons}.
    risk: Mapped[dict | None] = mapped_column(JSON)
    # None: never held; open: held for the merchant's decision (its payout waits); approved | rejected.
    review: Mapped[str | None] = mapped_column(String(10))
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class WalletTransfer(db.Model):
    """Money moved from one customer's wallet to another's, of one merchant, mode and currency."""

    __tablename__ = "wallet_transfers"
    __table_args__ = (
        Index("ix_wallet_transfers_from", "merchant_id", "livemode", "from_customer", "id"),
        Index("ix_wallet_transfers_to", "merchant_id", "livemode", "to_customer", "id"),
        CheckConstraint("amount > 0", name="transfer_amount_positive"),
        CheckConstraint("from_customer <> to_customer", name="transfer_between_two_customers"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool] = mapped_column()
    from_customer: Mapped[str] = mapped_column(String(200))
    to_customer: Mapped[str] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    description: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
