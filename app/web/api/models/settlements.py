"""Partners, settlements, their lines and their payouts (the books, secret key only)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema

from app.web.api.models.fields import (
    Answer,
    Cursor,
    Limit,
    Money,
    NotBlank,
    NullableTime,
    QueryModel,
    RequestModel,
    RequestTime,
    Time,
    _custom,
    page_of,
)

Cycle = Literal["daily", "weekly", "monthly"]
# An answer's currency: lowercase, as stored.
CurrencyCode = Annotated[str, WithJsonSchema({"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]})]
_MAX_ROW_ID = 2**63 - 1  # settlement lines are numbered by a 64-bit posting id
_PAYOUT_ACCOUNT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.\-/:]{3,99}$")


def _payout_account(value: str) -> str:
    if not _PAYOUT_ACCOUNT.match(value.strip()):
        raise _custom("{param} is the receiving account's reference: 4 to 100 letters, digits, spaces or _ . - / :")
    return value


PayoutAccount = Annotated[
    str,
    Field(strict=True),
    AfterValidator(_payout_account),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*[A-Za-z0-9][A-Za-z0-9 _.\-/:]{3,99}\s*$",
            "examples": ["acct_studio_0001"],
        }
    ),
]
# Trimmed before it is measured, as the partner is stored.
PartnerName = Annotated[
    str,
    Field(strict=True),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    NotBlank(),
]
ReserveBps = Annotated[
    int,
    Field(
        strict=True,
        ge=0,
        le=10_000,
        description="rolling reserve of the key's mode: share of each settlement's new takings held back "
        "(a released reserve is paid out whole)",
    ),
]
ReserveDays = Annotated[int, Field(strict=True, ge=0, le=365)]
_PAYOUT_ACCOUNT_INPUT = (
    "where the key's mode's payouts go at the provider (a test key sets the test account, never the live one): "
    "4-100 letters, digits, spaces or _ . - / :"
)


class PartnerInput(RequestModel):
    """A partner to add: its payout account and reserve are those of the key's mode."""

    name: PartnerName
    payout_account: PayoutAccount | None = Field(default=None, description=_PAYOUT_ACCOUNT_INPUT)
    cycle: Cycle = "daily"
    reserve_bps: ReserveBps = 0
    reserve_days: ReserveDays = 0


def _no_default(schema: dict) -> None:
    schema.pop("default", None)


def _omittable() -> Any:
    """A field that may be left out but, sent, must not be null: the default stands for "not sent" alone."""
    return Field(default=None, json_schema_extra=_no_default)


class PartnerPatch(RequestModel):
    """What to change; a field left out stays as it is (self has no name of its own: one sent is ignored)."""

    name: PartnerName = _omittable()
    payout_account: PayoutAccount | None = Field(default=None, description=_PAYOUT_ACCOUNT_INPUT + "; null removes it")
    cycle: Cycle = _omittable()
    reserve_bps: ReserveBps = _omittable()
    reserve_days: ReserveDays = _omittable()


class Partner(Answer):
    """A party the merchant shares revenue with; self is the merchant itself."""

    id: str = Field(description="self for the merchant itself")
    object: Literal["partner"]
    name: str
    payout_account: str | None = Field(
        description="the key's mode's: under a test key the test account, which only test settlements pay to"
    )
    cycle: Cycle
    reserve_bps: int
    reserve_days: int
    self: bool
    created_at: Time


PartnerList = page_of(Partner, "PartnerList")


class Payout(Answer):
    """Money sent to a partner's (or a customer's) payout account."""

    id: str
    object: Literal["payout"]
    status: Literal["pending", "unknown", "paid", "failed"]
    amount: int
    currency: CurrencyCode
    destination: str | None
    channel: str
    provider_reference: str | None
    tries: int
    failure_reason: str | None
    created_at: Time
    paid_at: NullableTime


class SettlementLinePart(Answer):
    """One business line's part of a settlement."""

    business_line: str | None = Field(description="the line's id (bl_…); null: the merchant's default")
    gross: int
    fees: int
    refunds: int
    adjustments: int
    net: int


class Settlement(Answer):
    """A partner's takings of one window and currency, with the payout that pays them."""

    id: str
    object: Literal["settlement"]
    partner: str
    livemode: bool
    period_start: NullableTime
    period_end: Time
    currency: CurrencyCode
    gross: int = Field(description="the partner's shares")
    refunds: int = Field(description="shares given back on refunds (positive)")
    fees: int = Field(description="channel and platform fees borne (positive)")
    adjustments: int = Field(description="reserves released and other adjustments (signed)")
    reserve_held: int
    net: int = Field(description="gross - fees - refunds + adjustments")
    payout_amount: int = Field(description="net less the reserve held back")
    line_count: int
    status: Literal["pending", "paying", "paid", "failed"]
    created_at: Time
    paid_at: NullableTime
    payout: Payout | None
    business_lines: list[SettlementLinePart] | None = Field(
        default=None,
        description="GET /settlements/{id} of a merchant with business lines: what each line made of the net "
        "(the parts add up to net; business_line null: lines of no line, and reserves released)",
    )


SettlementList = page_of(Settlement, "SettlementList")


class SettlementLine(Answer):
    """A line of a settlement's statement."""

    id: int = Field(
        description="the posting's: a partner's gross share of an order line and the fee it bears share one "
        "and always come on the same page",
        json_schema_extra={"format": "int64"},
    )
    order: str | None
    sub_order: str | None
    sku: str | None
    kind: Literal["share", "fee", "refund", "adjustment"]
    detail: str | None = Field(description="the ledger's own kind, e.g. reserve or reserve_release")
    amount: Money
    available_at: NullableTime


SettlementLineList = page_of(SettlementLine, "SettlementLineList")


class SettlementRunInput(RequestModel):
    until: RequestTime | None = Field(
        default=None,
        description="unix seconds or ISO 8601, at most 730 days from now: settle lines available before this "
        "instead of each partner's cycle",
    )


class SettlementRun(Answer):
    """The settlements cut."""

    object: Literal["settlement_run"]
    settlements: list[str]


class SettlementListQuery(QueryModel):
    limit: Limit()
    starting_after: Cursor("stl") | None = None
    partner: str | None = Field(default=None, description="a partner's id (self: the merchant's own share)")
    status: Literal["pending", "paying", "paid", "failed"] | None = None


def _line_cursor(value: str) -> int:
    if not (value.isascii() and value.isdigit() and len(value) <= 19 and int(value) <= _MAX_ROW_ID):
        raise _custom("{param} is the id of the last line you have")
    return int(value)


LineCursor = Annotated[
    str,
    AfterValidator(_line_cursor),
    WithJsonSchema({"type": "string", "pattern": "^[0-9]{1,19}$", "description": "the id of the last line you have"}),
]


class SettlementLineQuery(QueryModel):
    limit: Limit(maximum=1000)
    starting_after: LineCursor | None = None
