"""Subscriptions (app/signing): recurring contracts and their first order, and the self-service billing links of a
customer. Times are ISO 8601 UTC, as everywhere."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, StrictBool, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.errors import InvalidRequest
from app.orders.customers import MAX_CUSTOMER_ID
from app.payments.attempts.returns import MAX_RETURN_URL_LENGTH
from app.platform.http.urls import check_http_url
from app.web.api.models.fields import (
    Answer,
    Currency,
    Cursor,
    IdOf,
    Limit,
    Money,
    NullableTime,
    QueryModel,
    RequestModel,
    SchemaRef,
    Time,
    http_url_schema,
    page_of,
)
from app.web.api.models.orders import OrderAgreement

SUBSCRIPTION_STATUSES = Literal["pending", "trialing", "active", "past_due", "paused", "canceled", "expired"]


def _kassa(message: str) -> PydanticCustomError:
    # "{param}" is filled with the field's name as the client sent it (app/web/api/model_errors.py).
    return PydanticCustomError("kassa", message)


def _customer_id(value: str) -> str:
    if not value.strip() or len(value) > MAX_CUSTOMER_ID:
        raise _kassa(f"{{param}} must be a non-empty string of at most {MAX_CUSTOMER_ID} characters")
    return value


# The merchant's own reference for a customer (app/orders/customers.py): not blank, at most 200 characters.
CustomerId = Annotated[
    str,
    AfterValidator(_customer_id),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_CUSTOMER_ID, "pattern": "\\S"}),
]

# One @ with something on each side, no whitespace or control character (app/orders/customers.py).
_EMAIL_PATTERN = "^[^@\\s\\x00-\\x1f\\x7f]+@[^@\\s\\x00-\\x1f\\x7f]+$"
CustomerEmail = Annotated[
    str,
    Field(max_length=320, pattern=_EMAIL_PATTERN),
]


def _return_url(value: str) -> str:
    try:
        return check_http_url(
            value, "{param}", max_length=MAX_RETURN_URL_LENGTH, example="https://shop.example/account"
        )
    except InvalidRequest as error:
        raise _kassa(error.message) from None


ReturnUrl = Annotated[
    str,
    AfterValidator(_return_url),
    WithJsonSchema(http_url_schema(MAX_RETURN_URL_LENGTH)),
]


class SubscriptionCustomerInput(RequestModel):
    """Who signs the contract."""

    id: CustomerId = Field(
        description="secret key: the customer. Publishable key: only the merchant's reference for an unverified "
        "customer (never their wallet), at most 197 characters, kept as pk:<id>"
    )
    email: CustomerEmail | None = Field(default=None, description="where the receipts and the subscription's emails go")


def _agreement_required(schema: dict[str, Any]) -> None:
    # A missing or false agreement_accepted is API.md's 422 agreement_required (the order service says so), not a
    # 400: the model lets it through, and the document still says it must be sent, as true.
    schema.setdefault("required", []).append("agreement_accepted")


class SubscriptionInput(RequestModel):
    """Open a subscription."""

    model_config = ConfigDict(json_schema_extra=_agreement_required)

    sku: IdOf("sku", "a SKU") = Field(description="a SKU with subscription terms")
    customer: SubscriptionCustomerInput | None = Field(
        default=None,
        description="required with a secret key; with a publishable key, left out (or null) the contract is a guest's",
    )
    agreement_accepted: Annotated[Any, WithJsonSchema({"const": True})] = Field(
        default=None, description="the customer accepted the agreement: true (else 422 agreement_required)"
    )
    test_clock: IdOf("clock", "a test clock") | None = Field(
        default=None, description="test keys only: the contract lives on this clock"
    )
    coupon: str | None = Field(
        default=None,
        description="a coupon code: it discounts the first order only; every renewal charges the SKU's price",
    )
    currency: Currency | None = Field(
        default=None,
        description="price the SKU in this currency (lowercase ISO 4217, e.g. eur); it must have a price there, "
        "else 400 currency_unavailable (param currency). Left out: the SKU's default price. The contract charges "
        "its first order and every renewal in it",
    )


class SubscriptionListQuery(QueryModel):
    limit: Limit()
    starting_after: Cursor("sub") | None = None
    customer: str | None = Field(default=None, description="only this customer's contracts")
    status: SUBSCRIPTION_STATUSES | None = Field(default=None, description="only contracts in this status")
    business_line: str | None = Field(default=None, description="only this business line's contracts (id or code)")


class SubscriptionCancel(RequestModel):
    """How to cancel."""

    at_period_end: StrictBool | None = Field(
        default=False,
        description="true: it ends with the current (paid) period; false (the default): now",
    )


class SubscriptionUpdate(RequestModel):
    """The SKU that takes over at the next renewal: only sku can be changed."""

    model_config = ConfigDict(extra="forbid")

    sku: IdOf("sku", "a SKU") = Field(
        description="a subscription SKU with a price in the subscription's currency (else 400 sku_not_recurring "
        "or currency_mismatch)"
    )


class BillingLinkInput(RequestModel):
    """A self-service link for one customer; every field is optional (it takes no others)."""

    model_config = ConfigDict(extra="forbid")

    flow: Literal["payment_method_update"] | None = Field(
        default=None,
        description="payment_method_update: the link opens at the subscription's payment method, where the customer "
        "saves a new card without being charged (or, past due with its renewal open, pays that renewal with it)",
    )
    subscription: IdOf("sub", "a subscription") | None = Field(
        default=None, description="with flow: one of the customer's subscriptions, in the key's mode"
    )
    return_url: ReturnUrl | None = Field(
        default=None,
        description="your page the subscriber goes back to: the self-service pages (and the outcome of a payment "
        'method update) show "Back to <your name>" linking to it; any absolute http(s) URL',
    )


class SubscriptionCustomer(Answer):
    id: str
    email: str | None


class SubscriptionMandate(Answer):
    """The recurring agreement the first payment signed."""

    channel: str
    status: Literal["active", "revoked", "canceled"] = Field(
        description="revoked: the shopper withdrew it at the provider; canceled: it ended with the subscription "
        "(canceled or expired), and Kassa canceled it at the provider"
    )
    reference: str | None


class SubscriptionRenewal(Answer):
    period: int
    order: str | None
    status: Literal["pending", "paid", "failed", "canceled", "skipped"]
    attempts: int
    period_start: Time
    period_end: Time
    due_at: NullableTime
    paid_at: NullableTime
    next_attempt_at: NullableTime
    last_error: str | None


class SubscriptionTimelineEntry(Answer):
    status: str
    at: Time
    reason: str


class SubscriptionFinding(Answer):
    kind: str
    period: int
    detail: str
    status: Literal["open", "fixed"]
    found_at: Time
    fixed_at: NullableTime


class Subscription(Answer):
    """A recurring contract (API.md: Subscriptions)."""

    id: str
    object: Literal["subscription"]
    status: SUBSCRIPTION_STATUSES
    livemode: bool
    customer: SubscriptionCustomer
    sku: str
    next_sku: str | None = Field(description="the SKU that takes over at the next renewal")
    price: Money
    interval: Literal["day", "week", "month", "year"]
    interval_count: int
    trial_days: int = Field(
        ge=0,
        description="the free trial the contract was signed with (0: none): it is trialing for period 0, from the "
        "signing to the trial's end, with nothing charged; period 1, the first charged, starts then. 0 also when "
        "the SKU has a trial the customer has had: a customer (id, merchant, mode) who signed a contract on the "
        "product before has no trial again",
    )
    period: int = Field(
        ge=0, description="the current period; 0 before the first paid one (unsigned, or in its free trial)"
    )
    current_period_start: NullableTime
    current_period_end: NullableTime
    next_renewal_at: NullableTime
    cancel_at_period_end: bool
    cancel_reason: Literal["requested", "mandate_revoked"] | None = Field(
        description="why it ends with its period (null while it renews): requested, the customer or the merchant "
        "asked (nothing revives it); mandate_revoked, the card's authorisation was withdrawn at the provider, and a "
        "new card the customer signs on their billing page renews it again"
    )
    canceled_at: NullableTime
    mandate: SubscriptionMandate | None
    latest_order: str | None
    business_line: str | None = Field(
        default=None, description="the business line (bl_…) of the order that opened it; null: the merchant's default"
    )
    test_clock: str | None
    created_at: Time
    renewals: list[SubscriptionRenewal]
    timeline: list[SubscriptionTimelineEntry]
    findings: list[SubscriptionFinding] = Field(
        description="what the contract reconciliation found (fixed ones Kassa repaired)"
    )
    agreement: OrderAgreement | None = Field(
        description="the agreement its customer accepted when paying the first order (which signs the mandate)"
    )


SubscriptionList = page_of(Subscription, "SubscriptionList")


class SubscriptionCreated(Answer):
    """The pending contract and its first order: paying that order activates it and signs the mandate."""

    subscription: Subscription
    order: SchemaRef("Order", description="the first order: pay it to activate the contract")


class BillingLink(Answer):
    """A self-service link for one customer (valid one hour): hand it to them, never publish it."""

    object: Literal["billing_link"]
    customer: str
    url: Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]
    expires_at: Time
    livemode: bool
    flow: Literal["payment_method_update"] | None
    subscription: str | None
    return_url: Annotated[
        str | None,
        WithJsonSchema(
            {
                "type": ["string", "null"],
                "format": "uri",
                "description": "the page the link's pages lead back to, as asked",
            }
        ),
    ]
