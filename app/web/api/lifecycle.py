"""After payment: confirm an order, refund it (and retry a failed refund), read entitlements. Secret key only."""
from __future__ import annotations

from flask import jsonify

from app.orders.confirmation import confirm_order
from app.orders.entitlements import customer_entitlements
from app.payments.refunds import create_refund, retry_refund
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import json_body
from app.web.api.representations import entitlements_json, order_json, refund_json


@bp.post("/orders/<order_id>/confirm")
@requires_key(secret=True)
@idempotent
def orders_confirm(order_id: str):
    json_body()
    return jsonify(order_json(confirm_order(caller().merchant_id, order_id, actor="api")))


@bp.post("/orders/<order_id>/refunds")
@requires_key(secret=True)
@idempotent
def refunds_create(order_id: str):
    body = json_body()
    refund = create_refund(caller().merchant_id, order_id, amount=body.get("amount"), reason=body.get("reason"),
                           actor="api")
    return jsonify({"refund": refund_json(refund)}), 201


@bp.post("/refunds/<refund_id>/retry")
@requires_key(secret=True)
@idempotent
def refunds_retry(refund_id: str):
    json_body()
    return jsonify({"refund": refund_json(retry_refund(caller().merchant_id, refund_id, actor="api"))})


@bp.get("/customers/<customer_id>/entitlements")
@requires_key(secret=True)
def customers_entitlements(customer_id: str):
    return jsonify(entitlements_json(customer_entitlements(caller().merchant_id, customer_id)))
