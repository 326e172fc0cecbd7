"""Channels: switch on and off, put in order, set limits, currencies and the protocol template, with a live preview
of the checkout's channel list, and the merchant's rate with the provider (what the books charge each payment)."""

from __future__ import annotations

from dataclasses import replace

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import InvalidRequest, KassaError
from app.extensions import db
from app.merchants.business_lines import has_lines
from app.merchants.models import Merchant
from app.payments.channels.agreements import (
    check_bodies,
    current_bodies,
    render,
    sample_purchase,
    save_agreements,
    versions,
)
from app.payments.channels.configs import (
    MAX_FEE_BPS,
    channel_order,
    channel_settings,
    configure_channel,
    move_channel,
    preview_offers,
)
from app.payments.channels.credentials import masked_settings, save_channel_settings
from app.payments.channels.registry import ChannelSpec, adapter_for, channel_codes, channel_spec
from app.payments.channels.routing import channel_offers
from app.payments.models import ChannelConfig
from app.platform.values.languages import CHECKOUT_LANGUAGES, DEFAULT_LANGUAGE
from app.platform.values.money import (
    ambiguous_comma,
    exponent,
    format_amounts_by_currency,
    format_major,
    normalise_currency,
    parse_amounts_by_currency,
    parse_major,
)
from app.web.fragments import render_block
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.forms import ConfirmForm
from app.web.portal.payment_forms import ChannelFeesForm, ChannelForm, channel_settings_form

EDIT_PAGE = "portal/channel_edit.html"


def _known(code: str) -> str:
    if channel_spec(code) is None:
        abort(404, description=f"There is no channel {code!r}.")
    return code


def _settings(form: ChannelForm) -> dict:
    currencies = [c.strip() for c in (form.currencies.data or "").split(",") if c.strip()]
    return {
        "enabled": bool(form.enabled.data),
        "priority": form.priority.data,
        "display_name": form.display_name.data,
        "icon": form.icon.data,
        **_limits(form),
        "currencies": currencies,
        "agreement_text": form.agreement_text.data,
    }


def _agreement_bodies(form: ChannelForm) -> dict[str, str]:
    """The agreement's text per checkout language as typed (English is the channel's own field)."""
    return {
        DEFAULT_LANGUAGE: form.agreement_text.data or "",
        **{lang: form[f"agreement_text_{lang}"].data or "" for lang in CHECKOUT_LANGUAGES if lang != DEFAULT_LANGUAGE},
    }


def _limits(form: ChannelForm) -> dict:
    """The limits as minor units of their currency, typed in its units ("50000" yen, "1.500" dinars): a number
    of minor units alone is $500.00 or ¥50,000 depending on the order."""
    typed = {name: (form[name].data or "").strip() for name in ("min_amount", "max_amount")}
    if not any(typed.values()):
        return {"min_amount": None, "max_amount": None, "limits_currency": None}
    try:
        currency = normalise_currency((form.limits_currency.data or "").strip())
    except ValueError:
        raise InvalidRequest(
            "Name the currency of the limits, e.g. usd or jpy: they apply to orders in it", param="limits_currency"
        ) from None
    limits = {"limits_currency": currency}
    for name, text in typed.items():
        try:
            limits[name] = parse_major(text, currency) if text else None
        except ValueError:
            example = format_major(50 * 10 ** exponent(currency), currency)
            raise InvalidRequest(
                ambiguous_comma(text) or f"Enter an amount in {currency.upper()}, e.g. {example}", param=name
            ) from None
    return limits


@bp.get("/channels")
@permission_required("channels.manage")
def channels():
    offers = channel_offers(current_user.merchant_id)
    return render_template(
        "portal/channels.html",
        offers=offers,
        form=ConfirmForm(),
        defaults={code: adapter_for(code).default_name for code in channel_codes()},
        has_lines=has_lines(current_user.merchant_id),
    )


@bp.post("/channels/<code>/move")
@permission_required("channels.manage")
def channels_move(code: str):
    _known(code)
    direction = request.form.get("direction")
    if not ConfirmForm().validate_on_submit() or direction not in ("up", "down"):
        abort(400, description="Choose to move the channel up or down.")
    merchant_id = current_user.merchant_id
    with audit("channel.reorder", ChannelConfig, code, snapshot=lambda: channel_order(merchant_id)):
        move_channel(merchant_id, code, direction)
    flash(f"Moved {code} {direction}.")
    # Back on the button pressed (static/js/portal.js focuses it): a keyboard user moves a channel again and again
    # without tabbing through the whole navigation each time.
    return redirect(url_for("portal.channels", _anchor=f"pressed-move-{direction}-{code}"))


@bp.post("/channels/<code>/toggle")
@permission_required("channels.manage")
def channels_toggle(code: str):
    _known(code)
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; try again.")
    merchant_id = current_user.merchant_id
    enabled = request.form.get("enabled") == "true"
    with audit("channel.update", ChannelConfig, code, snapshot=lambda: channel_settings(merchant_id, code)):
        configure_channel(merchant_id, code, enabled=enabled)
    flash(f"{code} is {'enabled' if enabled else 'disabled'}.")
    return redirect(url_for("portal.channels", _anchor=f"pressed-toggle-{code}"))


def _form_for(code: str) -> ChannelForm:
    saved = channel_settings(current_user.merchant_id, code) or {"enabled": True, "priority": 100}
    limits = {
        name: None
        if saved.get(name) is None
        else format_major(saved[name], saved["limits_currency"])
        if saved.get("limits_currency")
        else str(saved[name])
        for name in ("min_amount", "max_amount")
    }
    # Never bound to the request: after a refused fees or credentials form, this one shows what is saved (bound to
    # that POST it would show the channel switched off, and saving it would switch it off).
    bodies = current_bodies(current_user.merchant_id, code)
    texts = {f"agreement_text_{lang}": body for lang, body in bodies.items() if lang != DEFAULT_LANGUAGE}
    if bodies[DEFAULT_LANGUAGE]:
        texts["agreement_text"] = bodies[DEFAULT_LANGUAGE]
    return ChannelForm(
        formdata=None,
        data={**saved, **limits, **texts, "currencies": ", ".join(saved.get("currencies") or [])},
    )


@bp.route("/channels/<code>", methods=["GET", "POST"])
@permission_required("channels.manage")
def channels_edit(code: str):
    _known(code)
    merchant_id = current_user.merchant_id
    form = ChannelForm() if request.method == "POST" else _form_for(code)
    if form.validate_on_submit():
        try:
            bodies = check_bodies(_agreement_bodies(form))  # a bad placeholder saves nothing
            with audit("channel.update", ChannelConfig, code, snapshot=lambda: channel_settings(merchant_id, code)):
                # The versions first, with who saved them; the settings' commit writes them too.
                save_agreements(merchant_id, code, bodies, actor=current_user.email)
                configure_channel(merchant_id, code, **_settings(form))
        except KassaError as error:
            show_error(form, error)
        else:
            flash(f"Saved the settings of {code}.")
            return redirect(url_for("portal.channels"))
    preview, preview_error = _preview(code, form)
    return _edit_page(code, form, preview=preview, preview_error=preview_error)


def _edit_page(code: str, form: ChannelForm, settings_form=None, fees_form=None, **context):
    spec = channel_spec(code)
    masked = masked_settings(current_user.merchant_id, code)
    if settings_form is None and spec.settings:
        settings_form = channel_settings_form(spec, masked, formdata=None)
    fees_form = fees_form or _fees_form_for(code)
    failed = form.errors or (settings_form is not None and settings_form.errors) or fees_form.errors
    hook_url = url_for(
        "hooks.merchant_channel_callback", channel_code=code, merchant_id=current_user.merchant_id, _external=True
    )
    return render_template(
        EDIT_PAGE,
        form=form,
        code=code,
        spec=spec,
        default_name=adapter_for(code).default_name,
        settings_form=settings_form,
        masked=masked,
        hook_url=hook_url,
        fees_form=fees_form,
        published=published_rate(spec),
        published_dispute_fees=format_amounts_by_currency(dict(spec.dispute_fee_by_currency)),
        agreement_versions=versions(current_user.merchant_id, code),
        languages=CHECKOUT_LANGUAGES,
        **context,
    ), 422 if failed else 200


@bp.post("/channels/<code>/settings")
@permission_required("channels.manage")
def channels_settings(code: str):
    """Save the credentials and options a payment tool's schema asks for (stored encrypted, shown masked)."""
    _known(code)
    spec, merchant_id = channel_spec(code), current_user.merchant_id
    if not spec.settings:
        abort(404, description=f"{code} has no credentials or options to set.")
    masked = masked_settings(merchant_id, code)
    settings_form = channel_settings_form(spec, masked)
    if settings_form.validate_on_submit():
        values = {f.name: settings_form[f.name].data or "" for f in spec.settings}
        try:
            with audit("channel.settings", ChannelConfig, code, snapshot=lambda: masked_settings(merchant_id, code)):
                save_channel_settings(merchant_id, code, values)
        except KassaError as error:
            show_error(settings_form, error)
        else:
            flash(f"Saved the credentials of {code}.")
            return redirect(url_for("portal.channels_edit", code=code))
    form = _form_for(code)
    preview, preview_error = _preview(code, form)
    return _edit_page(code, form, settings_form, preview=preview, preview_error=preview_error)


def published_rate(spec: ChannelSpec) -> str:
    """The channel's published rate in words: "2.9 % + USD 0.30" or "2.9 % + 30 minor units (JPY 40, …)"."""
    rate = f"{spec.fee_bps / 100:g} %"
    named = format_amounts_by_currency({c: v for c, v in spec.fee_fixed_by_currency.items() if v})
    if spec.fee_fixed:
        return f"{rate} + {spec.fee_fixed} minor units of the payment's currency" + (f" ({named})" if named else "")
    return f"{rate} + {named}, no fixed fee in other currencies" if named else rate


def _fees_form_for(code: str) -> ChannelFeesForm:
    saved = channel_settings(current_user.merchant_id, code) or {}
    bps = saved.get("fee_bps")
    return ChannelFeesForm(
        formdata=None,
        data={
            "fee_percent": None if bps is None else f"{bps / 100:g}",
            "fixed_fees": format_amounts_by_currency(saved.get("fixed_fees") or {}),
            "dispute_fees": format_amounts_by_currency(saved.get("dispute_fees") or {}),
        },
    )


def _fees(form: ChannelFeesForm) -> dict:
    """The typed rate as the channel settings keep it: basis points and {currency: minor units}."""
    percent = (form.fee_percent.data or "").strip().rstrip("%").strip().replace(",", ".")
    whole, _, hundredths = percent.partition(".")
    values: dict = {"fee_bps": int(whole) * 100 + int(hundredths.ljust(2, "0")) if percent else None}
    if (values["fee_bps"] or 0) > MAX_FEE_BPS:
        raise InvalidRequest(f"A rate is at most {MAX_FEE_BPS // 100} %", param="fee_percent")
    for name in ("fixed_fees", "dispute_fees"):
        try:
            values[name] = parse_amounts_by_currency(form[name].data or "")
        except ValueError as exc:
            raise InvalidRequest(str(exc), param=name) from None
    return values


@bp.post("/channels/<code>/fees")
@permission_required("channels.manage")
def channels_fees(code: str):
    """Save the merchant's rate with the provider: Kassa books each payment's fee by it, and reconciliation then
    agrees with the provider's statement."""
    _known(code)
    merchant_id = current_user.merchant_id
    fees_form = ChannelFeesForm()
    if fees_form.validate_on_submit():
        try:
            values = _fees(fees_form)
            with audit("channel.fees", ChannelConfig, code, snapshot=lambda: channel_settings(merchant_id, code)):
                configure_channel(merchant_id, code, **values)
        except KassaError as error:
            show_error(fees_form, error)
        else:
            flash(f"Saved the fees of {code}: payments from now on are booked with them.")
            return redirect(url_for("portal.channels_edit", code=code, _anchor="fees-title"))
    form = _form_for(code)
    preview, preview_error = _preview(code, form)
    return _edit_page(code, form, fees_form=fees_form, preview=preview, preview_error=preview_error)


def _preview(code: str, form: ChannelForm) -> tuple[list, str | None]:
    """The checkout's channels with the form's settings, each agreement filled in with a sample purchase."""
    try:
        check_bodies(_agreement_bodies(form))
        offers = preview_offers(current_user.merchant_id, code, **_settings(form))
    except KassaError as error:
        return [], error.message
    sample = sample_purchase(db.session.get(Merchant, current_user.merchant_id).name)
    return [
        replace(o, agreement_text=render(o.agreement_text, sample) if o.agreement_text else None) for o in offers
    ], None


@bp.post("/channels/<code>/preview")
@permission_required("channels.manage")
def channels_preview(code: str):
    """The checkout's channel list as it would look with the form's values (htmx, nothing saved)."""
    _known(code)
    form = ChannelForm()
    if not form.validate_on_submit():
        preview, preview_error = [], "Fix the highlighted fields to see the preview."
    else:
        preview, preview_error = _preview(code, form)
    return render_block(EDIT_PAGE, "preview", code=code, preview=preview, preview_error=preview_error)
