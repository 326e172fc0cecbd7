"""The OpenAPI 3.1 ``webhooks`` section: one entry per event type a merchant can subscribe to, with the signed
envelope Kassa POSTs and the payload (``data.object``) each type carries. The payload builders are the
functions named beside each schema; tests/api/test_openapi_event_payloads.py validates real events against them."""
from __future__ import annotations

from app.event_types import EVENT_TYPES
from app.web.api.openapi import _CURRENCY, _INT, _NULLABLE_STR, _STR, _UNIX_OR_NULL, SCHEMAS, _obj, _ref

_BOOL = {"type": "boolean"}

SIGNATURE_TAG = "Receiving webhooks"
_SIGNATURE_ANCHOR = "#tag/Receiving-webhooks"  # where Redoc puts that section on /docs/api
SIGNATURE_DESCRIPTION = """\
Kassa POSTs every event an endpoint subscribed to (`POST /webhook_endpoints {url, events}`) as the JSON body of
the event, with `Content-Type: application/json` and

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

SCHEMAS.update({
    # app/orders/services.py order_event_data; a wallet top-up's order.created adds kind.
    "OrderEventObject": _obj(["id", "object", "status", "total", "currency", "customer", "livemode"], id=_STR,
                             object={"const": "order"},
                             kind={"enum": ["topup"], "description": "only on a wallet top-up's order.created"}, status=_STR, total=_INT,
                             currency=_CURRENCY, customer=_NULLABLE_STR, livemode=_BOOL),
    # app/payments/hub.py attempt_json
    "PaymentEventObject": _obj(["id", "object", "order", "channel", "status", "amount", "currency",
                                "provider_reference"], id=_STR, object={"const": "payment"}, order=_STR, channel=_STR,
                               status=_STR, amount=_INT, currency=_CURRENCY, provider_reference=_NULLABLE_STR),
    # app/payments/refunds.py refund_event_data
    "RefundEventObject": _obj(["id", "object", "order", "amount", "currency", "status"], id=_STR,
                              object={"const": "refund"}, order=_STR, amount=_INT, currency=_CURRENCY, status=_STR,
                              reason=_NULLABLE_STR, failure_reason=_NULLABLE_STR),
    # app/checkout_sessions/services.py
    "CheckoutSessionEventObject": _obj(["id", "object", "status", "order", "livemode"], id=_STR,
                                       object={"const": "checkout_session"}, status={"const": "complete"},
                                       customer=_NULLABLE_STR, order=_STR, livemode=_BOOL),
    # app/risk/assessment.py, cards.py (the assessment) and review.py (the decision and who made it)
    "RiskEventObject": _obj(["id", "object", "decision"], id={"type": "string", "description": "the order"},
                            object={"const": "order"},
                            decision={"enum": ["allow", "review", "block", "approve", "reject"]},
                            score={"type": "integer", "minimum": 0, "maximum": 100},
                            reasons={"type": "array", "items": _STR}, by=_STR),
    # app/signing/contracts.py event_object; renewal events add the renewal (app/signing/renewals.py)
    "SubscriptionEventObject": _obj(
        ["id", "object", "status", "customer", "sku", "price", "period", "livemode"], id=_STR,
        object={"const": "subscription"}, status=_STR, customer=_STR, sku=_STR, price=_ref("Money"), period=_INT,
        current_period_end=_UNIX_OR_NULL, cancel_at_period_end=_BOOL, livemode=_BOOL,
        renewal=_obj(["period", "status"], period=_INT, order=_NULLABLE_STR, status=_STR, attempts=_INT,
                     period_start=_UNIX_OR_NULL, period_end=_UNIX_OR_NULL, next_attempt_at=_UNIX_OR_NULL,
                     last_error=_NULLABLE_STR)),
    # app/orders/fulfilment.py: Kassa gave up fulfilling; a compensation refund follows
    "OrderFulfilmentFailedEventObject": _obj(["id", "object", "status", "reason"], id=_STR, object={"const": "order"},
                                             status=_STR, reason=_STR),
    # app/payments/channel_configs.py channel_config_json
    "ChannelConfigEventObject": _obj(
        ["object", "code", "enabled", "priority"], object={"const": "channel_config"}, code=_STR, enabled=_BOOL,
        priority=_INT, display_name=_NULLABLE_STR, icon=_NULLABLE_STR, min_amount={"type": ["integer", "null"]},
        max_amount={"type": ["integer", "null"]}, currencies={"type": "array", "items": _CURRENCY},
        agreement_text=_NULLABLE_STR),
})
# app/payments/payouts.py: settlement_json with the payout that paid it (never null here).
SCHEMAS["SettlementPaidEventObject"] = {**SCHEMAS["Settlement"], "properties": {
    **SCHEMAS["Settlement"]["properties"], "payout": _ref("Payout")}}

# (event type prefix, navigation tag, payload schema, what the family is about)
_FAMILIES: tuple[tuple[str, str, str, str], ...] = (
    ("order.fulfilment_failed", "Order events", "OrderFulfilmentFailedEventObject", ""),
    ("order.", "Order events", "OrderEventObject",
     "One event per order state change, `order.<status>`, written in the same transaction as the change."),
    ("payment.", "Payment events", "PaymentEventObject",
     "A payment attempt's outcome; `payment.captured_on_inactive_order` is money taken for an order that had "
     "already closed (Kassa refunds it)."),
    ("refund.", "Refund events", "RefundEventObject", "A refund's final outcome at the channel."),
    ("checkout_session.", "Checkout session events", "CheckoutSessionEventObject",
     "A checkout session whose order was paid."),
    ("risk.", "Risk events", "RiskEventObject",
     "Risk decisions on an order: a review opened, its outcome, or a block."),
    ("subscription.", "Subscription events", "SubscriptionEventObject",
     "The life of a subscription contract and its renewals."),
    ("settlement.paid", "Settlement events", "SettlementPaidEventObject", ""),
    ("settlement.", "Settlement events", "Settlement",
     "Settlement batches, their payouts, and what reconciliation found."),
    ("payout.", "Settlement events", "Payout", ""),
    ("reconciliation.", "Settlement events", "Discrepancy", ""),
    ("withdrawal.", "Wallet events", "Withdrawal", "Customers' wallet withdrawals and transfers."),
    ("transfer.", "Wallet events", "Transfer", ""),
    ("channel_config.", "Channel events", "ChannelConfigEventObject",
     "A payment channel's settings changed in the portal."),
)

# Types Kassa records that are not subscribable by name (app/event_types.py): only `*` endpoints get them.
DELIVERED_TO_ALL_ONLY = ("order.fulfilment_failed", "channel_config.updated")

SIGNATURE_HEADER = {
    "name": "Kassa-Signature", "in": "header", "required": True, "schema": {"type": "string",
                                                                          "pattern": "^t=[0-9]+,v1=[0-9a-f]{64}$"},
    "description": '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the endpoint secret '
                   f"(see [{SIGNATURE_TAG}]({_SIGNATURE_ANCHOR}))"}


def _family(event_type: str) -> tuple[str, str, str, str]:
    return next(family for family in _FAMILIES if event_type.startswith(family[0]))


def event_schema(event_type: str) -> dict:
    """The body Kassa POSTs for ``event_type``: the Event envelope with that type and its payload."""
    envelope = SCHEMAS["Event"]
    payload = _family(event_type)[2]
    return {**envelope, "properties": {**envelope["properties"], "type": {"const": event_type},
                                        "data": _obj(["object"], object=_ref(payload))}}


def webhook_tags() -> list[dict]:
    """The navigation sections of the webhooks part, the signature instructions first."""
    tags = [{"name": SIGNATURE_TAG, "description": SIGNATURE_DESCRIPTION}]
    for _, tag, _, about in _FAMILIES:
        if about:
            tags.append({"name": tag, "description": about})
    return tags


def webhooks() -> dict:
    """One POST per subscribable event type, grouped like the API sections."""
    return {event_type: {"post": {
        "operationId": f"webhook-{event_type}", "summary": event_type, "tags": [_family(event_type)[1]],
        "description": (f"Sent to endpoints subscribed to `*` (not subscribable by name)"
                        if event_type in DELIVERED_TO_ALL_ONLY else
                        f"Sent to endpoints subscribed to `{event_type}` or `*`")
                       + f"; `data.object` is shaped like {_family(event_type)[2]}. Verify the signature first "
                         f"([{SIGNATURE_TAG}]({_SIGNATURE_ANCHOR})).",
        "security": [], "parameters": [SIGNATURE_HEADER],
        "requestBody": {"required": True, "content": {"application/json": {"schema": event_schema(event_type)}}},
        "responses": {"2XX": {"description": "Received. Any other answer, or none within 10 s, is retried with "
                                             "backoff for 3 days."}}}}
        for event_type in sorted(EVENT_TYPES | set(DELIVERED_TO_ALL_ONLY),
                                 key=lambda t: (_FAMILIES.index(_family(t)), t))}
