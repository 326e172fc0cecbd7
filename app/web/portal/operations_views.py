"""Operations: the merchant's degradation switches — a channel off at once, the checkout in maintenance —
and the platform's switches that affect this merchant. Each change is audited with its reason."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from app.errors import KassaError
from app.extensions import db
from app.payments.channels.registry import channel_codes
from app.platform.switch_models import Switch
from app.platform.switches import PLATFORM, for_merchant, switch_off, switch_on
from app.web.portal import bp
from app.web.portal.access import audit, permission_required
from app.web.portal.forms import ConfirmForm


def _merchant_switches(merchant_id: str) -> dict:
    """The audit snapshot: what is on for this merchant, by kind and channel (read from the table, not the
    per-process cache, so the audit sees the change inside its own transaction)."""
    rows = db.session.scalars(select(Switch).where(Switch.scope == merchant_id))
    return {f"{s.kind}{':' + s.channel if s.channel else ''}": s.reason for s in rows}


def _page(errors: dict | None = None, status: int = 200):
    merchant_id = current_user.merchant_id
    switches = for_merchant(merchant_id)
    off = {s.channel: s for s in switches if s.kind == "channel_off"}
    maintenance = next((s for s in switches if s.kind == "maintenance"), None)
    return render_template(
        "portal/operations.html",
        channels=channel_codes(),
        off=off,
        maintenance=maintenance,
        platform=[s for s in switches if s.scope == PLATFORM],
        form=ConfirmForm(),
        errors=errors or {},
        reason=request.form.get("reason", ""),
    ), status


@bp.get("/operations")
@permission_required("channels.manage")
def operations():
    return _page()


def _flip(kind: str, channel: str, *, on: bool, field: str):
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; try again.")
    merchant_id = current_user.merchant_id
    reason = (request.form.get("reason") or "").strip()
    try:
        with audit(
            f"switch.{'on' if on else 'off'}",
            Switch,
            f"{kind}{':' + channel if channel else ''}",
            snapshot=lambda: _merchant_switches(merchant_id),
        ):
            if on:
                switch_on(
                    merchant_id,
                    kind,
                    channel=channel,
                    channels=channel_codes(),
                    reason=reason,
                    set_by=current_user.email,
                )
            else:
                switch_off(merchant_id, kind, channel=channel, channels=channel_codes(), set_by=current_user.email)
    except KassaError as error:
        return _page({field: error.message[:1].upper() + error.message[1:] + "."}, 422)
    return None


@bp.post("/operations/channels/<code>")
@permission_required("channels.manage")
def operations_channel(code: str):
    if code not in channel_codes():
        abort(404, description=f"There is no channel {code!r}.")
    on = request.form.get("state") == "off"  # the switch is "channel off"
    failed = _flip("channel_off", code, on=on, field=f"reason-{code}")
    if failed:
        return failed
    flash(f"{code} is switched {'off: shoppers no longer see it' if on else 'back on'}.")
    return redirect(url_for("portal.operations"))


@bp.post("/operations/maintenance")
@permission_required("settings.manage")
def operations_maintenance():
    on = request.form.get("state") == "on"
    failed = _flip("maintenance", "", on=on, field="reason-maintenance")
    if failed:
        return failed
    flash("Your checkout is in maintenance: no new orders." if on else "Your checkout takes orders again.")
    return redirect(url_for("portal.operations"))
