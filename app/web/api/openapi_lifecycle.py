"""The OpenAPI part of an order's life after payment: refunds, confirm and entitlements. Imported by
app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api.openapi_base import (
    _CURRENCY,
    _ID,
    _IDEMPOTENCY,
    _INT,
    _NULLABLE_STR,
    _PAGE,
    _SECRET_ERRORS,
    _STR,
    _TIME,
    _UNAVAILABLE,
    PATHS,
    SCHEMAS,
    _body,
    _error,
    _obj,
    _ok,
    _ref,
)

# The order lifecycle after payment: refunds, confirm, entitlements (kept as one additive block).
SCHEMAS.update(
    {
        "Refund": _obj(
            ["id", "amount", "currency", "status"],
            id=_STR,
            object={"const": "refund"},
            order=_STR,
            payment=_STR,
            amount={"type": "integer", "minimum": 1},
            currency=_CURRENCY,
            status={"enum": ["pending", "succeeded", "failed"]},
            reason={**_NULLABLE_STR, "description": "null for a publishable key (the merchant's words)"},
            failure_reason={**_NULLABLE_STR, "description": "null for a publishable key"},
            created_at=_TIME,
            risk={
                "oneOf": [
                    {"type": "null"},
                    _obj(
                        ["score", "reasons"],
                        score={"type": "integer", "minimum": 0, "maximum": 100},
                        reasons={"type": "array", "items": _STR},
                    ),
                ],
                "description": "the customer's refund-abuse score when the refund was asked for "
                "(recorded, never refusing the merchant's refund); null for a publishable "
                "key",
            },
        ),
        "RefundResponse": _obj(["refund"], refund=_ref("Refund")),
        "RefundInput": {
            "type": "object",
            "properties": {
                "amount": {"type": "integer", "minimum": 1, "description": "minor units; default: all that remains"},
                "reason": {"type": "string", "maxLength": 500},
            },
        },
        "Entitlements": _obj(
            ["customer", "membership", "credits", "grants"],
            customer=_STR,
            object={"const": "entitlements"},
            livemode={"type": "boolean"},
            membership={
                "oneOf": [{"type": "null"}, _obj(["active", "until"], active={"type": "boolean"}, until=_TIME)]
            },
            credits={"type": "integer", "minimum": 0},
            grants={
                "type": "array",
                "items": _obj(
                    ["order", "kind", "granted_at"],
                    order=_STR,
                    kind={"enum": ["membership", "credits"]},
                    membership_days={"type": ["integer", "null"]},
                    credits={"type": ["integer", "null"]},
                    membership_until={"type": ["string", "null"], "format": "date-time"},
                    granted_at=_TIME,
                    taken_back={
                        "description": "what a full refund of the order took back (what the customer still held)",
                        "oneOf": [
                            {"type": "null"},
                            _obj(
                                ["credits", "membership_days", "at"],
                                credits={"type": "integer", "minimum": 0},
                                membership_days={"type": "integer", "minimum": 0},
                                at=_TIME,
                            ),
                        ],
                    },
                ),
            },
        ),
    }
)
SCHEMAS["Order"]["properties"]["refunds"] = {"type": "array", "items": _ref("Refund")}

# Disputes (chargebacks): app/payments/disputes/services.py dispute_object.
_DISPUTE_STATUS = {"enum": ["needs_response", "under_review", "won", "lost"]}
SCHEMAS.update(
    {
        "Dispute": _obj(
            ["id", "order", "payment", "amount", "currency", "status"],
            id=_STR,
            object={"const": "dispute"},
            order=_STR,
            payment=_STR,
            channel=_STR,
            amount={"type": "integer", "minimum": 1, "description": "what the shopper's bank took back (minor units)"},
            currency=_CURRENCY,
            reason=_STR,
            status=_DISPUTE_STATUS,
            evidence={
                "type": ["string", "null"],
                "description": "what the merchant sent the provider (null in the events a publishable key reads)",
            },
            evidence_due_by={
                "type": ["string", "null"],
                "format": "date-time",
                "description": "evidence is taken until then, while the status is needs_response",
            },
            fee={
                "type": "integer",
                "minimum": 0,
                "description": "the channel's dispute fee, kept whatever the outcome",
            },
            livemode={"type": "boolean"},
            created_at=_TIME,
            closed_at={"type": ["string", "null"], "format": "date-time"},
        ),
        "DisputeList": _obj(
            ["data", "has_more"],
            object={"const": "list"},
            data={"type": "array", "items": _ref("Dispute")},
            has_more={"type": "boolean"},
        ),
        "DisputeEvidenceInput": _obj(["text"], text={"type": "string", "minLength": 1, "maxLength": 10000}),
    }
)
SCHEMAS["Order"]["properties"]["disputes"] = {
    "type": "array",
    "items": _obj(["id", "amount", "status"], id=_STR, amount=_INT, status=_DISPUTE_STATUS),
    "description": "chargebacks of the order's payment; an open or lost one's amount can no longer be refunded",
}
PATHS.update(
    {
        "/orders/{id}/confirm": {
            "post": {
                "summary": "Confirm a fulfilled order: fulfilled → completed (secret key; also happens automatically)",
                "parameters": [_ID, _IDEMPOTENCY],
                "responses": {
                    "200": _ok("Order"),
                    "404": _error("no such order"),
                    "409": _error("order is not fulfilled"),
                    **_SECRET_ERRORS,
                },
            }
        },
        "/orders/{id}/refunds": {
            "post": {
                "summary": "Refund all or part of a paid order through the channel that captured it (secret key)",
                "parameters": [_ID, _IDEMPOTENCY],
                "requestBody": {"required": False, "content": {"application/json": {"schema": _ref("RefundInput")}}},
                "responses": {
                    "201": _ok(
                        "RefundResponse",
                        "Created (status pending while the provider's answer is unknown: the order stays refunding and "
                        "Kassa resolves it by the refund's reference; failed if the channel refused: retry it)",
                    ),
                    "400": _error("amount or reason invalid"),
                    "404": _error("no such order"),
                    "409": _error("not refundable now, or a refund is in progress"),
                    "422": _error(
                        "amount_too_large: more than remains refundable; nothing_to_refund: the order cost "
                        "nothing (completed without a payment)"
                    ),
                    **_UNAVAILABLE,
                    **_SECRET_ERRORS,
                },
            }
        },
        "/refunds/{id}/retry": {
            "post": {
                "summary": (
                    "Try a failed refund again, including a failed automatic return of a stray capture (secret key)"
                ),
                "parameters": [_ID, _IDEMPOTENCY],
                "responses": {
                    "200": _ok("RefundResponse"),
                    "404": _error("no such refund"),
                    "409": _error("refund not failed, or order not refundable now"),
                    "422": _error("amount_too_large: the refund no longer fits"),
                    **_UNAVAILABLE,
                    **_SECRET_ERRORS,
                },
            }
        },
        "/customers/{id}/entitlements": {
            "get": {
                "summary": "What a customer holds: membership end, credit balance, grants (secret key)",
                "parameters": [_ID],
                "responses": {"200": _ok("Entitlements"), **_SECRET_ERRORS},
            }
        },
    }
)
PATHS.update(
    {
        "/disputes": {
            "get": {
                "summary": "List disputes (chargebacks), newest first (secret key)",
                "parameters": _PAGE
                + [
                    {"name": "status", "in": "query", "schema": _DISPUTE_STATUS},
                    {"name": "order", "in": "query", "schema": _STR},
                ],
                "responses": {
                    "200": _ok("DisputeList"),
                    "400": _error("bad status, limit or cursor"),
                    **_SECRET_ERRORS,
                },
            }
        },
        "/disputes/{id}": {
            "get": {
                "summary": "Read a dispute (secret key)",
                "parameters": [_ID],
                "responses": {"200": _ok("Dispute"), "404": _error("no such dispute"), **_SECRET_ERRORS},
            }
        },
        "/disputes/{id}/evidence": {
            "post": {
                "summary": "Send the provider the merchant's evidence; the dispute goes under review (secret key)",
                "parameters": [_ID, _IDEMPOTENCY],
                "requestBody": _body("DisputeEvidenceInput"),
                "responses": {
                    "200": _ok("Dispute"),
                    "400": _error("text missing or too long"),
                    "404": _error("no such dispute"),
                    "409": _error(
                        "dispute_state_invalid: evidence only while it needs a response; "
                        "evidence_too_late: past evidence_due_by; evidence_refused by the provider"
                    ),
                    "502": _error(
                        "evidence_outcome_unknown: the provider's answer could not be read (it may have "
                        "taken the evidence; its next notice of the dispute says)"
                    ),
                    **_UNAVAILABLE,
                    **_SECRET_ERRORS,
                },
            }
        },
    }
)
