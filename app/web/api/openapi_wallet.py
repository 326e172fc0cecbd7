"""The OpenAPI part of the wallet beyond top-ups (issue 11): withdrawals and their review, transfers, statements.
Imported by app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api import openapi_books  # noqa: F401  (the area before, in the reference's order)
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
    PATHS,
    SCHEMAS,
    _body,
    _error,
    _obj,
    _ok,
    _ref,
)

_AMOUNT = {"type": "integer", "minimum": 1, "maximum": 2147483647, "description": "minor units"}
_BLOCKED = _error("risk_blocked: the merchant's risk settings refuse it (a block list entry, a withdrawal rule)")
_UNCOVERED = _error("insufficient_balance: the available balance does not cover the amount; nothing moved")

SCHEMAS["WithdrawalInput"] = _obj(
    ["amount", "currency", "destination"],
    amount=_AMOUNT,
    currency=_CURRENCY,
    destination={
        "type": "string",
        "description": "the customer's payout account at the provider: 4-100 letters, digits, spaces or _ . - / :",
    },
)
SCHEMAS["Withdrawal"] = _obj(
    ["id", "status", "amount", "currency", "destination", "payout"],
    id=_STR,
    object={"const": "withdrawal"},
    status={
        "enum": ["review", "pending", "paid", "failed", "canceled"],
        "description": "review: held for the merchant's decision; pending: the payout is on its way; paid; "
        "failed: the payout failed for good and the money is back in the wallet; canceled: "
        "rejected in review, the money is back",
    },
    customer=_STR,
    amount=_INT,
    currency=_CURRENCY,
    destination=_STR,
    livemode={"type": "boolean"},
    risk=_ref("RiskAssessment"),
    reviewed_by=_NULLABLE_STR,
    payout=_ref("Payout"),
    created_at=_TIME,
)
SCHEMAS["WithdrawalResponse"] = _obj(["withdrawal"], withdrawal=_ref("Withdrawal"))
SCHEMAS["WithdrawalList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("Withdrawal")},
    has_more={"type": "boolean"},
)
SCHEMAS["TransferInput"] = _obj(
    ["to", "amount", "currency"],
    to={"type": "string", "description": "the receiving customer's id (not the sender)"},
    amount=_AMOUNT,
    currency=_CURRENCY,
    description={"type": "string", "maxLength": 500},
)
SCHEMAS["Transfer"] = _obj(
    ["id", "from", "to", "amount", "currency"],
    id=_STR,
    object={"const": "transfer"},
    **{"from": _STR},
    to=_STR,
    amount=_INT,
    currency=_CURRENCY,
    description=_NULLABLE_STR,
    livemode={"type": "boolean"},
    created_at=_TIME,
)
SCHEMAS["TransferResponse"] = _obj(["transfer"], transfer=_ref("Transfer"))
SCHEMAS["WalletMovement"] = _obj(
    [
        "id",
        "kind",
        "created_at",
        "amount",
        "available_change",
        "frozen_change",
        "available_balance",
        "frozen_balance",
        "reference",
    ],
    id={"type": "string", "description": "the journal entry"},
    object={"const": "wallet_movement"},
    kind={
        "enum": [
            "topup",
            "payment_try",
            "payment_confirm",
            "payment_cancel",
            "refund",
            "topup_refund",
            "topup_refund_released",
            "withdrawal",
            "withdrawal_paid",
            "withdrawal_returned",
            "transfer_in",
            "transfer_out",
        ]
    },
    created_at=_TIME,
    currency=_CURRENCY,
    amount={"type": "integer", "description": "how much moved (positive)"},
    available_change=_INT,
    frozen_change=_INT,
    available_balance={"type": "integer", "description": "the running available balance after this movement"},
    frozen_balance={"type": "integer", "description": "the running frozen balance after this movement"},
    reference=_obj(["type", "id"], type={"enum": ["order", "refund", "withdrawal", "transfer", "entry"]}, id=_STR),
    order=_NULLABLE_STR,
)
SCHEMAS["WalletStatement"] = _obj(
    ["data", "has_more", "currency"],
    object={"const": "list"},
    customer=_STR,
    livemode={"type": "boolean"},
    currency={"type": ["string", "null"], "description": "null when the wallet has no movements yet"},
    data={"type": "array", "items": _ref("WalletMovement")},
    has_more={"type": "boolean"},
)

_CUSTOMER = {"name": "id", "in": "path", "required": True, "schema": _STR, "description": "the customer's id"}
_STATEMENT_QUERY = [
    {
        "name": "currency",
        "in": "query",
        "schema": _CURRENCY,
        "description": "required when the wallet holds more than one currency",
    },
    {"name": "from", "in": "query", "schema": _STR, "description": "unix seconds or ISO 8601 (inclusive)"},
    {"name": "to", "in": "query", "schema": _STR, "description": "unix seconds or ISO 8601 (exclusive)"},
]

# Money leaving a wallet stops with the wallet channel's switch and with maintenance (docs/operations.md).
_WALLET_UNAVAILABLE = {
    "503": _error(
        "channel_unavailable: the wallet channel is switched off (the message gives the reason); maintenance: "
        "maintenance is on; service_unavailable / wallet_locked: as on every money route. Nothing moved; "
        "retry after Retry-After seconds"
    )
}

PATHS["/customers/{id}/withdrawals"] = {
    "post": {
        "summary": "Withdraw from a customer's wallet to their payout account (secret key): the amount is "
        "frozen until the payout is paid, and back in the wallet if it fails for good",
        "parameters": [_CUSTOMER, _IDEMPOTENCY],
        "requestBody": _body("WithdrawalInput"),
        "responses": {
            "201": _ok("WithdrawalResponse", "Created"),
            "400": _error("invalid field (param names it); channel_unavailable: a live key and a test payout channel"),
            "402": _BLOCKED,
            "422": _UNCOVERED,
            **_WALLET_UNAVAILABLE,
            **_SECRET_ERRORS,
        },
    },
    "get": {
        "summary": "A customer's withdrawals of this key's mode, newest first",
        "parameters": [_CUSTOMER] + _PAGE,
        "responses": {"200": _ok("WithdrawalList"), "400": _error("bad parameter"), **_SECRET_ERRORS},
    },
}
PATHS["/withdrawals/{id}"] = {
    "get": {
        "summary": "Retrieve a withdrawal with its payout",
        "parameters": [_ID],
        "responses": {"200": _ok("Withdrawal"), "404": _error("no such withdrawal"), **_SECRET_ERRORS},
    }
}
PATHS["/withdrawals/{id}/review"] = {
    "post": {
        "summary": "Decide a withdrawal held for review: approve sends its payout, reject gives the money back",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _body("ReviewDecision"),
        "responses": {
            "200": _ok("Withdrawal"),
            "400": _error("decision is not approve or reject"),
            "404": _error("no such withdrawal"),
            "409": _error("review_not_open: not waiting for a decision"),
            **_WALLET_UNAVAILABLE,
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/customers/{id}/transfers"] = {
    "post": {
        "summary": "Move money from this customer's wallet to another customer's of the same merchant (secret key)",
        "parameters": [_CUSTOMER, _IDEMPOTENCY],
        "requestBody": _body("TransferInput"),
        "responses": {
            "201": _ok("TransferResponse", "Created"),
            "400": _error("invalid field (param names it); transfer_to_self"),
            "402": _BLOCKED,
            "422": _UNCOVERED,
            **_WALLET_UNAVAILABLE,
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/customers/{id}/wallet/statement"] = {
    "get": {
        "summary": "Every movement of the customer's wallet in one currency with the running balances, oldest first",
        "parameters": [
            _CUSTOMER,
            *_STATEMENT_QUERY,
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
            {
                "name": "starting_after",
                "in": "query",
                "schema": _STR,
                "description": "the id of the last movement you have",
            },
        ],
        "responses": {"200": _ok("WalletStatement"), "400": _error("bad parameter (param names it)"), **_SECRET_ERRORS},
    }
}
PATHS["/customers/{id}/wallet/statement.csv"] = {
    "get": {
        "summary": "The same statement as CSV (every movement in the period), streamed",
        "parameters": [_CUSTOMER, *_STATEMENT_QUERY],
        "responses": {
            "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
            "400": _error("bad parameter (param names it)"),
            **_SECRET_ERRORS,
        },
    }
}
