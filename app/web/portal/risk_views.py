"""Risk in the portal: the review queue (approve or reject held orders), the block/allow/review lists
and the rules. Every change is audited; deleting asks for confirmation first. The page shows, and changes, the
lists and rules of the mode the portal is in (app/web/portal/mode_views.py): each mode has its own."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import InvalidRequest, KassaError, NotFound
from app.extensions import db
from app.merchants.business_lines import list_lines
from app.merchants.models import Merchant
from app.merchants.settings import update_rate_limits
from app.orders.models import Order
from app.orders.recent_orders import RecentOrders
from app.orders.review import review_queue
from app.orders.services import get_order
from app.payments.refunds.requests import decide_refund_request, refund_request_of, refund_requests_waiting
from app.payments.refunds.reviews import review_order
from app.platform.values.money import ambiguous_comma, normalise_currency, parse_major
from app.risk import lists, rules
from app.risk.models import RefundRequest, RiskListEntry, RiskRule
from app.risk.preview import preview_rule
from app.risk.review import update_review_expiry
from app.web.portal import bp
from app.web.portal.access import audit, permission_required
from app.web.portal.forms import ConfirmForm, whole_number
from app.web.portal.mode_views import portal_livemode
from app.web.rate_limits import forget_budgets

PAGE_SIZE = 50


def _checked() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; try again.")


def _page(errors: dict | None = None, status: int = 200):
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    kind = request.args.get("kind") if request.args.get("kind") in lists.KINDS else None
    q = (request.args.get("q") or "").strip()[:320]
    try:
        entries, has_more = lists.list_entries(
            merchant_id,
            livemode=livemode,
            kind=kind,
            value=q or None,
            limit=PAGE_SIZE,
            starting_after=request.args.get("after"),
        )
    except KassaError:
        entries, has_more = [], False
    return render_template(
        "portal/risk.html",
        queue=review_queue(merchant_id, livemode=livemode),
        refund_requests=refund_requests_waiting(merchant_id, livemode=livemode),
        entries=entries,
        has_more=has_more,
        rules=rules.rules_of(merchant_id, livemode=livemode),
        kind=kind,
        q=q,
        kinds=lists.KINDS,
        form=ConfirmForm(),
        errors=errors or {},
        values=request.form,
        merchant=db.session.get(Merchant, merchant_id),
        # A rule may be limited to one line's orders: the form offers the active lines, the list names any line.
        business_lines={line.id: line for line in list_lines(merchant_id)},
    ), status


def _message(error: KassaError) -> str:
    return error.message[:1].upper() + error.message[1:] + ("" if error.message.endswith(".") else ".")


@bp.get("/risk")
@permission_required("risk.manage")
def risk():
    return _page()


@bp.post("/risk/list_entries")
@permission_required("risk.manage")
def risk_list_add():
    _checked()
    body = {k: request.form.get(k) or None for k in ("kind", "value", "action", "note")}
    try:
        with audit("risk.list_entry.add", RiskListEntry):
            entry = lists.add_entry(current_user.merchant_id, body, livemode=portal_livemode())
    except KassaError as error:
        return _page({"entry": _message(error)}, 422)
    flash(f"Added {entry.kind} {entry.value} to the {_mode(entry.livemode)} {entry.action} list.")
    return redirect(url_for("portal.risk"))


@bp.route("/risk/list_entries/<entry_id>/delete", methods=["GET", "POST"])
@permission_required("risk.manage")
def risk_list_delete(entry_id: str):
    entry = _entry_or_404(entry_id)
    if request.method == "GET":
        return render_template("portal/risk_delete.html", entry=entry, form=ConfirmForm())
    _checked()
    with audit("risk.list_entry.delete", RiskListEntry, entry_id):
        lists.delete_entry(current_user.merchant_id, entry_id, livemode=entry.livemode)
    flash(f"Removed {entry.kind} {entry.value} from the {_mode(entry.livemode)} {entry.action} list.")
    return redirect(url_for("portal.risk"))


def _mode(livemode: bool) -> str:
    return "live" if livemode else "test"


def _entry_or_404(entry_id: str) -> RiskListEntry:
    """The entry, in the mode the portal shows: the other mode's is not on this page, so it is a 404."""
    try:
        return lists.entry_of(current_user.merchant_id, entry_id, livemode=portal_livemode())
    except NotFound:
        abort(404, description=f"There is no such list entry in {_mode(portal_livemode())} mode.")


def _int(name: str) -> int | str | None:
    raw = (request.form.get(name) or "").strip()
    return whole_number(raw) if raw else None


@bp.get("/risk/refund-requests/<request_id>/<decision>")
@permission_required("risk.manage")
def risk_refund_request_again(request_id: str, decision: str):
    """A refund request's confirmation reloaded, or come back to: the queue it is decided from (not a bare 405).
    Another merchant's request is a 404, as everywhere."""
    if decision not in ("approve", "deny") or not _request_exists(
        current_user.merchant_id, request_id, portal_livemode()
    ):
        abort(404)
    return redirect(url_for("portal.risk"))


@bp.post("/risk/refund-requests/<request_id>/<decision>")
@permission_required("risk.manage")
def risk_refund_request_decide(request_id: str, decision: str):
    _checked()
    if decision not in ("approve", "deny"):
        abort(404)
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    waiting = {r.id: (r, o) for r, o in refund_requests_waiting(merchant_id, livemode=livemode, limit=1000)}
    if request_id not in waiting and not _request_exists(merchant_id, request_id, livemode):
        abort(404)
    if request.form.get("confirmed") != "yes":
        held, order = waiting.get(request_id, (None, None))
        if held is None:
            flash("That refund request was already decided.", "error")
            return redirect(url_for("portal.risk"))
        return render_template(
            "portal/refund_request_confirm.html", held=held, order=order, decision=decision, form=ConfirmForm()
        )
    try:
        with audit(f"refund_request.{decision}", RefundRequest, request_id):
            decided = decide_refund_request(
                merchant_id, request_id, decision, actor=f"portal:{current_user.email}"[:60], livemode=livemode
            )
    except KassaError as error:
        db.session.rollback()
        flash(f"Nothing changed: {error.message}.", "error")
    else:
        flash(
            f"Refund request {decided.id} {decided.status}"
            + (f": refund {decided.refund_id}." if decided.refund_id else ".")
        )
    return redirect(url_for("portal.risk"))


def _request_exists(merchant_id: str, request_id: str, livemode: bool) -> bool:
    return refund_request_of(merchant_id, request_id, livemode=livemode) is not None


@bp.post("/risk/rate-limits")
@permission_required("risk.manage")
def risk_rate_limits():
    _checked()
    try:
        with audit("risk.rate_limits", Merchant, current_user.merchant_id):
            update_rate_limits(
                current_user.merchant_id,
                api_per_minute=_int("rate_limit_api_per_minute"),
                order_create_per_minute=_int("rate_limit_order_create_per_minute"),
                ceiling=current_app.config["RATE_LIMIT_MERCHANT_CEILING_PER_MINUTE"],
            )
            db.session.commit()
    except KassaError as error:
        db.session.rollback()
        return _page({"rate_limits": _message(error)}, 422)
    forget_budgets()
    flash("Saved your rate limits; every server uses them within half a minute.")
    return redirect(url_for("portal.risk"))


@bp.post("/risk/review-expiry")
@permission_required("risk.manage")
def risk_review_expiry():
    _checked()
    hours = _int("review_expiry_hours")
    try:
        with audit("risk.review_expiry", Merchant, current_user.merchant_id):
            update_review_expiry(
                current_user.merchant_id, hours=hours, decision=request.form.get("review_expiry_decision")
            )
            db.session.commit()
    except KassaError as error:
        db.session.rollback()
        return _page({"expiry": _message(error)}, 422)
    flash("Saved: held orders " + (f"are decided after {hours} hours." if hours else "wait for your decision."))
    return redirect(url_for("portal.risk"))


def _rule_form() -> tuple[str | None, dict]:
    """The rule form's kind and parameters as the rules service takes them."""
    kind = request.form.get("kind")
    params = {"by": request.form.get("by"), "window_seconds": _int("window_minutes"), "max_count": _int("max_count")}
    if isinstance(params["window_seconds"], int):
        params["window_seconds"] *= 60
    params = {k: v for k, v in params.items() if v is not None} | _amount_limit()
    if request.form.get("applies_to") not in (None, "", "orders"):
        params["applies_to"] = request.form["applies_to"]
    if kind == "currency_country_mismatch":
        # "usd: US, CA; eur: DE" → {"usd": ["US", "CA"], "eur": ["DE"]}; the service checks every code.
        pairs = [p.split(":", 1) for p in (request.form.get("countries") or "").split(";") if p.strip()]
        params = {
            "currencies": {
                c.strip(): [x.strip() for x in rest.split(",") if x.strip()]
                for c, rest in (p if len(p) == 2 else (p[0], "") for p in pairs)
            }
        }
    if request.form.get("business_line"):
        params["business_line"] = request.form["business_line"]
    return kind, params


def _amount_limit() -> dict:
    """The form's amount as the rule's max_amount and currency: typed in the currency's own units ("10000" yen,
    "1.500" dinars), since a number of minor units means ¥10,000 or 10.000 KWD or $100.00 depending on it."""
    typed = (request.form.get("max_amount") or "").strip()
    if not typed:
        return {}
    currency = (request.form.get("currency") or "").strip()
    try:
        currency = normalise_currency(currency)
    except ValueError:
        raise InvalidRequest(
            "Name the currency of the amount, e.g. usd, jpy or kwd: the rule applies to orders in it",
            param="params.currency",
        ) from None
    try:
        return {"max_amount": parse_major(typed, currency), "currency": currency}
    except ValueError:
        raise InvalidRequest(
            ambiguous_comma(typed)
            or f"Enter the amount in {currency.upper()}, e.g. {'10000' if currency == 'jpy' else '100.00'}",
            param="params.max_amount",
        ) from None


@bp.post("/risk/rules")
@permission_required("risk.manage")
def risk_rule_add():
    _checked()
    try:
        kind, params = _rule_form()
    except KassaError as error:
        return _page({"rule": _message(error)}, 422)
    if request.form.get("preview"):
        # "Try on the last 30 days": replay the rule, save nothing, show the result above the form.
        try:
            line = rules.line_named(current_user.merchant_id, params)
            tried = preview_rule(
                {"kind": kind, "params": params, "action": request.form.get("action")},
                RecentOrders(current_user.merchant_id, livemode=portal_livemode(), business_line=line),
            )
        except KassaError as error:
            return _page({"rule": _message(error)}, 422)
        return _page({"preview": tried})
    try:
        with audit("risk.rule.add", RiskRule):
            rules.create_rule(
                current_user.merchant_id,
                {"kind": kind, "params": params, "action": request.form.get("action")},
                livemode=portal_livemode(),
            )
    except KassaError as error:
        return _page({"rule": _message(error)}, 422)
    flash(f"Rule added: it applies to the next {_mode(portal_livemode())} order.")
    return redirect(url_for("portal.risk"))


@bp.post("/risk/rules/<rule_id>/toggle")
@permission_required("risk.manage")
def risk_rule_toggle(rule_id: str):
    _checked()
    merchant_id = current_user.merchant_id
    rule = _rule_or_404(rule_id)
    # The button names the state it asks for ("on" or empty): a page shown before a teammate's change must not
    # flip the rule back (its Pause resumed a rule paused meanwhile).
    wanted = request.form.get("enabled")
    if wanted not in ("on", ""):
        abort(400, description="Send enabled=on to resume the rule, or an empty enabled to pause it.")
    enabled = wanted == "on"
    if rule.enabled == enabled:
        flash(f"Rule already {'on' if enabled else 'paused'}.")
        return redirect(url_for("portal.risk"))
    with audit("risk.rule.update", RiskRule, rule_id):
        rules.update_rule(merchant_id, rule_id, {"enabled": enabled}, livemode=rule.livemode)
    flash(f"Rule {'resumed' if enabled else 'paused'}.")
    return redirect(url_for("portal.risk"))


@bp.route("/risk/rules/<rule_id>/delete", methods=["GET", "POST"])
@permission_required("risk.manage")
def risk_rule_delete(rule_id: str):
    rule = _rule_or_404(rule_id)
    if request.method == "GET":
        return render_template("portal/risk_delete.html", rule=rule, form=ConfirmForm())
    _checked()
    with audit("risk.rule.delete", RiskRule, rule_id):
        rules.delete_rule(current_user.merchant_id, rule_id, livemode=rule.livemode)
    flash(f"Rule deleted: it no longer applies to {_mode(rule.livemode)} orders.")
    return redirect(url_for("portal.risk"))


def _rule_or_404(rule_id: str) -> RiskRule:
    """The rule, in the mode the portal shows: the other mode's is a 404."""
    try:
        return rules.get_rule(current_user.merchant_id, rule_id, livemode=portal_livemode())
    except KassaError:
        abort(404, description=f"There is no such rule in {_mode(portal_livemode())} mode.")


@bp.post("/orders/<order_id>/review")
@permission_required("risk.manage")
def orders_review(order_id: str):
    _checked()
    decision = request.form.get("decision")
    if decision == "reject" and request.form.get("confirmed") != "yes":
        # Rejecting refunds the whole order, which cannot be undone: the owner says so twice, as for a refund.
        try:
            order = get_order(current_user.merchant_id, order_id, livemode=portal_livemode())
        except NotFound:
            abort(404, description="There is no such order.")
        return render_template("portal/review_reject_confirm.html", order=order, form=ConfirmForm())
    try:
        with audit(f"order.review_{decision if decision in ('approve', 'reject') else 'decide'}", Order, order_id):
            review_order(
                current_user.merchant_id, order_id, decision, actor=current_user.email, livemode=portal_livemode()
            )
    except NotFound:
        abort(404, description="There is no such order.")
    except KassaError as error:
        flash(_message(error), "error")
        return redirect(url_for("portal.orders_detail", order_id=order_id))
    flash(
        "Approved: the order is being fulfilled."
        if decision == "approve"
        else "Rejected: the order is refunded in full."
    )
    return redirect(url_for("portal.orders_detail", order_id=order_id))
