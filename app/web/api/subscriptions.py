"""Subscription routes: open a contract (and its first order), read, list, cancel, pause, resume, change SKU."""

from __future__ import annotations

from flask import current_app, jsonify, request, url_for

from app.errors import InvalidRequest
from app.orders.customers import claimed_customer, parse_customer_id
from app.platform.db.snapshot import reads_one_snapshot
from app.platform.values.times import iso_time
from app.signing import changes, self_service
from app.signing.contracts import get_subscription, list_subscriptions, open_subscription
from app.signing.state import STATUSES
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.orders import shown_order
from app.web.api.params import cursor_param, json_body, limit_param
from app.web.api.representations import subscription_json


@bp.post("/subscriptions")
@requires_key(secret=False)
@idempotent
def subscriptions_create():
    body = json_body()
    who = caller()
    customer, source = claimed_customer(body.get("customer"), by_secret_key=who.is_secret)
    sub, order = open_subscription(
        who.merchant_id,
        sku=body.get("sku"),
        customer=customer,
        customer_source=source,
        agreement_accepted=body.get("agreement_accepted"),
        livemode=who.livemode,
        test_clock=body.get("test_clock"),
        currency=body.get("currency"),
        coupon=body.get("coupon"),
    )
    return jsonify({"subscription": subscription_json(sub), "order": shown_order(order)}), 201


@bp.get("/subscriptions/<subscription_id>")
@reads_one_snapshot  # the contract, its renewals, timeline and findings: a renewal may commit between them
@requires_key(secret=True)
def subscriptions_show(subscription_id: str):
    who = caller()
    return jsonify(subscription_json(get_subscription(who.merchant_id, subscription_id, livemode=who.livemode)))


@bp.get("/subscriptions")
@reads_one_snapshot
@requires_key(secret=True)
def subscriptions_index():
    status = request.args.get("status")
    if status and status not in STATUSES:
        raise InvalidRequest(f"status must be one of {', '.join(STATUSES)}", param="status")
    who = caller()
    subs, has_more = list_subscriptions(
        who.merchant_id,
        livemode=who.livemode,
        customer=request.args.get("customer"),
        status=status,
        limit=limit_param(),
        starting_after=cursor_param("sub"),
    )
    return jsonify({"object": "list", "data": [subscription_json(s) for s in subs], "has_more": has_more})


@bp.post("/subscriptions/<subscription_id>/cancel")
@requires_key(secret=True)
@idempotent
def subscriptions_cancel(subscription_id: str):
    who = caller()
    sub = changes.cancel(
        who.merchant_id, subscription_id, at_period_end=json_body().get("at_period_end"), livemode=who.livemode
    )
    return jsonify(subscription_json(sub))


@bp.post("/subscriptions/<subscription_id>/pause")
@requires_key(secret=True)
@idempotent
def subscriptions_pause(subscription_id: str):
    who = caller()
    return jsonify(subscription_json(changes.pause(who.merchant_id, subscription_id, livemode=who.livemode)))


@bp.post("/subscriptions/<subscription_id>/resume")
@requires_key(secret=True)
@idempotent
def subscriptions_resume(subscription_id: str):
    who = caller()
    return jsonify(subscription_json(changes.resume(who.merchant_id, subscription_id, livemode=who.livemode)))


@bp.patch("/subscriptions/<subscription_id>")
@requires_key(secret=True)
def subscriptions_update(subscription_id: str):
    who = caller()
    body = json_body()
    if set(body) - {"sku"} or "sku" not in body:
        raise InvalidRequest("only sku can be changed: send {sku}", param="sku")
    return jsonify(
        subscription_json(changes.change_sku(who.merchant_id, subscription_id, sku=body["sku"], livemode=who.livemode))
    )


_BILLING_LINK_FIELDS = {"flow", "subscription", "return_url"}


@bp.post("/customers/<customer_id>/billing_links")
@requires_key(secret=True)
def billing_links_create(customer_id: str):
    """A self-service link for one customer (valid one hour): hand it to them, never publish it. With
    ``{flow: "payment_method_update", subscription}`` it opens straight at that contract's payment method; with
    ``return_url`` its pages link back to that page of the merchant's."""
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    body = json_body()
    if set(body) - _BILLING_LINK_FIELDS:
        raise InvalidRequest(
            "a billing link takes only flow, subscription and return_url",
            param=sorted(set(body) - _BILLING_LINK_FIELDS)[0],
        )
    token, expires_at, customer = self_service.issue_link(
        who.merchant_id, customer_id, livemode=who.livemode, return_url=body.get("return_url")
    )
    target = self_service.flow_target(
        who.merchant_id, customer, livemode=who.livemode, flow=body.get("flow"), subscription=body.get("subscription")
    )
    page = (
        url_for("checkout.billing_payment_method", token=token, subscription_id=target.id)
        if target
        else url_for("checkout.billing", token=token)
    )
    return jsonify(
        {
            "object": "billing_link",
            "customer": customer,
            "url": current_app.config["PUBLIC_URL"].rstrip("/") + page,
            "expires_at": iso_time(expires_at),
            "livemode": who.livemode,
            "flow": body.get("flow") if target else None,
            "subscription": target.id if target else None,
            "return_url": body.get("return_url"),
        }
    ), 201
