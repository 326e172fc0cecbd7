"""Checkout session routes (secret key): the merchant's server opens a session for a customer."""

from __future__ import annotations

from flask import jsonify

from app.checkout_sessions.services import create_checkout_session, get_checkout_session
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import json_body
from app.web.api.representations import checkout_session_json


@bp.post("/checkout_sessions")
@requires_key(secret=True)
@idempotent
def checkout_sessions_create():
    body = json_body()
    who = caller()
    session = create_checkout_session(
        who.merchant_id,
        livemode=who.livemode,
        customer=body.get("customer"),
        items=body.get("items"),
        product=body.get("product"),
        success_url=body.get("success_url"),
        cancel_url=body.get("cancel_url"),
        metadata=body.get("metadata"),
        expires_at=body.get("expires_at"),
        currency=body.get("currency"),
    )
    return jsonify(checkout_session_json(session)), 201


@bp.get("/checkout_sessions/<session_id>")
@requires_key(secret=True)
def checkout_sessions_show(session_id: str):
    who = caller()
    return jsonify(checkout_session_json(get_checkout_session(who.merchant_id, session_id, livemode=who.livemode)))
