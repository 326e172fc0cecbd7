"""Webhook endpoint routes (secret key only): register, list, delete."""
from __future__ import annotations

from flask import jsonify, request

from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import json_body, limit_param
from app.web.api.representations import webhook_endpoint_json
from app.webhooks.endpoints import create_endpoint, delete_endpoint, list_endpoints
from app.webhooks.models import WebhookEndpoint


@bp.post("/webhook_endpoints")
@requires_key(secret=True)
@idempotent
@api_audited("webhook_endpoint.create", WebhookEndpoint)
def webhook_endpoints_create():
    body = json_body()
    endpoint = create_endpoint(caller().merchant_id, url=body.get("url"), events=body.get("events"))
    return jsonify(webhook_endpoint_json(endpoint, with_secret=True)), 201


@bp.get("/webhook_endpoints")
@requires_key(secret=True)
def webhook_endpoints_index():
    endpoints, has_more = list_endpoints(caller().merchant_id, limit=limit_param(),
                                         starting_after=request.args.get("starting_after"))
    return jsonify({"object": "list", "data": [webhook_endpoint_json(e) for e in endpoints], "has_more": has_more})


@bp.delete("/webhook_endpoints/<endpoint_id>")
@requires_key(secret=True)
@api_audited("webhook_endpoint.delete", WebhookEndpoint, "endpoint_id")
def webhook_endpoints_delete(endpoint_id: str):
    return jsonify({"id": delete_endpoint(caller().merchant_id, endpoint_id), "object": "webhook_endpoint",
                    "deleted": True})
