"""The subscriber's "Update payment method" pages, behind their self-service link (app/signing/self_service.py): the
card on file and the choice of a new one, the way to the provider's page where it is signed for nothing, and the
outcome on return."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from app.errors import KassaError
from app.extensions import db
from app.signing import mandate_setups, self_service
from app.web.checkout import bp
from app.web.checkout.billing_views import billing_context, private_page
from app.web.checkout.shopper_header import subscription_header

PAGE = "checkout/billing_payment_method.html"


def _page(token: str, subscription_id: str, *, error: str | None = None, setup=None, status: int = 200):
    context = billing_context(token)
    sub = self_service.own_subscription(context["shopper"], subscription_id)
    refusal = self_service.update_refusal(sub)
    return private_page(
        render_template(
            PAGE,
            subscription=sub,
            header=subscription_header(sub.sku_id),
            refusal=refusal,
            setup=setup,
            error=error,
            channels=mandate_setups.setup_channels(sub) if refusal is None else [],
            method=self_service.payment_method_name(sub),
            fix=self_service.open_renewal_order(sub),
            **context,
        ),
        status,
    )


@bp.get("/billing/<token>/subscriptions/<subscription_id>/payment_method")
def billing_payment_method(token: str, subscription_id: str):
    return _page(token, subscription_id)


@bp.post("/billing/<token>/subscriptions/<subscription_id>/payment_method")
def billing_payment_method_update(token: str, subscription_id: str):
    shopper = self_service.shopper_for(token)

    def back_to(setup_id: str) -> str:
        # The link's token rides in the query, which the integration log redacts in what it keeps of the request.
        return url_for("checkout.billing_payment_method_return", setup_id=setup_id, token=token, _external=True)

    try:
        setup = self_service.start_card_update(
            shopper, subscription_id, request.form.get("channel"), return_url=back_to
        )
    except KassaError as exc:
        db.session.rollback()
        return _page(token, subscription_id, error=exc.message, status=exc.status)
    action = setup.next_action or {}
    if action.get("type") == "redirect":
        return redirect(action["url"], code=303)
    return redirect(back_to(setup.id), code=303)  # decided inside the call: the outcome page says how


@bp.get("/billing/payment_method/<setup_id>")
def billing_payment_method_return(setup_id: str):
    """The provider sends the subscriber back here: on to the outcome, under their link."""
    shopper = self_service.shopper_for(request.args.get("token", ""))
    setup = self_service.setup_for(shopper, setup_id)
    return redirect(
        url_for(
            "checkout.billing_payment_method_outcome",
            token=request.args["token"],
            subscription_id=setup.subscription_id,
            setup_id=setup.id,
        ),
        code=303,
    )


@bp.get("/billing/<token>/subscriptions/<subscription_id>/payment_method/<setup_id>")
def billing_payment_method_outcome(token: str, subscription_id: str, setup_id: str):
    setup = self_service.card_update_outcome(self_service.shopper_for(token), subscription_id, setup_id)
    return _page(token, subscription_id, setup=setup)
