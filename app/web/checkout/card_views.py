"""The Stripe channel's card page: Stripe's card element takes the card in the shopper's browser (the number
never reaches Kassa) and makes a PaymentMethod; Kassa attaches it to the attempt's PaymentIntent and confirms it
server-side, applies the answer like a webhook would, and sends the shopper to the order's status page. A card
that asks for authentication (3-D Secure) is finished in the browser by Stripe.js, and the webhook or the poll
brings the outcome.

A subscriber paying a renewal that failed (the bank wanted them present) may pay it with the card the contract
renews on: Kassa confirms the PaymentIntent with that saved PaymentMethod and Stripe.js shows the bank's check. A
payment of nothing that saves a card (a trial's first order, a subscriber's new card: a SetupIntent) is confirmed
by Stripe.js itself (``confirmCardSetup``), and the return, the webhook or the sweep applies it. A saved card paid
in one press at checkout whose bank asks for the shopper lands here too: Stripe.js completes the bank's check
(``confirmCardPayment``) and the webhook or the poll settles it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import abort, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext

from app.extensions import db
from app.merchants.models import Merchant
from app.orders.models import Order
from app.payments.attempts.hub import apply_channel_result
from app.payments.channels.adapters.stripe_card import read_card_page_token
from app.payments.channels.adapters.stripe_mandates import is_setup
from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import adapter_for
from app.payments.models import PaymentAttempt
from app.signing.models import MandateSetup
from app.signing.terms import subscription_paid_by
from app.web.checkout import bp
from app.web.shopper_locale import speak_for

CARD_PAGE = "checkout/card.html"
_PAYMENT_METHOD = re.compile(r"^pm_[A-Za-z0-9_]{1,200}$")


@dataclass(frozen=True)
class CardPage:
    """What a card page link opens: a payment (an attempt, its order) or a card saved for nothing."""

    merchant_id: str
    reference: str | None  # the PaymentIntent or SetupIntent
    waiting: bool  # still waiting for a card
    next_url: str
    attempt: PaymentAttempt | None = None
    order: Order | None = None

    @property
    def saves_card_only(self) -> bool:
        return is_setup(self.reference)


def _page_or_404(token: str) -> CardPage:
    """What a card page link was made for, and where the shopper goes afterwards."""
    found = read_card_page_token(current_app.config["SECRET_KEY"], token)
    if found and found[0].startswith("mset_"):
        setup = db.session.get(MandateSetup, found[0])
        if setup is None or setup.channel != "stripe" or not found[1]:
            abort(404, description=gettext("This payment link does not exist or is incomplete."))
        return CardPage(setup.merchant_id, setup.provider_reference, setup.status == "pending", found[1])
    attempt = db.session.get(PaymentAttempt, found[0]) if found else None
    if attempt is None or attempt.channel != "stripe":
        abort(404, description=gettext("This payment link does not exist or is incomplete."))
    order = db.session.get(Order, attempt.order_id)
    status_url = url_for("checkout.order_page", order_id=order.id, client_secret=order.client_secret, _external=True)
    waiting = attempt.status == "pending" and attempt.provider_reference is not None
    return CardPage(attempt.merchant_id, attempt.provider_reference, waiting, found[1] or status_url, attempt, order)


def _saved_card(page: CardPage) -> str | None:
    """The card a renewal's contract is charged on at Stripe, offered when the subscriber pays that renewal here."""
    if page.order is None or page.saves_card_only:
        return None
    sub = subscription_paid_by(page.order.id)
    if sub is None or sub.first_order_id == page.order.id:
        return None
    if sub.mandate_channel != "stripe" or sub.mandate_status != "active":
        return None
    return sub.mandate_reference


@bp.get("/card/<token>")
def card_page(token: str):
    page = _page_or_404(token)
    adapter = adapter_for("stripe", page.merchant_id)
    setup_secret = authenticate_secret = None
    try:
        if page.waiting and page.saves_card_only:
            setup_secret = adapter.setup_client_secret(page.reference)
        elif page.waiting:
            # A saved card paid in one press whose bank asks the shopper (or a check left unfinished): Stripe.js
            # completes it here.
            authenticate_secret = adapter.payment_client_secret(page.reference)
    except ProviderUnavailable:
        pass  # the card form still works; the check is offered again on a reload
    return render_template(
        CARD_PAGE,
        page=page,
        order=page.order,
        next_url=page.next_url,
        token=token,
        merchant=db.session.get(Merchant, page.merchant_id),
        publishable_key=adapter.publishable_key,
        stripe_js_url=current_app.config["STRIPE_JS_URL"],
        open=page.waiting and (setup_secret is not None or not page.saves_card_only),
        setup_secret=setup_secret,
        authenticate_secret=authenticate_secret,
        saved_card=_saved_card(page) if page.waiting else None,
    )


@bp.post("/card/<token>")
def card_confirm(token: str):
    """Confirm the attempt's PaymentIntent with the PaymentMethod Stripe.js made, or with the contract's saved card
    (``{"saved_card": true}``) (JSON in and out: the page is Stripe.js's, which needs JavaScript anyway)."""
    page = _page_or_404(token)
    if page.attempt is None or page.saves_card_only:
        return jsonify({"error": "this card is saved by Stripe.js in the page, not here"}), 400
    attempt, next_url = page.attempt, page.next_url
    speak_for(db.session.get(Merchant, page.merchant_id))
    sent = request.get_json(silent=True) or {}
    method = _saved_card(page) if sent.get("saved_card") is True else sent.get("payment_method")
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
