"""Shopper self-service pages (app/signing/self_service.py): the customer's subscriptions behind a signed link
from the merchant's server; cancel with a confirmation step, and pay a failed renewal with a new card (updating the
payment method without a payment: payment_method_views.py)."""

from __future__ import annotations

from flask import Response, make_response, redirect, render_template, url_for

from app.errors import KassaError
from app.extensions import db
from app.merchants.models import Merchant
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
            headers=headers,
            **context,
        )
    )


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
