"""The OpenAPI 3.1 document of the API, generated: the operations from what each route declares (its pydantic
models and error codes: app/web/api/operation.py, app/web/api/openapi_generation.py), the webhooks section from the
event payload models (app/web/api/openapi_event_payloads.py), the reference's sections (openapi_navigation.py) and
a curl sample per operation (openapi_samples.py). Nothing in it is written by hand twice: a test validates live
answers against it, and the SDK's types are generated from it (sdk/openapi.json, ``make api-types``)."""

from __future__ import annotations

from flask import current_app

from app.web.api import openapi_event_payloads, openapi_navigation, openapi_samples
from app.web.api.openapi_generation import generated

_PARTS = "kassa.openapi_parts"


def _paths_and_schemas() -> tuple[dict, dict]:
    """The tagged paths and the component schemas, made once per app: its routes and models are fixed once it is
    made, and making them costs about 0.16 s of CPU."""
    parts = current_app.extensions.get(_PARTS)
    if parts is None:
        paths, schemas = generated(current_app)
        # The webhook payloads carry API objects: derived from those objects' schemas, so after them.
        schemas.update(openapi_event_payloads.payload_schemas(schemas))
        parts = current_app.extensions[_PARTS] = (openapi_navigation.tagged(paths), schemas)
    return parts


def openapi_document(server_url: str) -> dict:
    """The whole document, with the server URL of this deployment. It shares its schemas with the app's other
    documents: serialise it, never change it."""
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
        "security": [{"secret_key": []}, {"publishable_key": []}],
        "tags": openapi_navigation.api_tags() + openapi_event_payloads.webhook_tags(),
        "paths": openapi_samples.with_curl_samples(paths, server_url, schemas),
        "webhooks": openapi_event_payloads.webhooks(schemas),
        "components": {
            "schemas": schemas,
            "securitySchemes": {
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
