"""Portal views: sign in and out, and the orders list."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from urllib.parse import urlsplit

from app.extensions import db, login_manager
from app.merchants.models import Merchant, MerchantUser
from app.merchants.services import authenticate_user
from app.orders.services import list_orders
from app.orders.state import STATUSES
from app.web.portal import bp
from app.web.portal.forms import LoginForm


@login_manager.user_loader
def load_user(user_id: str) -> MerchantUser | None:
    return db.session.get(MerchantUser, user_id)


def _safe_next(target: str | None) -> str:
    """Only same-site relative paths: an open redirect after login is a phishing tool."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("portal.orders")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("portal.orders"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate_user(form.email.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("Email or password is incorrect.")
    return render_template("portal/login.html", form=form), 200 if request.method == "GET" or form.errors == {} else 422


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash("You are signed out.")
    return redirect(url_for("portal.login"))


@bp.get("/")
@login_required
def orders():
    status = request.args.get("status") or None
    if status not in (None, *STATUSES):
        status = None
    rows, has_more = list_orders(current_user.merchant_id, status=status, limit=50,
                                 starting_after=request.args.get("starting_after") or None)
    merchant = db.session.get(Merchant, current_user.merchant_id)
    return render_template("portal/orders.html", orders=rows, has_more=has_more, status=status,
                           statuses=STATUSES, merchant=merchant)
