"""After payment: confirm an order, refund it (and retry a failed refund), read entitlements. Secret key only."""

from __future__ import annotations

from flask import jsonify

from app.errors import NotFound
from app.orders.confirmation import confirm_order
from app.orders.customers import parse_customer_id
from app.orders.entitlements import customer_entitlements
from app.orders.models import Order
from app.payments.models import Refund
from app.payments.refunds.representation import refund_object
from app.payments.refunds.services import create_refund, get_refund, retry_refund
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.orders import order_of_caller
from app.web.api.params import json_body
from app.web.api.representations import entitlements_json, order_json


@bp.post("/orders/<order_id>/confirm")
@requires_key(secret=True)
@idempotent
@api_audited("order.confirm", Order, "order_id")
def orders_confirm(order_id: str):
    json_body()
    order = order_of_caller(order_id)
    return jsonify(order_json(confirm_order(order.merchant_id, order.id, actor="api")))


@bp.post("/orders/<order_id>/refunds")
@requires_key(secret=True)
@idempotent(creates=Refund, replay=lambda refund: ({"refund": refund_object(refund)}, 201))
@api_audited("order.refund", Refund)
def refunds_create(order_id: str):
    body = json_body()
    order = order_of_caller(order_id)
    refund = create_refund(
        order.merchant_id, order.id, amount=body.get("amount"), reason=body.get("reason"), actor="api"
    )
    return jsonify({"refund": refund_object(refund)}), 201


@bp.post("/refunds/<refund_id>/retry")
@requires_key(secret=True)
@idempotent
@api_audited("order.refund_retry", Refund, "refund_id")
def refunds_retry(refund_id: str):
    json_body()
    refund = get_refund(caller().merchant_id, refund_id)
    try:
        order_of_caller(refund.order_id)
    except NotFound:
        raise NotFound(f"no refund {refund_id!r}", param="id") from None  # a refund of the other mode
    return jsonify({"refund": refund_object(retry_refund(caller().merchant_id, refund_id, actor="api"))})


@bp.get("/customers/<customer_id>/entitlements")
@requires_key(secret=True)
def customers_entitlements(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    return jsonify(entitlements_json(customer_entitlements(who.merchant_id, customer_id, livemode=who.livemode)))
