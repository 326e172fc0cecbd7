from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.platform.db.types import UTCDateTime, utcnow
from app.extensions import db


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
        Index("uq_refunds_one_pending", "order_id", unique=True,
              postgresql_where=text("status = 'pending'"), sqlite_where=text("status = 'pending'")),
        # A stray capture is given back once: at most one of its returns is in flight or done.
        Index("uq_refunds_one_capture_return", "payment_id", unique=True,
              postgresql_where=text(_RETURN_LIVE), sqlite_where=text(_RETURN_LIVE)),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    # Indexed: every refund asks whether its capture was returned already (the partial index above holds only
    # the returns in flight or done).
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment_attempts.id"), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | succeeded | failed
    kind: Mapped[str] = mapped_column(String(20), default="order", server_default="order")
    reason: Mapped[str | None] = mapped_column(String(500))
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    # Where the order returns after a partial refund or a failure.
    previous_order_status: Mapped[str] = mapped_column(String(12))
    # Bumped only after the provider definitely refused, so an unknown outcome is retried with
    # the same reference (never refunded twice) and a refusal with a fresh one.
    provider_attempt: Mapped[int] = mapped_column(default=1)
    provider_refund_id: Mapped[str | None] = mapped_column(String(100))
    # The part of the capture's channel fee this refund gets back (app/payments/channels/fees.py), fixed when it is held.
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
