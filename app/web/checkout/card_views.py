"""The Stripe channel's card page: Stripe's card element takes the card in the shopper's browser (the number
never reaches Kassa) and makes a PaymentMethod; Kassa attaches it to the attempt's PaymentIntent and confirms it
server-side, applies the answer like a webhook would, and sends the shopper to the order's status page. A card
that asks for authentication (3-D Secure) is finished in the browser by Stripe.js, and the webhook or the poll
brings the outcome."""

from __future__ import annotations

import re

from flask import abort, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext

from app.extensions import db
from app.merchants.models import Merchant
from app.orders.models import Order
from app.payments.attempts.hub import apply_channel_result
from app.payments.channels.adapters.stripe_card import read_card_page_token
from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import adapter_for
from app.payments.models import PaymentAttempt
from app.web.checkout import bp
from app.web.shopper_locale import speak_for

CARD_PAGE = "checkout/card.html"
_PAYMENT_METHOD = re.compile(r"^pm_[A-Za-z0-9_]{1,200}$")


def _attempt_or_404(token: str) -> tuple[PaymentAttempt, Order, str]:
    """The attempt a card page link was made for, its order, and where the shopper goes afterwards."""
    found = read_card_page_token(current_app.config["SECRET_KEY"], token)
    attempt = db.session.get(PaymentAttempt, found[0]) if found else None
    if attempt is None or attempt.channel != "stripe":
        abort(404, description=gettext("This payment link does not exist or is incomplete."))
    order = db.session.get(Order, attempt.order_id)
    status_url = url_for("checkout.order_page", order_id=order.id, client_secret=order.client_secret, _external=True)
    return attempt, order, found[1] or status_url


@bp.get("/card/<token>")
def card_page(token: str):
    attempt, order, next_url = _attempt_or_404(token)
    adapter = adapter_for("stripe", attempt.merchant_id)
    return render_template(
        CARD_PAGE,
        attempt=attempt,
        order=order,
        next_url=next_url,
        token=token,
        merchant=db.session.get(Merchant, order.merchant_id),
        publishable_key=adapter.publishable_key,
        stripe_js_url=current_app.config["STRIPE_JS_URL"],
        open=attempt.status == "pending" and attempt.provider_reference is not None,
    )


@bp.post("/card/<token>")
def card_confirm(token: str):
    """Confirm the attempt's PaymentIntent with the PaymentMethod Stripe.js made (JSON in and out: the page is
    Stripe.js's, which needs JavaScript anyway)."""
    attempt, order, next_url = _attempt_or_404(token)
    speak_for(db.session.get(Merchant, order.merchant_id))
    method = (request.get_json(silent=True) or {}).get("payment_method")
    if not isinstance(method, str) or not _PAYMENT_METHOD.match(method):
        return jsonify({"error": "payment_method must be the pm_… id Stripe.js returned"}), 400
    if attempt.status != "pending" or attempt.provider_reference is None:
        return jsonify({"next_url": next_url})  # decided already (another tab, the webhook): show the outcome
    adapter = adapter_for("stripe", attempt.merchant_id)
    try:
        outcome = adapter.confirm_card(attempt.provider_reference, method)
    except ProviderUnavailable as exc:
        return jsonify(
            {"error": gettext("Stripe could not take the card now (%(reason)s); try again.", reason=exc)}
        ), 502
    apply_channel_result(outcome.result, actor="shopper")
    if outcome.client_secret:  # the card asks for authentication: Stripe.js shows it, the webhook settles
        return jsonify({"authenticate": outcome.client_secret, "next_url": next_url})
    return jsonify({"next_url": next_url})
