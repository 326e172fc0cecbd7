"""The OpenAPI 3.1 ``webhooks`` section: one entry per event type a merchant can subscribe to, with the signed
envelope Kassa POSTs and the payload (``data.object``) each type carries. The payload builders are the
functions named beside each schema; tests/web/api/test_openapi_event_payloads.py validates real events against them."""

from __future__ import annotations

from pydantic import BaseModel

from app.web.api import openapi_webhook_endpoints  # noqa: F401  (the area before, in the reference's order)
from app.web.api.models.disputes import Dispute
from app.web.api.models.lifecycle import Refund
from app.web.api.openapi_base import _CURRENCY, _INT, _NULLABLE_STR, _NULLABLE_TIME, _STR, _TIME, SCHEMAS, _obj, _ref
from app.webhooks.event_types import EVENT_TYPES

_BOOL = {"type": "boolean"}
_FEES_BY_CURRENCY = {
    "type": "object",
    "propertyNames": _CURRENCY,
    "additionalProperties": _INT,
    "description": "minor units per currency; a currency not named: the channel's published fee",
}

SIGNATURE_TAG = "Receiving webhooks"
_SIGNATURE_ANCHOR = "#tag/Receiving-webhooks"  # where Redoc puts that section on /docs/api
SIGNATURE_DESCRIPTION = """\
Kassa POSTs every event an endpoint subscribed to (`POST /webhook_endpoints {url, events}`) as the JSON body of
the event, to endpoints of the event's mode only (an endpoint is test or live, like the key that created it), with
`Content-Type: application/json` and

```
Kassa-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
```

- The HMAC key is **the endpoint's secret exactly as shown when it was created, `whsec_` prefix included**, as
  UTF-8 bytes: do not strip the prefix or base64-decode it.
- The signed text is the timestamp, a dot and the **raw request body bytes**: verify before parsing the JSON.
- Compare in constant time and refuse a `t` more than a few minutes from your clock (replays).
- Any 2xx is success. Anything else, or no answer within 10 s (redirects are not followed), is retried after
  30 s, 60 s, 120 s, … (at most 6 h apart) until 3 days after the first attempt.
- Deliveries are not ordered and may repeat (retries, a resend from the portal): be idempotent by the event `id`.

Verification code in Python and Node.js, and `kassa events listen` / `trigger` for testing a receiver on your
own machine: `docs/webhooks.md` in the Kassa repository. Each event type below shows its payload: the body is an
Event whose `data.object` has the shape given there."""


def _properties(schema: str | type[BaseModel]) -> dict:
    """A hand-written schema's properties, or those of an answer's model (app/web/api/models/), whose nested
    objects are components of the generated document."""
    if isinstance(schema, str):
        return SCHEMAS[schema]["properties"]
    made = schema.model_json_schema(ref_template="#/components/schemas/{model}", mode="serialization")
    return {name: {k: v for k, v in prop.items() if k != "title"} for name, prop in made["properties"].items()}


def _as_carried(
    schema: str | type[BaseModel], *, read_apart: tuple[str, ...], optional: tuple[str, ...] = (), **extra: dict
) -> dict:
    """An API schema as events carry it: every field the object's own row tells (all present, nothing else),
    without the parts ``read_apart`` that the API reads separately (an event is written inside the business
    transaction and must cost no extra query; GET the object for those). ``extra`` fields are added, and
    ``livemode``, which every event object carries (app/orders/event_modes.py)."""
    props = {name: value for name, value in _properties(schema).items() if name not in read_apart}
    props.update(extra, livemode=_BOOL)
    return {
        "type": "object",
        "required": sorted(set(props) - set(optional)),
        "properties": props,
        "additionalProperties": False,
    }


_SUBSCRIPTION_READ_APART = ("renewals", "timeline", "findings")
_ORDER_READ_APART = (
    "discounts",
    "client_secret",
    "available_channels",
    "timeline",
    "payments",
    "refunds",
    "disputes",
    "sub_orders",
)

SCHEMAS.update(
    {
        # app/orders/representation.py order_object: the Order without what GET /orders/{id} reads apart.
        "OrderEventObject": _as_carried("Order", read_apart=_ORDER_READ_APART),
        # app/payments/representation.py payment_object: the API's Payment.
        "PaymentEventObject": _as_carried("Payment", read_apart=()),
        # app/payments/refunds/representation.py refund_object: the API's Refund.
        "RefundEventObject": _as_carried(Refund, read_apart=()),
        # app/payments/disputes/services.py dispute_object: the API's Dispute.
        "DisputeEventObject": _as_carried(Dispute, read_apart=()),
        # app/checkout_sessions/services.py checkout_session_object: the API's CheckoutSession without the shopper's
        # capability (url, client_secret) and the list of its orders.
        "CheckoutSessionEventObject": _as_carried("CheckoutSession", read_apart=("url", "client_secret", "orders")),
        # app/risk/assessment.py, cards.py (the assessment) and review.py (the decision and who made it)
        "RiskEventObject": _obj(
            ["id", "object", "decision"],
            id={"type": "string", "description": "the order"},
            object={"const": "order"},
            decision={"enum": ["allow", "review", "block", "approve", "reject"]},
            score={"type": "integer", "minimum": 0, "maximum": 100},
            reasons={"type": "array", "items": _STR},
            by={"type": "string", "description": 'who decided; "merchant" in the events a publishable key reads'},
        ),
        # app/signing/contracts.py subscription_object; renewal events add the renewal
        # (app/signing/renewals/services.py)
        "SubscriptionEventObject": _as_carried(
            "Subscription",
            read_apart=_SUBSCRIPTION_READ_APART,
            optional=("renewal",),
            renewal=_obj(
                ["period", "status"],
                period=_INT,
                order=_NULLABLE_STR,
                status=_STR,
                attempts=_INT,
                period_start=_NULLABLE_TIME,
                period_end=_NULLABLE_TIME,
                next_attempt_at=_NULLABLE_TIME,
                last_error=_NULLABLE_STR,
            ),
        ),
        # app/signing/renewals/notices.py: the renewal to come, not opened yet (no order, no status): its period, when
        # it is due and the price it will charge at list price (a renewal hook may still amend it)
        "SubscriptionRenewalUpcomingEventObject": _as_carried(
            "Subscription",
            read_apart=_SUBSCRIPTION_READ_APART,
            renewal=_obj(
                ["period", "at", "amount"],
                period=_INT,
                at=_TIME | {"description": "when the renewal falls due"},
                amount=_ref("Money"),
            ),
        ),
        # app/orders/fulfilment.py: Kassa gave up fulfilling (why, in reason); a compensation refund follows
        "OrderFulfilmentFailedEventObject": _as_carried("Order", read_apart=_ORDER_READ_APART, reason=_STR),
        # app/payments/channels/configs.py channel_config_json
        "ChannelConfigEventObject": _obj(
            ["object", "code", "enabled", "priority"],
            object={"const": "channel_config"},
            code=_STR,
            enabled=_BOOL,
            priority=_INT,
            display_name=_NULLABLE_STR,
            icon=_NULLABLE_STR,
            min_amount={"type": ["integer", "null"]},
            max_amount={"type": ["integer", "null"]},
            limits_currency={"anyOf": [_CURRENCY, {"type": "null"}]},
            currencies={"type": "array", "items": _CURRENCY},
            agreement_text=_NULLABLE_STR,
            fee_bps={
                "type": ["integer", "null"],
                "description": "the merchant's rate in basis points; null: published",
            },
            fixed_fees=_FEES_BY_CURRENCY,
            dispute_fees=_FEES_BY_CURRENCY,
        ),
    }
)
# app/payments/payouts/services.py: settlement_json with the payout that paid it (never null here).
SCHEMAS["SettlementPaidEventObject"] = {
    **SCHEMAS["Settlement"],
    "properties": {**SCHEMAS["Settlement"]["properties"], "payout": _ref("Payout")},
}

# (event type prefix, navigation tag, payload schema, what the family is about)
_FAMILIES: tuple[tuple[str, str, str, str], ...] = (
    ("order.fulfilment_failed", "Order events", "OrderFulfilmentFailedEventObject", ""),
    (
        "order.",
        "Order events",
        "OrderEventObject",
        "One event per order state change, `order.<status>`, written in the same transaction as the change.",
    ),
    (
        "payment.",
        "Payment events",
        "PaymentEventObject",
        "A payment attempt's outcome; `payment.captured_on_inactive_order` is money taken for an order that had "
        "already closed (Kassa refunds it).",
    ),
    ("refund.", "Refund events", "RefundEventObject", "A refund's final outcome at the channel."),
    (
        "dispute.",
        "Dispute events",
        "DisputeEventObject",
        "A chargeback: `dispute.created` when the shopper's bank took the money back (withdrawn at once), "
        "`dispute.updated` when the evidence was sent, `dispute.closed` when it was won (money back) or lost.",
    ),
    (
        "checkout_session.",
        "Checkout session events",
        "CheckoutSessionEventObject",
        "A checkout session whose order was paid.",
    ),
    (
        "risk.",
        "Risk events",
        "RiskEventObject",
        "Risk decisions on an order: a review opened, its outcome, or a block.",
    ),
    ("subscription.renewal_upcoming", "Subscription events", "SubscriptionRenewalUpcomingEventObject", ""),
    (
        "subscription.",
        "Subscription events",
        "SubscriptionEventObject",
        "The life of a subscription contract and its renewals (`subscription.activated` says `status: trialing` "
        "when the contract starts a free trial, and `active` otherwise).",
    ),
    ("settlement.paid", "Settlement events", "SettlementPaidEventObject", ""),
    (
        "settlement.",
        "Settlement events",
        "Settlement",
        "Settlement batches, their payouts, and what reconciliation found.",
    ),
    ("payout.", "Settlement events", "Payout", ""),
    ("reconciliation.", "Settlement events", "Discrepancy", ""),
    ("withdrawal.", "Wallet events", "Withdrawal", "Customers' wallet withdrawals and transfers."),
    ("transfer.", "Wallet events", "Transfer", ""),
    (
        "channel_config.",
        "Channel events",
        "ChannelConfigEventObject",
        "A payment channel's settings changed in the portal.",
    ),
)

# Types Kassa records that are not subscribable by name (app/webhooks/event_types.py): only `*` endpoints get them.
DELIVERED_TO_ALL_ONLY = ("order.fulfilment_failed", "channel_config.updated")

SIGNATURE_HEADER = {
    "name": "Kassa-Signature",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "pattern": "^t=[0-9]+,v1=[0-9a-f]{64}$"},
    "description": '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret '
    f"(see [{SIGNATURE_TAG}]({_SIGNATURE_ANCHOR}))",
}


def _family(event_type: str) -> tuple[str, str, str, str]:
    return next(family for family in _FAMILIES if event_type.startswith(family[0]))


def event_schema(event_type: str) -> dict:
    """The body Kassa POSTs for ``event_type``: the Event envelope with that type and its payload."""
    envelope = SCHEMAS["Event"]
    payload = _family(event_type)[2]
    return {
        **envelope,
        "properties": {
            **envelope["properties"],
            "type": {"const": event_type},
            "data": _obj(["object"], object=_ref(payload)),
        },
    }


def webhook_tags() -> list[dict]:
    """The navigation sections of the webhooks part, the signature instructions first."""
    tags = [{"name": SIGNATURE_TAG, "description": SIGNATURE_DESCRIPTION}]
    for _, tag, _, about in _FAMILIES:
        if about:
            tags.append({"name": tag, "description": about})
    return tags


def webhooks() -> dict:
    """One POST per subscribable event type, grouped like the API sections."""
    return {
        event_type: {
            "post": {
                "operationId": f"webhook-{event_type}",
                "summary": event_type,
                "tags": [_family(event_type)[1]],
                "description": (
                    "Sent to endpoints subscribed to `*` (not subscribable by name)"
                    if event_type in DELIVERED_TO_ALL_ONLY
                    else f"Sent to endpoints subscribed to `{event_type}` or `*`"
                )
                + f"; `data.object` is shaped like {_family(event_type)[2]}. Verify the signature first "
                f"([{SIGNATURE_TAG}]({_SIGNATURE_ANCHOR})).",
                "security": [],
                "parameters": [SIGNATURE_HEADER],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": event_schema(event_type)}},
                },
                "responses": {
                    "2XX": {
                        "description": "Received. Any other answer, or none within 10 s, is retried with "
                        "backoff for 3 days."
                    }
                },
            }
        }
        for event_type in sorted(
            EVENT_TYPES | set(DELIVERED_TO_ALL_ONLY), key=lambda t: (_FAMILIES.index(_family(t)), t)
        )
    }
