"""The OpenAPI part of the books (issue 11): partners, sub-orders, settlements, their lines, statements and
payouts, reconciliation runs and their discrepancies. Imported by app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api import openapi_signing  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import (
    _CURRENCY,
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

_CYCLE = {"enum": ["daily", "weekly", "monthly"]}

SCHEMAS["PartnerInput"] = _obj(
    ["name"],
    name={"type": "string", "minLength": 1, "maxLength": 200},
    payout_account={
        "type": ["string", "null"],
        "description": "where the key's mode's payouts go at the provider "
        "(a test key sets the test account, never the live "
        "one): 4-100 letters, digits, spaces or _ . - / :",
    },
    cycle=_CYCLE,
    reserve_bps={
        "type": "integer",
        "minimum": 0,
        "maximum": 10000,
        "description": "rolling reserve of the key's mode: share of each settlement's new "
        "takings held back (a released reserve is paid out whole)",
    },
    reserve_days={"type": "integer", "minimum": 0, "maximum": 365},
)
SCHEMAS["PartnerPatch"] = {"type": "object", "properties": SCHEMAS["PartnerInput"]["properties"]}
SCHEMAS["Partner"] = _obj(
    ["id", "name", "payout_account", "cycle"],
    id={"type": "string", "description": "self for the merchant itself"},
    object={"const": "partner"},
    name=_STR,
    payout_account={
        "type": ["string", "null"],
        "description": "the key's mode's: under a test key the test account, which only test settlements pay to",
    },
    cycle=_CYCLE,
    reserve_bps=_INT,
    reserve_days=_INT,
    self={"type": "boolean"},
    created_at=_TIME,
)
SCHEMAS["PartnerList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("Partner")},
    has_more={"type": "boolean"},
)

SCHEMAS["Order"]["properties"]["sub_orders"] = {
    "type": "array",
    "items": _obj(
        ["id", "partner", "items", "amount"],
        id=_STR,
        object={"const": "sub_order"},
        partner=_STR,
        product={"type": ["string", "null"], "description": "set when the merchant splits by product"},
        items={"type": "array", "items": {"type": "object"}},
        amount=_obj(
            ["subtotal", "discount", "total", "currency"], subtotal=_INT, discount=_INT, total=_INT, currency=_CURRENCY
        ),
    ),
    "description": "only for orders whose lines clear to different partners (or products)",
}

SCHEMAS["Payout"] = _obj(
    ["id", "status", "amount", "currency"],
    id=_STR,
    object={"const": "payout"},
    status={"enum": ["pending", "unknown", "paid", "failed"]},
    amount=_INT,
    currency=_CURRENCY,
    destination=_NULLABLE_STR,
    channel=_STR,
    provider_reference=_NULLABLE_STR,
    tries=_INT,
    failure_reason=_NULLABLE_STR,
    created_at=_TIME,
    paid_at=_NULLABLE_TIME,
)
SCHEMAS["Settlement"] = _obj(
    ["id", "partner", "period_start", "period_end", "currency", "gross", "refunds", "fees", "net", "status", "payout"],
    id=_STR,
    object={"const": "settlement"},
    partner=_STR,
    livemode={"type": "boolean"},
    period_start=_NULLABLE_TIME,
    period_end=_TIME,
    currency=_CURRENCY,
    gross={"type": "integer", "description": "the partner's shares"},
    refunds={"type": "integer", "description": "shares given back on refunds (positive)"},
    fees={"type": "integer", "description": "channel and platform fees borne (positive)"},
    adjustments={"type": "integer", "description": "reserves released and other adjustments (signed)"},
    net={"type": "integer", "description": "gross - fees - refunds + adjustments"},
    reserve_held=_INT,
    payout_amount={"type": "integer", "description": "net less the reserve held back"},
    line_count=_INT,
    status={"enum": ["pending", "paying", "paid", "failed"]},
    created_at=_TIME,
    paid_at=_NULLABLE_TIME,
    payout={"oneOf": [{"type": "null"}, _ref("Payout")]},
)
SCHEMAS["SettlementList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("Settlement")},
    has_more={"type": "boolean"},
)
SCHEMAS["SettlementLine"] = _obj(
    ["order", "sub_order", "sku", "kind", "amount"],
    id={
        "type": "integer",
        "format": "int64",
        "description": "the posting's: a partner's gross share of an order line and the fee it bears share one "
        "and always come on the same page",
    },
    order=_NULLABLE_STR,
    sub_order=_NULLABLE_STR,
    sku=_NULLABLE_STR,
    kind={"enum": ["share", "fee", "refund", "adjustment"]},
    detail={"type": "string", "description": "the ledger's own kind, e.g. reserve or reserve_release"},
    amount=_ref("Money"),
    available_at=_NULLABLE_TIME,
)
SCHEMAS["SettlementLineList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("SettlementLine")},
    has_more={"type": "boolean"},
)
SCHEMAS["SettlementRunInput"] = {
    "type": "object",
    "properties": {
        "until": _TIME_INPUT
        | {
            "description": "unix seconds or ISO 8601, at most 730 days from now: settle lines "
            "available before this instead of each partner's cycle",
        }
    },
}
SCHEMAS["SettlementRun"] = _obj(
    ["settlements"], object={"const": "settlement_run"}, settlements={"type": "array", "items": _STR}
)

PATHS["/partners"] = {
    "post": {
        "summary": "Add a partner the merchant shares revenue with (secret key)",
        "parameters": [_IDEMPOTENCY],
        "requestBody": _body("PartnerInput"),
        "responses": {
            "201": _ok("Partner", "Created"),
            "400": _error("invalid field (param names it); 1000 partners added in the key's mode"),
            **_SECRET_ERRORS,
        },
    },
    "get": {
        "summary": "List partners, self first (secret key)",
        "responses": {"200": _ok("PartnerList"), **_SECRET_ERRORS},
    },
}
PATHS["/partners/{id}"] = {
    "get": {
        "summary": "Retrieve a partner (self: the merchant)",
        "parameters": [_ID],
        "responses": {"200": _ok("Partner"), "404": _error("no such partner"), **_SECRET_ERRORS},
    },
    "patch": {
        "summary": "Change a partner's name, payout account, cycle or reserve",
        "parameters": [_ID],
        "requestBody": _body("PartnerPatch"),
        "responses": {
            "200": _ok("Partner"),
            "400": _error("invalid field (param names it)"),
            "404": _error("no such partner"),
            **_SECRET_ERRORS,
        },
    },
}
PATHS["/settlements"] = {
    "get": {
        "summary": "List settlements of this key's mode, newest first",
        "parameters": _PAGE
        + [
            {"name": "partner", "in": "query", "schema": _STR},
            {"name": "status", "in": "query", "schema": {"enum": ["pending", "paying", "paid", "failed"]}},
        ],
        "responses": {"200": _ok("SettlementList"), "400": _error("bad parameter"), **_SECRET_ERRORS},
    }
}
PATHS["/settlements/{id}"] = {
    "get": {
        "summary": "Retrieve a settlement with its payout",
        "parameters": [_ID],
        "responses": {"200": _ok("Settlement"), "404": _error("no such settlement"), **_SECRET_ERRORS},
    }
}
PATHS["/settlements/{id}/lines"] = {
    "get": {
        "summary": "A settlement's lines in posting order (starting_after: the id of the last line you have)",
        "parameters": [
            _ID,
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
            {"name": "starting_after", "in": "query", "schema": _STR},
        ],
        "responses": {
            "200": _ok("SettlementLineList"),
            "400": _error("bad parameter"),
            "404": _error("no such settlement"),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/settlements/{id}/statement.csv"] = {
    "get": {
        "summary": "The settlement statement as CSV: a summary, then every line",
        "parameters": [_ID],
        "responses": {
            "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
            "404": _error("no such settlement"),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/settlements/run"] = {
    "post": {
        "summary": "Test keys: cut every settlement due now (or up to until) and send the payouts",
        "parameters": [_IDEMPOTENCY],
        "requestBody": {"required": False, "content": {"application/json": {"schema": _ref("SettlementRunInput")}}},
        "responses": {
            "202": _ok("SettlementRun", "Accepted"),
            "400": _error("test_mode_only with a live key; until is not a time or more than 730 days from now"),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/settlements/{id}/retry_payout"] = {
    "post": {
        "summary": "Send a settlement's failed payout again (after fixing the partner's payout account)",
        "parameters": [_ID, _IDEMPOTENCY],
        "responses": {
            "200": _ok("Settlement"),
            "404": _error("no such settlement"),
            "400": _error("payout_state_invalid: nothing to pay"),
            "409": _error("payout_state_invalid: the payout has not failed"),
            **_SECRET_ERRORS,
        },
    }
}

_KINDS = ["missing_in_kassa", "missing_at_provider", "amount_mismatch", "status_mismatch", "duplicate"]
SCHEMAS["ReconciliationRunInput"] = _obj(
    ["channel", "date"],
    channel={"type": "string", "description": "a channel that publishes statements, e.g. sandbox_card"},
    date={"type": "string", "format": "date", "description": "the UTC day to reconcile, not in the future"},
)
SCHEMAS["ReconciliationRun"] = _obj(
    ["id", "channel", "date", "status", "matched", "discrepancies"],
    id=_STR,
    object={"const": "reconciliation_run"},
    channel=_STR,
    date={"type": "string", "format": "date"},
    status={"enum": ["running", "done", "failed"]},
    lines={"type": "integer", "description": "statement lines that are this merchant's"},
    matched=_INT,
    discrepancies=_obj(_KINDS, **{kind: _INT for kind in _KINDS}),
    auto_resolved={"type": "integer", "description": "settled by asking the provider"},
    failure_reason=_NULLABLE_STR,
    created_at=_TIME,
    finished_at=_NULLABLE_TIME,
)
SCHEMAS["ReconciliationRunList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("ReconciliationRun")},
    has_more={"type": "boolean"},
)
_SIDE = _obj(
    ["amount", "status"],
    amount={"type": ["integer", "null"]},
    currency={
        "type": ["string", "null"],
        "pattern": "^[a-z]{3}$",
        "description": "the currency that side booked the amount in; null when it has no amount",
    },
    status=_NULLABLE_STR,
    fee={
        "type": ["integer", "null"],
        "description": "the channel's fee on the line as the statement writes it (kept on a capture, "
        "negative when given back on a refund or a dispute's withdrawal, positive on a "
        "won dispute's reversal); null unless both sides call the line succeeded",
    },
)
SCHEMAS["Discrepancy"] = _obj(
    ["id", "kind", "line_type", "reference", "kassa", "provider", "status"],
    id=_STR,
    object={"const": "discrepancy"},
    run={"type": "string", "description": "the run that first found it"},
    channel=_STR,
    date={"type": "string", "format": "date"},
    kind={"enum": _KINDS},
    line_type={"enum": ["capture", "refund", "payout", "dispute", "dispute_fee", "dispute_reversal"]},
    reference={
        "type": "string",
        "description": "what the line (or Kassa's record) is called: the reference Kassa "
        "sent, or the provider's dispute id on a dispute's lines",
    },
    kassa_object={
        "type": ["string", "null"],
        "description": "the attempt, refund, payout, dispute or order it concerns (the disputed payment, "
        "for a dispute Kassa has no record of)",
    },
    provider_id=_NULLABLE_STR,
    currency=_CURRENCY
    | {
        "description": "the provider line's currency (Kassa's record's when no line lists it); "
        "each side's own is in kassa.currency and provider.currency"
    },
    kassa=_SIDE,
    provider=_SIDE,
    status={"enum": ["open", "resolved"]},
    resolution={"enum": [None, "auto", "corrected", "accepted", "written_off"]},
    resolution_note=_NULLABLE_STR,
    resolved_by=_NULLABLE_STR,
    resolved_at=_NULLABLE_TIME,
    created_at=_TIME,
)
SCHEMAS["DiscrepancyList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("Discrepancy")},
    has_more={"type": "boolean"},
)

PATHS["/reconciliation_runs"] = {
    "post": {
        "summary": "Reconcile a channel's statement of one day; the run works on a worker (poll until done)",
        "parameters": [_IDEMPOTENCY],
        "requestBody": _body("ReconciliationRunInput"),
        "responses": {
            "201": _ok("ReconciliationRun", "Created"),
            "400": _error("channel without statements; date malformed or in the future"),
            **_SECRET_ERRORS,
            "403": _error(
                "a publishable key on a secret-only route; a test key and a channel that "
                "is not test-only (code live_key_required)"
            ),
        },
    },
    "get": {
        "summary": "List reconciliation runs, newest first (a test key: those of test-only channels)",
        "parameters": _PAGE + [{"name": "channel", "in": "query", "schema": _STR}],
        "responses": {"200": _ok("ReconciliationRunList"), "400": _error("bad parameter"), **_SECRET_ERRORS},
    },
}
PATHS["/reconciliation_runs/{id}"] = {
    "get": {
        "summary": "Retrieve a reconciliation run",
        "parameters": [_ID],
        "responses": {
            "200": _ok("ReconciliationRun"),
            "404": _error("no such run (for a test key: nor one of a channel that is not test-only)"),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/reconciliation_runs/{id}/discrepancies"] = {
    "get": {
        "summary": "The discrepancies of the run's channel and day (also those an earlier run of the day recorded)",
        "parameters": [
            _ID,
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
            {"name": "starting_after", "in": "query", "schema": _STR},
            {"name": "status", "in": "query", "schema": {"enum": ["open", "resolved"]}},
            {"name": "kind", "in": "query", "schema": {"enum": _KINDS}},
        ],
        "responses": {
            "200": _ok("DiscrepancyList"),
            "400": _error("bad parameter"),
            "404": _error("no such run (for a test key: nor one of a channel that is not test-only)"),
            **_SECRET_ERRORS,
        },
    }
}
