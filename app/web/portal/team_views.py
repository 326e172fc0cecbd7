"""Team: add users with a role and a temporary password, change roles, remove users (owners only)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.merchants.models import MerchantUser
from app.merchants.permissions import GRANTS, PERMISSIONS, ROLES
from app.merchants.team import add_member, change_role, get_member, list_members, remove_member
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.forms import AddMemberForm, ConfirmForm, RoleForm


def _page(form: AddMemberForm, status: int = 200):
    members = list_members(current_user.merchant_id)
    role_forms = {m.id: RoleForm(formdata=None, role=m.role, prefix=m.id) for m in members}
    return render_template(
        "portal/team.html",
        members=members,
        form=form,
        role_forms=role_forms,
        roles=ROLES,
        permissions=PERMISSIONS,
        grants=GRANTS,
    ), status


@bp.get("/team")
@permission_required("team.manage")
def team():
    return _page(AddMemberForm(formdata=None))


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
    return _page(form, 422)


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
