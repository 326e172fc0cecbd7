"""A customer's personal data: erasing it (a shopper's erasure request) and exporting all of it (a shopper's access
request)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.web.api.models.fields import Answer, NullableTime, SchemaRef, Time
from app.web.api.models.subscriptions import Subscription


class CustomerErasure(Answer):
    """What one erasure blanked."""

    id: str
    object: Literal["customer_erasure"]
    customer: str
    livemode: bool
    erased: dict[str, int] = Field(
        description="records blanked, by kind (orders, subscriptions, checkout_sessions, emails, refund_requests, "
        "payments, integration_logs, refunds, timeline_entries, risk_assessments, webhook_attempts, events, "
        "api_request_logs, idempotent_responses, notes, audit_entries, risk_counters)"
    )
    created_at: Time


class CustomerExportRefundRequest(Answer):
    id: str
    order: str
    reason: str
    status: str
    ip: str | None = None
    device: str | None = None
    created: Time


class CustomerExportEmail(Answer):
    kind: Literal["receipt", "payment_failed", "trial_ending", "canceled", "paused"]
    order: str | None = Field(default=None, description="a receipt's order")
    subscription: str | None = Field(default=None, description="a subscription email's contract")
    recipient: str
    created: Time
    status: str = Field(
        description="pending, sending, sent, failed, skipped, or withheld (test mode: not sent to an address outside "
        "the merchant's team)"
    )
    reason: str | None = Field(default=None, description="why it was not sent")
    sent_at: NullableTime = None


class CustomerExport(Answer):
    """Everything Kassa holds about one customer, as one document."""

    object: Literal["customer_export"]
    customer: str
    livemode: bool
    modes: list[Literal["live", "test"]]
    generated_at: Time
    orders: list[SchemaRef("Order")]
    subscriptions: list[Subscription]
    entitlements: dict[str, SchemaRef("Entitlements")] = Field(description="by mode (live, test)")
    wallet: dict[str, SchemaRef("CustomerBalance")] = Field(description="by mode")
    withdrawals: list[SchemaRef("Withdrawal")]
    transfers: list[SchemaRef("Transfer")] = Field(description="sent or received")
    checkout_sessions: list[SchemaRef("CheckoutSessionEventObject")] = Field(
        description="as their events carry them: no url or client_secret"
    )
    refund_requests: list[CustomerExportRefundRequest]
    emails: list[CustomerExportEmail]
    erasures: list[CustomerErasure]
