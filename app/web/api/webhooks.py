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
from app.web.api.params import cursor_param, json_body, limit_param
from app.web.api.representations import webhook_delivery_json, webhook_endpoint_json
from app.webhooks.endpoints import create_endpoint, delete_endpoint, get_endpoint, list_endpoints, update_endpoint
from app.webhooks.models import WebhookDelivery, WebhookEndpoint
from app.webhooks.samples import send_test_event
from app.webhooks.secrets import roll_endpoint_secret


@bp.post("/webhook_endpoints")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.create", WebhookEndpoint)
def webhook_endpoints_create():
    body, who = json_body(), caller()
    endpoint = create_endpoint(who.merchant_id, url=body.get("url"), events=body.get("events"), livemode=who.livemode)
    return jsonify(webhook_endpoint_json(endpoint, with_secret=True)), 201


@bp.get("/webhook_endpoints")
@requires_key(secret=True)
def webhook_endpoints_index():
    endpoints, has_more = list_endpoints(
        caller().merchant_id, livemode=caller().livemode, limit=limit_param(), starting_after=cursor_param("we")
    )
    return jsonify({"object": "list", "data": [webhook_endpoint_json(e) for e in endpoints], "has_more": has_more})


@bp.get("/webhook_endpoints/<endpoint_id>")
@requires_key(secret=True)
def webhook_endpoints_show(endpoint_id: str):
    return jsonify(webhook_endpoint_json(get_endpoint(caller().merchant_id, endpoint_id, livemode=caller().livemode)))


@bp.post("/webhook_endpoints/<endpoint_id>")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.update", WebhookEndpoint, "endpoint_id")
def webhook_endpoints_update(endpoint_id: str):
    endpoint = update_endpoint(caller().merchant_id, endpoint_id, json_body(), livemode=caller().livemode)
    return jsonify(webhook_endpoint_json(endpoint))


@bp.post("/webhook_endpoints/<endpoint_id>/roll_secret")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.roll_secret", WebhookEndpoint, "endpoint_id")
def webhook_endpoints_roll_secret(endpoint_id: str):
    endpoint = roll_endpoint_secret(
        caller().merchant_id, endpoint_id, livemode=caller().livemode, overlap_hours=json_body().get("overlap_hours")
    )
    return jsonify(webhook_endpoint_json(endpoint, with_secret=True))


@bp.post("/webhook_endpoints/<endpoint_id>/test")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.test", WebhookDelivery)
def webhook_endpoints_test(endpoint_id: str):
    delivery = send_test_event(
        caller().merchant_id, endpoint_id, livemode=caller().livemode, event_type=json_body().get("type")
    )
    event = db.session.get(Event, delivery.event_id)
    return jsonify(
        {"object": "webhook_test", "event": event.to_json(), "delivery": webhook_delivery_json(delivery)}
    ), 201


@bp.delete("/webhook_endpoints/<endpoint_id>")
@requires_key(secret=True)
@api_audited("webhook_endpoint.delete", WebhookEndpoint, "endpoint_id")
def webhook_endpoints_delete(endpoint_id: str):
    return jsonify(
        {
            "id": delete_endpoint(caller().merchant_id, endpoint_id, livemode=caller().livemode),
            "object": "webhook_endpoint",
            "deleted": True,
        }
    )
