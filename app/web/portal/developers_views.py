"""Developers: API keys (create, roll, revoke; a new secret is shown once) and the SDK embed snippet."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app.catalog.services import list_products
from app.errors import KassaError
from app.extensions import db
from app.merchants.api_keys import (
    IssuedKey,
    create_api_key,
    embed_key,
    get_api_key,
    list_api_keys,
    may_mint,
    revoke_api_key,
    roll_api_key,
)
from app.merchants.business_lines import list_lines
from app.merchants.models import ApiKey
from app.web.embed.snippet import embed_snippet
from app.web.portal import bp
from app.web.portal.access import audit, forbidden, permission_required, show_error
from app.web.portal.developer_forms import ApiKeyForm, EmbedForm, RevokeKeyForm, RollKeyForm
from app.web.portal.forms import ConfirmForm


def _shown_once(issued: IssuedKey, *, rolled: ApiKey | None = None):
    """The page with the raw key: never cached, never stored, never shown again."""
    body = render_template("portal/api_key_secret.html", issued=issued, rolled=rolled)
    return body, 200, {"Cache-Control": "no-store"}


def _key_form(form: ApiKeyForm) -> ApiKeyForm:
    """The create form offers only the kinds the user may mint (the page says why secret keys are missing)."""
    form.kind.choices = [choice for choice in form.kind.choices if may_mint(current_user.role, choice.value)]
    return form


def _keys_page(form: ApiKeyForm, status: int = 200):
    return render_template(
        "portal/api_keys.html",
        keys=list_api_keys(current_user.merchant_id),
        form=_key_form(form),
        line_names={line.id: line.code for line in list_lines(current_user.merchant_id)},
        may_mint_secret=may_mint(current_user.role, "secret"),
        action_form=ConfirmForm(),
    ), status


@bp.get("/developers")
@permission_required("developers.manage")
def developers():
    return _keys_page(ApiKeyForm().with_business_lines(list_lines(current_user.merchant_id, include_archived=False)))


@bp.post("/developers/keys")
@permission_required("developers.manage")
def developers_keys_create():
    form = ApiKeyForm().with_business_lines(list_lines(current_user.merchant_id, include_archived=False))
    if form.validate_on_submit():
        try:
            with audit("api_key.create", ApiKey):
                issued = create_api_key(
                    current_user.merchant_id,
                    kind=form.kind.data,
                    mode=form.mode.data,
                    name=form.name.data,
                    role=current_user.role,
                    business_line=form.business_line.data or None,
                )
        except KassaError as error:
            show_error(form, error)
        else:
            return _shown_once(issued)
    return _keys_page(form, 422)


def _key_action(key_id: str, action: str):
    """Confirmation page (GET) and action (POST, sent from that page) for rolling or revoking one key."""
    merchant_id = current_user.merchant_id
    key = get_api_key(merchant_id, key_id)  # another merchant's key is a 404
    if not may_mint(current_user.role, key.kind):
        # Rolling or revoking the secret key takes the merchant's server off the API: an owner's decision.
        return forbidden("api_keys.secret")
    form = RollKeyForm() if action == "roll" else RevokeKeyForm()
    if request.method == "POST" and form.validate_on_submit():
        try:
            with audit(f"api_key.{action}", ApiKey, key_id):
                if action == "roll":
                    issued = roll_api_key(merchant_id, key_id, name=form.name.data, role=current_user.role)
                else:
                    revoke_api_key(merchant_id, key_id, role=current_user.role)
        except KassaError as error:
            db.session.rollback()
            flash(f"Nothing changed: {error.message}.", "error")
            return redirect(url_for("portal.developers"))
        if action == "roll":
            return _shown_once(issued, rolled=key)
        flash(f"Key …{key.last4} is revoked; requests with it are refused from now on.")
        return redirect(url_for("portal.developers"))
    # A roll whose name was refused shows why; a POST that did not come from this page (no confirm) asks first.
    status = 422 if request.method == "POST" else 200
    return render_template("portal/api_key_confirm.html", key=key, action=action, form=form), status


@bp.route("/developers/keys/<key_id>/roll", methods=["GET", "POST"])
@permission_required("developers.manage")
def developers_key_roll(key_id: str):
    return _key_action(key_id, "roll")


@bp.route("/developers/keys/<key_id>/revoke", methods=["GET", "POST"])
@permission_required("developers.manage")
def developers_key_revoke(key_id: str):
    return _key_action(key_id, "revoke")


@bp.get("/developers/embed")
@permission_required("developers.manage")
def developers_embed():
    merchant_id = current_user.merchant_id
    products, _ = list_products(merchant_id, limit=100)
    form = EmbedForm(request.args)
    form.product.choices = [SelectChoice(p.id, f"{p.name} ({p.id})") for p in products]
    chosen = next((p for p in products if p.id == form.product.data), products[0] if products else None)
    key = embed_key(merchant_id, form.mode.data or "test")
    snippet = None
    if chosen is not None:
        form.product.data = chosen.id
        placeholder = f"pk_{form.mode.data or 'test'}_…"
        snippet = embed_snippet(
            current_app.config["PUBLIC_URL"], chosen.id, publishable_key=key.public_value if key else placeholder
        )
    return render_template("portal/embed.html", form=form, products=products, snippet=snippet, key=key)
