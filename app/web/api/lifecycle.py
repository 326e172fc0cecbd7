"""After payment: confirm an order, refund it (and retry a failed refund), read entitlements. Secret key only."""

from __future__ import annotations

from flask import jsonify

from app.errors import NotFound
from app.orders.confirmation import confirm_order
from app.orders.customers import parse_customer_id
from app.orders.entitlements import customer_entitlements
from app.orders.fulfilment_reports import report_fulfilment
from app.orders.models import Order
from app.orders.sub_order_life import confirm_sub_order
from app.payments.models import Refund
from app.payments.refunds.representation import refund_object
from app.payments.refunds.services import create_refund, get_refund, retry_refund
from app.payments.refunds.sub_order_endings import cancel_sub_order, report_sub_order_fulfilment
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.lifecycle import (
    Entitlements,
    FulfilmentReportInput,
    RefundInput,
    RefundResponse,
    SubOrderCancelInput,
)
from app.web.api.operation import operation
from app.web.api.orders import order_of_caller
from app.web.api.params import json_body
from app.web.api.representations import entitlements_json, order_json

# Refunds and their retries ask the order's lock in Redis (app/payments/refunds/services.py).
_UNAVAILABLE = (
    "service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection "
    "(rolled back); order_locked: another process is updating the order. Retry after Retry-After seconds"
)
_ORDER = {"id": "the order's id (ord_…)"}
# The Order is the orders area's model (app/web/api/models/): named by its component, not imported.
_ORDER_ANSWER = ("application/json", {"$ref": "#/components/schemas/Order"}, "The order, completed")


@bp.post("/orders/<order_id>/confirm")
@requires_key(secret=True)
@idempotent
@api_audited("order.confirm", Order, "order_id")
@operation(
    "Confirm a fulfilled order: fulfilled → completed (secret key; also happens automatically)",
    raw_answers={200: _ORDER_ANSWER},
    errors={
        404: "resource_missing: no such order (of this key's mode)",
        409: "order_state_invalid: the order is not fulfilled; order_changed_concurrently: it changed meanwhile",
    },
    path=_ORDER,
)
def orders_confirm(order_id: str):
    json_body()  # nothing to send; a body, if any, must be a JSON object
    order = order_of_caller(order_id)
    return jsonify(order_json(confirm_order(order.merchant_id, order.id, actor="api")))


@bp.post("/orders/<order_id>/fulfilment")
@requires_key(secret=True)
@idempotent
@api_audited("order.fulfilment_report", Order, "order_id")
@operation(
    "Report how a fulfilment ended: the merchant's system delivered the order (or could not) after its fulfilment "
    "webhook answered 202 Accepted (secret key)",
    body=FulfilmentReportInput,
    raw_answers={
        200: ("application/json", {"$ref": "#/components/schemas/Order"}, "The order: fulfilled, or refunding (failed)")
    },
    errors={
        404: "resource_missing: no such order (of this key's mode)",
        409: "order_state_invalid: the order is not paid and waiting for fulfilment (it names its status); "
        "fulfilment_already_reported: an earlier report said the other outcome; sub_order_state_invalid: the part "
        "was canceled or refunded in full; refund_in_progress: a refund of the order is in progress",
        503: _UNAVAILABLE,
    },
    path=_ORDER,
)
def orders_fulfilment_report(order_id: str, body: FulfilmentReportInput):
    order = order_of_caller(order_id)
    if body.sub_order is not None:
        reported = report_sub_order_fulfilment(
            order.merchant_id, order.id, body.sub_order, body.status, body.reason, actor="api"
        )
    else:
        reported = report_fulfilment(order.merchant_id, order.id, body.status, body.reason, actor="api")
    return jsonify(order_json(reported))


_SUB_ORDER = {**_ORDER, "sub_order_id": "the sub-order's id (so_…)"}


@bp.post("/orders/<order_id>/sub_orders/<sub_order_id>/confirm")
@requires_key(secret=True)
@idempotent
@api_audited("order.sub_order_confirm", Order, "order_id")
@operation(
    "Confirm the receipt of one delivered part of a split order: the part becomes completed, and the order "
    "completes (and is cleared) once every live part is (secret key)",
    raw_answers={200: ("application/json", {"$ref": "#/components/schemas/Order"}, "The order")},
    errors={
        404: "resource_missing: no such order (of this key's mode), or the order has no such sub-order",
        409: "order_state_invalid: the part is not fulfilled yet; sub_order_state_invalid: it was canceled, failed "
        "or refunded in full; order_changed_concurrently: the order kept changing meanwhile",
    },
    path=_SUB_ORDER,
)
def sub_orders_confirm(order_id: str, sub_order_id: str):
    json_body()  # nothing to send; a body, if any, must be a JSON object
    order = order_of_caller(order_id)
    return jsonify(order_json(confirm_sub_order(order.merchant_id, order.id, sub_order_id, actor="api")))


@bp.post("/orders/<order_id>/sub_orders/<sub_order_id>/cancel")
@requires_key(secret=True)
@idempotent
@api_audited("order.sub_order_cancel", Order, "order_id")
@operation(
    "Cancel one part of a paid split order before it is delivered: all that remains of it is refunded through the "
    "channel that captured the payment and it becomes canceled (secret key)",
    body=SubOrderCancelInput,
    raw_answers={
        200: ("application/json", {"$ref": "#/components/schemas/Order"}, "The order, with the part canceled")
    },
    errors={
        404: "resource_missing: no such order (of this key's mode), or the order has no such sub-order",
        409: "sub_order_fulfilled: the part was delivered, refund it instead; order_state_invalid: the order is not "
        "paid (cancel the whole order) or closed; sub_order_state_invalid: the part failed or was refunded in full; "
        "refund_in_progress: a refund of the order is in progress; order_changed_concurrently: the order kept "
        "changing meanwhile",
        503: _UNAVAILABLE,
    },
    path=_SUB_ORDER,
    # The body may be left out.
    extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SubOrderCancelInput"}}},
        }
    },
)
def sub_orders_cancel(order_id: str, sub_order_id: str, body: SubOrderCancelInput):
    order = order_of_caller(order_id)
    canceled = cancel_sub_order(order.merchant_id, order.id, sub_order_id, reason=body.reason, actor="api")
    return jsonify(order_json(canceled))


@bp.post("/orders/<order_id>/refunds")
@requires_key(secret=True)
@idempotent(creates=Refund, replay=lambda refund: ({"refund": refund_object(refund)}, 201))
@api_audited("order.refund", Refund)
@operation(
    "Refund all or part of a paid order through the channel that captured it (secret key)",
    body=RefundInput,
    answers={201: RefundResponse},
    errors={
        404: "resource_missing: no such order (of this key's mode)",
        409: "order_state_invalid: not refundable now (not paid, or no captured payment); refund_in_progress: a "
        "refund is in progress; order_changed_concurrently: the order kept changing meanwhile",
        422: "amount_too_large: more than remains refundable; nothing_to_refund: the order cost nothing (completed "
        "without a payment)",
        503: _UNAVAILABLE,
    },
    path=_ORDER,
    # The body may be left out: all that remains is refunded.
    extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RefundInput"}}},
        }
    },
)
def refunds_create(order_id: str, body: RefundInput):
    order = order_of_caller(order_id)
    refund = create_refund(order.merchant_id, order.id, amount=body.amount, reason=body.reason, actor="api")
    return jsonify({"refund": refund_object(refund)}), 201


@bp.post("/orders/<order_id>/sub_orders/<sub_order_id>/refunds")
@requires_key(secret=True)
@idempotent(creates=Refund, replay=lambda refund: ({"refund": refund_object(refund)}, 201))
@api_audited("order.refund", Refund)
@operation(
    "Refund all that remains (or part) of one sub-order of a paid order through the channel that captured it: the "
    "money comes back from that sub-order's lines only (secret key)",
    body=RefundInput,
    answers={201: RefundResponse},
    errors={
        404: "resource_missing: no such order (of this key's mode), or the order has no such sub-order",
        409: "order_state_invalid: the order is not refundable now (not paid, or no captured payment); "
        "refund_in_progress: a refund of the order is in progress; order_changed_concurrently: the order kept "
        "changing meanwhile",
        422: "amount_too_large: more than remains refundable of the sub-order",
        503: _UNAVAILABLE,
    },
    path={**_ORDER, "sub_order_id": "the sub-order's id (so_…)"},
    # The body may be left out: all that remains of the sub-order is refunded.
    extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RefundInput"}}},
        }
    },
)
def sub_order_refunds_create(order_id: str, sub_order_id: str, body: RefundInput):
    order = order_of_caller(order_id)
    refund = create_refund(
        order.merchant_id, order.id, amount=body.amount, reason=body.reason, actor="api", sub_order_id=sub_order_id
    )
    return jsonify({"refund": refund_object(refund)}), 201


@bp.post("/refunds/<refund_id>/retry")
@requires_key(secret=True)
@idempotent
@api_audited("order.refund_retry", Refund, "refund_id")
@operation(
    "Try a failed refund again, including a failed automatic return of a stray capture (secret key)",
    answers={200: RefundResponse},
    errors={
        404: "resource_missing: no such refund (of this key's mode)",
        409: "refund_state_invalid: the refund has not failed; order_state_invalid: the order is not refundable "
        "now; refund_in_progress: another refund of the order is in progress",
        422: "amount_too_large: the refund no longer fits what remains refundable",
        503: _UNAVAILABLE,
    },
    path={"id": "the refund's id (re_…)"},
)
def refunds_retry(refund_id: str):
    json_body()  # nothing to send; a body, if any, must be a JSON object
    refund = get_refund(caller().merchant_id, refund_id)
    try:
        order_of_caller(refund.order_id)
    except NotFound:
        raise NotFound(f"no refund {refund_id!r}", param="id") from None  # a refund of the other mode
    return jsonify({"refund": refund_object(retry_refund(caller().merchant_id, refund_id, actor="api"))})


@bp.get("/customers/<customer_id>/entitlements")
@requires_key(secret=True)
@operation(
    "What a customer holds: membership end, credit balance, grants (secret key)",
    answers={200: Entitlements},
    errors={400: "parameter_invalid: the customer id is blank or over 200 characters (param id)"},
    path={"id": "the customer's id (the merchant's own reference)"},
)
def customers_entitlements(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    return jsonify(entitlements_json(customer_entitlements(who.merchant_id, customer_id, livemode=who.livemode)))
