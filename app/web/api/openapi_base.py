"""The base of the OpenAPI document (app/web/api/openapi.py): the pieces every area's module builds with, and the
first areas, orders, payments and wallets. Each other area adds its schemas and paths to ``SCHEMAS`` and ``PATHS`` in
a module of its own (app/web/api/openapi_*.py), which imports this one and never the document."""

from __future__ import annotations

from typing import Any

from app.payments.attempts.returns import MAX_RETURN_URL_LENGTH


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
    "Sku": _obj(
        ["id", "name", "price", "specs", "stock", "subscription"],
        id=_STR,
        name=_STR,
        price=_ref("Money"),
        specs={"type": "object"},
        stock={"type": ["integer", "null"], "minimum": 0},
        subscription={"type": ["object", "null"]},
    ),
    "Product": _obj(
        ["id", "name", "description", "images", "attributes", "skus", "checkout_url"],
        id=_STR,
        name=_STR,
        description=_STR,
        images={"type": "array", "items": {"type": "string", "format": "uri"}},
        attributes={"type": "object"},
        skus={"type": "array", "items": _ref("Sku")},
        checkout_url={"type": "string", "format": "uri"},
    ),
    "ProductList": _obj(
        ["data", "has_more"], data={"type": "array", "items": _ref("Product")}, has_more={"type": "boolean"}
    ),
    "QuoteLine": _obj(
        ["sku", "quantity", "unit_amount", "amount"],
        sku=_STR,
        name=_STR,
        quantity=_INT,
        unit_amount=_INT | {"description": "the SKU's price in the quote's currency"},
        amount=_INT,
    ),
    "Quote": _obj(
        ["subtotal", "discount", "total", "currency", "lines"],
        subtotal=_INT,
        discount=_INT,
        total=_INT,
        currency=_CURRENCY,
        lines={"type": "array", "items": _ref("QuoteLine")},
    ),
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
    "NextAction": {
        "oneOf": [
            _obj(["type", "url"], type={"const": "redirect"}, url={"type": "string", "format": "uri"}),
            _obj(
                ["type", "url", "image"],
                type={"const": "qr"},
                url=_STR,
                image=_STR,
                expires_at={
                    "type": "string",
                    "format": "date-time",
                    "description": "when the code stops being payable; the waiting payment is then failed and "
                    "the order reopened for another try",
                },
            ),
            _obj(["type"], type={"const": "none"}),
        ]
    },
    "PaymentWithAction": {"allOf": [_ref("Payment"), _obj(["next_action"], next_action=_ref("NextAction"))]},
    "PayResponse": _obj(
        ["payment"],
        payment={
            "oneOf": [_ref("PaymentWithAction"), {"type": "null"}],
            "description": "null when the order costs nothing (a one-off order whose total is 0): it is "
            "completed without a payment, and is paid already",
        },
        next_action=_obj(["type"], type={"const": "none"})
        | {"description": "only with payment null: nothing for the client to follow"},
        order=_ref("Order") | {"description": "only with payment null: the order, paid"},
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
    "OrderList": _obj(
        ["data", "has_more"], data={"type": "array", "items": _ref("Order")}, has_more={"type": "boolean"}
    ),
    "ItemInput": _obj(["sku", "quantity"], sku=_STR, quantity={"type": "integer", "minimum": 1, "maximum": 99}),
    "QuoteInput": _obj(
        ["items"],
        items={"type": "array", "items": _ref("ItemInput"), "minItems": 1},
        coupon=_STR,
        currency=_CURRENCY_INPUT,
    ),
    "OrderInput": _obj(
        ["agreement_accepted"],
        items={
            "type": "array",
            "items": _ref("ItemInput"),
            "minItems": 1,
            "description": "required, except with a checkout session that fixes the items",
        },
        coupon=_STR,
        currency=_CURRENCY_INPUT
        | {
            "description": _CURRENCY_INPUT["description"] + "; with a checkout session that fixes "
            "its currency, leave it out or give that one"
        },
        customer=_obj(
            ["id"], id=_STR, email=_STR | {"description": "where the receipt is emailed once the order is paid"}
        )
        | {
            "description": "secret key: the customer. Publishable key: only the merchant's "
            "reference for an unverified customer (never their wallet), at most "
            "197 characters, kept as pk:<id>, apart from the customer of that "
            "name; "
            "leave it out to check out as a guest"
        },
        checkout_session={
            "type": "string",
            "description": "the client_secret of an open checkout session: the order is for its customer",
        },
        agreement_accepted={"const": True},
        metadata={"type": "object"},
    ),
    "PayInput": _obj(
        [],
        channel={
            "type": ["string", "null"],
            "description": "required unless the order costs nothing (total 0, no "
            "subscription): such an order needs no channel, and one named "
            "for it is not used",
        },
        return_url={
            "type": "string",
            "format": "uri",
            "maxLength": MAX_RETURN_URL_LENGTH,
            "description": "the merchant's page the shopper comes back to after a redirect channel, through Kassa, "
            "which adds kassa_order, kassa_client_secret and redirect_status (succeeded, failed or "
            "processing: a hint; read the order for the outcome); with a live publishable key, a page "
            "of the merchant's allowed origins. Default: Kassa's order page",
        },
        client_secret={"type": "string", "description": "required with a publishable key"},
    ),
    "CustomerErasure": _obj(
        ["id", "object", "customer", "livemode", "erased", "created_at"],
        id=_STR,
        object={"const": "customer_erasure"},
        customer=_STR,
        livemode={"type": "boolean"},
        erased={
            "type": "object",
            "additionalProperties": {"type": "integer"},
            "description": "records blanked, by kind (orders, subscriptions, "
            "checkout_sessions, emails, refund_requests, payments, "
            "integration_logs, refunds, "
            "timeline_entries, risk_assessments, webhook_attempts, events, "
            "api_request_logs, idempotent_responses, notes, audit_entries, "
            "risk_counters)",
        },
        created_at={"type": "string", "format": "date-time"},
    ),
    "CustomerExport": _obj(
        [
            "object",
            "customer",
            "livemode",
            "modes",
            "generated_at",
            "orders",
            "subscriptions",
            "entitlements",
            "wallet",
            "withdrawals",
            "transfers",
            "checkout_sessions",
            "refund_requests",
            "emails",
            "erasures",
        ],
        object={"const": "customer_export"},
        customer=_STR,
        livemode={"type": "boolean"},
        modes={"type": "array", "items": {"enum": ["live", "test"]}},
        generated_at=_TIME,
        orders={"type": "array", "items": _ref("Order")},
        subscriptions={"type": "array", "items": _ref("Subscription")},
        entitlements={
            "type": "object",
            "additionalProperties": _ref("Entitlements"),
            "description": "by mode (live, test)",
        },
        wallet={"type": "object", "additionalProperties": _ref("CustomerBalance"), "description": "by mode"},
        withdrawals={"type": "array", "items": _ref("Withdrawal")},
        transfers={"type": "array", "items": _ref("Transfer"), "description": "sent or received"},
        checkout_sessions={
            "type": "array",
            "items": _ref("CheckoutSessionEventObject"),
            "description": "as their events carry them: no url or client_secret",
        },
        refund_requests={
            "type": "array",
            "items": _obj(
                ["id", "order", "reason", "status", "created"],
                id=_STR,
                order=_STR,
                reason=_STR,
                status=_STR,
                ip={"type": ["string", "null"]},
                device={"type": ["string", "null"]},
                created=_TIME,
            ),
        },
        emails={
            "type": "array",
            "items": _obj(
                ["kind", "recipient", "status", "created"],
                kind={"enum": ["receipt", "payment_failed", "trial_ending", "canceled", "paused"]},
                order=_STR,
                subscription=_STR,
                recipient=_STR,
                created=_TIME,
                status={
                    "type": "string",
                    "description": "pending, sending, sent, failed, skipped, or withheld (test mode: "
                    "not sent to an address outside the merchant's team)",
                },
                reason={"type": ["string", "null"], "description": "why it was not sent"},
                sent_at={"type": ["string", "null"], "format": "date-time"},
            ),
        },
        erasures={"type": "array", "items": _ref("CustomerErasure")},
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

# Coupons: the discount lines of a quote or order.
SCHEMAS["Discount"] = _obj(
    ["coupon", "description", "amount"], coupon=_STR, description=_STR, amount={"type": "integer", "minimum": 0}
)
SCHEMAS["Quote"]["properties"]["discounts"] = {"type": "array", "items": _ref("Discount")}
SCHEMAS["Order"]["properties"]["discounts"] = {"type": "array", "items": _ref("Discount")}
_COUPON_400 = (
    "invalid items, currency_unavailable (an item has no price in the currency asked for; param "
    "currency), currency_mismatch (items in different default currencies and no currency given), or a "
    "coupon that cannot be used: coupon_invalid (unknown or deactivated code), coupon_expired, "
    "coupon_not_yet_valid, coupon_not_applicable (wrong items, currency or spend)"
)
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
    "/products": {
        "get": {
            "summary": "List active products",
            "parameters": _PAGE,
            "responses": {"200": _ok("ProductList"), "400": _error("bad parameter"), **_AUTH_ERRORS},
        }
    },
    "/products/{id}": {
        "get": {
            "summary": "Retrieve a product",
            "parameters": [_ID],
            "responses": {"200": _ok("Product"), "404": _error("no such product"), **_AUTH_ERRORS},
        }
    },
    "/quotes": {
        "post": {
            "summary": "Price a basket (no side effects)",
            "requestBody": _body("QuoteInput"),
            "parameters": [_IDEMPOTENCY],
            "responses": {"200": _ok("Quote"), "400": _error(_COUPON_400), "409": _error(_COUPON_409), **_AUTH_ERRORS},
        }
    },
    "/orders": {
        "post": {
            "summary": "Create an order",
            "requestBody": _body("OrderInput"),
            "parameters": [_IDEMPOTENCY],
            "responses": {
                "201": _ok("Order", "Created"),
                "400": _error(
                    _COUPON_400 + "; checkout_session_invalid (unknown, another "
                    "merchant's or another mode's session); sku_recurring (items[i].sku "
                    "is sold as a subscription: POST /subscriptions opens it)"
                ),
                "409": _error(_COUPON_409 + "; checkout_session_complete, checkout_session_expired"),
                "422": _error(_LIMIT_422),
                **_AUTH_ERRORS,
            },
        },
        "get": {
            "summary": "List orders, newest first (secret key)",
            "parameters": _PAGE
            + [
                {"name": n, "in": "query", "schema": _STR} for n in ("status", "customer", "created_gte", "created_lte")
            ],
            "responses": {"200": _ok("OrderList"), "400": _error("bad parameter"), **_SECRET_ERRORS},
        },
    },
    "/orders/{id}": {
        "get": {
            "summary": "Retrieve an order (secret key, or publishable key with client_secret)",
            "parameters": [_ID, {"name": "client_secret", "in": "query", "schema": _STR}],
            "responses": {"200": _ok("Order"), "404": _error("no such order"), **_AUTH_ERRORS},
        }
    },
    "/orders/{id}/pay": {
        "post": {
            "summary": "Start a payment on a channel; follow next_action (publishable key: with the order's "
            "client_secret). An order of nothing is completed at once, without a channel: payment null",
            "parameters": [_ID, _IDEMPOTENCY, {"name": "client_secret", "in": "query", "schema": _STR}],
            "requestBody": _body("PayInput"),
            "responses": {
                "200": _ok("PayResponse"),
                "400": _error(
                    "unknown or unavailable channel (channel_unavailable says why: e.g. a test "
                    "channel for a live order, or the wallet of an unverified customer); "
                    "return_url_not_allowed: a live publishable key's return_url is not a page of "
                    "the merchant's allowed origins"
                ),
                "422": _error("insufficient_balance: the wallet does not cover the total"),
                "404": _error(
                    "no such order (of this key's mode), or a publishable key without the order's client_secret"
                ),
                "409": _error(
                    "payment in progress (payment_in_progress), its outcome not known yet "
                    "(payment_outcome_unknown), expired or not payable; checkout_session_complete: "
                    "another order of its checkout session is paid already"
                ),
                "502": _error(
                    "the channel failed (channel_unavailable) or did not answer in time (payment_outcome_unknown)"
                ),
                **_UNAVAILABLE,
                **_AUTH_ERRORS,
            },
        }
    },
    "/orders/{id}/change_payment_method": {
        "post": {
            "summary": "The shopper pays another way: fail the order's waiting payment (e.g. an unscanned QR code) and "
            "reopen the order (status created, same items and coupon) for a new pay call (publishable key: "
            "with the order's client_secret)",
            "parameters": [_ID, _IDEMPOTENCY, {"name": "client_secret", "in": "query", "schema": _STR}],
            "requestBody": {
                "content": {
                    "application/json": {
                        "schema": _obj(
                            [],
                            payment={
                                "type": "string",
                                "description": "the waiting payment's id; refused (409) when another "
                                "payment is waiting by now",
                            },
                            client_secret=_STR,
                        )
                    }
                }
            },
            "responses": {
                "200": _ok("Order"),
                "400": _error("payment is not a string"),
                "404": _error("no such order or payment"),
                "409": _error(
                    "no payment waiting (payment_not_waiting), or its outcome not known yet (payment_outcome_unknown)"
                ),
                **_UNAVAILABLE,
                **_AUTH_ERRORS,
            },
        }
    },
    "/orders/{id}/cancel": {
        "post": {
            "summary": "Cancel an order that is created or paying (secret key)",
            "parameters": [_ID, _IDEMPOTENCY],
            "responses": {
                "200": _ok("Order"),
                "404": _error("no such order"),
                "409": _error("not cancellable"),
                **_UNAVAILABLE,
                **_SECRET_ERRORS,
            },
        }
    },
    "/customers/{id}/erase": {
        "post": {
            "summary": "Erase a customer's personal data (a shopper's erasure request; secret key)",
            "description": "Blanks the customer's email on orders, subscriptions and checkout sessions, the address "
            "their receipts and subscription emails went to (unsent ones are dropped), the IP and device "
            "of their refund requests, the same in stored events and in responses kept for idempotent "
            "replays, and the bodies of logged API requests that carried them. Orders, amounts, payments "
            "and the ledger stay. A live key erases live and test data, a test key test data. Erasing "
            "again blanks nothing more (all counts 0). An id holding a / (tenant/42) is taken whole, as "
            "it is or as %2F.",
            "parameters": [_ID, _IDEMPOTENCY],
            "responses": {
                "200": _ok("CustomerErasure"),
                "400": _error("customer id empty or over 200 characters"),
                **_UNAVAILABLE,
                **_SECRET_ERRORS,
            },
        }
    },
    "/customers/{id}/export": {
        "get": {
            "summary": "Everything Kassa holds about a customer (a shopper's access request; secret key)",
            "description": "One document: their orders as GET /orders/{id} shows them (with the email they gave, "
            "payments, refunds and disputes), subscriptions, entitlements and wallet balance by mode, "
            "withdrawals, refund requests (with the address and device they came from), the emails sent "
            "to them and the erasures done. A live key covers live and test records, a test key test "
            "records. The audit log records who exported whose data and how much, never the data. An id "
            "holding a / is taken whole, as it is or as %2F.",
            "parameters": [_ID],
            "responses": {
                "200": _ok("CustomerExport"),
                "400": _error("customer id empty or over 200 characters"),
                "422": _error("export_too_large: more than 10,000 orders; page GET /orders?customer= instead"),
                **_SECRET_ERRORS,
            },
        }
    },
}
