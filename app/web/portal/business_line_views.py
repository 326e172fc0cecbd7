"""Settings → Business lines: the merchant's lines listed, added, renamed and archived (after a confirmation), and
each line's own channel settings."""

from __future__ import annotations

import re

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.merchants import business_lines
from app.merchants.business_line_models import BusinessLine
from app.payments.channels import line_channels
from app.payments.channels.line_channels import MAX_PRIORITY, LineChannel
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


def _channel_changes(channels: list[LineChannel]) -> list[dict]:
    """The form as the line's settings: "use the merchant's setting" clears both; otherwise the checkbox says
    whether the line offers the channel and an empty priority is the merchant's (a number is checked by the service)."""
    changes = []
    for channel in channels:
        code = channel.code
        if request.form.get(f"inherit-{code}") == "yes":
            changes.append({"code": code, "enabled": None, "priority": None})
            continue
        typed = request.form.get(f"priority-{code}", "").strip()
        priority: object = int(typed) if typed.isascii() and typed.isdigit() else (typed or None)
        changes.append({"code": code, "enabled": request.form.get(f"enabled-{code}") == "yes", "priority": priority})
    return changes


def _channel_error(channels: list[LineChannel], error: KassaError) -> tuple[str | None, str]:
    """The channel a refusal is about (None: the whole form) and what to fix, in the form's words."""
    found = re.match(r"channels\[(\d+)\]\.priority$", error.param or "")
    if found and int(found.group(1)) < len(channels):
        return channels[int(found.group(1))].code, (
            f"Priority must be a whole number from 0 (first) to {MAX_PRIORITY}, or empty for the merchant's priority."
        )
    return None, error.message[:1].upper() + error.message[1:] + "."


def _channels_page(line: BusinessLine, status: int = 200, *, typed: dict | None = None, failed=None):
    channels = line_channels.line_channels(current_user.merchant_id, line.id)
    return render_template(
        "portal/business_line_channels.html", line=line, channels=channels, typed=typed or {}, failed=failed
    ), status


@bp.get("/settings/business_lines/<line_id>/channels")
@permission_required("channels.manage")
def business_lines_channels(line_id: str):
    return _channels_page(business_lines.get_line(current_user.merchant_id, line_id, param="id"))


@bp.post("/settings/business_lines/<line_id>/channels")
@permission_required("channels.manage")
def business_lines_channels_save(line_id: str):
    merchant_id = current_user.merchant_id
    line = business_lines.get_line(merchant_id, line_id, param="id")  # another merchant's is a 404
    shown = line_channels.line_channels(merchant_id, line.id)
    changes = _channel_changes(shown)
    try:
        with audit(
            "business_line.channels",
            BusinessLine,
            line.id,
            snapshot=lambda: line_channels.line_channel_settings(merchant_id, line.id),
        ):
            line_channels.set_line_channels(merchant_id, line.id, changes)
    except KassaError as error:
        db.session.rollback()
        typed = {key: value for key, value in request.form.items() if key != "csrf_token"}
        return _channels_page(line, 422, typed=typed, failed=_channel_error(shown, error))
    flash(f"Saved the channels of the business line {line.name}.")
    return redirect(url_for("portal.business_lines_channels", line_id=line.id))
