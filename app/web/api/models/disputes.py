"""Disputes (chargebacks) of the merchant's captured payments: the list's filters, the evidence, the dispute."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.payments.disputes.services import MAX_EVIDENCE_LENGTH
from app.web.api.models.fields import Answer, Cursor, Limit, NullableTime, QueryModel, RequestModel, Time, page_of

DisputeStatus = Literal["needs_response", "under_review", "won", "lost"]
_Iso = Annotated[str, WithJsonSchema({"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]})]


class DisputeListQuery(QueryModel):
    limit: Limit()
    starting_after: Cursor("dp") = None
    status: DisputeStatus = Field(default=None, description="only disputes in this status")
    order: str = Field(default=None, description="only the disputes of this order (ord_…)")


def _evidence(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("kassa", f"{{param}} must be the evidence, 1 to {MAX_EVIDENCE_LENGTH} characters")
    return text


class DisputeEvidenceInput(RequestModel):
    text: Annotated[str, AfterValidator(_evidence)] = Field(
        min_length=1,
        max_length=MAX_EVIDENCE_LENGTH,
        json_schema_extra={"pattern": r"\S"},
        description="the merchant's evidence, sent to the provider as it is (leading and trailing spaces dropped)",
    )


class Dispute(Answer):
    """A chargeback: the shopper's bank took the payment's money back, and the merchant may answer with evidence."""

    id: str
    object: Literal["dispute"]
    order: str
    payment: str
    channel: str
    amount: int = Field(ge=1, description="what the shopper's bank took back (minor units)")
    currency: _Iso
    reason: str
    status: DisputeStatus
    evidence: str | None = Field(
        description="what the merchant sent the provider (null in the events a publishable key reads)"
    )
    evidence_due_by: NullableTime = Field(
        description="evidence is taken until then, while the status is needs_response"
    )
    fee: int = Field(ge=0, description="the channel's dispute fee, kept whatever the outcome")
    livemode: bool
    created_at: Time
    closed_at: NullableTime


DisputeList = page_of(Dispute, "DisputeList")
