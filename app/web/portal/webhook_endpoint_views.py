"""Developers: one webhook endpoint after it was made — edit (url, events, enabled), reveal its secret again,
roll it with an overlap, send it a test event. Each is audited; a secret page is never cached. Only endpoints of
the mode the portal shows are found."""

from __future__ import annotations

from typing import Callable

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectChoice

from app.errors import KassaError
from app.extensions import db
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.developer_forms import RollSecretForm, SampleEventForm, WebhookEndpointEditForm
from app.web.portal.forms import ConfirmForm
from app.web.portal.mode_views import portal_livemode
from app.web.portal.webhooks_views import secret_page
from app.webhooks.endpoints import get_endpoint, update_endpoint
from app.webhooks.models import WebhookDelivery, WebhookEndpoint
from app.webhooks.samples import sample_event_types, send_test_event
from app.webhooks.secrets import reveal_endpoint_secret, roll_endpoint_secret


def _own_endpoint(endpoint_id: str) -> tuple[str, WebhookEndpoint]:
    """The signed-in user's merchant and its endpoint in the portal's mode; another merchant's or mode's is a 404."""
    merchant_id = current_user.merchant_id
    return merchant_id, get_endpoint(merchant_id, endpoint_id, livemode=portal_livemode())


def _change(
    form: FlaskForm, action: str, endpoint_id: str, change: Callable[[], WebhookEndpoint]
) -> WebhookEndpoint | None:
    """On a valid POST, make the audited ``change``; a refusal is shown beside its field. None if nothing changed."""
    if request.method != "POST" or not form.validate_on_submit():
        return None
    try:
        with audit(action, WebhookEndpoint, endpoint_id):
            return change()
    except KassaError as error:
        show_error(form, error)
        return None


def _form_page(template: str, endpoint: WebhookEndpoint, form: FlaskForm):
    """The endpoint's form page; after a refused POST, with its errors and a 422."""
    return render_template(template, endpoint=endpoint, form=form), 422 if request.method == "POST" else 200


def _edit_form(endpoint: WebhookEndpoint) -> WebhookEndpointEditForm:
    if request.method == "POST":
        form = WebhookEndpointEditForm()
    else:
        form = WebhookEndpointEditForm(
            formdata=None,
            url=endpoint.url,
            all_events="*" in endpoint.events,
            events=[e for e in endpoint.events if e != "*"],
            enabled=endpoint.enabled,
        )
    # Types subscribed over the API that the form does not offer stay choosable, so saving keeps them.
    offered = [choice.value for choice in form.events.choices]
    form.events.choices = [
        *form.events.choices,
        *(SelectChoice(e) for e in endpoint.events if e != "*" and e not in offered),
    ]
    return form


@bp.route("/developers/webhooks/<endpoint_id>/edit", methods=["GET", "POST"])
@permission_required("developers.manage")
def developers_webhook_edit(endpoint_id: str):
    merchant_id, endpoint = _own_endpoint(endpoint_id)
    form = _edit_form(endpoint)
    saved = _change(
        form,
        "webhook_endpoint.update",
        endpoint_id,
        lambda: update_endpoint(merchant_id, endpoint_id, form.changes(), livemode=endpoint.livemode),
    )
    if saved is not None:
        state = (
            "It receives the events it listens to."
            if saved.enabled
            else "It is disabled: it receives nothing, and its pending deliveries stopped."
        )
        flash(f"Saved the endpoint {saved.url}. {state}")
        return redirect(url_for("portal.developers_webhooks"))
    return _form_page("portal/webhook_edit.html", endpoint, form)


@bp.route("/developers/webhooks/<endpoint_id>/secret", methods=["GET", "POST"])
@permission_required("developers.manage")
def developers_webhook_secret(endpoint_id: str):
    merchant_id, endpoint = _own_endpoint(endpoint_id)
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        with audit("webhook_endpoint.reveal_secret", WebhookEndpoint, endpoint_id):
            endpoint = reveal_endpoint_secret(merchant_id, endpoint_id, livemode=endpoint.livemode)
        return secret_page(endpoint, "revealed")
    return render_template("portal/webhook_secret_confirm.html", endpoint=endpoint, form=form)


@bp.route("/developers/webhooks/<endpoint_id>/roll", methods=["GET", "POST"])
@permission_required("developers.manage")
def developers_webhook_roll(endpoint_id: str):
    merchant_id, endpoint = _own_endpoint(endpoint_id)
    form = RollSecretForm()
    rolled = _change(
        form,
        "webhook_endpoint.roll_secret",
        endpoint_id,
        lambda: roll_endpoint_secret(
            merchant_id, endpoint_id, livemode=endpoint.livemode, overlap_hours=form.overlap_hours.data
        ),
    )
    if rolled is not None:
        return secret_page(rolled, "rolled")
    return _form_page("portal/webhook_roll.html", endpoint, form)


@bp.route("/developers/webhooks/<endpoint_id>/test", methods=["GET", "POST"])
@permission_required("developers.manage")
def developers_webhook_test(endpoint_id: str):
    merchant_id, endpoint = _own_endpoint(endpoint_id)
    types = sample_event_types(endpoint)
    form = SampleEventForm(type=types[0])  # order.paid when the endpoint listens to it
    form.type.choices = [SelectChoice(t) for t in types]
    if request.method == "POST" and form.validate_on_submit():
        try:
            with audit("webhook_endpoint.test", WebhookDelivery):
                delivery = send_test_event(
                    merchant_id, endpoint_id, livemode=endpoint.livemode, event_type=form.type.data
                )
        except KassaError as error:
            db.session.rollback()
            flash(f"Not sent: {error.message}.", "error")
            return redirect(url_for("portal.developers_webhooks"))
        answer = (
            f"answered {delivery.last_status_code}"
            if delivery.last_status_code
            else "did not answer (see the attempt below); it is retried like any delivery"
        )
        flash(f"Sent a test {form.type.data} event to {endpoint.url}: the endpoint {answer}.")
        return redirect(url_for("portal.developers_delivery", delivery_id=delivery.id))
    return _form_page("portal/webhook_test.html", endpoint, form)
