"""The address a provider sends the shopper back to when the payment was started for the merchant's own page
(the SDK's headless components): on to that page, with what it needs to pick the payment up again."""

from __future__ import annotations

from flask import abort, current_app, redirect
from flask_babel import gettext

from app.extensions import db
from app.orders.models import Order
from app.payments.attempts.returns import merchant_return_url, read_return_token, redirect_status
from app.payments.representation import payments_for_order
from app.web.checkout import bp


@bp.get("/return/<token>")
def payment_return(token: str):
    found = read_return_token(current_app.config["SECRET_KEY"], token)
    order = db.session.get(Order, found[0]) if found else None
    if order is None:
        abort(404, description=gettext("This return link does not exist or is incomplete."))
    status = redirect_status(order, payments_for_order(order.id))
    response = redirect(merchant_return_url(found[1], order, status), 303)
    # The next address carries the order's client secret: keep it out of caches and other sites' Referer.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
