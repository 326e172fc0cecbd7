"""Coupons (secret key): create one or a generated batch, list, read, change, deactivate, and read their uses."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StrictBool, StrictInt

from app.catalog.coupon_models import DURATIONS, KINDS
from app.catalog.coupon_options import MAX_CHANNELS, MAX_PERIODS
from app.catalog.coupons import MAX_BULK, MAX_COUNT
from app.web.api.models.catalog import AnyCaseCurrency
from app.web.api.models.fields import (
    Answer,
    Cursor,
    Limit,
    Money,
    NullableTime,
    QueryModel,
    RequestModel,
    RequestTime,
    Time,
    page_of,
)

Count = Annotated[StrictInt, Field(ge=1, le=MAX_COUNT)]
Amount = Annotated[StrictInt, Field(ge=1)]


class Tier(RequestModel):
    min_quantity: StrictInt = Field(ge=2)
    percent_bps: StrictInt = Field(ge=1, le=10_000)


def _needs(kind: str, *fields: str) -> dict:
    """A kind's fields, present and not null."""
    present = {name: {"not": {"type": "null"}} for name in fields}
    return {
        "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
        "then": {"required": list(fields), "properties": present},
    }


class CouponTerms(RequestModel):
    """What a coupon takes off and when it may be used (the terms a generated batch shares)."""

    # Which fields each kind needs, and that duration_in_periods goes with a repeating duration only: said in the
    # document as the services check it, so a client (or a fuzzer) reading the schema sends what is taken.
    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [
                _needs("amount_off", "amount_off", "currency"),
                _needs("spend_and_save", "amount_off", "currency", "min_subtotal"),
                _needs("percent_off", "percent_bps"),
                _needs("volume", "tiers"),
                {  # a cap is an amount: in a currency
                    "if": {"properties": {"max_discount": {"type": "integer"}}, "required": ["max_discount"]},
                    "then": {"required": ["currency"], "properties": {"currency": {"not": {"type": "null"}}}},
                },
                {
                    "if": {"properties": {"duration": {"const": "repeating"}}, "required": ["duration"]},
                    "then": {
                        "required": ["duration_in_periods"],
                        "properties": {"duration_in_periods": {"not": {"type": "null"}}},
                    },
                    "else": {"not": {"required": ["duration_in_periods"]}},
                },
            ]
        }
    )

    kind: Literal[KINDS] = Field(  # type: ignore[valid-type]
        description="amount_off, percent_off, spend_and_save (amount_off once min_subtotal is reached), "
        "volume (a percentage per line by quantity: tiers)"
    )
    description: Annotated[str, Field(max_length=200)] | None = Field(
        default=None, description="the discount line shoppers see (default: the terms in short)"
    )
    currency: AnyCaseCurrency | None = Field(default=None, description="lowercase ISO 4217; needed with an amount")
    amount_off: Amount | None = Field(default=None, description="minor units (amount_off, spend_and_save)")
    percent_bps: Annotated[StrictInt, Field(ge=1, le=10_000)] | None = Field(
        default=None, description="basis points, 1–10000 (percent_off)"
    )
    max_discount: Amount | None = Field(default=None, description="a cap in minor units (percent_off)")
    min_subtotal: Amount | None = Field(default=None, description="minor units (spend_and_save)")
    tiers: Annotated[list[Tier], Field(min_length=1, max_length=20)] | None = Field(
        default=None, description="volume: [{min_quantity, percent_bps}]"
    )
    product_ids: list[str] | None = Field(default=None, description="only these products (empty: all)")
    sku_ids: list[str] | None = Field(default=None, description="only these SKUs (empty: all)")
    channels: Annotated[list[str], Field(max_length=MAX_CHANNELS)] | None = Field(
        default=None,
        description="payment channel codes the order may be paid with (empty: any); paying with another is refused",
    )
    automatic: StrictBool = Field(
        default=False,
        description="a promotion: applies without a code when its terms hold (the best one for the shopper, one "
        "discount per order)",
    )
    duration: Literal[DURATIONS] = Field(  # type: ignore[valid-type]
        default="once",
        description="for a subscription: once (its first order), repeating (also its first duration_in_periods "
        "renewals), forever (every renewal)",
    )
    duration_in_periods: Annotated[StrictInt, Field(ge=1, le=MAX_PERIODS)] | None = Field(
        default=None, description="repeating only: how many renewals it discounts"
    )
    valid_from: RequestTime | None = None
    valid_until: RequestTime | None = None
    max_redemptions: Count | None = Field(default=None, description="uses in all (each mode counts its own)")
    max_per_customer: Count | None = None


class CouponInput(CouponTerms):
    code: str = Field(max_length=64, description="1–64 letters, digits, '-' or '_'; stored upper case")


class CouponGenerateInput(CouponTerms):
    count: StrictInt = Field(ge=1, le=MAX_BULK, description="how many codes")
    prefix: Annotated[str, Field(max_length=40)] | None = Field(default=None, description="codes read PREFIX-XXXXXXXX")


class CouponUpdate(RequestModel):
    """Only what changes (the code and the discount stay: orders were priced with them); null clears a limit or a
    date."""

    description: Annotated[str, Field(max_length=200)] | None = None
    valid_from: RequestTime | None = None
    valid_until: RequestTime | None = None
    max_redemptions: Count | None = None
    max_per_customer: Count | None = None


class CouponListQuery(QueryModel):
    limit: Limit()  # type: ignore[valid-type]
    starting_after: Cursor("cpn") = None  # type: ignore[valid-type]
    active: Literal["true", "false"] = Field(default=None, description="only coupons (not) deactivated")
    code: Annotated[str, Field(max_length=64)] = Field(default=None, description="only codes that contain this")


class RedemptionListQuery(QueryModel):
    limit: Limit()  # type: ignore[valid-type]
    starting_after: Cursor("red") = None  # type: ignore[valid-type]


class CouponTier(Answer):
    min_quantity: int
    percent_bps: int


class Coupon(Answer):
    """A coupon, its terms and its uses by the key's mode's orders."""

    id: str = Field(examples=["cpn_1a2b3c"])
    object: Literal["coupon"]
    code: str
    kind: Literal[KINDS]  # type: ignore[valid-type]
    description: str = Field(description="the discount line shoppers see")
    currency: str | None
    amount_off: int | None
    percent_bps: int | None
    max_discount: int | None
    min_subtotal: int | None
    tiers: list[CouponTier] | None
    product_ids: list[str]
    sku_ids: list[str]
    channels: list[str] = Field(description="payment channels the order may be paid with; empty: any")
    automatic: bool
    duration: Literal[DURATIONS]  # type: ignore[valid-type]
    duration_in_periods: int | None
    valid_from: NullableTime
    valid_until: NullableTime
    max_redemptions: int | None
    max_per_customer: int | None
    times_redeemed: int = Field(description="uses by orders of the key's mode (closed unpaid orders give theirs back)")
    active: bool
    state: Literal["active", "scheduled", "expired", "used up", "deactivated"] = Field(
        description="whether a shopper can use it now, for the key's mode"
    )
    created_at: Time


CouponList = page_of(Coupon, "CouponList")


class CouponRedemption(Answer):
    """One order's use of a coupon."""

    id: str = Field(examples=["red_1a2b3c"])
    object: Literal["coupon_redemption"]
    coupon: str
    order: str
    customer: str
    amount: Money
    status: Literal["active", "released"] = Field(description="released: the order closed unpaid")
    created_at: Time
    released_at: NullableTime


CouponRedemptionList = page_of(CouponRedemption, "CouponRedemptionList")
