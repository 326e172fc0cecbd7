"""Orders at the API's edge: creating, reading, listing, paying, changing the way to pay and canceling them, and the
Payment a pay call starts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.errors import InvalidRequest
from app.orders.customers import MAX_CUSTOMER_ID, SOURCES
from app.orders.services import MAX_METADATA_KEY_LENGTH, MAX_METADATA_KEYS, MAX_METADATA_VALUE_LENGTH
from app.orders.state import STATUSES
from app.payments.attempts.returns import MAX_RETURN_URL_LENGTH
from app.platform.http.urls import check_http_url
from app.web.api.models.catalog import CURRENCY_INPUT, AnyCaseCurrency, Discount, Items
from app.web.api.models.errors import ErrorDetail
from app.web.api.models.fields import (
    Answer,
    Cursor,
    IdOf,
    Limit,
    QueryModel,
    RequestModel,
    RequestTime,
    SchemaRef,
    Time,
    http_url_schema,
    page_of,
)
from app.web.api.models.risk import RiskAssessment

OrderStatus = Literal[STATUSES]  # type: ignore[valid-type]
CurrencyCode = Annotated[str, WithJsonSchema({"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]})]
NullableString = Annotated[str | None, WithJsonSchema({"type": ["string", "null"]})]

# check_metadata (app/orders/services.py) says which key to fix; the document says what it takes.
Metadata = Annotated[
    dict[str, Any] | None,
    WithJsonSchema(
        {
            "type": ["object", "null"],
            "maxProperties": MAX_METADATA_KEYS,
            "propertyNames": {"minLength": 1, "maxLength": MAX_METADATA_KEY_LENGTH},
            "additionalProperties": {
                "type": ["string", "number", "boolean", "null"],
                "maxLength": MAX_METADATA_VALUE_LENGTH,
            },
            "description": f"the merchant's notes: at most {MAX_METADATA_KEYS} keys of at most "
            f"{MAX_METADATA_KEY_LENGTH} characters, each value a string, number, boolean or null of at most "
            f"{MAX_METADATA_VALUE_LENGTH} characters",
        }
    ),
]


# --- Answers ---------------------------------------------------------------------------------------------------


class OrderItem(Answer):
    sku: str
    product: str
    name: str
    quantity: int
    unit_amount: int
    amount: int


class OrderAmount(Answer):
    subtotal: int
    discount: int
    total: int
    currency: CurrencyCode


class OrderCustomer(Answer):
    id: str
    email: NullableString
    source: Literal[SOURCES] = Field(  # type: ignore[valid-type]
        description="how the customer was established; only secret_key and checkout_session (verified) may use the "
        "customer's wallet. A publishable_key customer's id is pk:<the id sent>, a customer apart from the "
        "merchant's customer of that name"
    )
    verified: bool


class OrderChannel(Answer):
    """A channel the order may be paid with now."""

    code: str
    name: str
    icon: str


class OrderTimelineEntry(Answer):
    status: str
    at: Time
    reason: str | None = Field(
        description="Kassa's note for the merchant (secret key), which may quote the merchant's own words; for a "
        "publishable key a neutral sentence per kind of entry"
    )


class OrderDispute(Answer):
    id: str
    amount: int
    status: Literal["needs_response", "under_review", "won", "lost"]


class OrderSubOrderAmount(Answer):
    subtotal: int
    discount: int
    total: int
    currency: CurrencyCode


class OrderSubOrder(Answer):
    id: str
    object: Literal["sub_order"]
    partner: str
    product: str | None = Field(description="set when the merchant splits by product")
    category: str | None = Field(description="set when the merchant splits by product category")
    status: str = Field(
        description="canceled or failed when it ended before delivery (what remained of it refunded); refunded once "
        "refunds gave back its whole total (or the order is refunded); partially_refunded while part of it was; "
        "completed once its receipt was confirmed (or the order completed); fulfilled once it was delivered (or the "
        "order was fulfilled); else the order's status"
    )
    refunded_amount: int = Field(
        ge=0, description="what refunds gave back of it: its own, and its share of the order's refunds"
    )
    items: list[dict[str, Any]]
    amount: OrderSubOrderAmount


class Payment(Answer):
    """A payment of an order through a channel."""

    id: str
    object: Literal["payment"]
    order: str
    channel: str
    created_at: Time
    status: Literal["pending", "succeeded", "failed", "unknown", "canceled"]
    amount: int
    currency: CurrencyCode
    provider_reference: str | None
    failure_reason: str | None
    card_fingerprint: str | None = Field(description="the provider's fingerprint of the card that paid, when known")


class RedirectAction(Answer):
    """Send the shopper to url."""

    type: Literal["redirect"]
    url: Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]


class QrAction(Answer):
    """Show the QR code (image) for url; the payment waits until it is scanned and paid."""

    type: Literal["qr"]
    url: str
    image: str
    expires_at: Time = Field(
        default=None,
        description="when the code stops being payable; the waiting payment is then failed and the order reopened "
        "for another try",
    )


class NoAction(Answer):
    """Nothing for the client to follow."""

    type: Literal["none"]


NextAction = Annotated[RedirectAction | QrAction | NoAction, Field(discriminator="type")]


class PaymentWithAction(Payment):
    """A payment and what the client does next."""

    next_action: NextAction


class OrderAgreement(Answer):
    """What the shopper agreed to when paying: the channel's agreement template version and its exact text."""

    channel: str
    version: int = Field(description="the template's version (each save of the channel's agreement adds one)")
    language: str
    text: str = Field(description="the text as the shopper's page showed it, placeholders filled")
    accepted_at: Time


class Order(Answer):
    """An order: its lines, amounts, customer, state, timeline and payments."""

    id: str
    object: Literal["order"]
    kind: Literal["purchase", "topup"]
    livemode: bool = Field(description="false for orders made with test keys (or a test-mode page)")
    status: OrderStatus
    items: list[OrderItem]
    amount: OrderAmount
    refunded_amount: int
    risk: RiskAssessment = Field(description="the risk assessment of the order: allow, review or block, and why")
    customer: OrderCustomer
    checkout_session: str | None = Field(description="the checkout session the order was made through")
    business_line: str | None = Field(
        default=None, description="the business line's id (bl_…) the order belongs to; null: the merchant's default"
    )
    metadata: dict[str, Any]
    expires_at: Time
    created_at: Time
    discounts: list[Discount]
    client_secret: str
    url: Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})] = Field(
        description="the order's hosted page (it carries the client secret): send the shopper there to pay it, a "
        "subscription's first order and a renewal included, or to see how it went"
    )
    available_channels: list[OrderChannel] = Field(
        description="the channels it may be paid with now; none for an order of nothing, nor once it is not created"
    )
    timeline: list[OrderTimelineEntry]
    payments: list[Payment]
    refunds: SchemaRef("Refund", many=True)  # type: ignore[valid-type]
    disputes: list[OrderDispute] = Field(
        description="chargebacks of the order's payment; an open or lost one's amount can no longer be refunded"
    )
    sub_orders: list[OrderSubOrder] = Field(
        description="only for orders whose lines clear to different partners (or products)"
    )
    agreement: OrderAgreement | None = Field(
        description="the agreement accepted with the last payment started; null: none yet, or the channel has none"
    )


OrderList = page_of(Order, "OrderList")


class OrderCreated(Order):
    """The order made; with ``pay``, also the payment started in the same call (or why it could not start)."""

    payment: PaymentWithAction | None = Field(
        default=None,
        description="only with pay: the payment started and what the client does next (its next_action); null when "
        "it could not start (payment_error says why) or the order costs nothing (it is paid already)",
    )
    payment_error: ErrorDetail | None = Field(
        default=None,
        description="only with pay, when the payment could not start: the error POST /orders/{id}/pay would have "
        "answered (risk_blocked, channel_unavailable, …). The order is made all the same: pay it with that route",
    )


class PayResponse(Answer):
    """The payment started, and what the client does next."""

    payment: PaymentWithAction | None = Field(
        description="null when the order costs nothing (a one-off order whose total is 0): it is completed without "
        "a payment, and is paid already"
    )
    next_action: NoAction = Field(default=None, description="only with payment null: nothing for the client to follow")
    order: Order = Field(default=None, description="only with payment null: the order, paid")


# --- Requests --------------------------------------------------------------------------------------------------


class OrderCustomerInput(RequestModel):
    id: str = Field(
        min_length=1,
        max_length=MAX_CUSTOMER_ID,
        json_schema_extra={"pattern": r"\S"},
        description="the merchant's reference for the customer",
    )
    email: str | None = Field(
        default=None, max_length=320, description="where the receipt is emailed once the order is paid"
    )


def _agreement_required(schema: dict[str, Any]) -> None:
    # Required, and true: but left out or false is API.md's 422 agreement_required (the service says it), not a 400.
    schema["required"] = sorted({*schema.get("required", []), "agreement_accepted"})


def _return_url(value: str) -> str:
    try:
        return check_http_url(value, "return_url", max_length=MAX_RETURN_URL_LENGTH)
    except InvalidRequest as error:
        raise PydanticCustomError("kassa", error.message.replace("return_url", "{param}", 1)) from None


class PayAtOnce(RequestModel):
    channel: str = Field(min_length=1, max_length=40, description="the channel to pay with (its code)")
    return_url: (
        Annotated[
            str,
            AfterValidator(_return_url),
            WithJsonSchema(http_url_schema(MAX_RETURN_URL_LENGTH)),
        ]
        | None
    ) = Field(default=None, description="as return_url of POST /orders/{id}/pay")


class OrderInput(RequestModel, json_schema_extra=_agreement_required):
    items: Items | None = Field(
        default=None, description="required, except with a checkout session that fixes the items"
    )
    coupon: str | None = None
    currency: AnyCaseCurrency | None = Field(
        default=None,
        description=CURRENCY_INPUT + "; with a checkout session that fixes its currency, leave it out or give that one",
    )
    customer: OrderCustomerInput | None = Field(
        default=None,
        description="secret key: the customer. Publishable key: only the merchant's reference for an unverified "
        "customer (never their wallet), at most 197 characters, kept as pk:<id>, apart from the customer of that "
        "name; leave it out to check out as a guest",
    )
    checkout_session: str | None = Field(
        default=None, description="the client_secret of an open checkout session: the order is for its customer"
    )
    agreement_accepted: Annotated[Any, WithJsonSchema({"const": True})] = Field(
        default=None, description="the customer accepted the agreement; anything else is 422 agreement_required"
    )
    metadata: Metadata = None
    business_line: str | None = Field(
        default=None,
        description="the business line's id (bl_…) or code; left out: its products' line, else the merchant's default",
    )
    pay: PayAtOnce | None = Field(
        default=None,
        description="start paying the order in the same call, as POST /orders/{id}/pay would (saves the shopper a "
        "round trip): the answer adds payment (with its next_action) or payment_error",
    )


class OrderListQuery(QueryModel):
    # A query parameter is a string or absent, never null: left out, the default applies.
    limit: Limit()  # type: ignore[valid-type]
    starting_after: Cursor("ord") = None  # type: ignore[valid-type]
    status: OrderStatus = Field(default=None, description="only orders in this status")
    customer: str = Field(default=None, description="only this customer's orders")
    created_gte: RequestTime = Field(default=None, description="only orders created at or after")
    created_lte: RequestTime = Field(default=None, description="only orders created at or before")
    business_line: str = Field(default=None, description="only this business line's orders (its id or code)")


class ClientSecretQuery(QueryModel):
    # A query parameter is a string or absent, never null: left out, the default applies.
    client_secret: str = Field(default=None, description="the order's client_secret; required with a publishable key")


class PayInput(RequestModel):
    channel: str | None = Field(
        default=None,
        description="required unless the order costs nothing (total 0, no subscription): such an order needs no "
        "channel, and one named for it is not used",
    )
    return_url: (
        Annotated[
            str,
            AfterValidator(_return_url),
            WithJsonSchema(http_url_schema(MAX_RETURN_URL_LENGTH)),
        ]
        | None
    ) = Field(
        default=None,
        description="the merchant's page the shopper comes back to after a redirect channel, through Kassa, which "
        "adds kassa_order, kassa_client_secret and redirect_status (succeeded, failed or processing: a hint; read the "
        "order for the outcome); with a live publishable key, a page of the merchant's allowed origins. Default "
        "(left out or null): Kassa's order page",
    )
    client_secret: str | None = Field(default=None, description="required with a publishable key (or in the query)")
    payment_method: str | None = Field(
        default=None,
        description="a saved payment method of the order's customer (spm_…) to pay with in one press; its channel "
        "when channel is left out. Only for a customer the merchant's server vouched for (a checkout session or a "
        "secret key); a card whose issuer asks the shopper to authenticate answers a redirect next_action",
    )
    save_payment_method: Literal[True, False] = Field(
        default=False,
        description="keep the card that pays for this customer's next purchases (the shopper ticked \"Save this card "
        'for next time"); only for a vouched-for customer and a channel that saves cards',
    )


def _payment_id(value: object) -> object:
    # 7 or an object is as much a wrong id as ord_…: the same words.
    if value is not None and not isinstance(value, str):
        raise PydanticCustomError("kassa", "{param} must be the id of the order's waiting payment (pay_…)")
    return value


class ChangePaymentMethodInput(RequestModel):
    payment: Annotated[
        IdOf("pay", "the order's waiting payment") | None,  # type: ignore[valid-type]
        BeforeValidator(_payment_id),
    ] = Field(
        default=None, description="the waiting payment's id; refused (409) when another payment is waiting by now"
    )
    client_secret: str | None = Field(default=None, description="required with a publishable key (or in the query)")
