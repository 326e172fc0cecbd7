"""Webhook endpoint routes (secret key only): register, list, read, change, roll the secret, send a test event,
delete. Each acts in the key's mode: a test key's endpoints hear test events only, and a live endpoint is a 404 to
it."""

from __future__ import annotations

from flask import jsonify

from app.extensions import db
from app.platform.outbox.events import Event
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.webhook_endpoints import (
    WebhookEndpoint as WebhookEndpointAnswer,
)
from app.web.api.models.webhook_endpoints import (
    WebhookEndpointCreated,
    WebhookEndpointDeleted,
    WebhookEndpointInput,
    WebhookEndpointList,
    WebhookEndpointListQuery,
    WebhookEndpointUpdate,
    WebhookSecretRoll,
    WebhookTest,
    WebhookTestInput,
)
from app.web.api.operation import operation
from app.web.api.representations import webhook_delivery_json, webhook_endpoint_json
from app.webhooks.endpoints import create_endpoint, delete_endpoint, get_endpoint, list_endpoints, update_endpoint
from app.webhooks.models import WebhookDelivery, WebhookEndpoint
from app.webhooks.samples import send_test_event
from app.webhooks.secrets import roll_endpoint_secret

_ID = {"endpoint_id": "the webhook endpoint's id (we_…)"}
_NOT_FOUND = (
    "resource_missing: no such endpoint (another merchant's id, or an endpoint of the other mode, is not found either)"
)
_IDEMPOTENCY_CONFLICTS = (
    "idempotency_key_reused: the Idempotency-Key was used with a different request; "
    "idempotency_request_in_progress: a request with this Idempotency-Key is still running"
)
# The service checks what the schema cannot say: a URL on a public address.
_URL_REFUSED = (
    "parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object; "
    "url_not_allowed: the url's host is (or resolves to) an address Kassa does not send to (this machine, a private "
    "network)"
)


def _optional_body(model: str) -> dict:
    """roll_secret and test take an optional body: none at all means the defaults."""
    return {
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}},
        }
    }


@bp.post("/webhook_endpoints")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.create", WebhookEndpoint)
@operation(
    "Register a webhook endpoint",
    description="In the key's mode (it receives that mode's events only); the answer holds its signing secret, "
    "shown once.",
    body=WebhookEndpointInput,
    answers={201: WebhookEndpointCreated},
    errors={400: _URL_REFUSED, 409: _IDEMPOTENCY_CONFLICTS},
)
def webhook_endpoints_create(body: WebhookEndpointInput):
    who = caller()
    endpoint = create_endpoint(who.merchant_id, url=body.url, events=body.events, livemode=who.livemode)
    return jsonify(webhook_endpoint_json(endpoint, with_secret=True)), 201


@bp.get("/webhook_endpoints")
@requires_key(secret=True)
@operation(
    "List webhook endpoints, newest first",
    description="The key's mode's endpoints (no secrets).",
    query=WebhookEndpointListQuery,
    answers={200: WebhookEndpointList},
)
def webhook_endpoints_index(query: WebhookEndpointListQuery):
    endpoints, has_more = list_endpoints(
        caller().merchant_id, livemode=caller().livemode, limit=query.limit, starting_after=query.starting_after
    )
    return jsonify({"object": "list", "data": [webhook_endpoint_json(e) for e in endpoints], "has_more": has_more})


@bp.get("/webhook_endpoints/<endpoint_id>")
@requires_key(secret=True)
@operation(
    "Retrieve a webhook endpoint (no secret)",
    answers={200: WebhookEndpointAnswer},
    errors={404: _NOT_FOUND},
    path=_ID,
)
def webhook_endpoints_show(endpoint_id: str):
    return jsonify(webhook_endpoint_json(get_endpoint(caller().merchant_id, endpoint_id, livemode=caller().livemode)))


@bp.post("/webhook_endpoints/<endpoint_id>")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.update", WebhookEndpoint, "endpoint_id")
@operation(
    "Change a webhook endpoint's url, events or enabled state",
    description="Disabling it stops its pending deliveries, and no event is queued for it until it is enabled again.",
    body=WebhookEndpointUpdate,
    answers={200: WebhookEndpointAnswer},
    errors={
        400: _URL_REFUSED + "; also parameter_invalid when nothing is to change (no param), or enabled and disabled "
        "contradict each other",
        404: _NOT_FOUND,
        409: _IDEMPOTENCY_CONFLICTS,
    },
    path=_ID,
)
def webhook_endpoints_update(endpoint_id: str, body: WebhookEndpointUpdate):
    # Only what the client sent: the service tells "nothing to change" and contradictions apart.
    changes = body.model_dump(exclude_unset=True)
    endpoint = update_endpoint(caller().merchant_id, endpoint_id, changes, livemode=caller().livemode)
    return jsonify(webhook_endpoint_json(endpoint))


@bp.post("/webhook_endpoints/<endpoint_id>/roll_secret")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.roll_secret", WebhookEndpoint, "endpoint_id")
@operation(
    "Roll a webhook endpoint's signing secret",
    description="Gives the endpoint a new signing secret (in the answer, shown once); the old one also signs for "
    "overlap_hours.",
    body=WebhookSecretRoll,
    answers={200: WebhookEndpointCreated},
    errors={
        404: _NOT_FOUND,
        409: "webhook_secret_rolled: rolled by someone else at that moment; " + _IDEMPOTENCY_CONFLICTS,
    },
    path=_ID,
    extra=_optional_body("WebhookSecretRoll"),
)
def webhook_endpoints_roll_secret(endpoint_id: str, body: WebhookSecretRoll):
    endpoint = roll_endpoint_secret(
        caller().merchant_id, endpoint_id, livemode=caller().livemode, overlap_hours=body.overlap_hours
    )
    return jsonify(webhook_endpoint_json(endpoint, with_secret=True))


@bp.post("/webhook_endpoints/<endpoint_id>/test")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.test", WebhookDelivery)
@operation(
    "Send a webhook endpoint a sample event",
    description="Now, with test_webhook: true, signed and delivered like any other; no handler and no other "
    "endpoint sees it.",
    body=WebhookTestInput,
    answers={201: WebhookTest},
    errors={
        400: "parameter_invalid: type is unknown, or not one the endpoint listens to; invalid_json: the body is not "
        "a JSON object",
        404: _NOT_FOUND,
        409: "webhook_endpoint_disabled: enable the endpoint first; " + _IDEMPOTENCY_CONFLICTS,
    },
    path=_ID,
    extra=_optional_body("WebhookTestInput"),
)
def webhook_endpoints_test(endpoint_id: str, body: WebhookTestInput):
    delivery = send_test_event(caller().merchant_id, endpoint_id, livemode=caller().livemode, event_type=body.type)
    event = db.session.get(Event, delivery.event_id)
    return jsonify(
        {"object": "webhook_test", "event": event.to_json(), "delivery": webhook_delivery_json(delivery)}
    ), 201


@bp.delete("/webhook_endpoints/<endpoint_id>")
@requires_key(secret=True)
@api_audited("webhook_endpoint.delete", WebhookEndpoint, "endpoint_id")
@operation(
    "Delete a webhook endpoint",
    description="Its pending deliveries stop.",
    answers={200: WebhookEndpointDeleted},
    errors={404: _NOT_FOUND + "; deleting it twice finds none the second time"},
    path=_ID,
)
def webhook_endpoints_delete(endpoint_id: str):
    return jsonify(
        {
            "id": delete_endpoint(caller().merchant_id, endpoint_id, livemode=caller().livemode),
            "object": "webhook_endpoint",
            "deleted": True,
        }
    )
