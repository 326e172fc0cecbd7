"""Settings → Business lines → a line's settings: its name, the name its shoppers see, and its own order policies
(each empty: the merchant's). The rules live in app/merchants/business_lines.py."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.merchants import business_lines
from app.merchants.business_line_models import BusinessLine
from app.merchants.models import Merchant
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.business_line_forms import BusinessLineSettingsForm


def _page(line: BusinessLine, form: BusinessLineSettingsForm, status: int = 200):
    merchant = db.session.get(Merchant, current_user.merchant_id)
    return render_template("portal/business_line_edit.html", line=line, form=form, merchant=merchant), status


@bp.route("/settings/business_lines/<line_id>/edit", methods=["GET", "POST"])
@permission_required("settings.manage")
def business_lines_edit(line_id: str):
    merchant_id = current_user.merchant_id
    line = business_lines.get_line(merchant_id, line_id, param="id")  # another merchant's is a 404
    form = BusinessLineSettingsForm(obj=line)
    if not form.is_submitted():
        return _page(line, form)
    if not form.validate():
        return _page(line, form, 422)
    try:
        with audit("business_line.update", BusinessLine, line.id):
            business_lines.update_line(merchant_id, line.id, form.fields_to_save())
    except KassaError as error:
        show_error(form, error)
        return _page(business_lines.get_line(merchant_id, line_id, param="id"), form, 422)
    flash(f"Saved the settings of the business line {form.name.data.strip()}.")
    return redirect(url_for("portal.business_lines_page"))
