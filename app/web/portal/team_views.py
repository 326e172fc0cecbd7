"""Team: invite users by email with a role (resend, revoke), or add them with a temporary password when Kassa
has no mail server; change roles, remove users (owners only)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.merchants.invitations import get_invitation, invite_member, list_pending, resend_invitation, revoke_invitation
from app.merchants.models import MerchantUser, TeamInvitation
from app.merchants.permissions import GRANTS, PERMISSIONS, ROLES
from app.merchants.team import add_member, change_role, get_member, list_members, remove_member
from app.platform.db.types import utcnow
from app.receipts.invitation_sending import add_invitation_email, invitations_can_be_sent, queue_invitation_email
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.forms import AddMemberForm, ConfirmForm, InviteMemberForm, RoleForm


def _page(form: AddMemberForm | None = None, invite_form: InviteMemberForm | None = None, status: int = 200):
    members = list_members(current_user.merchant_id)
    role_forms = {m.id: RoleForm(formdata=None, role=m.role, prefix=m.id) for m in members}
    return render_template(
        "portal/team.html",
        members=members,
        form=form or AddMemberForm(formdata=None),
        invite_form=invite_form or InviteMemberForm(formdata=None, prefix="invite"),
        invitations=list_pending(current_user.merchant_id),
        resend_form=ConfirmForm(formdata=None),
        can_email=invitations_can_be_sent(),
        now=utcnow(),
        role_forms=role_forms,
        roles=ROLES,
        permissions=PERMISSIONS,
        grants=GRANTS,
    ), status


@bp.get("/team")
@permission_required("team.manage")
def team():
    return _page()


@bp.post("/team")
@permission_required("team.manage")
def team_add():
    form = AddMemberForm()
    if form.validate_on_submit():
        try:
            with audit("team.add", MerchantUser):
                user = add_member(
                    current_user.merchant_id,
                    email=form.email.data,
                    role=form.role.data,
                    temporary_password=form.temporary_password.data,
                )
        except KassaError as error:
            show_error(form, error)
        else:
            flash(
                f"Added {user.email} as {user.role}. Give them the temporary password; "
                "they choose their own at first sign-in."
            )
            return redirect(url_for("portal.team"))
    return _page(form, status=422)


def _send(invitation: TeamInvitation) -> None:
    """The invitation's email row joins its transaction; the job is queued once both are durable."""
    add_invitation_email(invitation)
    db.session.commit()
    queue_invitation_email(invitation.id)


@bp.post("/team/invitations")
@permission_required("team.manage")
def team_invite():
    form = InviteMemberForm(prefix="invite")
    if not invitations_can_be_sent():
        form.form_errors.append("Kassa cannot send email (no SMTP_HOST): add the user with a temporary password.")
    elif form.validate_on_submit():
        try:
            with audit("team_invitation.create", TeamInvitation):
                invitation = invite_member(
                    current_user.merchant_id, email=form.email.data, role=form.role.data, invited_by=current_user.email
                )
                _send(invitation)
        except KassaError as error:
            show_error(form, error)
        else:
            flash(f"Invitation sent to {invitation.email} ({invitation.role}). The link works for 7 days.")
            return redirect(url_for("portal.team"))
    return _page(invite_form=form, status=422)


@bp.post("/team/invitations/<invitation_id>/resend")
@permission_required("team.manage")
def team_invitation_resend(invitation_id: str):
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(url_for("portal.team"))
    try:
        with audit("team_invitation.resend", TeamInvitation):
            invitation = resend_invitation(current_user.merchant_id, invitation_id, invited_by=current_user.email)
            _send(invitation)
    except KassaError as error:
        db.session.rollback()
        flash(f"Not resent: {error.message}.", "error")
    else:
        flash(f"A new invitation was sent to {invitation.email}; the earlier link no longer works.")
    return redirect(url_for("portal.team"))


@bp.route("/team/invitations/<invitation_id>/revoke", methods=["GET", "POST"])
@permission_required("team.manage")
def team_invitation_revoke(invitation_id: str):
    invitation = get_invitation(current_user.merchant_id, invitation_id)  # another merchant's is a 404
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        with audit("team_invitation.revoke", TeamInvitation, invitation_id):
            email = revoke_invitation(current_user.merchant_id, invitation_id)
        flash(f"Revoked the invitation to {email}; its link no longer works.")
        return redirect(url_for("portal.team"))
    return render_template("portal/team_invitation_revoke.html", invitation=invitation, form=form)


@bp.post("/team/<user_id>/role")
@permission_required("team.manage")
def team_role(user_id: str):
    member = get_member(current_user.merchant_id, user_id)  # another merchant's user is a 404
    form = RoleForm(prefix=user_id)
    if not form.validate_on_submit():
        flash("Choose one of the roles.", "error")
        return redirect(url_for("portal.team"))
    try:
        with audit("team.role_change", MerchantUser, user_id):
            change_role(current_user.merchant_id, user_id, form.role.data)
    except KassaError as error:
        db.session.rollback()
        flash(f"{member.email} keeps the role {member.role}: {error.message}.", "error")
    else:
        flash(f"{member.email} is now {form.role.data}.")
    return redirect(url_for("portal.team"))


@bp.route("/team/<user_id>/remove", methods=["GET", "POST"])
@permission_required("team.manage")
def team_remove(user_id: str):
    member = get_member(current_user.merchant_id, user_id)
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        email = member.email
        try:
            with audit("team.remove", MerchantUser, user_id):
                remove_member(current_user.merchant_id, user_id, acting_user_id=current_user.id)
        except KassaError as error:
            show_error(form, error)
            return render_template("portal/team_remove.html", member=member, form=form), error.status
        flash(f"Removed {email}; their sessions ended.")
        return redirect(url_for("portal.team"))
    return render_template("portal/team_remove.html", member=member, form=form)
