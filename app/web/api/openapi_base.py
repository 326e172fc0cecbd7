"""The base of the OpenAPI document (app/web/api/openapi.py): the pieces every area's module builds with, and the
wallet and customer routes (orders, payments, products and quotes declare themselves: app/web/api/models/). Each
other area adds its schemas and paths to ``SCHEMAS`` and ``PATHS`` in a module of its own (app/web/api/openapi_*.py),
which imports this one and never the document."""

from __future__ import annotations

from typing import Any


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(required: list[str], **props: Any) -> dict:
    return {"type": "object", "required": required, "properties": props}


_STR = {"type": "string"}
_INT = {"type": "integer"}
_NULLABLE_STR = {"type": ["string", "null"]}
# Every time in an answer (API.md): ISO 8601 UTC ending in Z, to the second.
_TIME = {"type": "string", "format": "date-time", "examples": ["2026-11-27T15:07:48Z"]}
_NULLABLE_TIME = {"type": ["string", "null"], "format": "date-time", "examples": ["2026-11-27T15:07:48Z"]}
# A time in a request: ISO 8601 (with Z or an offset) or unix seconds.
_TIME_INPUT = {
    "anyOf": [{"type": "string", "format": "date-time"}, {"type": "integer"}],
    "examples": ["2026-11-27T15:07:48Z", 1795792068],
}
_CURRENCY = {"type": "string", "pattern": "^[a-z]{3}$"}
# Asking for a basket in one of its SKUs' currencies (each SKU's ``prices``).
_CURRENCY_INPUT = _CURRENCY | {
    "description": "price every item from its price in this currency (lowercase ISO 4217, e.g. eur); each item "
    "must have one, else 400 currency_unavailable (param currency) naming the item and the "
    "currencies it is sold in. Left out: the items' default prices"
}

# Order and Payment stay for the event payloads (app/web/api/openapi_event_payloads.py) and the areas that add to
# Order until they declare themselves; the document's Order and Payment are generated (app/web/api/models/orders.py).
SCHEMAS: dict[str, dict] = {
    "Error": _obj(
        ["error"],
        error=_obj(
            ["type", "code", "message", "request_id"],
            type={
                "enum": [
                    "invalid_request_error",
                    "authentication_error",
                    "permission_error",
                    "rate_limit_error",
                    "risk_error",
                    "channel_error",
                    "api_error",
                ]
            },
            code=_STR,
            message=_STR,
            param=_STR,
            request_id={"type": "string", "description": "the X-Request-Id of this response"},
        ),
    ),
    "Money": _obj(["amount", "currency"], amount=_INT, currency=_CURRENCY),
    "Payment": _obj(
        ["id", "channel", "status", "amount", "provider_reference"],
        id=_STR,
        object={"const": "payment"},
        order=_STR,
        channel=_STR,
        created_at=_TIME,
        status={"enum": ["pending", "succeeded", "failed", "unknown", "canceled"]},
        amount=_INT,
        currency=_CURRENCY,
        provider_reference=_NULLABLE_STR,
        failure_reason=_NULLABLE_STR,
        card_fingerprint={
            "type": ["string", "null"],
            "description": "the provider's fingerprint of the card that paid, when known",
        },
    ),
    "Order": _obj(
        [
            "id",
            "status",
            "items",
            "amount",
            "refunded_amount",
            "customer",
            "client_secret",
            "expires_at",
            "available_channels",
            "created_at",
            "timeline",
            "payments",
        ],
        id=_STR,
        object={"const": "order"},
        kind={"enum": ["purchase", "topup"]},
        livemode={"type": "boolean", "description": "false for orders made with test keys (or a test-mode page)"},
        status={"enum": ["created", "paying", "paid", "fulfilled", "completed", "refunding", "refunded", "closed"]},
        items={
            "type": "array",
            "items": _obj(
                ["sku", "quantity", "unit_amount", "amount"],
                sku=_STR,
                product=_STR,
                name=_STR,
                quantity=_INT,
                unit_amount=_INT,
                amount=_INT,
            ),
        },
        amount=_obj(
            ["subtotal", "discount", "total", "currency"], subtotal=_INT, discount=_INT, total=_INT, currency=_CURRENCY
        ),
        refunded_amount=_INT,
        customer=_obj(
            ["id"],
            id=_STR,
            email=_NULLABLE_STR,
            source={
                "enum": ["secret_key", "checkout_session", "publishable_key", "guest"],
                "description": "how the customer was established; only secret_key and checkout_session (verified) "
                "may use the customer's wallet. A publishable_key customer's id is pk:<the id sent>, a "
                "customer apart from the merchant's customer of that name",
            },
            verified={"type": "boolean"},
        ),
        checkout_session={"type": ["string", "null"], "description": "the checkout session the order was made through"},
        client_secret=_STR,
        metadata={"type": "object"},
        expires_at=_TIME,
        available_channels={"type": "array", "items": _obj(["code", "name", "icon"], code=_STR, name=_STR, icon=_STR)},
        created_at=_TIME,
        timeline={
            "type": "array",
            "items": _obj(
                ["status", "at", "reason"],
                status=_STR,
                at=_TIME,
                reason={
                    "type": "string",
                    "description": "Kassa's note for the merchant (secret key), which may quote "
                    "the merchant's own words; for a publishable key a neutral sentence per kind of entry",
                },
            ),
        },
        payments={"type": "array", "items": _ref("Payment")},
    ),
    "TopupInput": _obj(
        ["amount", "currency", "channel"],
        amount={"type": "integer", "minimum": 1},
        currency=_CURRENCY,
        channel=_STR,
        checkout_session={
            "type": "string",
            "description": "publishable key only, required: the client_secret of a session for this customer",
        },
    ),
    "Topup": _obj(
        ["id", "status", "amount"],
        id=_STR,
        status={"enum": ["pending", "succeeded", "canceled", "refunded"]},
        customer=_STR,
        livemode={"type": "boolean"},
        amount=_ref("Money"),
        created_at=_TIME,
    ),
    "TopupResponse": _obj(["topup", "payment"], topup=_ref("Topup"), payment=_ref("PaymentWithAction")),
    "CustomerBalance": _obj(
        ["customer", "available", "frozen"],
        customer=_STR,
        livemode={"type": "boolean"},
        available={"type": "array", "items": _ref("Money")},
        frozen={"type": "array", "items": _ref("Money")},
    ),
    "Health": _obj(
        ["status", "checks"],
        status={"enum": ["ok", "degraded"]},
        checks=_obj(["database", "redis"], database=_STR, redis=_STR),
        channel_health={
            "type": "object",
            "description": "per channel, in words: available or "
            "suspended, why, and until when (null: until someone ends it)",
            "additionalProperties": _obj(
                ["status", "reason", "until"],
                status={"enum": ["available", "suspended", "unknown"]},
                reason={"type": ["string", "null"]},
                until={"type": ["string", "null"], "format": "date-time"},
            ),
        },
        channels={
            "type": "object",
            "additionalProperties": _STR,
            "description": "raw circuit breaker state per channel, for monitors: closed, open or "
            "half_open (channel_health says the same in words)",
        },
    ),
}

# Still quoted by the subscriptions part (app/web/api/openapi_signing.py).
_COUPON_409 = "out_of_stock, or coupon_exhausted (its total or per-customer limit is reached)"
_LIMIT_422 = "agreement_required, or purchase_limit_exceeded (the customer may buy no more of a SKU)"


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(schema: str, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


_AUTH_ERRORS = {"401": _error("missing, malformed or unknown key")}
# Decisions about an order (pay, refund, cancel a payment) take its lock in Redis: without Redis, or while
# another process holds it, nothing is done and the same call may be retried after Retry-After seconds.
_UNAVAILABLE = {
    "503": _error(
        "service_unavailable: Kassa cannot reach Redis (nothing was done) or its database "
        "dropped the connection (rolled back); order_locked / wallet_locked: another process is "
        "updating it. Retry after Retry-After seconds"
    )
}
_SECRET_ERRORS = {**_AUTH_ERRORS, "403": _error("a publishable key on a secret-only route")}
_ID = {"name": "id", "in": "path", "required": True, "schema": _STR}
_PAGE = [
    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
    {
        "name": "starting_after",
        "in": "query",
        "schema": _STR,
        "description": "the id of the last item of the page before; any other value is a 400",
    },
]
_IDEMPOTENCY = {
    "name": "Idempotency-Key",
    "in": "header",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[^\\x00-\\x1f\\x7f]+$"},
}


def _body(schema: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema)}}}


PATHS: dict[str, dict] = {
    "/customers/{id}/topups": {
        "post": {
            "summary": "Top up a customer's wallet through a channel; follow the payment's next_action",
            "parameters": [_ID, _IDEMPOTENCY],
            "requestBody": _body("TopupInput"),
            "responses": {
                "201": _ok("TopupResponse", "Created"),
                "400": _error("bad amount or currency, or a channel that cannot top up (e.g. wallet)"),
                "403": _error(
                    "checkout_session_required: a publishable key needs the checkout_session of this customer"
                ),
                "502": _error("the channel failed; the top-up was closed"),
                **_UNAVAILABLE,
                **_AUTH_ERRORS,
            },
        }
    },
    "/customers/{id}/balance": {
        "get": {
            "summary": "A customer's wallet balance per currency (secret key)",
            "parameters": [_ID],
            "responses": {"200": _ok("CustomerBalance"), **_SECRET_ERRORS},
        }
    },
}
