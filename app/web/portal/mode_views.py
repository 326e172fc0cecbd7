"""Test or live: which world the portal shows. The choice belongs to the signed-in user and lives in
their session (test until they switch); orders, their pages, the dashboard and the CSV export follow it."""

from __future__ import annotations

from flask import abort, redirect, request, session
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice

from app.web.portal import bp
from app.web.portal.access import permission_required, safe_next

_SESSION_KEY = "portal_mode"


class ModeForm(FlaskForm):
    mode = RadioField("Mode", choices=[SelectChoice("test", "Test"), SelectChoice("live", "Live")])


def portal_livemode() -> bool:
    """Whether the signed-in user is looking at live data."""
    return session.get(_SESSION_KEY) == "live"


@bp.context_processor
def _mode_context() -> dict:
    return {"portal_livemode": portal_livemode()}


@bp.post("/mode")
@permission_required("orders.view")
def switch_mode():
    form = ModeForm()
    if not form.validate_on_submit():
        abort(400, description="Choose test or live.")
    session[_SESSION_KEY] = form.mode.data
    return redirect(safe_next(request.form.get("next")))
