"""The OpenAPI part of events and merchant webhooks, the balance, and the SDK's live order status stream.
Imported by app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api import openapi_lifecycle  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import (
    _AUTH_ERRORS,
    _ID,
    _IDEMPOTENCY,
    _PAGE,
    _SECRET_ERRORS,
    _STR,
    _TIME,
    PATHS,
    SCHEMAS,
    _body,
    _error,
    _obj,
    _ok,
    _ref,
)

# Events and merchant webhooks.
SCHEMAS |= {
    "Event": _obj(
        ["id", "object", "type", "livemode", "created_at", "data"],
        id=_STR,
        object={"const": "event"},
        type=_STR,
        livemode={"type": "boolean"},
        created_at=_TIME,
        request_id={
            "type": ["string", "null"],
            "description": "the request that created the order (or caused the event)",
        },
        data=_obj(["object"], object={"type": "object", "description": "carries livemode too"}),
    ),
    "EventList": _obj(
        ["data", "has_more"], data={"type": "array", "items": _ref("Event")}, has_more={"type": "boolean"}
    ),
    "WebhookEndpoint": _obj(
        ["id", "url", "events", "enabled", "created_at"],
        id=_STR,
        object={"const": "webhook_endpoint"},
        url={"type": "string", "format": "uri"},
        events={"type": "array", "items": _STR, "minItems": 1},
        enabled={"type": "boolean"},
        created_at=_TIME,
    ),
    "WebhookEndpointCreated": {
        "allOf": [_ref("WebhookEndpoint"), _obj(["secret"], secret={"type": "string", "pattern": "^whsec_"})]
    },
    "WebhookEndpointList": _obj(
        ["data", "has_more"], data={"type": "array", "items": _ref("WebhookEndpoint")}, has_more={"type": "boolean"}
    ),
    "WebhookEndpointDeleted": _obj(
        ["id", "deleted"], id=_STR, object={"const": "webhook_endpoint"}, deleted={"const": True}
    ),
    "WebhookEndpointInput": _obj(
        ["url", "events"],
        url={"type": "string", "format": "uri"},
        events={"type": "array", "items": _STR, "minItems": 1, "description": 'event types, or ["*"] for every event'},
    ),
}

PATHS |= {
    "/events": {
        "get": {
            "summary": "List events, newest first (secret key)",
            "parameters": _PAGE + [{"name": "type", "in": "query", "schema": _STR}],
            "responses": {"200": _ok("EventList"), "400": _error("bad parameter or unknown type"), **_SECRET_ERRORS},
        }
    },
    "/orders/{id}/events": {
        "get": {
            "summary": "One order's events, oldest first (secret key, or publishable key with client_secret)",
            "parameters": [_ID, {"name": "client_secret", "in": "query", "schema": _STR}],
            "responses": {"200": _ok("EventList"), "404": _error("no such order"), **_AUTH_ERRORS},
        }
    },
    "/webhook_endpoints": {
        "post": {
            "summary": "Register a webhook endpoint in the key's mode (it receives that mode's events only); the "
            "answer holds its signing secret, shown once",
            "requestBody": _body("WebhookEndpointInput"),
            "parameters": [_IDEMPOTENCY],
            "responses": {
                "201": _ok("WebhookEndpointCreated", "Created"),
                "400": _error("invalid url or events"),
                **_SECRET_ERRORS,
            },
        },
        "get": {
            "summary": "List the key's mode's webhook endpoints, newest first (no secrets)",
            "parameters": _PAGE,
            "responses": {"200": _ok("WebhookEndpointList"), "400": _error("bad parameter"), **_SECRET_ERRORS},
        },
    },
    "/webhook_endpoints/{id}": {
        "delete": {
            "summary": "Delete a webhook endpoint; its pending deliveries stop",
            "parameters": [_ID],
            "responses": {
                "200": _ok("WebhookEndpointDeleted"),
                "404": _error("no such endpoint (or one of the other mode)"),
                **_SECRET_ERRORS,
            },
        }
    },
}


# The merchant's balance.
SCHEMAS["AmountList"] = {"type": "array", "items": _ref("Money")}
SCHEMAS["Balance"] = _obj(
    ["available", "pending", "frozen"],
    object={"const": "balance"},
    available=_ref("AmountList"),
    pending=_ref("AmountList"),
    frozen=_ref("AmountList"),
    wallets=_ref("AmountList"),
)
PATHS["/balance"] = {
    "get": {
        "summary": "The merchant's money, read from the ledger: available (its cleared share, net of fees and refunds, "
        "not yet paid out), pending (captured for orders not completed yet, and cleared money on hold), "
        "frozen (refunds set aside until the provider confirms them), and what customers hold in wallets "
        "(secret key)",
        "responses": {"200": _ok("Balance"), **_SECRET_ERRORS},
    }
}

# The SDK's live order status (server-sent events; app/web/api/stream.py).
SCHEMAS["OrderStatusEvent"] = _obj(
    ["order", "status", "payment"],
    order=_STR,
    status=_STR,
    payment={
        "type": ["object", "null"],
        "properties": {"id": _STR, "channel": _STR, "status": _STR, "failure_reason": {"type": ["string", "null"]}},
    },
)
PATHS["/orders/{id}/stream"] = {
    "get": {
        "summary": "An order's status as server-sent events, authorised by its client_secret (no key: an "
        "EventSource cannot send headers). `event: status` carries an OrderStatusEvent whenever the "
        "status or latest payment changes; `event: end` closes the stream once the order is paid or "
        "closed (reason `decided`), after ORDER_STREAM_SECONDS (reason `timeout`: the client reconnects), "
        "when the order no longer exists (reason `gone`) or when the database went away mid-stream (reason "
        "`unavailable`: poll the order meanwhile). The web process holds no stream: with a stream process "
        "(STREAM_PUBLIC_URL) it answers 307 to the same path and query there (an EventSource follows it); "
        "without one it answers at once with the order's `status` and `end` (reason `poll`: poll the order). "
        "The stream process caps open streams per order, per client address and in total: past a cap, 429 "
        "`too_many_streams` with Retry-After. CORS: any origin (`null` included, as after a redirect).",
        "security": [],
        "parameters": [_ID, {"name": "client_secret", "in": "query", "required": True, "schema": _STR}],
        "responses": {
            "200": {
                "description": "text/event-stream of `status` events (data: OrderStatusEvent) and a final `end` event",
                "content": {"text/event-stream": {"schema": {"type": "string"}}},
            },
            "307": {"description": "the stream is on the stream process (Location: the same path and query there)"},
            "404": _error("no such order, or a wrong client_secret"),
            "429": _error("too many open streams (of this order, from this address, or in all); see Retry-After"),
        },
    }
}
