"""The OpenAPI part of risk control (app/risk): the assessment on each order, lists, rules, refund requests and
review. Imported by app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api import openapi_catalog  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import (
    _AUTH_ERRORS,
    _ID,
    _IDEMPOTENCY,
    _INT,
    _NULLABLE_STR,
    _NULLABLE_TIME,
    _PAGE,
    _SECRET_ERRORS,
    _STR,
    _TIME,
    _TIME_INPUT,
    PATHS,
    SCHEMAS,
    _body,
    _error,
    _obj,
    _ok,
    _ref,
)

# Risk control (app/risk): the assessment on each order, lists, rules and review.
SCHEMAS["RiskAssessment"] = _obj(
    ["decision", "score", "reasons"],
    decision={"enum": ["allow", "review", "block"]},
    score={"type": "integer", "minimum": 0, "maximum": 100},
    reasons={
        "type": "array",
        "items": _STR,
        "description": "why, in the merchant's words (its rules, its list "
        "entries' notes): read with the secret key; empty for a publishable key, the shopper's browser",
    },
    review=_obj(
        ["decision", "by", "at"],
        decision={"enum": ["approve", "reject"]},
        by={
            "type": "string",
            "description": "who decided (api, system:review-expiry, a portal user's "
            'email); "merchant" for a publishable key',
        },
        at=_INT,
    ),
)
SCHEMAS["Order"]["properties"]["risk"] = _ref("RiskAssessment")
_RISK_KINDS = ["customer", "email", "email_domain", "ip", "device", "card_fingerprint"]
SCHEMAS["RiskListEntryInput"] = _obj(
    ["kind", "value", "action"],
    kind={"enum": _RISK_KINDS},
    value={"type": "string", "description": "ip accepts an address or a CIDR range"},
    action={"enum": ["block", "allow", "review"]},
    expires_at=_TIME_INPUT | {"description": "ISO 8601 or unix seconds, in the future"},
    note={"type": "string", "maxLength": 500},
)
_RISK_MODE = {
    "type": "boolean",
    "description": "the mode the entry or rule belongs to: each mode has its own lists "
    "and rules, which only its keys read and change, and only its orders "
    "are assessed by",
}
SCHEMAS["RiskListEntry"] = _obj(
    ["id", "kind", "value", "action", "expires_at", "note", "livemode", "created_at"],
    id=_STR,
    object={"const": "risk_list_entry"},
    kind={"enum": _RISK_KINDS},
    value=_STR,
    action={"enum": ["block", "allow", "review"]},
    expires_at=_NULLABLE_TIME,
    note=_NULLABLE_STR,
    livemode=_RISK_MODE,
    created_at=_TIME,
)
SCHEMAS["RiskListEntryList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("RiskListEntry")},
    has_more={"type": "boolean"},
)
SCHEMAS["RiskImportReport"] = _obj(
    ["imported", "skipped", "errors"],
    imported=_INT,
    skipped=_INT,
    errors={"type": "array", "items": _obj(["line", "message"], line=_INT, message=_STR)},
)
SCHEMAS["RiskRuleInput"] = _obj(
    ["kind", "params", "action"],
    kind={"enum": ["velocity", "amount_limit", "first_purchase_limit", "refund_abuse", "currency_country_mismatch"]},
    params={
        "type": "object",
        "description": "velocity: {by: customer|email|ip|device, window_seconds, max_count "
        "or max_amount with currency?}; amount_limit: {max_amount, currency?}; "
        "first_purchase_limit: {max_amount, currency?} (max_amount: minor "
        "units; with currency the rule applies to orders in it only, without "
        "it the same number in every currency); refund_abuse: {approve_below, "
        "deny_from} (scores 0-100 of shopper refund requests); "
        "currency_country_mismatch: {currencies: {usd: [US, CA], …}} (the "
        "shopper's country from TRUSTED_COUNTRY_HEADER); velocity (by "
        "customer) and amount_limit take applies_to: orders (default) or "
        "withdrawals (wallet withdrawals instead of orders)",
    },
    action={"enum": ["block", "review"]},
)
SCHEMAS["RiskRuleUpdate"] = {
    "type": "object",
    "properties": {
        "params": {"type": "object"},
        "action": {"enum": ["block", "review"]},
        "enabled": {"type": "boolean"},
    },
}
SCHEMAS["RiskRule"] = _obj(
    ["id", "kind", "params", "action", "enabled", "livemode", "created_at"],
    id=_STR,
    object={"const": "risk_rule"},
    kind=_STR,
    params={"type": "object"},
    action={"enum": ["block", "review"]},
    enabled={"type": "boolean"},
    livemode=_RISK_MODE,
    created_at=_TIME,
)
SCHEMAS["RiskRuleList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("RiskRule")},
    has_more={"type": "boolean"},
)
SCHEMAS["RiskRulePreview"] = _obj(
    ["orders", "would_flag", "action", "examples"],
    object={"const": "risk_rule_preview"},
    since_days=_INT,
    orders=_INT,
    would_flag=_INT,
    action={"enum": ["block", "review"]},
    examples={"type": "array", "items": _STR, "description": "up to 20 order ids"},
)
SCHEMAS["Deleted"] = _obj(["id", "deleted"], id=_STR, object=_STR, deleted={"const": True})
SCHEMAS["ReviewDecision"] = _obj(["decision"], decision={"enum": ["approve", "reject"]})
PATHS["/risk/rules/preview"] = {
    "post": {
        "summary": "Try a rule (not saved) on the last 30 days of this mode's orders: how many it would have flagged",
        "requestBody": _body("RiskRuleInput"),
        "responses": {
            "200": _ok("RiskRulePreview"),
            "400": _error(
                "invalid rule (param names it); preview_unavailable: the rule reads the shopper's "
                "address, device or country, which orders do not keep"
            ),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/risk/list_entries"] = {
    "post": {
        "summary": "Add a block, allow or review list entry to the key's mode's lists (secret key)",
        "parameters": [_IDEMPOTENCY],
        "requestBody": _body("RiskListEntryInput"),
        "responses": {
            "201": _ok("RiskListEntry", "Created"),
            "400": _error("invalid field (param names it)"),
            "409": _error("resource_exists: that kind and value are already listed in this mode"),
            **_SECRET_ERRORS,
        },
    },
    "get": {
        "summary": "The key's mode's list entries, newest first; filter by kind and value (secret key)",
        "parameters": _PAGE
        + [
            {"name": "kind", "in": "query", "schema": {"enum": _RISK_KINDS}},
            {"name": "value", "in": "query", "schema": _STR},
        ],
        "responses": {"200": _ok("RiskListEntryList"), "400": _error("bad parameter"), **_SECRET_ERRORS},
    },
}
PATHS["/risk/list_entries/{id}"] = {
    "delete": {
        "summary": "Delete a list entry of the key's mode (secret key)",
        "parameters": [_ID],
        "responses": {"200": _ok("Deleted"), "404": _error("no such entry in this mode"), **_SECRET_ERRORS},
    }
}
PATHS["/risk/list_entries/import"] = {
    "post": {
        "summary": "Import entries into the key's mode's lists from CSV: kind,value,action[,expires_at][,note] per "
        "line (secret key); bad lines are reported by number, values already listed in this mode are skipped",
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}},
        "responses": {
            "200": _ok("RiskImportReport"),
            "400": _error("invalid_csv: not text/csv, not UTF-8, or too large"),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/risk/list_entries/export"] = {
    "get": {
        "summary": "Every list entry of the key's mode as CSV, in the import's format (secret key)",
        "responses": {
            "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/risk/rules"] = {
    "post": {
        "summary": "Add a risk rule for the key's mode's orders (secret key)",
        "parameters": [_IDEMPOTENCY],
        "requestBody": _body("RiskRuleInput"),
        "responses": {
            "201": _ok("RiskRule", "Created"),
            "400": _error("invalid field (param names it)"),
            **_SECRET_ERRORS,
        },
    },
    "get": {
        "summary": "List the merchant's risk rules of the key's mode (secret key)",
        "responses": {"200": _ok("RiskRuleList"), **_SECRET_ERRORS},
    },
}
PATHS["/risk/rules/{id}"] = {
    "patch": {
        "summary": "Change a rule's params, action or enabled (secret key of the rule's mode)",
        "parameters": [_ID],
        "requestBody": _body("RiskRuleUpdate"),
        "responses": {
            "200": _ok("RiskRule"),
            "400": _error("invalid field"),
            "404": _error("no such rule in this mode"),
            **_SECRET_ERRORS,
        },
    },
    "delete": {
        "summary": "Delete a rule (secret key of the rule's mode)",
        "parameters": [_ID],
        "responses": {"200": _ok("Deleted"), "404": _error("no such rule in this mode"), **_SECRET_ERRORS},
    },
}
SCHEMAS["RefundRequestInput"] = _obj(
    ["reason"],
    reason={"type": "string", "maxLength": 500},
    client_secret={"type": "string", "description": "with a publishable key"},
)
SCHEMAS["RefundRequestCreated"] = _obj(
    ["refund_request"],
    refund_request=_obj(
        ["id", "status", "score", "reasons", "refund"],
        id=_STR,
        object={"const": "refund_request"},
        status={"enum": ["approved", "review", "denied"]},
        score={
            "type": ["integer", "null"],
            "minimum": 0,
            "maximum": 100,
            "description": "the abuse score (secret key); null for a publishable key: against the status it would tell "
            "the merchant's refund_abuse cut-offs",
        },
        reasons={
            "type": "array",
            "items": _STR,
            "description": "why it scored so (secret key); empty for a publishable "
            "key, the shopper's browser: they name the signals a fraud ring would change",
        },
        refund=_NULLABLE_STR,
    ),
)
PATHS["/orders/{id}/refund_requests"] = {
    "post": {
        "summary": "A shopper asks for a refund (publishable key with client_secret, or secret key): scored for abuse, "
        "then refunded in full at once (approved), held for the merchant (review) or denied",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _body("RefundRequestInput"),
        "responses": {
            "201": _ok("RefundRequestCreated", "Created"),
            "400": _error("reason missing or too long"),
            "404": _error("no such order (or wrong client_secret)"),
            "409": _error("order_state_invalid: not paid; refund_in_progress"),
            "422": _error("nothing_to_refund: the order cost nothing (completed without a payment)"),
            **_AUTH_ERRORS,
        },
    }
}
for _path in ("/orders", "/customers/{id}/topups"):
    if _path in PATHS:
        PATHS[_path]["post"]["responses"]["402"] = _error(
            "risk_blocked: the merchant's risk settings refuse this order; nothing was created (the message is "
            "neutral; the merchant gets a risk.blocked event with the reasons)"
        )
        PATHS[_path]["post"]["responses"].setdefault(
            "503", _error("maintenance: new orders are paused (Retry-After says when to try again)")
        )
PATHS["/orders/{id}/review"] = {
    "post": {
        "summary": "Decide a held order (secret key): approve fulfils it, reject refunds it in full",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _body("ReviewDecision"),
        "responses": {
            "200": _ok("Order"),
            "400": _error("decision must be approve or reject"),
            "404": _error("no such order"),
            "409": _error("review_not_open: not waiting for review"),
            **_SECRET_ERRORS,
        },
    }
}
