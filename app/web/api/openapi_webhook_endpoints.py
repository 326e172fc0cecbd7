"""The OpenAPI part of managing webhook endpoints after they are made (issue 13): read, change, disable, roll the
secret with an overlap, send a test event. Imported by app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api import openapi_wallet  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import (
    _ID,
    _IDEMPOTENCY,
    _INT,
    _NULLABLE_STR,
    _SECRET_ERRORS,
    _STR,
    PATHS,
    SCHEMAS,
    _body,
    _error,
    _obj,
    _ok,
    _ref,
)


def _optional_body(schema: str) -> dict:
    return {"required": False, "content": {"application/json": {"schema": _ref(schema)}}}


_NOT_FOUND = _error("no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either)")

SCHEMAS["Event"]["properties"]["test_webhook"] = {
    "const": True,
    "description": "present only on a sample sent by POST /webhook_endpoints/{id}/test",
}
SCHEMAS["WebhookEndpoint"]["required"].append("livemode")
SCHEMAS["WebhookEndpoint"]["properties"] |= {
    "livemode": {
        "type": "boolean",
        "description": "the mode of the key (or portal view) that made it: it receives "
        "only that mode's events, and only keys of that mode see or "
        "change it",
    },
    "status": {
        "enum": ["enabled", "disabled"],
        "description": "Stripe's name for enabled; a disabled endpoint receives nothing",
    },
    "previous_secret_expires_at": {
        "type": ["string", "null"],
        "format": "date-time",
        "description": "after a roll, until when the old secret also signs (a second v1 "
        "in Kassa-Signature); null when only one secret signs",
    },
}
SCHEMAS["WebhookEndpointUpdate"] = {
    "type": "object",
    "minProperties": 1,
    "description": "only what changes",
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "events": {
            "type": "array",
            "items": _STR,
            "minItems": 1,
            "description": 'event types, or ["*"] for every event',
        },
        "enabled": {
            "type": "boolean",
            "description": "false: no event is queued for it, and its pending deliveries stop",
        },
        "disabled": {"type": "boolean", "description": "Stripe's spelling: the opposite of enabled"},
    },
}
SCHEMAS["WebhookSecretRoll"] = {
    "type": "object",
    "properties": {
        "overlap_hours": {
            "type": "integer",
            "minimum": 0,
            "maximum": 24,
            "default": 24,
            "description": "how long the old secret keeps signing beside the new one; 0 retires it at once",
        }
    },
}
SCHEMAS["WebhookTestInput"] = {
    "type": "object",
    "properties": {
        "type": {
            "type": "string",
            "description": "an event type the endpoint listens to (default: order.paid if it does, "
            "else the first it listens to)",
        }
    },
}
SCHEMAS["WebhookDelivery"] = _obj(
    ["id", "endpoint", "event", "status", "attempts"],
    id=_STR,
    object={"const": "webhook_delivery"},
    endpoint=_STR,
    event=_STR,
    status={"enum": ["pending", "succeeded", "failed"]},
    attempts=_INT,
    last_status_code={"type": ["integer", "null"]},
    next_attempt_at=_NULLABLE_STR | {"format": "date-time"},
)
SCHEMAS["WebhookTest"] = _obj(
    ["event", "delivery"],
    object={"const": "webhook_test"},
    event={"allOf": [_ref("Event"), _obj(["test_webhook"], test_webhook={"const": True})]},
    delivery=_ref("WebhookDelivery"),
)

PATHS["/webhook_endpoints/{id}"] |= {
    "get": {
        "summary": "Retrieve a webhook endpoint (no secret)",
        "parameters": [_ID],
        "responses": {"200": _ok("WebhookEndpoint"), "404": _NOT_FOUND, **_SECRET_ERRORS},
    },
    "post": {
        "summary": "Change a webhook endpoint's url, events or enabled state",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _body("WebhookEndpointUpdate"),
        "responses": {
            "200": _ok("WebhookEndpoint"),
            "400": _error("nothing to change, or a bad url, events or enabled"),
            "404": _NOT_FOUND,
            **_SECRET_ERRORS,
        },
    },
}
PATHS["/webhook_endpoints/{id}/roll_secret"] = {
    "post": {
        "summary": "Give the endpoint a new signing secret (in the answer, shown once); the old one also signs for "
        "overlap_hours",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _optional_body("WebhookSecretRoll"),
        "responses": {
            "200": _ok("WebhookEndpointCreated"),
            "400": _error("overlap_hours is not 0-24"),
            "404": _NOT_FOUND,
            "409": _error("webhook_secret_rolled: rolled by someone else at that moment"),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/webhook_endpoints/{id}/test"] = {
    "post": {
        "summary": "Send the endpoint a sample event (test_webhook: true) now, signed and delivered like any other; "
        "no handler and no other endpoint sees it",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _optional_body("WebhookTestInput"),
        "responses": {
            "201": _ok("WebhookTest", "Sent (the delivery says how the endpoint answered)"),
            "400": _error("type unknown or not one the endpoint listens to"),
            "404": _NOT_FOUND,
            "409": _error("webhook_endpoint_disabled: enable the endpoint first"),
            **_SECRET_ERRORS,
        },
    }
}
