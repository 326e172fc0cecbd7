from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow

_WAITING = "status = 'awaiting_approval'"


class ManualAction(db.Model):
    """A maintenance action someone took (or asked for) on an order, why, and what came of it.

    The row is written before anything runs, so a form sent twice finds it by its idempotency key and
    an approval claims it by a conditional UPDATE on ``status`` (app/operations/manual_state.py)."""

    __tablename__ = "manual_actions"
    __table_args__ = (
        # The hidden key of the form that asked: a form sent twice is one action.
        UniqueConstraint("merchant_id", "idempotency_key", name="uq_manual_actions_idempotency"),
        # One request waiting for approval per order, action and subject: a second one would only run twice.
        Index(
            "uq_manual_actions_one_waiting",
            "order_id",
            "kind",
            "subject",
            unique=True,
            postgresql_where=text(_WAITING),
            sqlite_where=text(_WAITING),
        ),
        # The approval queue reads one merchant's waiting actions, oldest first.
        Index("ix_manual_actions_merchant_status", "merchant_id", "status", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    livemode: Mapped[bool] = mapped_column(default=False, server_default=false())
    kind: Mapped[str] = mapped_column(String(30))
    # What the action is about within the order: a payment attempt or event id ("" for the order itself).
    subject: Mapped[str] = mapped_column(String(40), default="", server_default="")
    # The provider's evidence and reference for marking an attempt by hand.
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20))
    idempotency_key: Mapped[str] = mapped_column(String(64))
    requested_by_id: Mapped[str] = mapped_column(String(40))
    requested_by_email: Mapped[str] = mapped_column(String(320))
    requested_by_role: Mapped[str] = mapped_column(String(20))
    decided_by_id: Mapped[str | None] = mapped_column(String(40))
    decided_by_email: Mapped[str | None] = mapped_column(String(320))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str | None] = mapped_column(String(500))
    # What happened when it ran, in words (shown on the order page and its timeline).
    outcome: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
