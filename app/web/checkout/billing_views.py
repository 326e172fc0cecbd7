"""Shopper self-service pages (app/signing/self_service.py): the customer's subscriptions behind a signed link
from the merchant's server; cancel with a confirmation step, and pay a failed renewal with a new card (updating the
payment method without a payment: payment_method_views.py); remove a card saved for one-press purchases, with a
confirmation step."""

from __future__ import annotations

from flask import Response, abort, make_response, redirect, render_template, url_for

from app.errors import KassaError
from app.extensions import db
from app.merchants.models import Merchant
from app.payments.saved_methods.services import active_methods, get_method, remove_method
from app.signing import self_service
from app.web.checkout import bp
from app.web.checkout.shopper_header import subscription_header
from app.web.private_pages import SECRET_REFERRER_POLICY


def private_page(body: str, status: int = 200) -> Response:
    """A page behind a link that is the shopper's key for weeks (an email's lives up to 62 days) and shows their
    renewal's client secret: kept out of shared caches and out of other sites' Referer (the merchant's logo host).
    Not no-referrer, as the receipt page (which has no form) is: the Cancel form's POST over HTTPS must carry its
    Referer to pass the CSRF check."""
    response = make_response(body, status)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Referrer-Policy"] = SECRET_REFERRER_POLICY
    return response


def billing_context(token: str, **extra) -> dict:
    """What every self-service page renders with: the link's token, the shopper it speaks for, their merchant."""
    shopper = self_service.shopper_for(token)
    return {"token": token, "shopper": shopper, "merchant": db.session.get(Merchant, shopper.merchant_id), **extra}


@bp.get("/billing/<token>")
def billing(token: str):
    context = billing_context(token)
    subs = self_service.subscriptions_of(context["shopper"])
    fixes = {s.id: self_service.open_renewal_order(s) for s in subs if s.status == "past_due"}
    updatable = {s.id for s in subs if self_service.update_refusal(s) is None}
    methods = {s.id: self_service.payment_method_name(s) for s in subs}
    headers = {s.id: subscription_header(s.sku_id) for s in subs}
    return private_page(
        render_template(
            "checkout/billing.html",
            subscriptions=subs,
            fixes=fixes,
            updatable=updatable,
            methods=methods,
            saved_cards=_saved_cards(context["shopper"]),
            headers=headers,
            **context,
        )
    )


def _saved_cards(shopper: self_service.Shopper) -> list:
    """The customer's saved cards; none on a link that opens one contract of a customer nobody vouched for."""
    if shopper.subscription_id is not None:
        return []
    return active_methods(shopper.merchant_id, shopper.customer_id, livemode=shopper.livemode)


def _own_card(shopper: self_service.Shopper, method_id: str):
    """The link's customer's saved card, or a 404 page."""
    if shopper.subscription_id is not None:
        abort(404)
    try:
        method = get_method(shopper.merchant_id, method_id, livemode=shopper.livemode, customer_id=shopper.customer_id)
    except KassaError:
        abort(404)
    return method


@bp.get("/billing/<token>/payment_methods/<method_id>/remove")
def billing_card_remove_confirm(token: str, method_id: str):
    context = billing_context(token)
    method = _own_card(context["shopper"], method_id)
    if method.status == "removed":
        return redirect(url_for("checkout.billing", token=token), code=303)
    return private_page(render_template("checkout/billing_card_remove.html", method=method, **context))


@bp.post("/billing/<token>/payment_methods/<method_id>/remove")
def billing_card_remove(token: str, method_id: str):
    context = billing_context(token)
    method = _own_card(context["shopper"], method_id)
    try:
        remove_method(method)
    except KassaError as exc:
        db.session.rollback()
        return private_page(
            render_template("checkout/billing_card_remove.html", method=method, error=exc.message, **context), 502
        )
    return redirect(url_for("checkout.billing", token=token, removed=1), code=303)


@bp.get("/billing/<token>/subscriptions/<subscription_id>/cancel")
def billing_cancel_confirm(token: str, subscription_id: str):
    context = billing_context(token)
    sub = self_service.own_subscription(context["shopper"], subscription_id)
    return private_page(
        render_template(
            "checkout/billing_cancel.html", subscription=sub, header=subscription_header(sub.sku_id), **context
        )
    )


@bp.post("/billing/<token>/subscriptions/<subscription_id>/cancel")
def billing_cancel(token: str, subscription_id: str):
    context = billing_context(token)
    try:
        self_service.cancel_by_shopper(context["shopper"], subscription_id)
    except KassaError as exc:
        db.session.rollback()
        sub = self_service.own_subscription(context["shopper"], subscription_id)
        return private_page(
            render_template(
                "checkout/billing_cancel.html",
                subscription=sub,
                header=subscription_header(sub.sku_id),
                error=exc.message,
                **context,
            ),
            409,
        )
    return redirect(url_for("checkout.billing", token=token, done=subscription_id), code=303)
