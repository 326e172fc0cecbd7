"""Portal pages for coupons: list, create (one code or a generated batch), edit, deactivate, usage.
Each mutating view is a thin call to one coupon service, scoped by the signed-in merchant."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app.catalog.coupon_models import Coupon
from app.catalog.coupon_wording import coupon_scope, coupon_terms
from app.catalog.coupons import (
    create_coupon,
    deactivate_coupon,
    generate_coupons,
    get_coupon,
    list_coupons,
    list_redemptions,
    update_coupon,
)
from app.catalog.products import sku_labels
from app.errors import KassaError
from app.payments.channels.registry import channel_codes
from app.payments.channels.routing import channel_offers
from app.platform.db.types import utcnow
from app.web.portal import bp
from app.web.portal.access import audit, permission_required
from app.web.portal.catalog_forms import KIND_LABELS, CouponEditForm, CouponForm, kinds_using
from app.web.portal.catalog_views import PAGE_SIZE, _page, record_error
from app.web.portal.forms import ConfirmForm
from app.web.portal.mode_views import portal_livemode

USAGE_PAGE = 50  # a coupon's uses shown at once


# The form's words for a term the coupon service refused: its messages name the API's fields ("percent_bps must
# be an integer of at least 1 and at most 10000"), which is not what a merchant typed 150 % into.
_TERM_MESSAGES = {
    "percent_bps": "Enter a percentage from 0.01 to 100, e.g. 15 or 12.5.",
    "amount_off": "Enter the amount to take off, e.g. 5.00.",
    "min_subtotal": "Enter the spend that earns the discount, e.g. 50.00.",
    "max_discount": "Enter the largest discount, e.g. 5.00, or leave it empty.",
    "valid_until": "Choose a “Valid until” after “Valid from”.",
    "duration_in_periods": "Enter how many renewals it discounts, from 1 to 1200.",
}


def _record_coupon_error(form, error: KassaError) -> None:
    """A refused term beside its field, in the form's words; anything else as the service says it."""
    param = error.param or ""
    message = _TERM_MESSAGES.get(param)
    if param.startswith("tiers[") and param.endswith("]") and param[6:-1].isdecimal():
        message = f"Line {int(param[6:-1]) + 1}: the quantity must be 2 or more and the percentage from 0.01 to 100."
    if message is not None:
        error = KassaError(message, param=param)
    record_error(form, error)


def _sku_choices(merchant_id: str) -> list[SelectChoice]:
    return [SelectChoice(sku_id, label) for sku_id, label in sku_labels(merchant_id)]


def _channel_choices(merchant_id: str) -> list[SelectChoice]:
    """The payment methods the merchant has switched on, by the names shoppers see."""
    return [SelectChoice(offer.code, offer.name) for offer in channel_offers(merchant_id) if offer.enabled]


def _codes_csv(codes: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["code"])
    writer.writerows([c] for c in codes)
    return "data:text/csv;charset=utf-8," + quote(out.getvalue())


@bp.get("/coupons")
@permission_required("catalog.manage")
def coupons():
    q = (request.args.get("q") or "").strip()[:64]
    page = _page()
    rows, has_more = list_coupons(current_user.merchant_id, q=q or None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render_template(
        "portal/catalog/coupons.html", coupons=rows, has_more=has_more, page=page, q=q, kinds=KIND_LABELS, now=utcnow()
    )


@bp.route("/coupons/new", methods=["GET", "POST"])
@permission_required("catalog.manage")
def coupon_new():
    form = CouponForm()
    form.sku_ids.choices = _sku_choices(current_user.merchant_id)
    form.channels.choices = _channel_choices(current_user.merchant_id)
    if form.validate_on_submit():
        fields = form.fields_for_service()
        if not form.errors:
            try:
                if form.bulk_count.data:
                    with audit("coupon.generate", Coupon):
                        batch = generate_coupons(
                            current_user.merchant_id,
                            fields,
                            count=form.bulk_count.data,
                            prefix=form.prefix.data,
                            known_channels=channel_codes(),
                        )
                    codes = [c.code for c in batch]
                    # The batch is shown on this answer only, with its CSV, rather than behind a URL.
                    return render_template(
                        "portal/catalog/coupon_batch.html",
                        codes=codes,
                        csv_href=_codes_csv(codes),
                        filename=f"{form.prefix.data or 'codes'}.csv",
                    )
                with audit("coupon.create", Coupon):
                    coupon = create_coupon(current_user.merchant_id, fields, known_channels=channel_codes())
            except KassaError as error:
                _record_coupon_error(form, error)
            else:
                flash(f"Coupon {coupon.code} created.")
                if coupon.state_in(portal_livemode(), utcnow()) == "expired":
                    flash(
                        f"Its “Valid until” ({coupon.valid_until:%Y-%m-%d %H:%M} UTC) has passed: shoppers cannot "
                        "use it. Edit it to give it a later end."
                    )
                return redirect(url_for("portal.coupon_show", coupon_id=coupon.id))
    return render_template(
        "portal/catalog/coupon_new.html", form=form, kinds_using=kinds_using
    ), 422 if form.errors or form.form_errors else 200


@bp.get("/coupons/<coupon_id>")
@permission_required("catalog.manage")
def coupon_show(coupon_id: str):
    coupon = get_coupon(current_user.merchant_id, coupon_id)
    after = request.args.get("starting_after") or None
    redemptions, has_more = list_redemptions(
        current_user.merchant_id, coupon_id, livemode=portal_livemode(), limit=USAGE_PAGE, starting_after=after
    )
    older = (
        url_for("portal.coupon_show", coupon_id=coupon_id, starting_after=redemptions[-1].id, _anchor="usage-title")
        if has_more
        else None
    )
    newest = url_for("portal.coupon_show", coupon_id=coupon_id, _anchor="usage-title") if after else None
    return render_template(
        "portal/catalog/coupon_show.html",
        coupon=coupon,
        kinds=KIND_LABELS,
        redemptions=redemptions,
        older_url=older,
        newest_url=newest,
        confirm=ConfirmForm(),
        state=coupon.state_in(portal_livemode(), utcnow()),
        terms=coupon_terms(coupon),
        scope=coupon_scope(current_user.merchant_id, coupon),
    )


@bp.route("/coupons/<coupon_id>/edit", methods=["GET", "POST"])
@permission_required("catalog.manage")
def coupon_edit(coupon_id: str):
    coupon = get_coupon(current_user.merchant_id, coupon_id)
    initial = {
        "description": coupon.description,
        "max_redemptions": coupon.max_redemptions,
        "max_per_customer": coupon.max_per_customer,
        "valid_from": coupon.valid_from.replace(tzinfo=None) if coupon.valid_from else None,
        "valid_until": coupon.valid_until.replace(tzinfo=None) if coupon.valid_until else None,
    }
    form = CouponEditForm(data=initial if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            with audit("coupon.update", Coupon, coupon_id):
                update_coupon(current_user.merchant_id, coupon_id, form.fields_for_service())
        except KassaError as error:
            _record_coupon_error(form, error)
        else:
            flash(f"Coupon {coupon.code} saved.")
            return redirect(url_for("portal.coupon_show", coupon_id=coupon_id))
    return render_template(
        "portal/catalog/coupon_edit.html", coupon=coupon, form=form
    ), 422 if form.errors or form.form_errors else 200


# GET shows the confirmation too (a reload of it, or the back button to it): nothing changes until a POST says
# confirmed=yes, so a browser without JavaScript is asked as well.
@bp.route("/coupons/<coupon_id>/deactivate", methods=["GET", "POST"])
@permission_required("catalog.manage")
def coupon_deactivate(coupon_id: str):
    coupon = get_coupon(current_user.merchant_id, coupon_id)
    if not coupon.active:
        return redirect(url_for("portal.coupon_show", coupon_id=coupon_id))
    if request.form.get("confirmed") == "yes" and ConfirmForm().validate_on_submit():
        with audit("coupon.deactivate", Coupon, coupon_id):
            coupon = deactivate_coupon(current_user.merchant_id, coupon_id)
        flash(f"Coupon {coupon.code} deactivated: it can no longer be used.")
        return redirect(url_for("portal.coupon_show", coupon_id=coupon_id))
    return render_template("portal/catalog/coupon_deactivate.html", coupon=coupon)
