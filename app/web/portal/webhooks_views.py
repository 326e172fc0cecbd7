"""Developers: webhook endpoints (list, add, delete; app/web/portal/webhook_endpoint_views.py changes one),
deliveries with every attempt, Resend. All in the mode the portal shows: an endpoint added in test mode hears test
events only, and another mode's endpoint or delivery is a 404, as another mode's order is."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app.errors import KassaError
from app.extensions import db
from app.platform.outbox.events import Event
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, safe_next, show_error
from app.web.portal.developer_forms import ANY, DeliveryFilterForm, WebhookEndpointForm
from app.web.portal.forms import ConfirmForm
from app.web.portal.mode_views import portal_livemode
from app.webhooks.delivery import resend_delivery
from app.webhooks.endpoints import create_endpoint, delete_endpoint, get_endpoint, list_endpoints
from app.webhooks.history import delivery_attempts, get_delivery, list_deliveries
from app.webhooks.models import WebhookDelivery, WebhookEndpoint
from app.webhooks.secrets import previous_secret_in_overlap

PAGE_SIZE = 25


def secret_page(endpoint: WebhookEndpoint, shown: str):
    """The endpoint's secret (``shown``: created, revealed or rolled), with the rolled one while it still signs;
    never cached."""
    body = render_template(
        "portal/webhook_secret.html", endpoint=endpoint, shown=shown, previous=previous_secret_in_overlap(endpoint)
    )
    return body, 200, {"Cache-Control": "no-store"}


def _webhooks_page(form: WebhookEndpointForm, status: int = 200):
    endpoints, has_more = list_endpoints(current_user.merchant_id, livemode=portal_livemode(), limit=100)
    overlaps = {e.id: previous_secret_in_overlap(e) is not None for e in endpoints}
    return render_template(
        "portal/webhooks.html", endpoints=endpoints, has_more=has_more, form=form, overlaps=overlaps
    ), status


@bp.get("/developers/webhooks")
@permission_required("developers.manage")
def developers_webhooks():
    return _webhooks_page(WebhookEndpointForm(formdata=None))


@bp.post("/developers/webhooks")
@permission_required("developers.manage")
def developers_webhooks_create():
    form = WebhookEndpointForm()
    if form.validate_on_submit():
        try:
            with audit("webhook_endpoint.create", WebhookEndpoint):
                endpoint = create_endpoint(
                    current_user.merchant_id,
                    url=form.url.data,
                    events=form.selected_events(),
                    livemode=portal_livemode(),
                )
        except KassaError as error:
            show_error(form, error)
        else:
            return secret_page(endpoint, "created")
    return _webhooks_page(form, 422)


@bp.route("/developers/webhooks/<endpoint_id>/delete", methods=["GET", "POST"])
@permission_required("developers.manage")
def developers_webhook_delete(endpoint_id: str):
    livemode = portal_livemode()
    endpoint = get_endpoint(current_user.merchant_id, endpoint_id, livemode=livemode)  # other merchant/mode: 404
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        with audit("webhook_endpoint.delete", WebhookEndpoint, endpoint_id):
            delete_endpoint(current_user.merchant_id, endpoint_id, livemode=livemode)
        flash(f"Deleted the endpoint {endpoint.url}; its pending deliveries stopped.")
        return redirect(url_for("portal.developers_webhooks"))
    return render_template("portal/webhook_delete.html", endpoint=endpoint, form=form)


@bp.get("/developers/deliveries")
@permission_required("developers.manage")
def developers_deliveries():
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    endpoints, _ = list_endpoints(merchant_id, livemode=livemode, limit=100)
    form = DeliveryFilterForm(request.args)
    form.endpoint_id.choices = [ANY] + [SelectChoice(e.id, e.url) for e in endpoints]
    form.validate()
    deliveries = list_deliveries(
        merchant_id,
        livemode=livemode,
        endpoint_id=form.endpoint_id.data or None,
        status=form.status.data or None,
        limit=PAGE_SIZE + 1,
        starting_after=request.args.get("starting_after") or None,
    )
    older = None
    if len(deliveries) > PAGE_SIZE:
        deliveries = deliveries[:PAGE_SIZE]
        args = {k: v for k, v in request.args.items() if k in ("status", "endpoint_id") and v}
        older = url_for("portal.developers_deliveries", starting_after=deliveries[-1].id, **args)
    events = {
        e.id: e
        for e in db.session.query(Event).filter(
            Event.id.in_([d.event_id for d in deliveries]), Event.merchant_id == merchant_id
        )
    }
    urls = {e.id: e.url for e in endpoints}
    return render_template(
        "portal/deliveries.html",
        form=form,
        deliveries=deliveries,
        events=events,
        urls=urls,
        older_url=older,
        first_url=url_for("portal.developers_deliveries") if request.args.get("starting_after") else None,
    )


@bp.get("/developers/deliveries/<delivery_id>")
@permission_required("developers.manage")
def developers_delivery(delivery_id: str):
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    delivery = get_delivery(merchant_id, delivery_id, livemode=livemode)  # another merchant's or mode's is a 404
    event = db.session.get(Event, delivery.event_id)
    endpoint = db.session.get(WebhookEndpoint, delivery.endpoint_id)
    return render_template(
        "portal/delivery.html",
        delivery=delivery,
        event=event,
        endpoint=endpoint,
        attempts=delivery_attempts(merchant_id, delivery_id, livemode=livemode),
        form=ConfirmForm(),
    )


@bp.post("/developers/deliveries/<delivery_id>/resend")
@permission_required("developers.manage")
def developers_delivery_resend(delivery_id: str):
    merchant_id = current_user.merchant_id
    get_delivery(merchant_id, delivery_id, livemode=portal_livemode())
    target = safe_next(request.form.get("next") or url_for("portal.developers_delivery", delivery_id=delivery_id))
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(target)
    try:
        with audit("webhook_delivery.resend", WebhookDelivery, delivery_id):
            attempt = resend_delivery(merchant_id, delivery_id)
    except KassaError as error:
        db.session.rollback()
        flash(f"Not resent: {error.message}.", "error")
    else:
        outcome = f"answered {attempt.status_code}" if attempt.status_code else f"failed: {attempt.error}"
        flash(f"Resent delivery {delivery_id} (attempt {attempt.number}); the endpoint {outcome}.")
    return redirect(target)
