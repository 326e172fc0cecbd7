"""The payloads (``data.object``) of the events Kassa POSTs to webhook endpoints, for the document's webhooks
section (app/web/api/openapi_event_payloads.py). Most are another area's API object as an event carries it
(``Carried``: derived from that object's generated schema, so the two cannot drift); the rest are models here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema

from app.web.api.models.fields import Answer, NullableTime, SchemaRef, Time

_CURRENCY = {"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]}


def _no_default(schema: dict[str, Any]) -> None:
    # A field an event sometimes leaves out: absent is no default value.
    schema.pop("default", None)


def _sometimes(description: str | None = None) -> Any:
    return Field(default=None, description=description, json_schema_extra=_no_default)


LowerCurrency = Annotated[str, WithJsonSchema(_CURRENCY)]
FeesByCurrency = Annotated[
    dict[str, int],
    WithJsonSchema(
        {
            "type": "object",
            "propertyNames": _CURRENCY,
            "additionalProperties": {"type": "integer"},
            "description": "minor units per currency; a currency not named: the channel's published fee",
        }
    ),
]


class RiskEventObject(Answer):
    """app/risk/assessment.py, cards.py (the assessment) and review.py (the decision and who made it)."""

    id: str = Field(description="the order")
    object: Literal["order"]
    decision: Literal["allow", "review", "block", "approve", "reject"]
    score: int = Field(default=None, ge=0, le=100, json_schema_extra=_no_default)
    reasons: list[str] = _sometimes()
    by: str = _sometimes('who decided; "merchant" in the events a publishable key reads')


class ChannelConfigEventObject(Answer):
    """app/payments/channels/configs.py channel_config_json: a channel's settings as the portal shows them."""

    object: Literal["channel_config"]
    code: str
    enabled: bool
    priority: int
    display_name: str | None = _sometimes()
    icon: str | None = _sometimes()
    min_amount: int | None = _sometimes()
    max_amount: int | None = _sometimes()
    limits_currency: Annotated[str | None, WithJsonSchema({"anyOf": [_CURRENCY, {"type": "null"}]})] = _sometimes()
    currencies: list[LowerCurrency] = _sometimes()
    agreement_text: str | None = _sometimes()
    fee_bps: int | None = _sometimes("the merchant's rate in basis points; null: published")
    fixed_fees: FeesByCurrency = _sometimes()
    dispute_fees: FeesByCurrency = _sometimes()


class SubscriptionEventRenewal(Answer):
    """The renewal a renewal event is about (app/signing/renewals/services.py)."""

    period: int
    order: str | None = _sometimes()
    status: str
    attempts: int = _sometimes()
    period_start: NullableTime = _sometimes()
    period_end: NullableTime = _sometimes()
    next_attempt_at: NullableTime = _sometimes()
    last_error: str | None = _sometimes()


class SubscriptionUpcomingRenewal(Answer):
    """The renewal to come, not opened yet (no order, no status): its period, when it is due and the price it will
    charge at list price (a renewal hook may still amend it)."""

    period: int
    at: Time = Field(description="when the renewal falls due")
    amount: SchemaRef("Money", description="the price it will charge, at list price")


# Models the payloads below point at; each becomes a component of the same name.
MODELS: tuple[type[Answer], ...] = (
    RiskEventObject,
    ChannelConfigEventObject,
    SubscriptionEventRenewal,
    SubscriptionUpcomingRenewal,
)


@dataclass(frozen=True)
class Carried:
    """An API object (``schema``, a component another area generates) as events carry it: every field the
    object's own row tells (all present, nothing else), without the parts ``read_apart`` that the API reads
    separately (an event is written inside the business transaction and must cost no extra query; GET the object
    for those), with ``extra`` fields (component names of models here, or plain schemas) and ``livemode``, which
    every event object carries (app/orders/event_modes.py). ``closed=False``: the object as it is, widened."""

    schema: str
    read_apart: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    extra: dict[str, dict] = field(default_factory=dict)
    closed: bool = True


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


_SUBSCRIPTION_READ_APART = ("renewals", "timeline", "findings", "agreement")
_ORDER_READ_APART = (
    "discounts",
    "client_secret",
    "url",  # it carries the client secret: an event is no capability to pay or see the order
    "available_channels",
    "timeline",
    "payments",
    "refunds",
    "disputes",
    "sub_orders",
    "agreement",  # read from the order's accepted agreement, as GET /orders/{id} shows it
)

# payload component → how it derives from the API object it carries.
CARRIED: dict[str, Carried] = {
    # app/orders/representation.py order_object: the Order without what GET /orders/{id} reads apart.
    "OrderEventObject": Carried("Order", read_apart=_ORDER_READ_APART),
    # app/payments/representation.py payment_object: the API's Payment.
    "PaymentEventObject": Carried("Payment"),
    # app/payments/refunds/representation.py refund_object: the API's Refund.
    "RefundEventObject": Carried("Refund"),
    # app/payments/disputes/services.py dispute_object: the API's Dispute.
    "DisputeEventObject": Carried("Dispute"),
    # app/checkout_sessions/services.py checkout_session_object: the API's CheckoutSession without the shopper's
    # capability (url, client_secret) and the list of its orders.
    "CheckoutSessionEventObject": Carried("CheckoutSession", read_apart=("url", "client_secret", "orders")),
    # app/signing/contracts.py subscription_object; renewal events add the renewal
    # (app/signing/renewals/services.py)
    "SubscriptionEventObject": Carried(
        "Subscription",
        read_apart=_SUBSCRIPTION_READ_APART,
        optional=("renewal",),
        extra={"renewal": _ref("SubscriptionEventRenewal")},
    ),
    # app/signing/renewals/notices.py: the subscription with the renewal to come
    "SubscriptionRenewalUpcomingEventObject": Carried(
        "Subscription", read_apart=_SUBSCRIPTION_READ_APART, extra={"renewal": _ref("SubscriptionUpcomingRenewal")}
    ),
    # app/orders/fulfilment.py: Kassa gave up fulfilling (why, in reason); a compensation refund follows
    "OrderFulfilmentFailedEventObject": Carried(
        "Order", read_apart=_ORDER_READ_APART, extra={"reason": {"type": "string"}}
    ),
    # app/payments/payouts/services.py: settlement_json with the payout that paid it (never null here).
    "SettlementPaidEventObject": Carried("Settlement", extra={"payout": _ref("Payout")}, closed=False),
}
