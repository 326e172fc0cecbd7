"""Checkout session routes (secret key): the merchant's server opens a session for a customer."""

from __future__ import annotations

from flask import jsonify

from app.checkout_sessions.services import create_checkout_session, get_checkout_session
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.catalog import BAD_FIELD
from app.web.api.models.checkout_sessions import CheckoutSession, CheckoutSessionInput
from app.web.api.operation import operation
from app.web.api.representations import checkout_session_json


@bp.post("/checkout_sessions")
@requires_key(secret=True)
@idempotent
@operation(
    "Open a checkout session for a customer (secret key)",
    description="Its url and client_secret let the shopper pay as that customer, wallet included.",
    body=CheckoutSessionInput,
    answers={201: CheckoutSession},
    errors={
        400: BAD_FIELD + "customer, items or product (resource_missing: not on sale), currency (currency_unavailable "
        "when an item has no price in it), URLs, metadata, expires_at; sku_recurring: a subscription SKU "
        "(items[i].sku) or a product sold only as subscriptions (product), which POST /subscriptions opens; "
        "parameters_exclusive: items and product both given (param product); parameter_missing: neither given "
        "(param items)",
        409: "out_of_stock",
        503: "maintenance: new orders are refused for now; retry later",
    },
)
def checkout_sessions_create(body: CheckoutSessionInput):
    who = caller()
    session = create_checkout_session(
        who.merchant_id,
        livemode=who.livemode,
        customer=body.customer.model_dump(exclude_none=True),
        items=None if body.items is None else [item.model_dump() for item in body.items],
        product=body.product,
        success_url=body.success_url,
        cancel_url=body.cancel_url,
        metadata=body.metadata,
        expires_at=body.expires_at,
        currency=body.currency,
    )
    return jsonify(checkout_session_json(session)), 201


@bp.get("/checkout_sessions/<session_id>")
@requires_key(secret=True)
@operation(
    "Retrieve a checkout session of this key's mode (secret key)",
    path={"id": "the checkout session's id (cs_…)"},
    answers={200: CheckoutSession},
    errors={404: "resource_missing: no such session"},
)
def checkout_sessions_show(session_id: str):
    who = caller()
    return jsonify(checkout_session_json(get_checkout_session(who.merchant_id, session_id, livemode=who.livemode)))
