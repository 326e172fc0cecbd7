"""The OpenAPI 3.1 ``webhooks`` section: one entry per event type a merchant can subscribe to, with the signed
envelope Kassa POSTs (the Event of app/web/api/models/events.py) and the payload (``data.object``) each type
carries (app/web/api/models/event_payloads.py: models, and API objects as events carry them, derived from those
objects' generated schemas). tests/web/api/test_openapi_event_payloads.py validates real events against them."""

from __future__ import annotations

from pydantic.json_schema import models_json_schema

from app.web.api.models.event_payloads import CARRIED, MODELS, Carried
from app.webhooks.event_types import EVENT_TYPES

_REF = "#/components/schemas/{model}"

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


def _carried(how: Carried, schemas: dict[str, dict]) -> dict:
    """An API schema as events carry it (app/web/api/models/event_payloads.py, ``Carried``)."""
    base = schemas[how.schema]
    if not how.closed:
        return {**base, "properties": {**base["properties"], **how.extra}}
    props = {name: value for name, value in base["properties"].items() if name not in how.read_apart}
    props.update(how.extra, livemode={"type": "boolean"})
    return {
        "type": "object",
        "required": sorted(set(props) - set(how.optional)),
        "properties": props,
        "additionalProperties": False,
    }


def payload_schemas(schemas: dict[str, dict]) -> dict[str, dict]:
    """The payload components, given the document's other components (the API objects events carry)."""
    _, top = models_json_schema([(model, "serialization") for model in MODELS], ref_template=_REF)
    made: dict[str, dict] = dict(top.get("$defs", {}))
    for schema in made.values():
        for prop in schema.get("properties", {}).values():
            prop.pop("title", None)
    for name, how in CARRIED.items():
        made[name] = _carried(how, schemas)
    return made


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


def event_schema(event_type: str, schemas: dict[str, dict]) -> dict:
    """The body Kassa POSTs for ``event_type``: the Event envelope with that type and its payload."""
    envelope = schemas["Event"]
    payload = _family(event_type)[2]
    return {
        **envelope,
        "properties": {
            **envelope["properties"],
            "type": {"const": event_type},
            "data": {
                "type": "object",
                "required": ["object"],
                "properties": {"object": {"$ref": _REF.format(model=payload)}},
            },
        },
    }


def webhook_tags() -> list[dict]:
    """The navigation sections of the webhooks part, the signature instructions first."""
    tags = [{"name": SIGNATURE_TAG, "description": SIGNATURE_DESCRIPTION}]
    for _, tag, _, about in _FAMILIES:
        if about:
            tags.append({"name": tag, "description": about})
    return tags


def webhooks(schemas: dict[str, dict]) -> dict:
    """One POST per subscribable event type, grouped like the API sections; ``schemas``: the document's
    components (the Event envelope among them)."""
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
                    "content": {"application/json": {"schema": event_schema(event_type, schemas)}},
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
