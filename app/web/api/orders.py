"""Order routes: create, read, list, pay, cancel."""

from __future__ import annotations

from flask import current_app, jsonify, request, url_for

from app.checkout_sessions.services import create_session_order, open_session_for
from app.errors import InvalidRequest
from app.merchants.origins import allowed_origins, page_allowed
from app.orders.customers import claimed_customer
from app.orders.models import Order
from app.orders.services import create_order, get_order, list_orders
from app.orders.state import STATUSES
from app.payments.attempts.abandon import switch_payment_method
from app.payments.attempts.hub import cancel_order_and_payment
from app.payments.attempts.returns import MAX_RETURN_URL_LENGTH, return_token
from app.payments.models import PaymentAttempt
from app.platform.db.snapshot import reads_one_snapshot
from app.platform.http.urls import check_http_url
from app.signing.paying import pay_order
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import cursor_param, json_body, limit_param, time_param
from app.web.api.representations import order_json, orders_json, payment_with_action_json


def order_of_caller(order_id: str, client_secret: object = None, *, with_timeline: bool = False) -> Order:
    """The order as this caller may see it: their merchant's, of their key's mode, and for a publishable
    key only with the order's client secret. Anything else is a 404 that reveals nothing. ``with_timeline``: read
    its timeline with it (the order is shown as it stands)."""
    who = caller()
    return get_order(
        who.merchant_id,
        order_id,
        client_secret=client_secret,
        require_secret=not who.is_secret,
        livemode=who.livemode,
        with_timeline=with_timeline,
    )


def shown_order(order: Order) -> dict:
    """The Order as this caller may see it: a publishable key (the shopper's browser) without what the merchant's
    people wrote or Kassa noted for the merchant (app/web/api/shopper_view.py)."""
    return order_json(order, shopper=not caller().is_secret)


@bp.post("/orders")
@requires_key(secret=False)
@idempotent(creates=Order, replay=lambda order: (shown_order(order), 201))
def orders_create():
    body = json_body()
    who = caller()
    if body.get("checkout_session") is not None:
        session = open_session_for(body["checkout_session"], merchant_id=who.merchant_id, livemode=who.livemode)
        order = create_session_order(
            session,
            items=body.get("items"),
            customer=body.get("customer"),
            agreement_accepted=body.get("agreement_accepted"),
            metadata=body.get("metadata"),
            coupon=body.get("coupon"),
            actor="api",
            currency=body.get("currency"),
        )
    else:
        customer, source = claimed_customer(body.get("customer"), by_secret_key=who.is_secret)
        order = create_order(
            who.merchant_id,
            items=body.get("items"),
            customer=customer,
            customer_source=source,
            livemode=who.livemode,
            agreement_accepted=body.get("agreement_accepted"),
            metadata=body.get("metadata"),
            coupon=body.get("coupon"),
            currency=body.get("currency"),
        )
    return jsonify(shown_order(order)), 201


@bp.get("/orders/<order_id>")
@reads_one_snapshot
@requires_key(secret=False)
def orders_show(order_id: str):
    return jsonify(shown_order(order_of_caller(order_id, request.args.get("client_secret"), with_timeline=True)))


@bp.get("/orders")
@reads_one_snapshot
@requires_key(secret=True)
def orders_index():
    status = request.args.get("status")
    if status and status not in STATUSES:
        raise InvalidRequest(f"status must be one of {', '.join(STATUSES)}", param="status")
    who = caller()
    orders, has_more = list_orders(
        who.merchant_id,
        livemode=who.livemode,
        status=status,
        customer=request.args.get("customer"),
        created_gte=time_param("created_gte"),
        created_lte=time_param("created_lte"),
        limit=limit_param(),
        starting_after=cursor_param("ord"),
    )
    return jsonify({"object": "list", "data": orders_json(orders), "has_more": has_more})


@bp.post("/orders/<order_id>/pay")
@requires_key(secret=False)
@idempotent(creates=PaymentAttempt, replay=lambda attempt: ({"payment": payment_with_action_json(attempt)}, 200))
def orders_pay(order_id: str):
    body = json_body()
    return_url = body.get("return_url")
    if return_url is not None:
        check_http_url(return_url, "return_url", max_length=MAX_RETURN_URL_LENGTH)
        _refuse_foreign_return(return_url)
    # A publishable key proves it may pay this order with its client secret, exactly as for reading it.
    order = order_of_caller(order_id, body.get("client_secret", request.args.get("client_secret")))
    if return_url is None:
        back = url_for("checkout.order_page", order_id=order_id, client_secret=order.client_secret, _external=True)
    else:
        # Through Kassa, which adds the order, its client secret and redirect_status for the page to resume.
        back = url_for(
            "checkout.payment_return",
            _external=True,
            token=return_token(current_app.config["SECRET_KEY"], order.id, return_url),
        )
    attempt = pay_order(order, body.get("channel"), actor="api", return_url=back)
    if attempt is None:
        # An order of nothing was completed without a payment: nothing for the client to follow.
        return jsonify({"payment": None, "next_action": {"type": "none"}, "order": shown_order(order)})
    return jsonify({"payment": payment_with_action_json(attempt)})


def _refuse_foreign_return(return_url: str) -> None:
    """A live publishable key (on every page of the shop, so anyone's) sends the shopper back only to the merchant's
    own site: the return link is Kassa's address that passes its visitor on at once, so another site there made
    Kassa's domain a redirect to any page. Test keys work from any origin; the merchant's server names any page."""
    who = caller()
    if not who.is_secret and not page_allowed(who.merchant_id, who.mode, return_url):
        listed = ", ".join(allowed_origins(who.merchant_id)) or "none yet"
        raise InvalidRequest(
            f"return_url must be a page of one of this merchant's allowed origins for live keys ({listed})",
            code="return_url_not_allowed",
            param="return_url",
        )


@bp.post("/orders/<order_id>/change_payment_method")
@requires_key(secret=False)
@idempotent
def orders_change_payment_method(order_id: str):
    """The shopper leaves a waiting payment (a QR code) to pay another way: the order is ``created`` again."""
    body = json_body()
    order = order_of_caller(order_id, body.get("client_secret", request.args.get("client_secret")))
    payment = body.get("payment")
    if payment is not None and not isinstance(payment, str):
        raise InvalidRequest("payment must be the id of the order's waiting payment", param="payment")
    return jsonify(shown_order(switch_payment_method(order, payment)))


@bp.post("/orders/<order_id>/cancel")
@requires_key(secret=True)
@idempotent
@api_audited("order.cancel", Order, "order_id")
def orders_cancel(order_id: str):
    json_body()
    order = order_of_caller(order_id)
    return jsonify(order_json(cancel_order_and_payment(order.merchant_id, order.id, actor="api")))
