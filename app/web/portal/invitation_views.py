"""The invitee's side of a team invitation: the emailed link opens a page (no sign-in) where they choose their
password and join, signed in with the invited role. A used, expired, revoked or replaced link says to ask for a
new invitation."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import login_user

from app.audit.services import AuditActor, record_access
from app.errors import KassaError
from app.extensions import db, limiter
from app.merchants.invitations import accept_invitation, open_invitation
from app.merchants.models import Merchant
from app.merchants.services import MIN_PASSWORD_LENGTH
from app.web.portal import bp
from app.web.portal.access import show_error
from app.web.portal.forms import AcceptInvitationForm

ACCEPTED = "user.invitation_accept"


@bp.route("/invitations/<token>", methods=["GET", "POST"])
@limiter.limit("30 per minute", methods=["POST"])
def invitation(token: str):
    found = open_invitation(token)
    if found is None:
        return render_template("portal/invitation_invalid.html"), 404
    merchant_name = db.session.get(Merchant, found.merchant_id).name
    form = AcceptInvitationForm()
    if request.method == "POST" and form.validate_on_submit():
        try:
            user = accept_invitation(token, password=form.password.data)
        except KassaError as error:
            if error.code == "invitation_invalid":
                return render_template("portal/invitation_invalid.html"), 404
            show_error(form, error, fields={"token": "password"})
        else:
            session.clear()  # whoever was signed in on this browser is not the invitee
            actor = AuditActor(user.merchant_id, user.id, user.email, user.role, request.remote_addr)
            record_access(actor, ACCEPTED)
            login_user(user)
            session.permanent = True
            flash(f"Welcome to {merchant_name}. You are signed in as {user.email} ({user.role}).")
            return redirect(url_for("portal.dashboard"))
    status = 422 if request.method == "POST" else 200
    return render_template(
        "portal/invitation.html",
        invitation=found,
        merchant_name=merchant_name,
        form=form,
        min_length=MIN_PASSWORD_LENGTH,
    ), status
