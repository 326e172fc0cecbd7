"""Reconciliation runs and the discrepancies they found (secret key only)."""

from __future__ import annotations

import re
from datetime import date as calendar_day
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema

from app.web.api.models.fields import (
    Answer,
    Cursor,
    Limit,
    NullableTime,
    QueryModel,
    RequestModel,
    Time,
    _custom,
    page_of,
)

DiscrepancyKind = Literal["missing_in_kassa", "missing_at_provider", "amount_mismatch", "status_mismatch", "duplicate"]
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_CURRENCY_CODE = {"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]}


def _day(value: str) -> str:
    try:
        if _DAY.match(value):
            calendar_day.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise _custom("{param} must be a day in the form YYYY-MM-DD")


Day = Annotated[
    str,
    Field(strict=True),
    AfterValidator(_day),
    WithJsonSchema({"type": "string", "format": "date", "examples": ["2026-11-26"]}),
]
# In an answer: the UTC day, YYYY-MM-DD.
AnswerDay = Annotated[str, WithJsonSchema({"type": "string", "format": "date", "examples": ["2026-11-26"]})]


class ReconciliationRunInput(RequestModel):
    channel: str = Field(strict=True, description="a channel that publishes statements, e.g. sandbox_card")
    date: Day = Field(description="the UTC day to reconcile, not in the future")


class ReconciliationRunCounts(Answer):
    """How many discrepancies of each kind the run found."""

    missing_in_kassa: int
    missing_at_provider: int
    amount_mismatch: int
    status_mismatch: int
    duplicate: int


class ReconciliationRun(Answer):
    """A channel's statement of one day matched against Kassa's records; poll until status is done or failed."""

    id: str
    object: Literal["reconciliation_run"]
    channel: str
    date: AnswerDay
    status: Literal["running", "done", "failed"]
    lines: int = Field(description="statement lines that are this merchant's")
    matched: int
    discrepancies: ReconciliationRunCounts
    auto_resolved: int = Field(description="settled by asking the provider")
    failure_reason: str | None
    created_at: Time
    finished_at: NullableTime


ReconciliationRunList = page_of(ReconciliationRun, "ReconciliationRunList")


class DiscrepancySide(Answer):
    """What one side (Kassa or the provider) says of the line."""

    amount: int | None
    currency: Annotated[
        str | None,
        WithJsonSchema({"type": ["string", "null"], "pattern": "^[a-z]{3}$", "examples": ["usd"]}),
    ] = Field(description="the currency that side booked the amount in; null when it has no amount")
    status: str | None
    fee: int | None = Field(
        description="the channel's fee on the line as the statement writes it (kept on a capture, negative when "
        "given back on a refund or a dispute's withdrawal, positive on a won dispute's reversal); null unless both "
        "sides call the line succeeded"
    )


class Discrepancy(Answer):
    """One thing a channel's statement and Kassa disagree on."""

    id: str
    object: Literal["discrepancy"]
    run: str = Field(description="the run that first found it")
    channel: str
    date: AnswerDay
    kind: DiscrepancyKind
    line_type: Literal["capture", "refund", "payout", "dispute", "dispute_fee", "dispute_reversal", "adjustment"] = (
        Field(
            description="adjustment: any other movement on the provider's balance (a refund failure, the provider's "
            "own fees), which Kassa books nothing for"
        )
    )
    reference: str = Field(
        description="what the line (or Kassa's record) is called: the reference Kassa sent, the provider's "
        "dispute id on a dispute's lines, the provider's refund id on a refund Kassa never made, or the provider's "
        "id on a line that names nothing of Kassa's"
    )
    kassa_object: str | None = Field(
        description="the attempt, refund, payout, dispute or order it concerns (the disputed or refunded payment, "
        "for a dispute or refund Kassa has no record of); null when the line names nothing of Kassa's"
    )
    provider_id: str | None
    currency: Annotated[str, WithJsonSchema(_CURRENCY_CODE)] = Field(
        description="the provider line's currency (Kassa's record's when no line lists it); each side's own is in "
        "kassa.currency and provider.currency"
    )
    kassa: DiscrepancySide
    provider: DiscrepancySide
    status: Literal["open", "resolved"]
    resolution: Literal["auto", "corrected", "accepted", "written_off"] | None
    resolution_note: str | None
    resolved_by: str | None
    resolved_at: NullableTime
    created_at: Time


DiscrepancyList = page_of(Discrepancy, "DiscrepancyList")


class ReconciliationRunListQuery(QueryModel):
    limit: Limit()
    starting_after: Cursor("rcn") | None = None
    channel: str | None = Field(default=None, description="only the runs of this channel")


class DiscrepancyListQuery(QueryModel):
    limit: Limit(maximum=1000)
    starting_after: Cursor("dsc") | None = None
    status: Literal["open", "resolved"] | None = None
    kind: DiscrepancyKind | None = None
