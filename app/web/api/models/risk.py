"""Risk control (app/risk): list entries, rules and their preview, a shopper's refund request and the review
decision on a held order. The per-kind checks of a rule's params and of a list value (an email needs an @, an ip
entry an address or a CIDR range) stay in app/risk, which the portal's forms reach too."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, StrictBool, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.risk.lists import ACTIONS as LIST_ACTIONS
from app.risk.lists import KINDS as LIST_KINDS
from app.risk.review import DECISIONS
from app.risk.rules import ACTIONS as RULE_ACTIONS
from app.risk.rules import KINDS as RULE_KINDS
from app.web.api.models.fields import (
    Answer,
    Cursor,
    Limit,
    NullableTime,
    QueryModel,
    RequestModel,
    RequestTime,
    Time,
    page_of,
)

ListKind = Literal[LIST_KINDS]  # type: ignore[valid-type]
ListAction = Literal[LIST_ACTIONS]  # type: ignore[valid-type]
RuleKind = Literal[RULE_KINDS]  # type: ignore[valid-type]
RuleAction = Literal[RULE_ACTIONS]  # type: ignore[valid-type]

_MODE = (
    "the mode the entry or rule belongs to: each mode has its own lists and rules, which only its keys read and "
    "change, and only its orders are assessed by"
)
_PARAMS = (
    "velocity: {by: customer|email|ip|device, window_seconds, max_count or max_amount with currency?}; "
    "amount_limit: {max_amount, currency?}; first_purchase_limit: {max_amount, currency?} (max_amount: minor units; "
    "with currency the rule applies to orders in it only, without it the same number in every currency); "
    "refund_abuse: {approve_below, deny_from} (scores 0-100 of shopper refund requests); "
    "currency_country_mismatch: {currencies: {usd: [US, CA], …}} (the shopper's country from "
    "TRUSTED_COUNTRY_HEADER); velocity (by customer) and amount_limit take applies_to: orders (default) or "
    "withdrawals (wallet withdrawals instead of orders)"
)


def _blank_is_absent(value: object) -> object:
    # A query parameter sent empty (?kind=&value=, as a form sends it) filters nothing, as it always did.
    return None if value == "" else value


def _only_named_fields(schema: dict[str, Any]) -> None:
    """No field but those named, and none null: one left out stays unchanged (no ``default: null`` to show)."""
    schema["additionalProperties"] = False
    for prop in schema.get("properties", {}).values():
        if prop.get("default", ...) is None:
            del prop["default"]


def _query_parameters(schema: dict[str, Any]) -> None:
    """A query parameter is left out, never null: each is shown as the value it takes when sent."""
    for name, prop in schema.get("properties", {}).items():
        options = prop.get("anyOf", [])
        if {"type": "null"} in options and len(options) == 2:
            given = next(option for option in options if option != {"type": "null"})
            schema["properties"][name] = {**given, **{k: v for k, v in prop.items() if k not in ("anyOf", "default")}}


def _reason(value: str) -> str:
    if not value.strip() or len(value) > 500:
        raise PydanticCustomError("kassa", "{param} must say why, in 1 to 500 characters")
    return value


class RiskListEntryInput(RequestModel):
    """A value to block, allow or send to review in the key's mode."""

    kind: ListKind
    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=320)] = Field(
        description="ip accepts an address or a CIDR range; leading and trailing spaces are dropped, emails and "
        "domains lower-cased"
    )
    action: ListAction
    expires_at: RequestTime | None = Field(default=None, description="ISO 8601 or unix seconds, in the future")
    note: Annotated[str, Field(max_length=500)] | None = None


class RiskListEntryListQuery(QueryModel):
    model_config = ConfigDict(extra="ignore", frozen=True, json_schema_extra=_query_parameters)

    kind: Annotated[ListKind | None, BeforeValidator(_blank_is_absent)] = Field(
        default=None, description="only entries of this kind"
    )
    value: str | None = Field(
        default=None,
        description="only entries of this value (with kind: as that kind stores it, e.g. a lower-cased email)",
    )
    limit: Limit()
    starting_after: Annotated[Cursor("rle") | None, BeforeValidator(_blank_is_absent)] = None


class RiskListEntry(Answer):
    """A block, allow or review list entry of one mode."""

    id: str
    object: Literal["risk_list_entry"]
    kind: ListKind
    value: str
    action: ListAction
    expires_at: NullableTime
    note: str | None
    livemode: bool = Field(description=_MODE)
    created_at: Time


RiskListEntryList = page_of(RiskListEntry, "RiskListEntryList")


class RiskImportError(Answer):
    line: int = Field(description="the line of the CSV, counting from 1")
    message: str


class RiskImportReport(Answer):
    """What a CSV import did."""

    imported: int
    skipped: int = Field(description="lines whose kind and value were already listed in this mode")
    errors: list[RiskImportError]


class RiskRuleInput(RequestModel):
    """A rule for the key's mode's orders (or wallet withdrawals)."""

    kind: RuleKind
    params: dict[str, Any] = Field(description=_PARAMS)
    action: RuleAction


class RiskRuleUpdate(RequestModel):
    """What a rule may change; a field left out stays as it is."""

    # Unknown fields stay a 400 naming them (app/risk/rules.py): a rule's kind cannot change, and a client sending
    # one must not believe it did.
    model_config = ConfigDict(extra="allow", frozen=True, json_schema_extra=_only_named_fields)

    params: dict[str, Any] = Field(default=None, description=_PARAMS)
    action: RuleAction = None  # type: ignore[assignment]
    enabled: StrictBool = None  # type: ignore[assignment]


class RiskRule(Answer):
    """A risk rule of one mode."""

    id: str
    object: Literal["risk_rule"]
    kind: RuleKind
    params: dict[str, Any]
    action: RuleAction
    enabled: bool
    livemode: bool = Field(description=_MODE)
    created_at: Time


class RiskRuleList(Answer):
    """Every rule of the key's mode, in creation order (one page: a mode holds at most 100)."""

    object: Literal["list"]
    data: list[RiskRule]
    has_more: Literal[False]


class RiskRulePreview(Answer):
    """What the rule would have flagged of the mode's orders of the last 30 days; nothing was saved."""

    object: Literal["risk_rule_preview"]
    since_days: int
    orders: int = Field(description="the orders of the window")
    would_flag: int
    action: RuleAction
    examples: list[str] = Field(description="up to 20 order ids")


class ReviewDecision(RequestModel):
    """The merchant's decision on what risk held for review: approve lets it through, reject refunds it."""

    decision: Literal[DECISIONS]  # type: ignore[valid-type]


class RefundRequestInput(RequestModel):
    reason: Annotated[
        str,
        AfterValidator(_reason),
        WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 500, "pattern": "\\S"}),
    ] = Field(description="why the shopper asks, in 1 to 500 characters")
    client_secret: str | None = Field(default=None, description="the order's client secret, with a publishable key")


class RefundRequest(Answer):
    id: str
    object: Literal["refund_request"]
    status: Literal["approved", "review", "denied"]
    score: int | None = Field(
        ge=0,
        le=100,
        description="the abuse score (secret key); null for a publishable key: against the status it would tell the "
        "merchant's refund_abuse cut-offs",
    )
    reasons: list[str] = Field(
        description="why it scored so (secret key); empty for a publishable key, the shopper's browser: they name the "
        "signals a fraud ring would change"
    )
    refund: str | None = Field(description="the refund made at once, when approved")


class RefundRequestCreated(Answer):
    """The request, scored: approved (refunded in full at once), review (held for the merchant) or denied."""

    refund_request: RefundRequest


class RiskReview(Answer):
    decision: Literal["approve", "reject"]
    by: str = Field(
        description='who decided (api, system:review-expiry, a portal user\'s email); "merchant" for a publishable key'
    )
    at: Time


class RiskAssessment(Answer):
    """What the merchant's risk settings made of an order or a withdrawal."""

    decision: Literal["allow", "review", "block"]
    score: int = Field(ge=0, le=100)
    reasons: list[str] = Field(
        description="why, in the merchant's words (its rules, its list entries' notes): read with the secret key; "
        "empty for a publishable key, the shopper's browser"
    )
    review: RiskReview | None = Field(default=None, description="the decision on a held order, once made")
