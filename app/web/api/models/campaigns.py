"""Campaigns that issue personal coupons, and the personal coupons in a customer's wallet."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.web.api.models.fields import (
    Answer,
    Cursor,
    IdOf,
    Limit,
    Money,
    MoneyInput,
    NullableTime,
    QueryModel,
    RequestModel,
    RequestTime,
    Time,
    page_of,
)

Rule = Literal["first_order", "paid_order", "subscription_start"]


class CampaignInput(RequestModel):
    """A new campaign: each time its rule fires for a customer while it runs and its budget lasts, that customer
    gets a single-use coupon with the template coupon's terms."""

    name: str = Field(min_length=1, max_length=120)
    rule: Rule = Field(
        description="first_order: a customer's first paid order; paid_order: every paid order (of at least "
        "min_amount); subscription_start: a subscription that becomes active. Only customers the merchant's server "
        "named (a secret key or a checkout session) earn coupons"
    )
    template_coupon: IdOf("cpn", "a coupon") = Field(
        description="the coupon whose terms every issued coupon copies (deactivate it if its own code should not "
        "be typed by anyone)"
    )
    starts_at: RequestTime | None = Field(default=None, description="default: now")
    ends_at: RequestTime | None = None
    max_issued: int | None = Field(default=None, ge=1, description="the most coupons it issues")
    max_discount_total: int | None = Field(
        default=None,
        ge=1,
        description="the most all its coupons can take off together, in minor units of the template's currency: "
        "each issued coupon reserves its ceiling (needs a template with one)",
    )
    min_amount: MoneyInput | None = Field(default=None, description="paid_order only: the least order total")
    coupon_valid_days: int | None = Field(
        default=None, ge=1, le=3650, description="each issued coupon's lifetime (default: the template's end)"
    )


class CampaignBudget(Answer):
    max_issued: int | None
    max_discount_total: int | None
    currency: str | None = Field(description="max_discount_total's currency")


class Campaign(Answer):
    """A campaign and how much of its budget it has spent."""

    id: str
    object: Literal["campaign"]
    livemode: bool
    name: str
    rule: Rule
    min_amount: Money | None
    template_coupon: str
    coupon_valid_days: int | None
    starts_at: Time
    ends_at: NullableTime
    status: Literal["scheduled", "running", "exhausted", "ended"]
    ended_at: NullableTime
    budget: CampaignBudget
    issued_count: int
    discount_committed: int = Field(description="the ceilings of the coupons issued so far, summed (minor units)")
    created_at: Time


CampaignList = page_of(Campaign, "CampaignList")


class CampaignListQuery(QueryModel):
    limit: Limit()
    starting_after: Cursor("cmp") = None


class PersonalCouponInput(RequestModel):
    """Issue one personal coupon to the customer."""

    coupon: IdOf("cpn", "a coupon") = Field(description="the coupon whose terms to issue (its template)")
    valid_days: int | None = Field(default=None, ge=1, le=3650, description="default: until the template's end")


class PersonalCoupon(Answer):
    """A single-use coupon only its customer's orders (of its mode) can use."""

    id: str
    object: Literal["coupon"]
    code: str = Field(description="what the shopper enters (or applies from their wallet at checkout)")
    description: str
    kind: str
    amount_off: int | None
    percent_bps: int | None
    max_discount: int | None
    min_subtotal: int | None
    currency: str | None
    customer: str
    livemode: bool
    valid_from: NullableTime
    valid_until: NullableTime
    created_at: Time


class PersonalCouponList(Answer):
    """The customer's coupons they can use now, soonest to expire first."""

    object: Literal["list"]
    data: list[PersonalCoupon]
    has_more: bool
