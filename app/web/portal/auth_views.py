"""Signing in and out, session checks, login rate limits and the user's own password."""

from __future__ import annotations

import hashlib

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user

from app.audit.sentences import SIGN_IN, SIGN_IN_FAILED, SIGN_OUT
from app.audit.services import AuditActor, record_access
from app.errors import KassaError
from app.extensions import db, limiter, login_manager
from app.merchants.models import MerchantUser
from app.merchants.permissions import can
from app.merchants.services import MIN_PASSWORD_LENGTH, authenticate_user, change_password, end_sessions, user_by_email
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, safe_next, show_error
from app.web.portal.forms import LoginForm, PasswordForm
from app.web.portal.navigation import visible_nav

# Pages a user with a temporary password may still open.
_TEMPORARY_PASSWORD_ALLOWED = frozenset({"portal.password", "portal.logout", "portal.login"})


@login_manager.user_loader
def load_user(session_id: str) -> MerchantUser | None:
    """The user of a session, unless removed or signed out since (sign-out or a password change bump the version)."""
    user_id, _, version = session_id.partition(":")
    user = db.session.get(MerchantUser, user_id)
    if user is None or str(user.session_version) != version:
        return None
    return user


@bp.context_processor
def _portal_context() -> dict:
    role = current_user.role if current_user.is_authenticated else None
    # ``may("orders.maintain")``: templates show a control only to roles that may use it.
    return {"nav_items": visible_nav(role), "may": lambda permission: can(role, permission)}


@bp.before_request
def _require_own_password():
    """A temporary password given by an owner must be replaced before anything else."""
    if (
        current_user.is_authenticated
        and current_user.password_temporary
        and request.endpoint not in _TEMPORARY_PASSWORD_ALLOWED
    ):
        flash("Choose your own password before you continue.")
        return redirect(url_for("portal.password"))
    return None


@bp.errorhandler(429)
def _too_many_attempts(error):
    response = render_template("portal/rate_limited.html", message=error.description), 429
    return response


def _login_key() -> str:
    # One counter per (client address, email): a guesser from elsewhere cannot lock the real user out.
    email = (request.form.get("email") or "").strip().lower()
    return f"{get_remote_address()}:{hashlib.sha256(email.encode()).hexdigest()[:32]}"


def _sign_in_failed(response) -> bool:
    return response.status_code == 422  # wrong credentials or an invalid form; success is a redirect


_LOCKED_OUT = (
    "Too many failed sign-in attempts. For your security, signing in with this email from "
    "your network is paused for a while. Wait 15 minutes and try again, or sign in from "
    "another network."
)


def _record(user: MerchantUser, action: str) -> None:
    record_access(
        AuditActor(
            merchant_id=user.merchant_id, user_id=user.id, email=user.email, role=user.role, ip=request.remote_addr
        ),
        action,
    )


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    lambda: current_app.config["LOGIN_RATE_LIMIT"],
    key_func=_login_key,
    methods=["POST"],
    deduct_when=_sign_in_failed,
    error_message=_LOCKED_OUT,
)
@limiter.limit(
    lambda: current_app.config["LOGIN_IP_RATE_LIMIT"],
    key_func=get_remote_address,
    methods=["POST"],
    deduct_when=_sign_in_failed,
    error_message=_LOCKED_OUT,
)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("portal.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate_user(form.email.data, form.password.data)
        if user is not None:
            # The dashboard first: the day's figures, then where to go from there.
            target = safe_next(request.args.get("next"), default="portal.dashboard")
            session.clear()  # nothing from before the sign-in survives it
            _record(user, SIGN_IN)
            login_user(user)
            session.permanent = True  # ends after PERMANENT_SESSION_LIFETIME
            if user.password_temporary:
                return redirect(url_for("portal.password"))
            return redirect(target)
        # Only a known user's failures can be recorded: the log belongs to their merchant.
        if (known := user_by_email(form.email.data)) is not None:
            _record(known, SIGN_IN_FAILED)
        form.password.errors.append("Email or password is incorrect.")
    return render_template("portal/login.html", form=form), 200 if request.method == "GET" else 422


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        _record(current_user, SIGN_OUT)
        # The session cookie is signed, not stored: only a new version on the user makes a copy of it invalid.
        end_sessions(current_user.id)
        logout_user()
    session.clear()
    flash("You are signed out.")
    return redirect(url_for("portal.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@permission_required("account.manage")
def password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            with audit("user.password_change", MerchantUser, current_user.id):
                user = change_password(
                    current_user.id, current_password=form.current_password.data, new_password=form.new_password.data
                )
        except KassaError as error:
            show_error(form, error)
        else:
            login_user(user)  # this session carries the new session version; the others end
            flash("Your password was changed. Other sessions were signed out.")
            return redirect(url_for("portal.orders"))
    status = 422 if request.method == "POST" else 200
    return render_template("portal/password.html", form=form, min_length=MIN_PASSWORD_LENGTH), status
