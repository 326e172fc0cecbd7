"""Settings → Business lines: the merchant's lines listed, added, renamed and archived (after a confirmation)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.merchants import business_lines
from app.merchants.business_line_models import BusinessLine
from app.web.portal import bp
from app.web.portal.access import audit, permission_required


def _page(status: int = 200, *, values: dict | None = None, error: KassaError | None = None):
    lines = business_lines.list_lines(current_user.merchant_id)
    return render_template("portal/business_lines.html", lines=lines, values=values or {}, error=error), status


@bp.get("/settings/business_lines")
@permission_required("settings.manage")
def business_lines_page():
    return _page()


@bp.post("/settings/business_lines")
@permission_required("settings.manage")
def business_lines_create():
    values = {"code": request.form.get("code", "").strip(), "name": request.form.get("name", "")}
    try:
        with audit("business_line.create", BusinessLine):
            line = business_lines.create_line(current_user.merchant_id, code=values["code"], name=values["name"])
    except KassaError as error:
        db.session.rollback()
        return _page(422, values=values, error=error)
    flash(f"Added the business line {line.name} ({line.code}).")
    return redirect(url_for("portal.business_lines_page"))


@bp.post("/settings/business_lines/<line_id>/rename")
@permission_required("settings.manage")
def business_lines_rename(line_id: str):
    merchant_id = current_user.merchant_id
    line = business_lines.get_line(merchant_id, line_id, param="id")  # another merchant's is a 404
    try:
        with audit("business_line.rename", BusinessLine, line.id):
            business_lines.rename_line(merchant_id, line.id, name=request.form.get("name", ""))
    except KassaError as error:
        db.session.rollback()
        return _page(422, values={"rename": line.id}, error=error)
    flash("Renamed the business line.")
    return redirect(url_for("portal.business_lines_page"))


@bp.route("/settings/business_lines/<line_id>/archive", methods=["GET", "POST"])
@permission_required("settings.manage")
def business_lines_archive(line_id: str):
    """The confirmation (GET, or a POST that did not come from it) and the archiving itself."""
    merchant_id = current_user.merchant_id
    line = business_lines.get_line(merchant_id, line_id, param="id")
    if request.method == "POST" and request.form.get("confirmed") == "yes":
        with audit("business_line.archive", BusinessLine, line.id):
            business_lines.archive_line(merchant_id, line.id)
        flash(f"Archived the business line {line.name}: it takes no new orders or products.")
        return redirect(url_for("portal.business_lines_page"))
    return render_template("portal/business_line_archive.html", line=line)
