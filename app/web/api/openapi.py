"""The OpenAPI 3.1 document for what the API serves today. A test validates live responses
against it, so it cannot drift from the code unnoticed."""
from __future__ import annotations

from typing import Any

from app.payments.returns import MAX_RETURN_URL_LENGTH


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(required: list[str], **props: Any) -> dict:
    return {"type": "object", "required": required, "properties": props}


_STR = {"type": "string"}
_INT = {"type": "integer"}
_NULLABLE_STR = {"type": ["string", "null"]}
_TIME = {"type": "string", "format": "date-time"}
_CURRENCY = {"type": "string", "pattern": "^[a-z]{3}$"}
# Asking for a basket in one of its SKUs' currencies (each SKU's ``prices``).
_CURRENCY_INPUT = _CURRENCY | {
    "description": "price every item from its price in this currency (lowercase ISO 4217, e.g. eur); each item "
                   "must have one, else 400 currency_unavailable (param currency) naming the item and the "
                   "currencies it is sold in. Left out: the items' default prices"}

SCHEMAS: dict[str, dict] = {
    "Error": _obj(["error"], error=_obj(["type", "code", "message", "request_id"], type={"enum": [
        "invalid_request_error", "authentication_error", "permission_error", "rate_limit_error", "risk_error",
        "channel_error", "api_error"]}, code=_STR, message=_STR, param=_STR,
        request_id={"type": "string", "description": "the X-Request-Id of this response"})),
    "Money": _obj(["amount", "currency"], amount=_INT, currency=_CURRENCY),
    "Sku": _obj(["id", "name", "price", "specs", "stock", "subscription"], id=_STR, name=_STR, price=_ref("Money"),
                specs={"type": "object"}, stock={"type": ["integer", "null"], "minimum": 0},
                subscription={"type": ["object", "null"]}),
    "Product": _obj(["id", "name", "description", "images", "attributes", "skus", "checkout_url"], id=_STR,
                    name=_STR, description=_STR, images={"type": "array", "items": {"type": "string", "format": "uri"}},
                    attributes={"type": "object"}, skus={"type": "array", "items": _ref("Sku")},
                    checkout_url={"type": "string", "format": "uri"}),
    "ProductList": _obj(["data", "has_more"], data={"type": "array", "items": _ref("Product")},
                        has_more={"type": "boolean"}),
    "QuoteLine": _obj(["sku", "quantity", "unit_amount", "amount"], sku=_STR, name=_STR, quantity=_INT,
                      unit_amount=_INT | {"description": "the SKU's price in the quote's currency"}, amount=_INT),
    "Quote": _obj(["subtotal", "discount", "total", "currency", "lines"], subtotal=_INT, discount=_INT, total=_INT,
                  currency=_CURRENCY, lines={"type": "array", "items": _ref("QuoteLine")}),
    "Payment": _obj(["id", "channel", "status", "amount", "provider_reference"], id=_STR, object={"const": "payment"},
                    order=_STR, channel=_STR, created_at=_TIME,
                    status={"enum": ["pending", "succeeded", "failed", "unknown", "canceled"]}, amount=_INT,
                    currency=_CURRENCY, provider_reference=_NULLABLE_STR, failure_reason=_NULLABLE_STR,
                    card_fingerprint={"type": ["string", "null"],
                                      "description": "the provider's fingerprint of the card that paid, when known"}),
    "NextAction": {"oneOf": [
        _obj(["type", "url"], type={"const": "redirect"}, url={"type": "string", "format": "uri"}),
        _obj(["type", "url", "image"], type={"const": "qr"}, url=_STR, image=_STR,
             expires_at={"type": "string", "format": "date-time",
                         "description": "when the code stops being payable; the waiting payment is then failed and "
                                        "the order reopened for another try"}),
        _obj(["type"], type={"const": "none"})]},
    "PaymentWithAction": {"allOf": [_ref("Payment"), _obj(["next_action"], next_action=_ref("NextAction"))]},
    "PayResponse": _obj(["payment"], payment=_ref("PaymentWithAction")),
    "Order": _obj(
        ["id", "status", "items", "amount", "refunded_amount", "customer", "client_secret", "expires_at",
         "available_channels", "created_at", "timeline", "payments"],
        id=_STR, object={"const": "order"}, kind={"enum": ["purchase", "topup"]},
        livemode={"type": "boolean", "description": "false for orders made with test keys (or a test-mode page)"},
        status={"enum": ["created", "paying", "paid", "fulfilled", "completed", "refunding", "refunded", "closed"]},
        items={"type": "array", "items": _obj(["sku", "quantity", "unit_amount", "amount"], sku=_STR, product=_STR,
                                              name=_STR, quantity=_INT, unit_amount=_INT, amount=_INT)},
        amount=_obj(["subtotal", "discount", "total", "currency"], subtotal=_INT, discount=_INT, total=_INT,
                    currency=_CURRENCY),
        refunded_amount=_INT,
        customer=_obj(["id"], id=_STR, email=_NULLABLE_STR, source={
            "enum": ["secret_key", "checkout_session", "publishable_key", "guest"],
            "description": "how the customer was established; only secret_key and checkout_session (verified) "
                           "may use the customer's wallet"}, verified={"type": "boolean"}),
        checkout_session={"type": ["string", "null"], "description": "the checkout session the order was made "
                                                                     "through"},
        client_secret=_STR, metadata={"type": "object"}, expires_at=_TIME,
        available_channels={"type": "array", "items": _obj(["code", "name", "icon"], code=_STR, name=_STR, icon=_STR)},
        created_at=_TIME,
        timeline={"type": "array", "items": _obj(["status", "at", "reason"], status=_STR, at=_TIME, reason=_STR)},
        payments={"type": "array", "items": _ref("Payment")}),
    "OrderList": _obj(["data", "has_more"], data={"type": "array", "items": _ref("Order")},
                      has_more={"type": "boolean"}),
    "ItemInput": _obj(["sku", "quantity"], sku=_STR, quantity={"type": "integer", "minimum": 1, "maximum": 99}),
    "QuoteInput": _obj(["items"], items={"type": "array", "items": _ref("ItemInput"), "minItems": 1},
                       coupon=_STR, currency=_CURRENCY_INPUT),
    "OrderInput": _obj(["agreement_accepted"],
                       items={"type": "array", "items": _ref("ItemInput"), "minItems": 1,
                              "description": "required, except with a checkout session that fixes the items"},
                       coupon=_STR, currency=_CURRENCY_INPUT | {
                           "description": _CURRENCY_INPUT["description"] + "; with a checkout session that fixes "
                                          "its currency, leave it out or give that one"},
                       customer=_obj(["id"], id=_STR, email=_STR | {
                           "description": "where the receipt is emailed once the order is paid"}) | {
                           "description": "secret key: the customer. Publishable key: only the merchant's "
                                          "reference for an unverified customer (never their wallet); "
                                          "leave it out to check out as a guest"},
                       checkout_session={"type": "string", "description": "the client_secret of an open checkout "
                                                                          "session: the order is for its customer"},
                       agreement_accepted={"const": True}, metadata={"type": "object"}),
    "PayInput": _obj(["channel"], channel=_STR, return_url={
        "type": "string", "format": "uri", "maxLength": MAX_RETURN_URL_LENGTH,
        "description": "the merchant's page the shopper comes back to after a redirect channel, through Kassa, "
                       "which adds kassa_order, kassa_client_secret and redirect_status (succeeded, failed or "
                       "processing: a hint; read the order for the outcome). Default: Kassa's order page"},
                     client_secret={"type": "string", "description": "required with a publishable key"}),
    "TopupInput": _obj(["amount", "currency", "channel"], amount={"type": "integer", "minimum": 1},
                       currency=_CURRENCY, channel=_STR,
                       checkout_session={"type": "string", "description": "publishable key only, required: the "
                                                                          "client_secret of a session for this "
                                                                          "customer"}),
    "Topup": _obj(["id", "status", "amount"], id=_STR, status={"enum": ["pending", "succeeded", "canceled", "refunded"]},
                  customer=_STR, livemode={"type": "boolean"}, amount=_ref("Money"), created_at=_TIME),
    "TopupResponse": _obj(["topup", "payment"], topup=_ref("Topup"), payment=_ref("PaymentWithAction")),
    "CustomerBalance": _obj(["customer", "available", "frozen"], customer=_STR, livemode={"type": "boolean"},
                            available={"type": "array", "items": _ref("Money")},
                            frozen={"type": "array", "items": _ref("Money")}),
    "Health": _obj(["status", "checks"], status={"enum": ["ok", "degraded"]},
                   checks=_obj(["database", "redis"], database=_STR, redis=_STR),
                   channel_health={"type": "object", "description": "per channel, in words: available or "
                                   "suspended, why, and until when (null: until someone ends it)",
                                   "additionalProperties": _obj(["status", "reason", "until"],
                                                                status={"enum": ["available", "suspended", "unknown"]},
                                                                reason={"type": ["string", "null"]},
                                                                until={"type": ["string", "null"],
                                                                       "format": "date-time"})},
                   channels={"type": "object", "additionalProperties": _STR,
                             "description": "raw circuit breaker state per channel, for monitors: closed, open or "
                                            "half_open (channel_health says the same in words)"}),
}

# Coupons: the discount lines of a quote or order.
SCHEMAS["Discount"] = _obj(["coupon", "description", "amount"], coupon=_STR, description=_STR,
                           amount={"type": "integer", "minimum": 0})
SCHEMAS["Quote"]["properties"]["discounts"] = {"type": "array", "items": _ref("Discount")}
SCHEMAS["Order"]["properties"]["discounts"] = {"type": "array", "items": _ref("Discount")}
_COUPON_400 = ("invalid items, currency_unavailable (an item has no price in the currency asked for; param "
               "currency), currency_mismatch (items in different default currencies and no currency given), or a "
               "coupon that cannot be used: coupon_invalid (unknown or deactivated code), coupon_expired, "
               "coupon_not_yet_valid, coupon_not_applicable (wrong items, currency or spend)")
_COUPON_409 = "out_of_stock, or coupon_exhausted (its total or per-customer limit is reached)"
_LIMIT_422 = "agreement_required, or purchase_limit_exceeded (the customer may buy no more of a SKU)"


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(schema: str, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


_AUTH_ERRORS = {"401": _error("missing, malformed or unknown key")}
# Decisions about an order (pay, refund, cancel a payment) take its lock in Redis: without Redis, or while
# another process holds it, nothing is done and the same call may be retried after Retry-After seconds.
_UNAVAILABLE = {"503": _error("service_unavailable: Kassa cannot reach Redis (nothing was done); order_locked / "
                              "wallet_locked: another process is updating it. Retry after Retry-After seconds")}
_SECRET_ERRORS = {**_AUTH_ERRORS, "403": _error("a publishable key on a secret-only route")}
_ID = {"name": "id", "in": "path", "required": True, "schema": _STR}
_PAGE = [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
         {"name": "starting_after", "in": "query", "schema": _STR}]
_IDEMPOTENCY = {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string", "maxLength": 255}}


def _body(schema: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema)}}}


PATHS: dict[str, dict] = {
    "/products": {"get": {"summary": "List active products", "parameters": _PAGE,
                          "responses": {"200": _ok("ProductList"), "400": _error("bad parameter"), **_AUTH_ERRORS}}},
    "/products/{id}": {"get": {"summary": "Retrieve a product", "parameters": [_ID],
                               "responses": {"200": _ok("Product"), "404": _error("no such product"), **_AUTH_ERRORS}}},
    "/quotes": {"post": {"summary": "Price a basket (no side effects)", "requestBody": _body("QuoteInput"),
                         "parameters": [_IDEMPOTENCY],
                         "responses": {"200": _ok("Quote"), "400": _error(_COUPON_400),
                                       "409": _error(_COUPON_409), **_AUTH_ERRORS}}},
    "/orders": {
        "post": {"summary": "Create an order", "requestBody": _body("OrderInput"), "parameters": [_IDEMPOTENCY],
                 "responses": {"201": _ok("Order", "Created"),
                               "400": _error(_COUPON_400 + "; checkout_session_invalid (unknown, another "
                                             "merchant's or another mode's session)"),
                               "409": _error(_COUPON_409 + "; checkout_session_complete, checkout_session_expired"),
                               "422": _error(_LIMIT_422), **_AUTH_ERRORS}},
        "get": {"summary": "List orders, newest first (secret key)", "parameters": _PAGE + [
            {"name": n, "in": "query", "schema": _STR} for n in ("status", "customer", "created_gte", "created_lte")],
                "responses": {"200": _ok("OrderList"), "400": _error("bad parameter"), **_SECRET_ERRORS}}},
    "/orders/{id}": {"get": {
        "summary": "Retrieve an order (secret key, or publishable key with client_secret)",
        "parameters": [_ID, {"name": "client_secret", "in": "query", "schema": _STR}],
        "responses": {"200": _ok("Order"), "404": _error("no such order"), **_AUTH_ERRORS}}},
    "/orders/{id}/pay": {"post": {
        "summary": "Start a payment on a channel; follow next_action (publishable key: with the order's "
                   "client_secret)",
        "parameters": [_ID, _IDEMPOTENCY, {"name": "client_secret", "in": "query", "schema": _STR}],
        "requestBody": _body("PayInput"),
        "responses": {"200": _ok("PayResponse"),
                      "400": _error("unknown or unavailable channel (channel_unavailable says why: e.g. a test "
                                    "channel for a live order, or the wallet of an unverified customer)"),
                      "422": _error("insufficient_balance: the wallet does not cover the total"),
                      "404": _error("no such order (of this key's mode), or a publishable key without the "
                                    "order's client_secret"),
                      "409": _error("payment in progress (payment_in_progress), its outcome not known yet "
                                    "(payment_outcome_unknown), expired or not payable"),
                      "502": _error("the channel failed (channel_unavailable) or did not answer in time "
                                    "(payment_outcome_unknown)"), **_UNAVAILABLE, **_AUTH_ERRORS}}},
    "/orders/{id}/change_payment_method": {"post": {
        "summary": "The shopper pays another way: fail the order's waiting payment (e.g. an unscanned QR code) and "
                   "reopen the order (status created, same items and coupon) for a new pay call (publishable key: "
                   "with the order's client_secret)",
        "parameters": [_ID, _IDEMPOTENCY, {"name": "client_secret", "in": "query", "schema": _STR}],
        "requestBody": {"content": {"application/json": {"schema": _obj(
            [], payment={"type": "string", "description": "the waiting payment's id; refused (409) when another "
                                                           "payment is waiting by now"},
            client_secret=_STR)}}},
        "responses": {"200": _ok("Order"), "400": _error("payment is not a string"),
                      "404": _error("no such order or payment"),
                      "409": _error("no payment waiting (payment_not_waiting), or its outcome not known yet "
                                    "(payment_outcome_unknown)"), **_UNAVAILABLE, **_AUTH_ERRORS}}},
    "/orders/{id}/cancel": {"post": {
        "summary": "Cancel an order that is created or paying (secret key)", "parameters": [_ID, _IDEMPOTENCY],
        "responses": {"200": _ok("Order"), "404": _error("no such order"), "409": _error("not cancellable"),
                      **_UNAVAILABLE, **_SECRET_ERRORS}}},
    "/customers/{id}/topups": {"post": {
        "summary": "Top up a customer's wallet through a channel; follow the payment's next_action",
        "parameters": [_ID, _IDEMPOTENCY], "requestBody": _body("TopupInput"),
        "responses": {"201": _ok("TopupResponse", "Created"),
                      "400": _error("bad amount or currency, or a channel that cannot top up (e.g. wallet)"),
                      "403": _error("checkout_session_required: a publishable key needs the checkout_session of "
                                    "this customer"),
                      "502": _error("the channel failed; the top-up was closed"), **_UNAVAILABLE, **_AUTH_ERRORS}}},
    "/customers/{id}/balance": {"get": {
        "summary": "A customer's wallet balance per currency (secret key)", "parameters": [_ID],
        "responses": {"200": _ok("CustomerBalance"), **_SECRET_ERRORS}}},
}


# The order lifecycle after payment: refunds, confirm, entitlements (kept as one additive block).
SCHEMAS.update({
    "Refund": _obj(["id", "amount", "currency", "status"], id=_STR, object={"const": "refund"}, order=_STR,
                   payment=_STR, amount={"type": "integer", "minimum": 1}, currency=_CURRENCY,
                   status={"enum": ["pending", "succeeded", "failed"]}, reason=_NULLABLE_STR,
                   failure_reason=_NULLABLE_STR, created_at=_TIME,
                   risk={"oneOf": [{"type": "null"}, _obj(["score", "reasons"], score={"type": "integer", "minimum": 0,
                                                                                      "maximum": 100},
                                                          reasons={"type": "array", "items": _STR})],
                         "description": "the customer's refund-abuse score when the refund was asked for "
                                        "(recorded, never refusing the merchant's refund)"}),
    "RefundResponse": _obj(["refund"], refund=_ref("Refund")),
    "RefundInput": {"type": "object", "properties": {
        "amount": {"type": "integer", "minimum": 1, "description": "minor units; default: all that remains"},
        "reason": {"type": "string", "maxLength": 500}}},
    "Entitlements": _obj(
        ["customer", "membership", "credits", "grants"], customer=_STR, object={"const": "entitlements"},
        livemode={"type": "boolean"},
        membership={"oneOf": [{"type": "null"}, _obj(["active", "until"], active={"type": "boolean"}, until=_TIME)]},
        credits={"type": "integer", "minimum": 0},
        grants={"type": "array", "items": _obj(
            ["order", "kind", "granted_at"], order=_STR, kind={"enum": ["membership", "credits"]},
            membership_days={"type": ["integer", "null"]}, credits={"type": ["integer", "null"]},
            membership_until={"type": ["string", "null"], "format": "date-time"}, granted_at=_TIME)}),
})
SCHEMAS["Order"]["properties"]["refunds"] = {"type": "array", "items": _ref("Refund")}
PATHS.update({
    "/orders/{id}/confirm": {"post": {
        "summary": "Confirm a fulfilled order: fulfilled → completed (secret key; also happens automatically)",
        "parameters": [_ID, _IDEMPOTENCY],
        "responses": {"200": _ok("Order"), "404": _error("no such order"), "409": _error("order is not fulfilled"),
                      **_SECRET_ERRORS}}},
    "/orders/{id}/refunds": {"post": {
        "summary": "Refund all or part of a paid order through the channel that captured it (secret key)",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": {"required": False, "content": {"application/json": {"schema": _ref("RefundInput")}}},
        "responses": {"201": _ok("RefundResponse", "Created (status pending while the provider's answer is unknown: the order stays refunding and Kassa resolves it by the refund's reference; failed if the channel refused: retry it)"),
                      "400": _error("amount or reason invalid"), "404": _error("no such order"),
                      "409": _error("not refundable now, or a refund is in progress"),
                      "422": _error("amount_too_large: more than remains refundable"), **_UNAVAILABLE,
                      **_SECRET_ERRORS}}},
    "/refunds/{id}/retry": {"post": {
        "summary": "Try a failed refund again, including a failed automatic return of a stray capture (secret key)", "parameters": [_ID, _IDEMPOTENCY],
        "responses": {"200": _ok("RefundResponse"), "404": _error("no such refund"),
                      "409": _error("refund not failed, or order not refundable now"),
                      "422": _error("amount_too_large: the refund no longer fits"), **_UNAVAILABLE,
                      **_SECRET_ERRORS}}},
    "/customers/{id}/entitlements": {"get": {
        "summary": "What a customer holds: membership end, credit balance, grants (secret key)",
        "parameters": [_ID], "responses": {"200": _ok("Entitlements"), **_SECRET_ERRORS}}},
})

# Events and merchant webhooks.
SCHEMAS |= {
    "Event": _obj(["id", "object", "type", "livemode", "created_at", "data"], id=_STR, object={"const": "event"},
                  type=_STR, livemode={"type": "boolean"}, created_at=_TIME,
                  request_id={"type": ["string", "null"],
                              "description": "the request that created the order (or caused the event)"},
                  data=_obj(["object"], object={"type": "object", "description": "carries livemode too"})),
    "EventList": _obj(["data", "has_more"], data={"type": "array", "items": _ref("Event")},
                      has_more={"type": "boolean"}),
    "WebhookEndpoint": _obj(["id", "url", "events", "enabled", "created_at"], id=_STR,
                            object={"const": "webhook_endpoint"}, url={"type": "string", "format": "uri"},
                            events={"type": "array", "items": _STR, "minItems": 1}, enabled={"type": "boolean"},
                            created_at=_TIME),
    "WebhookEndpointCreated": {"allOf": [_ref("WebhookEndpoint"),
                                         _obj(["secret"], secret={"type": "string", "pattern": "^whsec_"})]},
    "WebhookEndpointList": _obj(["data", "has_more"], data={"type": "array", "items": _ref("WebhookEndpoint")},
                                has_more={"type": "boolean"}),
    "WebhookEndpointDeleted": _obj(["id", "deleted"], id=_STR, object={"const": "webhook_endpoint"},
                                   deleted={"const": True}),
    "WebhookEndpointInput": _obj(["url", "events"], url={"type": "string", "format": "uri"},
                                 events={"type": "array", "items": _STR, "minItems": 1,
                                         "description": 'event types, or ["*"] for every event'}),
}

PATHS |= {
    "/events": {"get": {
        "summary": "List events, newest first (secret key)",
        "parameters": _PAGE + [{"name": "type", "in": "query", "schema": _STR}],
        "responses": {"200": _ok("EventList"), "400": _error("bad parameter or unknown type"), **_SECRET_ERRORS}}},
    "/orders/{id}/events": {"get": {
        "summary": "One order's events, oldest first (secret key, or publishable key with client_secret)",
        "parameters": [_ID, {"name": "client_secret", "in": "query", "schema": _STR}],
        "responses": {"200": _ok("EventList"), "404": _error("no such order"), **_AUTH_ERRORS}}},
    "/webhook_endpoints": {
        "post": {"summary": "Register a webhook endpoint; the answer holds its signing secret, shown once",
                 "requestBody": _body("WebhookEndpointInput"), "parameters": [_IDEMPOTENCY],
                 "responses": {"201": _ok("WebhookEndpointCreated", "Created"),
                               "400": _error("invalid url or events"), **_SECRET_ERRORS}},
        "get": {"summary": "List webhook endpoints, newest first (no secrets)", "parameters": _PAGE,
                "responses": {"200": _ok("WebhookEndpointList"), "400": _error("bad parameter"), **_SECRET_ERRORS}}},
    "/webhook_endpoints/{id}": {"delete": {
        "summary": "Delete a webhook endpoint; its pending deliveries stop", "parameters": [_ID],
        "responses": {"200": _ok("WebhookEndpointDeleted"), "404": _error("no such endpoint"), **_SECRET_ERRORS}}},
}


# The merchant's balance.
SCHEMAS["AmountList"] = {"type": "array", "items": _ref("Money")}
SCHEMAS["Balance"] = _obj(["available", "pending", "frozen"], object={"const": "balance"},
                          available=_ref("AmountList"), pending=_ref("AmountList"), frozen=_ref("AmountList"),
                          wallets=_ref("AmountList"))
PATHS["/balance"] = {"get": {
    "summary": "The merchant's money, read from the ledger: available (its cleared share, net of fees and refunds, "
               "not yet paid out), pending (captured for orders not completed yet, and cleared money on hold), "
               "frozen (refunds set aside until the provider confirms them), and what customers hold in wallets "
               "(secret key)",
    "responses": {"200": _ok("Balance"), **_SECRET_ERRORS}}}

# The SDK's live order status (server-sent events; app/web/api/stream.py).
SCHEMAS["OrderStatusEvent"] = _obj(
    ["order", "status", "payment"], order=_STR, status=_STR,
    payment={"type": ["object", "null"], "properties": {"id": _STR, "channel": _STR, "status": _STR,
                                                       "failure_reason": {"type": ["string", "null"]}}})
PATHS["/orders/{id}/stream"] = {"get": {
    "summary": "An order's status as server-sent events, authorised by its client_secret (no key: an "
               "EventSource cannot send headers). `event: status` carries an OrderStatusEvent whenever the "
               "status or latest payment changes; `event: end` closes the stream once the order is paid or "
               "closed, or after ORDER_STREAM_SECONDS (the client reconnects). CORS: any origin.",
    "security": [],
    "parameters": [_ID, {"name": "client_secret", "in": "query", "required": True, "schema": _STR}],
    "responses": {"200": {"description": "text/event-stream of `status` events (data: OrderStatusEvent) "
                                         "and a final `end` event",
                          "content": {"text/event-stream": {"schema": {"type": "string"}}}},
                  "404": _error("no such order, or a wrong client_secret")}}}


# The merchant's catalog: products and SKUs with prices per currency, rules and statuses.
_STATUS = {"enum": ["draft", "active", "archived"]}
_SUBSCRIPTION = {"oneOf": [{"type": "null"}, _obj(["interval", "interval_count"], interval={"enum": ["month", "year"]},
                                                  interval_count={"type": "integer", "minimum": 1, "maximum": 12})]}
_CLEARING = {"oneOf": [{"type": "null"}, _obj(
    ["splits"], splits={"type": "array", "minItems": 1, "maxItems": 20, "description": "shares add up to 10000",
                        "items": _obj(["partner", "share_bps"], partner={"type": "string",
                                                                         "description": "a partner id, or self"},
                                      share_bps={"type": "integer", "minimum": 1, "maximum": 10000})},
    hold_days={"type": "integer", "minimum": 0, "maximum": 365,
               "description": "days after clearing before the shares may be settled"})]}
_FULFILMENT = {"type": ["object", "null"], "properties": {
    "membership_days": {"type": "integer", "minimum": 1}, "credits": {"type": "integer", "minimum": 1},
    "webhook_url": {"type": "string", "format": "uri"}}, "additionalProperties": False,
    "not": {"type": "object", "required": ["membership_days", "credits"]},
    "description": "membership_days or credits (one grant per order item, so not both), and/or webhook_url"}
_SKU_FIELDS = {"name": {"type": "string", "minLength": 1, "maxLength": 200}, "price": _ref("Money"),
               "prices": {"type": "array", "items": _ref("Money"), "description": "one per currency"},
               "specs": {"type": "object"}, "stock": {"type": ["integer", "null"], "minimum": 0}, "status": _STATUS,
               "fulfilment": _FULFILMENT, "purchase_limit": {"type": ["integer", "null"], "minimum": 1,
                                                             "description": "units per customer"},
               "subscription": _SUBSCRIPTION, "clearing": _CLEARING}
SCHEMAS["Sku"]["properties"] |= {"product": _STR, "status": _STATUS, "subscription": _SUBSCRIPTION,
                                 "prices": {"type": "array", "items": _ref("Money")},
                                 "purchase_limit": {"type": ["integer", "null"]}, "fulfilment": _FULFILMENT,
                                 "clearing": _CLEARING}
SCHEMAS["Product"]["properties"]["status"] = _STATUS
SCHEMAS["SkuInput"] = {"type": "object", "required": ["name", "price"], "properties": _SKU_FIELDS}
SCHEMAS["SkuPatch"] = {"type": "object", "properties": _SKU_FIELDS}
_PRODUCT_FIELDS = {"name": {"type": "string", "minLength": 1, "maxLength": 200},
                   "description": {"type": "string", "maxLength": 5000}, "attributes": {"type": "object"},
                   "status": _STATUS, "clearing": _CLEARING}
SCHEMAS["ProductInput"] = {"type": "object", "required": ["name"], "properties": {
    **_PRODUCT_FIELDS, "skus": {"type": "array", "items": _ref("SkuInput"), "maxItems": 100}}}
SCHEMAS["ProductPatch"] = {"type": "object", "properties": _PRODUCT_FIELDS}
PATHS["/products"]["get"]["parameters"] = _PAGE + [
    {"name": "q", "in": "query", "schema": _STR, "description": "text in the name or description"},
    {"name": "status", "in": "query", "schema": _STATUS, "description": "secret key only; default active"}]
PATHS["/products"]["post"] = {
    "summary": "Create a product with its SKUs (secret key)", "requestBody": _body("ProductInput"),
    "parameters": [_IDEMPOTENCY],
    "responses": {"201": _ok("Product", "Created"), "400": _error("invalid field (param names it)"), **_SECRET_ERRORS}}
PATHS["/products/{id}"]["patch"] = {
    "summary": "Change a product's name, description, attributes or status (secret key)", "parameters": [_ID],
    "requestBody": _body("ProductPatch"),
    "responses": {"200": _ok("Product"), "400": _error("invalid field"), "404": _error("no such product"),
                  **_SECRET_ERRORS}}
PATHS["/products/{id}/skus"] = {"post": {
    "summary": "Add a SKU to a product (secret key)", "parameters": [_ID, _IDEMPOTENCY],
    "requestBody": _body("SkuInput"),
    "responses": {"201": _ok("Sku", "Created"), "400": _error("invalid field"), "404": _error("no such product"),
                  **_SECRET_ERRORS}}}
PATHS["/skus/{id}"] = {"patch": {
    "summary": "Change a SKU: price, prices, stock, status, rules (secret key)", "parameters": [_ID],
    "requestBody": _body("SkuPatch"),
    "responses": {"200": _ok("Sku"), "400": _error("invalid field"), "404": _error("no such SKU"), **_SECRET_ERRORS}}}


# Checkout sessions: who the shopper is (the merchant's server vouches for the customer).
SCHEMAS["CheckoutSession"] = _obj(
    ["id", "object", "url", "client_secret", "expires_at", "customer", "livemode", "status", "success_url",
     "cancel_url", "metadata"],
    id=_STR, object={"const": "checkout_session"}, livemode={"type": "boolean"},
    status={"enum": ["open", "complete", "expired"]},
    url={"type": "string", "format": "uri", "description": "the hosted checkout for this session; carries the "
                                                          "client secret, so hand it only to the shopper"},
    client_secret=_STR, expires_at=_TIME, created_at=_TIME, customer=_obj(["id"], id=_STR, email=_NULLABLE_STR),
    items={"type": ["array", "null"], "items": _ref("ItemInput")}, product=_NULLABLE_STR,
    currency={"type": ["string", "null"], "pattern": "^[a-z]{3}$",
              "description": "the currency the fixed items are priced in; null: their default prices"},
    success_url=_NULLABLE_STR, cancel_url=_NULLABLE_STR, metadata={"type": "object"},
    order={"type": ["string", "null"], "description": "the paid order that completed the session"},
    orders={"type": "array", "items": _STR})
SCHEMAS["CheckoutSessionInput"] = _obj(
    ["customer"], customer=_obj(["id"], id=_STR, email=_STR),
    items={"type": "array", "items": _ref("ItemInput"), "minItems": 1, "description": "a fixed basket; or product"},
    product={"type": "string", "description": "the shopper picks its option and quantity; or items"},
    currency=_CURRENCY_INPUT | {"description": "with items only: price them in this currency (each must have a "
                                               "price in it); the session's orders are charged in it"},
    success_url={"type": "string", "format": "uri",
                 "description": "after payment; {CHECKOUT_SESSION_ID} is replaced by the session id"},
    cancel_url={"type": "string", "format": "uri"}, metadata={"type": "object"},
    expires_at={"type": "integer", "description": "unix seconds, 30 minutes to 7 days ahead; default 24 h"})
PATHS["/checkout_sessions"] = {"post": {
    "summary": "Open a checkout session for a customer (secret key): its url and client_secret let the shopper "
               "pay as that customer, wallet included",
    "requestBody": _body("CheckoutSessionInput"), "parameters": [_IDEMPOTENCY],
    "responses": {"201": _ok("CheckoutSession", "Created"),
                  "400": _error("invalid field (param names it): customer, items or product, currency "
                                "(currency_unavailable when an item has no price in it), URLs, metadata, "
                                "expires_at"),
                  "409": _error("out_of_stock"), **_SECRET_ERRORS}}}
PATHS["/checkout_sessions/{id}"] = {"get": {
    "summary": "Retrieve a checkout session of this key's mode (secret key)", "parameters": [_ID],
    "responses": {"200": _ok("CheckoutSession"), "404": _error("no such session"), **_SECRET_ERRORS}}}


# Risk control (app/risk): the assessment on each order, lists, rules and review.
SCHEMAS["RiskAssessment"] = _obj(
    ["decision", "score", "reasons"], decision={"enum": ["allow", "review", "block"]},
    score={"type": "integer", "minimum": 0, "maximum": 100}, reasons={"type": "array", "items": _STR},
    review=_obj(["decision", "by", "at"], decision={"enum": ["approve", "reject"]}, by=_STR, at=_INT))
SCHEMAS["Order"]["properties"]["risk"] = _ref("RiskAssessment")
_RISK_KINDS = ["customer", "email", "email_domain", "ip", "device", "card_fingerprint"]
SCHEMAS["RiskListEntryInput"] = _obj(
    ["kind", "value", "action"], kind={"enum": _RISK_KINDS},
    value={"type": "string", "description": "ip accepts an address or a CIDR range"},
    action={"enum": ["block", "allow", "review"]}, expires_at={"type": "integer", "description": "unix seconds"},
    note={"type": "string", "maxLength": 500})
SCHEMAS["RiskListEntry"] = _obj(
    ["id", "kind", "value", "action", "expires_at", "note", "created_at"], id=_STR, object={"const": "risk_list_entry"},
    kind={"enum": _RISK_KINDS}, value=_STR, action={"enum": ["block", "allow", "review"]},
    expires_at={"type": ["integer", "null"]}, note=_NULLABLE_STR, created_at=_INT)
SCHEMAS["RiskListEntryList"] = _obj(["data", "has_more"], object={"const": "list"},
                                    data={"type": "array", "items": _ref("RiskListEntry")}, has_more={"type": "boolean"})
SCHEMAS["RiskImportReport"] = _obj(
    ["imported", "skipped", "errors"], imported=_INT, skipped=_INT,
    errors={"type": "array", "items": _obj(["line", "message"], line=_INT, message=_STR)})
SCHEMAS["RiskRuleInput"] = _obj(
    ["kind", "params", "action"], kind={"enum": ["velocity", "amount_limit", "first_purchase_limit", "refund_abuse",
                                                 "currency_country_mismatch"]},
    params={"type": "object", "description": "velocity: {by: customer|email|ip|device, window_seconds, max_count "
                                             "or max_amount}; amount_limit: {max_amount, currency?}; "
                                             "first_purchase_limit: {max_amount}; refund_abuse: {approve_below, "
                                             "deny_from} (scores 0-100 of shopper refund requests); "
                                             "currency_country_mismatch: {currencies: {usd: [US, CA], …}} (the "
                                             "shopper's country from TRUSTED_COUNTRY_HEADER); velocity (by "
                                             "customer) and amount_limit take applies_to: orders (default) or "
                                             "withdrawals (wallet withdrawals instead of orders)"},
    action={"enum": ["block", "review"]})
SCHEMAS["RiskRuleUpdate"] = {"type": "object", "properties": {"params": {"type": "object"},
                                                              "action": {"enum": ["block", "review"]},
                                                              "enabled": {"type": "boolean"}}}
SCHEMAS["RiskRule"] = _obj(["id", "kind", "params", "action", "enabled", "created_at"], id=_STR,
                           object={"const": "risk_rule"}, kind=_STR, params={"type": "object"},
                           action={"enum": ["block", "review"]}, enabled={"type": "boolean"}, created_at=_INT)
SCHEMAS["RiskRuleList"] = _obj(["data", "has_more"], object={"const": "list"},
                               data={"type": "array", "items": _ref("RiskRule")}, has_more={"type": "boolean"})
SCHEMAS["RiskRulePreview"] = _obj(["orders", "would_flag", "action", "examples"], object={"const": "risk_rule_preview"},
                                  since_days=_INT, orders=_INT, would_flag=_INT, action={"enum": ["block", "review"]},
                                  examples={"type": "array", "items": _STR, "description": "up to 20 order ids"})
SCHEMAS["Deleted"] = _obj(["id", "deleted"], id=_STR, object=_STR, deleted={"const": True})
SCHEMAS["ReviewDecision"] = _obj(["decision"], decision={"enum": ["approve", "reject"]})
PATHS["/risk/rules/preview"] = {"post": {
    "summary": "Try a rule (not saved) on the last 30 days of this mode's orders: how many it would have flagged",
    "requestBody": _body("RiskRuleInput"),
    "responses": {"200": _ok("RiskRulePreview"),
                  "400": _error("invalid rule (param names it); preview_unavailable: the rule reads the shopper's "
                                "address, device or country, which orders do not keep"), **_SECRET_ERRORS}}}
PATHS["/risk/list_entries"] = {
    "post": {"summary": "Add a block, allow or review list entry (secret key)", "parameters": [_IDEMPOTENCY],
             "requestBody": _body("RiskListEntryInput"),
             "responses": {"201": _ok("RiskListEntry", "Created"), "400": _error("invalid field (param names it)"),
                           "409": _error("resource_exists: that kind and value are already listed"),
                           **_SECRET_ERRORS}},
    "get": {"summary": "List entries, newest first; filter by kind and value (secret key)",
            "parameters": _PAGE + [{"name": "kind", "in": "query", "schema": {"enum": _RISK_KINDS}},
                                   {"name": "value", "in": "query", "schema": _STR}],
            "responses": {"200": _ok("RiskListEntryList"), "400": _error("bad parameter"), **_SECRET_ERRORS}}}
PATHS["/risk/list_entries/{id}"] = {"delete": {
    "summary": "Delete a list entry (secret key)", "parameters": [_ID],
    "responses": {"200": _ok("Deleted"), "404": _error("no such entry"), **_SECRET_ERRORS}}}
PATHS["/risk/list_entries/import"] = {"post": {
    "summary": "Import entries from CSV: kind,value,action[,expires_at][,note] per line (secret key); bad lines "
               "are reported by number, values already listed are skipped",
    "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}},
    "responses": {"200": _ok("RiskImportReport"), "400": _error("invalid_csv: not text/csv, not UTF-8, or too large"),
                  **_SECRET_ERRORS}}}
PATHS["/risk/list_entries/export"] = {"get": {
    "summary": "Every list entry as CSV, in the import's format (secret key)",
    "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  **_SECRET_ERRORS}}}
PATHS["/risk/rules"] = {
    "post": {"summary": "Add a risk rule (secret key)", "parameters": [_IDEMPOTENCY], "requestBody": _body("RiskRuleInput"),
             "responses": {"201": _ok("RiskRule", "Created"), "400": _error("invalid field (param names it)"),
                           **_SECRET_ERRORS}},
    "get": {"summary": "List the merchant's risk rules (secret key)",
            "responses": {"200": _ok("RiskRuleList"), **_SECRET_ERRORS}}}
PATHS["/risk/rules/{id}"] = {
    "patch": {"summary": "Change a rule's params, action or enabled (secret key)", "parameters": [_ID],
              "requestBody": _body("RiskRuleUpdate"),
              "responses": {"200": _ok("RiskRule"), "400": _error("invalid field"), "404": _error("no such rule"),
                            **_SECRET_ERRORS}},
    "delete": {"summary": "Delete a rule (secret key)", "parameters": [_ID],
               "responses": {"200": _ok("Deleted"), "404": _error("no such rule"), **_SECRET_ERRORS}}}
SCHEMAS["RefundRequestInput"] = _obj(["reason"], reason={"type": "string", "maxLength": 500},
                                     client_secret={"type": "string", "description": "with a publishable key"})
SCHEMAS["RefundRequestCreated"] = _obj(["refund_request"], refund_request=_obj(
    ["id", "status", "score", "reasons", "refund"], id=_STR, object={"const": "refund_request"},
    status={"enum": ["approved", "review", "denied"]}, score={"type": "integer", "minimum": 0, "maximum": 100},
    reasons={"type": "array", "items": _STR}, refund=_NULLABLE_STR))
PATHS["/orders/{id}/refund_requests"] = {"post": {
    "summary": "A shopper asks for a refund (publishable key with client_secret, or secret key): scored for abuse, "
               "then refunded in full at once (approved), held for the merchant (review) or denied",
    "parameters": [_ID, _IDEMPOTENCY], "requestBody": _body("RefundRequestInput"),
    "responses": {"201": _ok("RefundRequestCreated", "Created"), "400": _error("reason missing or too long"),
                  "404": _error("no such order (or wrong client_secret)"),
                  "409": _error("order_state_invalid: not paid; refund_in_progress"), **_AUTH_ERRORS}}}
for _path in ("/orders", "/customers/{id}/topups"):
    if _path in PATHS:
        PATHS[_path]["post"]["responses"]["402"] = _error(
            "risk_blocked: the merchant's risk settings refuse this order; nothing was created (the message is "
            "neutral; the merchant gets a risk.blocked event with the reasons)")
        PATHS[_path]["post"]["responses"].setdefault("503", _error(
            "maintenance: new orders are paused (Retry-After says when to try again)"))
PATHS["/orders/{id}/review"] = {"post": {
    "summary": "Decide a held order (secret key): approve fulfils it, reject refunds it in full",
    "parameters": [_ID, _IDEMPOTENCY], "requestBody": _body("ReviewDecision"),
    "responses": {"200": _ok("Order"), "400": _error("decision must be approve or reject"),
                  "404": _error("no such order"), "409": _error("review_not_open: not waiting for review"),
                  **_SECRET_ERRORS}}}
# Subscriptions (app/signing): recurring contracts and their first order. Times are unix seconds.
_UNIX_OR_NULL = {"type": ["integer", "null"]}
_SUB_STATUSES = ["pending", "trialing", "active", "past_due", "paused", "canceled", "expired"]
SCHEMAS["Subscription"] = _obj(
    ["id", "status", "customer", "sku", "price", "interval", "interval_count", "current_period_start",
     "current_period_end", "next_renewal_at", "cancel_at_period_end", "canceled_at", "mandate", "latest_order",
     "renewals"],
    id=_STR, object={"const": "subscription"}, status={"enum": _SUB_STATUSES}, livemode={"type": "boolean"},
    customer=_obj(["id"], id=_STR, email=_NULLABLE_STR), sku=_STR,
    next_sku={"type": ["string", "null"], "description": "the SKU that takes over at the next renewal"},
    price=_ref("Money"), interval={"enum": ["day", "week", "month", "year"]}, interval_count=_INT, period=_INT,
    current_period_start=_UNIX_OR_NULL, current_period_end=_UNIX_OR_NULL, next_renewal_at=_UNIX_OR_NULL,
    cancel_at_period_end={"type": "boolean"}, canceled_at=_UNIX_OR_NULL,
    mandate={"oneOf": [{"type": "null"}, _obj(["channel", "status", "reference"], channel=_STR,
                                                 status={"enum": ["active", "revoked"]}, reference=_NULLABLE_STR)]},
    latest_order=_NULLABLE_STR, test_clock=_NULLABLE_STR,
    renewals={"type": "array", "items": _obj(["period", "order", "status", "attempts"], period=_INT,
                                             order=_NULLABLE_STR, status={"enum": ["pending", "paid", "failed",
                                                                                   "canceled", "skipped"]},
                                             attempts=_INT, period_start=_INT, period_end=_INT,
                                             due_at=_UNIX_OR_NULL, paid_at=_UNIX_OR_NULL,
                                             next_attempt_at=_UNIX_OR_NULL, last_error=_NULLABLE_STR)},
    timeline={"type": "array", "items": _obj(["status", "at", "reason"], status=_STR, at=_INT, reason=_STR)},
    findings={"type": "array", "description": "what the contract reconciliation found (fixed ones Kassa repaired)",
              "items": _obj(["kind", "period", "detail", "status"], kind=_STR, period=_INT, detail=_STR,
                            status={"enum": ["open", "fixed"]}, found_at=_INT, fixed_at=_UNIX_OR_NULL)},
    created_at=_INT)
SCHEMAS["SubscriptionInput"] = _obj(
    ["sku", "customer", "agreement_accepted"], sku={"type": "string", "description": "a SKU with subscription terms"},
    customer=_obj(["id"], id=_STR, email=_STR), agreement_accepted={"const": True},
    test_clock={"type": "string", "description": "test keys only: the contract lives on this clock"},
    currency=_CURRENCY_INPUT | {"description": _CURRENCY_INPUT["description"] + "; the contract charges its first "
                                "order and every renewal in it"})
SCHEMAS["SubscriptionCreated"] = _obj(["subscription", "order"], subscription=_ref("Subscription"),
                                      order=_ref("Order"))
SCHEMAS["SubscriptionList"] = _obj(["data", "has_more"], object={"const": "list"},
                                   data={"type": "array", "items": _ref("Subscription")}, has_more={"type": "boolean"})
SCHEMAS["SubscriptionCancel"] = {"type": "object", "properties": {"at_period_end": {"type": "boolean"}}}
SCHEMAS["SubscriptionUpdate"] = _obj(["sku"], sku=_STR)
_SUB_409 = "subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one)"
PATHS["/subscriptions"] = {
    "post": {"summary": "Open a subscription and its first order; paying that order activates it and signs the "
                        "mandate", "parameters": [_IDEMPOTENCY], "requestBody": _body("SubscriptionInput"),
             "responses": {"201": _ok("SubscriptionCreated", "Created"),
                           "400": _error("invalid field (param names it); sku_not_recurring: the SKU has no "
                                         "subscription terms; currency_unavailable: the SKU has no price in "
                                         "currency; test_clock with live keys or unknown"),
                           "402": _error("risk_blocked: nothing was created"), "409": _error(_COUPON_409),
                           "422": _error(_LIMIT_422),
                           "503": _error("maintenance: new orders are paused"), **_AUTH_ERRORS}},
    "get": {"summary": "List subscriptions, newest first (secret key)",
            "parameters": _PAGE + [{"name": "customer", "in": "query", "schema": _STR},
                                   {"name": "status", "in": "query", "schema": {"enum": _SUB_STATUSES}}],
            "responses": {"200": _ok("SubscriptionList"), "400": _error("bad parameter"), **_SECRET_ERRORS}}}
PATHS["/subscriptions/{id}"] = {
    "get": {"summary": "Retrieve a subscription (secret key)", "parameters": [_ID],
            "responses": {"200": _ok("Subscription"), "404": _error("no such subscription"), **_SECRET_ERRORS}},
    "patch": {"summary": "Change the SKU from the next renewal on (secret key)", "parameters": [_ID],
              "requestBody": _body("SubscriptionUpdate"),
              "responses": {"200": _ok("Subscription"),
                            "400": _error("not a subscription SKU (sku_not_recurring) or no price in the "
                                          "subscription's currency (currency_mismatch)"),
                            "404": _error("no such subscription"), "409": _error(_SUB_409), **_SECRET_ERRORS}}}
PATHS["/subscriptions/{id}/cancel"] = {"post": {
    "summary": "Cancel now, or at the end of the current period with at_period_end (secret key); cancelling "
               "a canceled subscription returns it unchanged",
    "parameters": [_ID, _IDEMPOTENCY], "requestBody": _body("SubscriptionCancel"),
    "responses": {"200": _ok("Subscription"), "400": _error("at_period_end must be a boolean"),
                  "404": _error("no such subscription"),
                  "409": _error(_SUB_409 + "; payment_in_progress: the first payment's outcome is not known yet"),
                  **_SECRET_ERRORS}}}
for _action, _what in (("pause", "Stop renewing until resumed; the current period runs to its end"),
                       ("resume", "Renew again (at once, in a new period, when the pause outlasted the period)")):
    PATHS[f"/subscriptions/{{id}}/{_action}"] = {"post": {
        "summary": f"{_what} (secret key); repeating it returns the subscription unchanged",
        "parameters": [_ID, _IDEMPOTENCY],
        "responses": {"200": _ok("Subscription"), "404": _error("no such subscription"), "409": _error(_SUB_409),
                      **_SECRET_ERRORS}}}
SCHEMAS["BillingLink"] = _obj(["object", "customer", "url", "expires_at"], object={"const": "billing_link"},
                               customer=_STR, url={"type": "string", "format": "uri"}, expires_at=_INT,
                               livemode={"type": "boolean"})
PATHS["/customers/{id}/billing_links"] = {"post": {
    "summary": "A self-service link (one hour) where the customer sees their subscriptions, cancels them and pays "
               "a failed renewal with a new card (secret key; hand it to that customer only)",
    "parameters": [_ID], "responses": {"201": _ok("BillingLink", "Created"), "400": _error("bad customer id"),
                                       **_SECRET_ERRORS}}}
SCHEMAS["TestClock"] = _obj(["id", "frozen_time", "status"], id=_STR, object={"const": "test_clock"},
                             frozen_time=_INT, status={"enum": ["ready", "advancing"]}, created_at=_INT)
SCHEMAS["TestClockInput"] = _obj(["frozen_time"], frozen_time={"type": "integer", "description": "unix seconds"})
SCHEMAS["TestClockAdvance"] = _obj(["to"], to={"type": "integer", "description": "unix seconds, after frozen_time "
                                                                                "and at most two years later"})
SCHEMAS["TestClockList"] = _obj(["data", "has_more"], object={"const": "list"},
                                data={"type": "array", "items": _ref("TestClock")}, has_more={"type": "boolean"})
PATHS["/test_clocks"] = {
    "post": {"summary": "Create a test clock (test secret keys only)", "parameters": [_IDEMPOTENCY],
             "requestBody": _body("TestClockInput"),
             "responses": {"201": _ok("TestClock", "Created"),
                           "400": _error("frozen_time is not unix seconds between 2000 and 2200; live keys"),
                           **_SECRET_ERRORS}},
    "get": {"summary": "List test clocks, newest first (empty for live keys)", "parameters": _PAGE,
            "responses": {"200": _ok("TestClockList"), **_SECRET_ERRORS}}}
PATHS["/test_clocks/{id}"] = {"get": {
    "summary": "Retrieve a test clock", "parameters": [_ID],
    "responses": {"200": _ok("TestClock"), "404": _error("no such test clock"), **_SECRET_ERRORS}}}
PATHS["/test_clocks/{id}/advance"] = {"post": {
    "summary": "Move the clock forward: the worker runs every renewal notice, renewal, dunning try and expiry that "
               "falls due, in time order (status advancing), then reports ready",
    "parameters": [_ID, _IDEMPOTENCY], "requestBody": _body("TestClockAdvance"),
    "responses": {"200": _ok("TestClock"), "400": _error("to is not after frozen_time or more than two years on"),
                  "404": _error("no such test clock"),
                  "409": _error("clock_advancing: wait until the clock is ready"), **_SECRET_ERRORS}}}
from app.web.api import openapi_books  # noqa: E402,F401  (partners, settlements: adds to SCHEMAS and PATHS)
from app.web.api import openapi_wallet  # noqa: E402,F401  (withdrawals, transfers, statements)
from app.web.api import openapi_webhook_endpoints  # noqa: E402,F401  (changing, rolling, testing webhook endpoints)
from app.web.api import openapi_event_payloads, openapi_navigation, openapi_samples  # noqa: E402  (for the reference)

_BODY_METHODS = ("post", "put", "patch")


def _with_body_errors(paths: dict) -> dict:
    """Every route that takes a body may answer 400 (unreadable JSON: app/web/api/params.py) and 413
    (over MAX_REQUEST_BYTES), whatever the route itself does."""
    for operations in paths.values():
        for method, operation in operations.items():
            if method in _BODY_METHODS:
                responses = operation["responses"]
                responses.setdefault("400", _error("the body is not a readable JSON object"))
                responses.setdefault("413", _error("request_too_large: the body is over 1 MB"))
    return paths


def openapi_document(server_url: str) -> dict:
    """The whole document, with the server URL of this deployment."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Kassa API", "version": "1.0.0",
                 "description": "JSON API of Kassa. Amounts are integers in minor units. Every response "
                                "carries X-Request-Id (the caller's, if it sent a sane one: 1-128 of "
                                "A-Z a-z 0-9 . _ : / + = @ -, else a new one); error bodies repeat it as "
                                "error.request_id. Bodies over 1 MB get 413.\n\n"
                                "Authenticate with `Authorization: Bearer sk_…` (secret key, from your server) or "
                                "`pk_…` (publishable key, from browsers; fewer routes). Every mutating call accepts "
                                "`Idempotency-Key`. The events Kassa POSTs to your webhook endpoints, and how to "
                                "verify their signature, are under Receiving webhooks and the … events sections."},
        "servers": [{"url": server_url}],
        "security": [{"bearer": []}],
        "tags": openapi_navigation.api_tags() + openapi_event_payloads.webhook_tags(),
        "paths": openapi_samples.with_curl_samples(openapi_navigation.tagged(_with_body_errors(PATHS)),
                                                   server_url, SCHEMAS),
        "webhooks": openapi_event_payloads.webhooks(),
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                                      "description": "sk_… (secret) or pk_… (publishable) key"}}},
    }
