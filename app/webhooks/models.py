"""Webhook endpoints, one delivery per (endpoint, event), and every attempt at it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow

DELIVERY_STATUSES = ("pending", "succeeded", "failed")
RESPONSE_EXCERPT_CHARS = 500


class WebhookEndpoint(db.Model):
    __tablename__ = "webhook_endpoints"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    # Test or live, like the key (or portal mode) that made it: it receives only its mode's events, and only keys
    # of its mode see or change it, so a leaked test key can neither hear live events nor touch a live endpoint.
    livemode: Mapped[bool] = mapped_column(default=False, server_default=false())
    url: Mapped[str] = mapped_column(String(2000))
    events: Mapped[list] = mapped_column(JSON)  # event types, or ["*"]
    # Kept in clear text because every delivery is signed with it; shown to the merchant once.
    secret: Mapped[str] = mapped_column(String(100))
    # After a roll the old secret still signs (a second v1) until previous_expires_at, so the merchant's
    # servers can switch without dropping a delivery.
    previous_secret: Mapped[str | None] = mapped_column(String(100))
    previous_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    rolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When a portal user last asked to see the secret again (each reveal is audited).
    revealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    enabled: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Deleted endpoints are kept (not removed) so their delivery history stays readable.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def wants(self, event_type: str) -> bool:
        """Whether this endpoint subscribed to ``event_type``."""
        return "*" in self.events or event_type in self.events

    @property
    def active(self) -> bool:
        return self.enabled and self.deleted_at is None

    def signing_secrets(self, now: datetime) -> list[str]:
        """The secrets a delivery sent at ``now`` is signed with: the current one, then the rolled one in its
        overlap."""
        if self.previous_secret and self.previous_expires_at is not None and self.previous_expires_at > now:
            return [self.secret, self.previous_secret]
        return [self.secret]


# An endpoint's changes change which events its merchant's outbox must hand on (app/webhooks/fanout.py).
watch(WebhookEndpoint)


class WebhookDelivery(db.Model):
    """One event on its way to one endpoint. The unique pair makes a repeated fan-out harmless."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_id"),
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    endpoint_id: Mapped[str] = mapped_column(ForeignKey("webhook_endpoints.id"))
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    # While an attempt is in flight this is its lease end, so the sweep leaves it alone.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    first_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_status_code: Mapped[int | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class WebhookDeliveryAttempt(db.Model):
    """What happened on one POST: the portal shows these, newest first."""

    __tablename__ = "webhook_delivery_attempts"

    delivery_id: Mapped[str] = mapped_column(ForeignKey("webhook_deliveries.id"), primary_key=True)
    number: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    status_code: Mapped[int | None] = mapped_column()
    error: Mapped[str | None] = mapped_column(String(500))
    duration_ms: Mapped[int] = mapped_column()
    response_excerpt: Mapped[str | None] = mapped_column(String(RESPONSE_EXCERPT_CHARS))
    manual: Mapped[bool] = mapped_column(default=False)  # a resend by hand
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
