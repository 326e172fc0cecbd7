"""Settings: business profile, checkout branding (colour, logo, terms), order policies, checkout mode and the
payout channel."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from app.errors import KassaError
from app.merchants.models import Merchant
from app.merchants.settings import (
    MAX_LOGO_BYTES,
    LogoUpload,
    get_merchant,
    update_branding,
    update_checkout_mode,
    update_order_policies,
    update_profile,
)
from app.payments.channels.registry import channel_spec
from app.payments.payouts.rail import payout_channel_of, payout_channels, set_payout_channel
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.forms import BrandingForm, CheckoutModeForm, PayoutRailForm, PoliciesForm, ProfileForm


def _forms(merchant: Merchant, **submitted) -> dict:
    """The three forms: the submitted one as posted, the others filled from the saved settings."""
    forms = {
        "profile": ProfileForm(formdata=None, obj=merchant),
        "branding": BrandingForm(
            formdata=None,
            brand_color=merchant.brand_color,
            terms_text=merchant.terms_text,
            logo_url=merchant.logo_url if (merchant.logo_url or "").startswith("https://") else None,
        ),
        "policies": PoliciesForm(formdata=None, obj=merchant),
        "checkout_mode": CheckoutModeForm(
            formdata=None, live_checkout=merchant.live_checkout, checkout_language=merchant.checkout_language or ""
        ),
        "payout_rail": PayoutRailForm(formdata=None, payout_channel=payout_channel_of(merchant.id)),
    }
    forms.update(submitted)
    forms["payout_rail"].payout_channel.choices = _payout_choices()
    return forms


def _payout_choices() -> list[tuple[str, str]]:
    return [(code, channel_spec(code).name) for code in payout_channels()]


def settings_page(status: int = 200, **submitted):
    """The settings page, a submitted form shown as posted (subscriptions_views renders it for its section too)."""
    merchant = get_merchant(current_user.merchant_id)
    return render_template("portal/settings.html", merchant=merchant, **_forms(merchant, **submitted)), status


@bp.get("/settings")
@permission_required("settings.manage")
def settings():
    return settings_page()


@bp.post("/settings/profile")
@permission_required("settings.manage")
def settings_profile():
    form = ProfileForm()
    merchant_id = current_user.merchant_id
    if form.validate_on_submit():
        try:
            with audit("settings.profile", Merchant, merchant_id):
                update_profile(merchant_id, name=form.name.data, email=form.email.data)
        except KassaError as error:
            show_error(form, error)
        else:
            flash("Saved the business profile.")
            return redirect(url_for("portal.settings"))
    return settings_page(422, profile=form)


@bp.post("/settings/branding")
@permission_required("settings.manage")
def settings_branding():
    form = BrandingForm()
    merchant_id = current_user.merchant_id
    if form.validate_on_submit():
        upload = form.logo_file.data
        # Read one byte past the limit: the service refuses anything longer without reading it all.
        data = upload.stream.read(MAX_LOGO_BYTES + 1) if upload and getattr(upload, "filename", "") else b""
        try:
            with audit("settings.branding", Merchant, merchant_id):
                update_branding(
                    merchant_id,
                    brand_color=form.brand_color.data,
                    logo_url=form.logo_url.data,
                    terms_text=form.terms_text.data,
                    logo_upload=LogoUpload(data) if data else None,
                    remove_logo=bool(form.remove_logo.data),
                )
        except KassaError as error:
            show_error(form, error)
        else:
            flash("Saved the checkout branding.")
            return redirect(url_for("portal.settings"))
    return settings_page(422, branding=form)


@bp.post("/settings/policies")
@permission_required("settings.manage")
def settings_policies():
    form = PoliciesForm()
    merchant_id = current_user.merchant_id
    if form.validate_on_submit():
        try:
            with audit("settings.policies", Merchant, merchant_id):
                update_order_policies(
                    merchant_id,
                    order_timeout_minutes=form.order_timeout_minutes.data,
                    auto_confirm_minutes=form.auto_confirm_minutes.data,
                )
        except KassaError as error:
            show_error(form, error)
        else:
            flash("Saved the order policies. They apply to orders created from now on.")
            return redirect(url_for("portal.settings"))
    return settings_page(422, policies=form)


@bp.post("/settings/checkout_mode")
@permission_required("settings.manage")
def settings_checkout_mode():
    form = CheckoutModeForm()
    merchant_id = current_user.merchant_id
    if form.validate_on_submit():
        try:
            with audit("settings.checkout_mode", Merchant, merchant_id):
                merchant = update_checkout_mode(
                    merchant_id,
                    live_checkout=bool(form.live_checkout.data),
                    checkout_language=form.checkout_language.data,
                )
        except KassaError as error:
            show_error(form, error)
        else:
            flash(
                "The hosted product page now takes live payments."
                if merchant.live_checkout
                else "The hosted product page now takes test payments."
            )
            return redirect(url_for("portal.settings"))
    return settings_page(422, checkout_mode=form)


@bp.post("/settings/payouts")
@permission_required("settings.manage")
def settings_payouts():
    form = PayoutRailForm()
    form.payout_channel.choices = _payout_choices()
    merchant_id = current_user.merchant_id
    if form.validate_on_submit():
        try:
            with audit("settings.payouts", Merchant, merchant_id):
                code = set_payout_channel(merchant_id, form.payout_channel.data)
        except KassaError as error:
            show_error(form, error)
        else:
            flash(f"Settlements and withdrawals created from now on are paid out through {channel_spec(code).name}.")
            return redirect(url_for("portal.settings"))
    return settings_page(422, payout_rail=form)
