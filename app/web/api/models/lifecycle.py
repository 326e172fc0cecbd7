"""An order's life after payment: refunds (and their retry), confirming a fulfilled order, a customer's
entitlements."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, WithJsonSchema

from app.payments.refunds.services import MAX_REASON_LENGTH
from app.web.api.models.fields import Answer, NullableTime, RequestModel, Time

# A currency in an answer: always one the server took in (lowercase ISO 4217).
_Iso = Annotated[str, WithJsonSchema({"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]})]


class RefundInput(RequestModel):
    """What to give back; an empty body refunds all that remains."""

    # strict: true, 1.0 or "100" is not an amount (the service refuses them too)
    amount: int | None = Field(default=None, ge=1, strict=True, description="minor units; default: all that remains")
    reason: str | None = Field(
        default=None, max_length=MAX_REASON_LENGTH, description="the merchant's words, shown with the refund"
    )


class FulfilmentReportInput(RequestModel):
    """How the merchant's system ended a fulfilment it took to deliver later (its webhook answered 202)."""

    status: Literal["succeeded", "failed"] = Field(
        description="succeeded: the order is fulfilled (and confirmed later, as any); failed: Kassa refunds it"
    )
    reason: str | None = Field(
        default=None, max_length=500, description="why it failed (or a note), kept on the order's timeline"
    )
    sub_order: str | None = Field(
        default=None,
        max_length=40,
        description="one part of a split order (so_…): succeeded delivers that part (the order is fulfilled once "
        "every live part is); failed refunds what remains of it and ends it failed. Left out: the whole order",
    )


class SubOrderCancelInput(RequestModel):
    """Why one part of a paid order is canceled; an empty body is fine."""

    reason: str | None = Field(
        default=None, max_length=MAX_REASON_LENGTH, description="the merchant's words, shown with the refund"
    )


class RefundRisk(Answer):
    score: int = Field(ge=0, le=100)
    reasons: list[str]


class Refund(Answer):
    """A refund of an order, through the channel that captured it."""

    id: str
    object: Literal["refund"]
    order: str
    payment: str
    sub_order: str | None = Field(None, description="the sub-order refunded on its own; null: the order as a whole")
    amount: int = Field(ge=1)
    currency: _Iso
    status: Literal["pending", "succeeded", "failed"]
    reason: str | None = Field(description="null for a publishable key (the merchant's words)")
    failure_reason: str | None = Field(description="null for a publishable key")
    created_at: Time
    risk: RefundRisk | None = Field(
        description="the customer's refund-abuse score when the refund was asked for (recorded, never refusing "
        "the merchant's refund); null for a publishable key"
    )


class RefundResponse(Answer):
    """The refund: pending while the provider's answer is unknown (the order stays refunding and Kassa resolves it
    by the refund's reference); failed if the channel refused: retry it."""

    refund: Refund


class EntitlementsMembership(Answer):
    active: bool
    until: Time


class EntitlementsTakenBack(Answer):
    credits: int = Field(ge=0)
    membership_days: int = Field(ge=0)
    at: Time


class EntitlementsGrant(Answer):
    order: str
    kind: Literal["membership", "credits"]
    membership_days: int | None
    credits: int | None
    membership_until: NullableTime
    granted_at: Time
    taken_back: EntitlementsTakenBack | None = Field(
        description="what a full refund of the order took back (what the customer still held)"
    )


class Entitlements(Answer):
    """What a customer holds: membership end, credit balance, grants."""

    object: Literal["entitlements"]
    customer: str
    livemode: bool
    membership: EntitlementsMembership | None
    credits: int = Field(ge=0)
    grants: list[EntitlementsGrant]
