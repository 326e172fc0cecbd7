"""The audit log: who changed what and when, as sentences with the fields that changed; sign-ins included."""

from __future__ import annotations

from datetime import datetime, time, timezone

from flask import render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from app.audit.sentences import action_label, describe
from app.audit.services import audit_actions, list_audit_entries
from app.platform.db.types import after_day
from app.web.portal import bp
from app.web.portal.access import permission_required

PAGE_SIZE = 50


class AuditFilterForm(FlaskForm):
    """A GET filter: no CSRF token (it changes nothing)."""

    class Meta:
        csrf = False

    action = SelectField("Kind", choices=[SelectChoice("", "Any")], validate_choice=False, validators=[Optional()])
    actor = StringField("User email or API key", validators=[Optional(), Length(max=320)])
    object_id = StringField("Object id", validators=[Optional(), Length(max=100)])
    start = DateField("From", validators=[Optional()])
    end = DateField("To", validators=[Optional()])


@bp.get("/audit")
@permission_required("audit.view")
def audit():
    merchant_id = current_user.merchant_id
    form = AuditFilterForm(request.args)
    kinds = sorted(((action_label(a), a) for a in audit_actions(merchant_id)))
    form.action.choices = [SelectChoice("", "Any")] + [SelectChoice(a, label) for label, a in kinds]
    valid = form.validate()
    start, end = (form.start.data, form.end.data) if valid else (None, None)
    entries, has_more = list_audit_entries(
        merchant_id,
        action=form.action.data or None if valid else None,
        actor=form.actor.data or None if valid else None,
        object_id=form.object_id.data or None if valid else None,
        created_gte=datetime.combine(start, time.min, timezone.utc) if start else None,
        created_lt=after_day(end) if end else None,
        limit=PAGE_SIZE,
        starting_after=request.args.get("starting_after") or None,
    )
    args = {k: v for k, v in request.args.items() if k in form._fields and v}
    older = url_for("portal.audit", starting_after=entries[-1].id, **args) if has_more else None
    first = url_for("portal.audit", **args) if request.args.get("starting_after") else None
    return render_template(
        "portal/audit.html",
        form=form,
        entries=[(e, describe(e)) for e in entries],
        older_url=older,
        first_url=first,
        filtered=bool(args),
    ), 200 if valid else 422
