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

import copy

from flask import current_app

from app.web.api import openapi_event_payloads, openapi_navigation, openapi_samples
from app.web.api.openapi_base import PATHS, SCHEMAS, _error
from app.web.api.openapi_generation import generated

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


def _paths_and_schemas() -> tuple[dict, dict]:
    """The declared operations (app/web/api/operation.py) over the hand-written ones they replace (issue 52: the
    hand-written modules go once every route declares itself)."""
    paths, schemas = copy.deepcopy(PATHS), copy.deepcopy(SCHEMAS)
    made, made_schemas = generated(current_app)
    schemas.update(made_schemas)
    # The webhook payloads carry API objects: derived from those objects' schemas, so after them.
    schemas.update(openapi_event_payloads.payload_schemas(schemas))
    for path, operations in made.items():
        paths.setdefault(path, {}).update(operations)
    return paths, schemas


def openapi_document(server_url: str) -> dict:
    """The whole document, with the server URL of this deployment."""
    paths, schemas = _paths_and_schemas()
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
            openapi_navigation.tagged(_with_body_errors(paths)), server_url, schemas
        ),
        "webhooks": openapi_event_payloads.webhooks(schemas),
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "sk_… (secret) or pk_… (publishable) key",
                },
                "secret_key": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "a secret key, sk_test_… or sk_live_…",
                },
                "publishable_key": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "a publishable key, pk_test_… or pk_live_…, from the merchant's allowed origins",
                },
            },
        },
    }
