from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


class MailDelivery:
    """The columns that send an email once (app/receipts/delivery.py): pending (not tried yet), sending (claimed by
    a job until ``claimed_until``), sent, failed (the SMTP server did not take it; tried again at
    ``next_attempt_at`` unless ``attempts`` ran out)."""

    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_id: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ReceiptEmail(MailDelivery, db.Model):
    """The email receipt of one order: one row per order (the primary key), so it is sent at most once."""

    __tablename__ = "receipt_emails"
    # The sweep reads receipts still to send, by when they are due.
    __table_args__ = (Index("ix_receipt_emails_status_next", "status", "next_attempt_at"),)

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40), index=True)
    recipient: Mapped[str] = mapped_column(String(320))


class SubscriptionEmail(MailDelivery, db.Model):
    """One email to a subscriber about one subscription event (app/receipts/subscription_sending.py): the unique
    key on (event, recipient) is what sends it once, whatever the outbox or the jobs repeat. ``kind`` is what it
    says: payment_failed, trial_ending, canceled, paused, mandate_revoked or payment_refunded. ``status`` may also
    be skipped: what it would say stopped being true before it could go out (the renewal was paid, the trial ended),
    or the merchant turned the emails off."""

    __tablename__ = "subscription_emails"
    __table_args__ = (
        UniqueConstraint("event_id", "recipient", name="uq_subscription_emails_event_recipient"),
        # An email said once per contract whatever the events (a revoked mandate's): its claim.
        Index("uq_subscription_emails_once", "subscription_id", "once_key", unique=True),
        Index("ix_subscription_emails_status_next", "status", "next_attempt_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"))
    subscription_id: Mapped[str] = mapped_column(ForeignKey("subscriptions.id"), index=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str] = mapped_column(String(320))
    # Set for an email sent once per contract and this key, whichever event asks first (``mandate_revoked:<mandate>``):
    # the unique key is the claim, so two outbox runs at the same instant cannot both send it. None: once per event.
    once_key: Mapped[str | None] = mapped_column(String(200))


class InvitationEmail(MailDelivery, db.Model):
    """The email carrying one team invitation's link: one row per invitation (a resend is a new invitation), so each
    link is mailed at most once."""

    __tablename__ = "invitation_emails"
    __table_args__ = (Index("ix_invitation_emails_status_next", "status", "next_attempt_at"),)

    invitation_id: Mapped[str] = mapped_column(ForeignKey("team_invitations.id"), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40), index=True)
    recipient: Mapped[str] = mapped_column(String(320))
