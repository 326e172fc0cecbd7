"""The OpenAPI 3.1 document for what the API serves today. A test validates live responses
against it, so it cannot drift from the code unnoticed.

The document is assembled from areas, each a module (app/web/api/openapi_*.py) that adds its schemas and paths to
those of the base (app/web/api/openapi_base.py: the shared pieces, orders, payments and wallets) after the area
before it, in the order the reference lists them: lifecycle (refunds, confirm, entitlements), events (events,
webhooks, balance, the order stream), catalog (products, SKUs, checkout sessions), risk (lists, rules, refund
requests, review), signing (subscriptions, billing links, test clocks), books (partners, settlements), wallet
(withdrawals, transfers, statements), webhook endpoints (changing, rolling, testing them) and last the event
payloads (the webhooks section), which so brings in every other area."""

from __future__ import annotations

from app.web.api import openapi_event_payloads, openapi_navigation, openapi_samples
from app.web.api.openapi_base import PATHS, SCHEMAS, _error

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
        "info": {
            "title": "Kassa API",
            "version": "1.0.0",
            "description": "JSON API of Kassa. Amounts are integers in minor units. Every response "
            "carries X-Request-Id (the caller's, if it sent a sane one: 1-128 of "
            "A-Z a-z 0-9 . _ : / + = @ -, else a new one); error bodies repeat it as "
            "error.request_id. Bodies over 1 MB get 413. Every query parameter takes one "
            "value: one sent twice is a 400 (parameter_invalid) naming it.\n\n"
            "Authenticate with `Authorization: Bearer sk_…` (secret key, from your server) or "
            "`pk_…` (publishable key, from browsers; fewer routes). Every mutating call accepts "
            "`Idempotency-Key`. The events Kassa POSTs to your webhook endpoints, and how to "
            "verify their signature, are under Receiving webhooks and the … events sections.",
        },
        "servers": [{"url": server_url}],
        "security": [{"bearer": []}],
        "tags": openapi_navigation.api_tags() + openapi_event_payloads.webhook_tags(),
        "paths": openapi_samples.with_curl_samples(
            openapi_navigation.tagged(_with_body_errors(PATHS)), server_url, SCHEMAS
        ),
        "webhooks": openapi_event_payloads.webhooks(),
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "sk_… (secret) or pk_… (publishable) key"}
            },
        },
    }
