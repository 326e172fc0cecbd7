"""Order routes: create, read, list, pay, cancel."""

from __future__ import annotations

from flask import current_app, jsonify, url_for

from app.checkout_sessions.services import create_session_order, open_session_for
from app.errors import InvalidRequest, KassaError
from app.extensions import db
from app.merchants.origins import allowed_origins, page_allowed
from app.orders.customers import claimed_customer
from app.orders.models import Order
from app.orders.services import create_order, get_order, list_orders
from app.payments.attempts.abandon import switch_payment_method
from app.payments.attempts.hub import cancel_order_and_payment
from app.payments.attempts.returns import return_token
from app.payments.channels.registry import channel_codes
from app.payments.models import PaymentAttempt
from app.platform.db.snapshot import reads_one_snapshot
from app.signing.paying import pay_order
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.line_scope import line_for_creating, line_to_list, refuse_out_of_scope
from app.web.api.models.catalog import BAD_FIELD, COUPON_400, COUPON_409
from app.web.api.models.orders import (
    ChangePaymentMethodInput,
    ClientSecretQuery,
    OrderCreated,
    OrderInput,
    OrderList,
    OrderListQuery,
    PayAtOnce,
    PayInput,
    PayResponse,
)
from app.web.api.models.orders import (
    Order as OrderAnswer,
)
from app.web.api.operation import operation
from app.web.api.params import json_body
from app.web.api.representations import order_json, orders_json, payment_with_action_json
from app.web.request_ids import current_request_id


def order_of_caller(order_id: str, client_secret: object = None, *, with_timeline: bool = False) -> Order:
    """The order as this caller may see it: their merchant's, of their key's mode, and for a publishable
    key only with the order's client secret. Anything else is a 404 that reveals nothing. ``with_timeline``: read
    its timeline with it (the order is shown as it stands)."""
    who = caller()
    order = get_order(
        who.merchant_id,
        order_id,
        client_secret=client_secret,
        require_secret=not who.is_secret,
        livemode=who.livemode,
        with_timeline=with_timeline,
    )
    refuse_out_of_scope(order.business_line_id, f"no order {order_id!r}")
    return order


def shown_order(order: Order) -> dict:
    """The Order as this caller may see it: a publishable key (the shopper's browser) without what the merchant's
    people wrote or Kassa noted for the merchant (app/web/api/shopper_view.py)."""
    return order_json(order, shopper=not caller().is_secret)


_ORDER_PATH = {"id": "the order's id (ord_…)"}
# Decisions about an order (pay, cancel a payment) take its lock in Redis: without Redis, or while another process
# holds it, nothing is done and the same call may be retried after Retry-After seconds.
_UNAVAILABLE = (
    "service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the connection (rolled "
    "back); order_locked: another process is updating it. Retry after Retry-After seconds"
)
_NOT_YOURS = (
    "resource_missing: no such order (of this key's mode), or a publishable key without the order's client_secret"
)


@bp.post("/orders")
@requires_key(secret=False)
@idempotent(creates=Order, replay=lambda order: (shown_order(order), 201))
@operation(
    "Create an order",
    description="Prices the basket (in currency when given), redeems its coupon and reserves its stock, for the "
    "customer a secret key names, a checkout session's customer, or (publishable key) an unverified customer or a "
    "guest. Pay it with POST /orders/{id}/pay, or in the same call with pay: the answer then adds the payment "
    "(its next_action), or payment_error when it could not start (the order is made all the same).",
    body=OrderInput,
    answers={201: OrderCreated},
    errors={
        400: BAD_FIELD
        + COUPON_400
        + "; pay.channel: no channel of that code; return_url_not_allowed (pay.return_url, as for POST "
        "/orders/{id}/pay); checkout_session_invalid (unknown, another merchant's or another mode's session); "
        "sku_recurring (items[i].sku is sold as a subscription: POST /subscriptions opens it); parameter_missing: "
        "customer, with a secret key (a publishable key may leave it out: a guest), or items, without a checkout "
        "session",
        402: "risk_blocked: the merchant's risk settings refuse this order",
        409: COUPON_409 + "; checkout_session_complete, checkout_session_expired",
        422: "agreement_required (agreement_accepted is not true), or purchase_limit_exceeded (the customer may buy "
        "no more of a SKU)",
        503: "maintenance: new orders are refused for now; retry later",
    },
)
def orders_create(body: OrderInput):
    who = caller()
    if body.pay is not None:
        _check_pay_at_once(body.pay)  # before anything is made: a bad channel or return page makes no order
    items = None if body.items is None else [item.model_dump() for item in body.items]
    customer = None if body.customer is None else body.customer.model_dump(exclude_none=True)
    if body.checkout_session is not None:
        session = open_session_for(body.checkout_session, merchant_id=who.merchant_id, livemode=who.livemode)
        order = create_session_order(
            session,
            items=items,
            customer=customer,
            agreement_accepted=body.agreement_accepted,
            metadata=body.metadata,
            coupon=body.coupon,
            actor="api",
            currency=body.currency,
        )
    else:
        customer, source = claimed_customer(customer, by_secret_key=who.is_secret)
        order = create_order(
            who.merchant_id,
            items=items,
            customer=customer,
            customer_source=source,
            livemode=who.livemode,
            agreement_accepted=body.agreement_accepted,
            metadata=body.metadata,
            coupon=body.coupon,
            currency=body.currency,
            business_line=line_for_creating(body.business_line),
        )
    if body.pay is None:
        return jsonify(shown_order(order)), 201
    started = _pay_at_once(order, body.pay)
    return jsonify({**shown_order(order), **started}), 201


def _check_pay_at_once(pay: PayAtOnce) -> None:
    if pay.channel not in channel_codes():
        raise InvalidRequest(
            f"pay.channel: no channel {pay.channel!r}; channels: {', '.join(channel_codes())}", param="pay.channel"
        )
    if pay.return_url is not None:
        _refuse_foreign_return(pay.return_url, param="pay.return_url")


def _pay_at_once(order: Order, pay: PayAtOnce) -> dict:
    """The payment of a just-made order started as POST /orders/{id}/pay starts it; when it cannot start, why (the
    order stays, unpaid: answering an error would lose it, and a retry with the Idempotency-Key would make another)."""
    try:
        attempt = pay_order(order, pay.channel, actor="api", return_url=_return_to(order, pay.return_url))
    except KassaError as error:
        db.session.rollback()  # whatever the refused start left open; the order is read afresh for the answer
        return {"payment": None, "payment_error": {**error.to_json()["error"], "request_id": current_request_id()}}
    return {"payment": None if attempt is None else payment_with_action_json(attempt), "payment_error": None}


def _return_to(order: Order, return_url: str | None) -> str:
    """Where the shopper comes back after a redirect channel: the order's page, or the merchant's page through Kassa
    (which adds the order, its client secret and redirect_status for the page to resume)."""
    if return_url is None:
        return url_for("checkout.order_page", order_id=order.id, client_secret=order.client_secret, _external=True)
    return url_for(
        "checkout.payment_return",
        _external=True,
        token=return_token(current_app.config["SECRET_KEY"], order.id, return_url),
    )


@bp.get("/orders/<order_id>")
@reads_one_snapshot
@requires_key(secret=False)
@operation(
    "Retrieve an order (secret key, or publishable key with client_secret)",
    query=ClientSecretQuery,
    path=_ORDER_PATH,
    answers={200: OrderAnswer},
    errors={404: _NOT_YOURS},
)
def orders_show(order_id: str, query: ClientSecretQuery):
    return jsonify(shown_order(order_of_caller(order_id, query.client_secret, with_timeline=True)))


@bp.get("/orders")
@reads_one_snapshot
@requires_key(secret=True)
@operation("List orders, newest first (secret key)", query=OrderListQuery, answers={200: OrderList})
def orders_index(query: OrderListQuery):
    who = caller()
    line, none_of_them = line_to_list(query.business_line)
    if none_of_them:
        return jsonify({"object": "list", "data": [], "has_more": False})
    orders, has_more = list_orders(
        who.merchant_id,
        livemode=who.livemode,
        status=query.status,
        customer=query.customer,
        created_gte=query.created_gte,
        created_lte=query.created_lte,
        limit=query.limit,
        starting_after=query.starting_after,
        business_line=line,
    )
    return jsonify({"object": "list", "data": orders_json(orders), "has_more": has_more})


@bp.post("/orders/<order_id>/pay")
@requires_key(secret=False)
@idempotent(creates=PaymentAttempt, replay=lambda attempt: ({"payment": payment_with_action_json(attempt)}, 200))
@operation(
    "Start a payment on a channel",
    description="Follow the payment's next_action (publishable key: with the order's client_secret). An order of "
    "nothing is completed at once, without a channel: payment null.",
    body=PayInput,
    query=ClientSecretQuery,
    path=_ORDER_PATH,
    answers={200: PayResponse},
    errors={
        400: BAD_FIELD
        + "channel_unavailable: an unknown or unavailable channel (the message says why: e.g. a test channel for "
        "a live order, or the wallet of an unverified customer); return_url_not_allowed: a live publishable key's "
        "return_url is not a page of the merchant's allowed origins; parameter_missing: channel, for an order that "
        "costs something; saved_methods_unsupported: save_payment_method on a channel that saves no card",
        402: "risk_blocked: the merchant's risk settings refuse this payment",
        403: "checkout_session_required: payment_method or save_payment_method for a customer nobody vouched for "
        "(a publishable key's or a guest's order)",
        404: _NOT_YOURS + "; or (param payment_method) no such active saved payment method of the order's customer",
        409: "payment_in_progress, payment_outcome_unknown (its outcome not known yet), order_expired, "
        "order_state_invalid (not payable); checkout_session_complete: another order of its checkout session is "
        "paid already",
        422: "insufficient_balance: the wallet does not cover the total",
        502: "the channel failed (channel_unavailable) or did not answer in time (payment_outcome_unknown)",
        503: _UNAVAILABLE,
    },
)
def orders_pay(order_id: str, body: PayInput, query: ClientSecretQuery):
    if body.return_url is not None:
        _refuse_foreign_return(body.return_url)
    # A publishable key proves it may pay this order with its client secret, exactly as for reading it.
    order = order_of_caller(order_id, body.client_secret if body.client_secret is not None else query.client_secret)
    attempt = pay_order(
        order,
        body.channel,
        actor="api",
        return_url=_return_to(order, body.return_url),
        payment_method=body.payment_method,
        save_method=body.save_payment_method,
    )
    if attempt is None:
        # An order of nothing was completed without a payment: nothing for the client to follow.
        return jsonify({"payment": None, "next_action": {"type": "none"}, "order": shown_order(order)})
    return jsonify({"payment": payment_with_action_json(attempt)})


def _refuse_foreign_return(return_url: str, *, param: str = "return_url") -> None:
    """A live publishable key (on every page of the shop, so anyone's) sends the shopper back only to the merchant's
    own site: the return link is Kassa's address that passes its visitor on at once, so another site there made
    Kassa's domain a redirect to any page. Test keys work from any origin; the merchant's server names any page."""
    who = caller()
    if not who.is_secret and not page_allowed(who.merchant_id, who.mode, return_url):
        listed = ", ".join(allowed_origins(who.merchant_id)) or "none yet"
        raise InvalidRequest(
            f"return_url must be a page of one of this merchant's allowed origins for live keys ({listed})",
            code="return_url_not_allowed",
            param=param,
        )


@bp.post("/orders/<order_id>/change_payment_method")
@requires_key(secret=False)
@idempotent
@operation(
    "The shopper pays another way",
    description="Fails the order's waiting payment (e.g. an unscanned QR code) and reopens the order (status "
    "created, same items and coupon) for a new pay call (publishable key: with the order's client_secret).",
    body=ChangePaymentMethodInput,
    query=ClientSecretQuery,
    path=_ORDER_PATH,
    answers={200: OrderAnswer},
    errors={
        404: "resource_missing: no such order (or a publishable key without its client_secret), or no such payment "
        "on it",
        409: "payment_not_waiting: no payment waiting (or another one than payment), or payment_outcome_unknown: "
        "its outcome is not known yet",
        503: _UNAVAILABLE,
    },
)
def orders_change_payment_method(order_id: str, body: ChangePaymentMethodInput, query: ClientSecretQuery):
    """The shopper leaves a waiting payment (a QR code) to pay another way: the order is ``created`` again."""
    secret = body.client_secret if body.client_secret is not None else query.client_secret
    order = order_of_caller(order_id, secret)
    return jsonify(shown_order(switch_payment_method(order, body.payment)))


@bp.post("/orders/<order_id>/cancel")
@requires_key(secret=True)
@idempotent
@api_audited("order.cancel", Order, "order_id")
@operation(
    "Cancel an order that is created or paying (secret key)",
    path=_ORDER_PATH,
    answers={200: OrderAnswer},
    errors={
        404: "resource_missing: no such order",
        409: "order_state_invalid: not cancellable (paid already, or closed)",
        503: _UNAVAILABLE,
    },
)
def orders_cancel(order_id: str):
    json_body()  # nothing to read, but a body that is not JSON is still the 400 every route gives
    order = order_of_caller(order_id)
    return jsonify(order_json(cancel_order_and_payment(order.merchant_id, order.id, actor="api")))
