"""Subscriptions in the portal: the filtered list, the contract page (renewals with every deduction try,
mandate, timeline, findings), cancel / pause / resume with a confirmation step, the dunning settings, and
test clocks (test mode only). Every rule lives in app/signing; these views only ask and show."""

from __future__ import annotations

from datetime import datetime, timezone

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.catalog.products import skus_named
from app.errors import KassaError
from app.extensions import db
from app.merchants.business_lines import list_lines
from app.merchants.models import Merchant
from app.merchants.permissions import can
from app.orders.models import Order
from app.payments.representation import payments_for_order
from app.platform.db.snapshot import read_one_snapshot
from app.signing import changes, test_clocks
from app.signing.contracts import get_subscription, list_subscriptions
from app.signing.models import Subscription, TestClock
from app.signing.renewals import dunning
from app.signing.state import STATUSES
from app.signing.terms import terms_text
from app.signing.trials import set_repeat_trials
from app.web.portal import bp
from app.web.portal.access import audit, permission_required
from app.web.portal.mode_views import portal_livemode
from app.web.portal.settings_views import settings_page

PAGE_SIZE = 25

# What each action does, in the words the confirmation page uses.
ACTIONS = {
    "cancel": (
        "Cancel now",
        "The subscription ends now: no renewal is charged, a renewal still being tried is "
        "stopped, and the customer keeps what they already paid for.",
    ),
    "cancel_at_period_end": (
        "Cancel at period end",
        "The subscription runs to the end of the paid period and is not renewed.",
    ),
    "pause": ("Pause", "No renewal is charged until you resume; the paid period runs to its end."),
    "resume": (
        "Resume",
        "Renewals start again: at the end of the paid period, or at once (a new period) if the pause outlasted it.",
    ),
}


@bp.get("/subscriptions")
@permission_required("orders.view")
def subscriptions():
    status = request.args.get("status") or None
    if status not in (None, *STATUSES):
        status = None
    query = (request.args.get("q") or "").strip() or None
    # The select offers the merchant's lines (shown only when it has some); any other value filters nothing.
    lines = {line.id: line for line in list_lines(current_user.merchant_id)}
    line = request.args.get("business_line") or None
    if line not in (None, *lines):
        line = None
    subs, has_more = list_subscriptions(
        current_user.merchant_id,
        livemode=portal_livemode(),
        status=status,
        search=query,
        limit=PAGE_SIZE,
        starting_after=request.args.get("starting_after") or None,
        business_line=line,
    )
    args = {k: v for k, v in (("status", status), ("q", query), ("business_line", line)) if v}
    older = url_for("portal.subscriptions", starting_after=subs[-1].id, **args) if has_more else None
    return render_template(
        "portal/subscriptions.html",
        subscriptions=subs,
        statuses=STATUSES,
        status=status,
        q=query or "",
        business_lines=lines,
        business_line=line,
        filtered=bool(args),
        older_url=older,
        terms_text=terms_text,
        skus=skus_named(current_user.merchant_id, [s.sku_id for s in subs]),
        livemode=portal_livemode(),
        can_manage=can(current_user.role, "subscriptions.manage"),
    )


def _contract(subscription_id: str) -> Subscription:
    return get_subscription(current_user.merchant_id, subscription_id, livemode=portal_livemode())


@bp.get("/subscriptions/<subscription_id>")
@permission_required("orders.view")
def subscriptions_detail(subscription_id: str):
    read_one_snapshot()  # the contract, its renewals and their tries as at one moment, whatever renews meanwhile
    sub = _contract(subscription_id)
    tries = {r.order_id: payments_for_order(r.order_id) for r in sub.renewals if r.order_id}
    first_order = db.session.get(Order, sub.first_order_id)
    return render_template(
        "portal/subscription.html",
        sub=sub,
        tries=tries,
        first_order=first_order,
        terms_text=terms_text,
        actions=ACTIONS,
        skus=skus_named(current_user.merchant_id, [sub.sku_id, sub.next_sku_id or sub.sku_id]),
        can_manage=can(current_user.role, "subscriptions.manage"),
    )


def _perform(sub: Subscription, action: str, actor: str) -> Subscription:
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    if action in ("cancel", "cancel_at_period_end"):
        return changes.cancel(
            merchant_id, sub.id, at_period_end=action == "cancel_at_period_end", livemode=livemode, actor=actor
        )
    return getattr(changes, action)(merchant_id, sub.id, livemode=livemode, actor=actor)


# GET shows the confirmation too: a reload of it, or the back button to it, asks again instead of a bare 405.
@bp.route("/subscriptions/<subscription_id>/<action>", methods=["GET", "POST"])
@permission_required("subscriptions.manage")
def subscriptions_action(subscription_id: str, action: str):
    sub = _contract(subscription_id)
    if action not in ACTIONS:
        abort(404)
    if request.method == "GET" or request.form.get("confirmed") != "yes":
        # Step 1: say what will happen; nothing changes until the user confirms.
        label, effect = ACTIONS[action]
        return render_template(
            "portal/subscription_confirm.html",
            sub=sub,
            action=action,
            label=label,
            effect=effect,
            terms_text=terms_text,
        )
    try:
        with audit(f"subscription.{action}", Subscription, sub.id):
            _perform(sub, action, f"portal:{current_user.email}"[:60])
    except KassaError as error:
        db.session.rollback()
        flash(f"Nothing changed: {error.message}.", "error")
    else:
        flash(f"{ACTIONS[action][0]}: done.")
    return redirect(url_for("portal.subscriptions_detail", subscription_id=sub.id))


# --- dunning settings (on the settings page) -------------------------------------------------------------


@bp.post("/settings/subscriptions")
@permission_required("settings.manage")
def settings_subscriptions():
    merchant_id = current_user.merchant_id
    form = request.form
    try:
        notice = int(form.get("renewal_notice_days", "").strip())
    except ValueError:
        notice = form.get("renewal_notice_days")
    try:
        with audit("settings.subscriptions", Merchant, merchant_id):
            dunning.update_dunning(
                merchant_id,
                retry_days=form.get("dunning_retry_days", ""),
                final_action=form.get("dunning_final_action"),
                notice_days=notice,
                emails=form.get("subscription_emails") == "on",
            )
            set_repeat_trials(merchant_id, form.get("repeat_trials") == "on")
            db.session.commit()
    except KassaError as error:
        db.session.rollback()
        return settings_page(
            422, subscriptions_error={"param": error.param, "message": error.message}, subscriptions_values=dict(form)
        )
    flash("Saved the subscription settings.")
    return redirect(url_for("portal.settings") + "#subscriptions-title")


# --- test clocks ---------------------------------------------------------------------------------------


def _test_mode_only() -> None:
    if portal_livemode():
        abort(404, description="Test clocks exist in test mode only: switch the portal to test mode.")


def _clock(clock_id: str) -> TestClock:
    _test_mode_only()
    return test_clocks.get_clock(current_user.merchant_id, clock_id)


@bp.get("/test-clocks")
@permission_required("subscriptions.manage")
def test_clocks_index():
    _test_mode_only()
    clocks, _ = test_clocks.list_clocks(current_user.merchant_id, limit=50)
    on_clock = {
        c.id: db.session.query(Subscription).filter_by(test_clock_id=c.id).order_by(Subscription.id).all()
        for c in clocks
    }
    return render_template("portal/test_clocks.html", clocks=clocks, on_clock=on_clock, terms_text=terms_text)


def _form_time(name: str) -> int | str:
    """A datetime-local input (UTC) as unix seconds, or the raw text for the service to refuse."""
    raw = (request.form.get(name) or "").strip()
    try:
        return int(datetime.fromisoformat(raw).replace(tzinfo=timezone.utc).timestamp())
    except ValueError:
        return raw


@bp.post("/test-clocks")
@permission_required("subscriptions.manage")
def test_clocks_create():
    _test_mode_only()
    try:
        with audit("test_clock.create", TestClock):
            clock = test_clocks.create_clock(
                current_user.merchant_id, frozen_time=_form_time("frozen_time"), livemode=False
            )
    except KassaError as error:
        db.session.rollback()
        flash(f"No clock was made: {error.message}.", "error")
    else:
        flash(f"Made test clock {clock.id}. Open subscriptions on it with the API (test_clock).")
    return redirect(url_for("portal.test_clocks_index"))


@bp.post("/test-clocks/<clock_id>/advance")
@permission_required("subscriptions.manage")
def test_clocks_advance(clock_id: str):
    clock = _clock(clock_id)
    try:
        with audit("test_clock.advance", TestClock, clock.id):
            test_clocks.advance(current_user.merchant_id, clock.id, to=_form_time("to"), livemode=False)
    except KassaError as error:
        db.session.rollback()
        flash(f"The clock did not move: {error.message}.", "error")
    else:
        flash("The clock is advancing: renewals and dunning tries that fall due run now.")
    return redirect(url_for("portal.test_clocks_detail", clock_id=clock.id))


@bp.get("/test-clocks/<clock_id>")
@permission_required("subscriptions.manage")
def test_clocks_detail(clock_id: str):
    clock = _clock(clock_id)
    subs = db.session.query(Subscription).filter_by(test_clock_id=clock.id).order_by(Subscription.id).all()
    return render_template("portal/test_clock.html", clock=clock, subscriptions=subs, terms_text=terms_text)
