"""Reconciliation in the portal (Books → Reconciliation): runs by day and channel, starting one, and the queue of
open discrepancies with a resolution a person chooses and explains (audited). Rules live in app/reconciliation."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.merchants.permissions import can
from app.payments.channels.registry import is_test_account
from app.platform.db.types import utcnow
from app.reconciliation import queries
from app.reconciliation import runs as run_service
from app.reconciliation.matching import DISPUTE_LINES
from app.reconciliation.models import KINDS, Discrepancy, ReconciliationRun
from app.reconciliation.resolving import RESOLUTIONS, check_resolution, fetch_dispute, mark_resolved, resolve_by_hand
from app.web.portal import bp
from app.web.portal.access import audit, permission_required
from app.web.portal.forms import ConfirmForm
from app.web.portal.mode_views import portal_livemode

PAGE_SIZE = 25
RUN_PAGE = 50  # a run's discrepancies shown at once
KIND_LABELS = {
    "missing_in_kassa": "Missing in Kassa",
    "missing_at_provider": "Missing at the provider",
    "amount_mismatch": "Amount differs",
    "status_mismatch": "Status differs",
    "duplicate": "Listed twice",
}


def _page(errors: dict | None = None, status: int = 200):
    merchant_id = current_user.merchant_id
    kind = request.args.get("kind") if request.args.get("kind") in KINDS else None
    state = request.args.get("status") if request.args.get("status") in ("open", "resolved") else "open"
    # The Test/Live switch shows what a key of that mode reads: in test, only statements of test money (test-only
    # channels', Stripe's under a test key); any other is about live money.
    livemode = portal_livemode()
    found_runs, _ = queries.list_runs(merchant_id, limit=10, livemode=livemode)
    queue, has_more = queries.list_discrepancies(
        merchant_id,
        status=state,
        kind=kind,
        limit=PAGE_SIZE,
        starting_after=request.args.get("after") or None,
        livemode=livemode,
    )
    args = {k: v for k, v in (("status", state), ("kind", kind)) if v}
    later = url_for("portal.reconciliation", after=queue[-1].id, **args) if has_more else None
    return render_template(
        "portal/reconciliation.html",
        runs=found_runs,
        queue=queue,
        kinds=KINDS,
        kind_labels=KIND_LABELS,
        kind=kind,
        state=state,
        later_url=later,
        channels=[code for code in run_service.statement_channels() if livemode or is_test_account(code, merchant_id)],
        today=utcnow().date().isoformat(),
        resolutions=RESOLUTIONS,
        errors=errors or {},
        values=request.form,
        form=ConfirmForm(),
        fetchable=fetchable,
        can_manage=can(current_user.role, "books.manage"),
    ), status


def fetchable(found: Discrepancy) -> bool:
    """Can asking the provider settle it? A dispute line Kassa has no dispute for, or whose closing it missed."""
    return (
        found.status == "open"
        and found.line_type in DISPUTE_LINES
        and found.kind in ("missing_in_kassa", "status_mismatch")
        and found.kassa_object is not None
    )


@bp.get("/reconciliation")
@permission_required("books.view")
def reconciliation():
    return _page()


@bp.post("/reconciliation/runs")
@permission_required("books.manage")
def reconciliation_run():
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; try again.")
    try:
        with audit("reconciliation_run.create", ReconciliationRun):
            run = run_service.start_run(
                current_user.merchant_id,
                request.form.get("channel"),
                request.form.get("date"),
                actor=f"portal:{current_user.email}",
                livemode=portal_livemode(),
            )
            db.session.commit()
    except KassaError as error:
        db.session.rollback()
        return _page({error.param or "run": error.message}, 422)
    flash(
        f"Reconciling {run.channel} for {run.day.isoformat()}: the run works in the background, and this page "
        "shows what it found when it is done."
    )
    return redirect(url_for("portal.reconciliation_detail", run_id=run.id))


@bp.get("/reconciliation/runs/<run_id>")
@permission_required("books.view")
def reconciliation_detail(run_id: str):
    try:
        run = queries.get_run(current_user.merchant_id, run_id, livemode=portal_livemode())
    except KassaError:
        abort(404)
    after = request.args.get("starting_after") or None
    found, has_more = queries.list_run_discrepancies(
        current_user.merchant_id, run.id, limit=RUN_PAGE, starting_after=after, livemode=portal_livemode()
    )
    older = (
        url_for("portal.reconciliation_detail", run_id=run.id, starting_after=found[-1].id, _anchor="found-title")
        if has_more
        else None
    )
    newest = url_for("portal.reconciliation_detail", run_id=run.id, _anchor="found-title") if after else None
    return render_template(
        "portal/reconciliation_run.html",
        run=run,
        found=found,
        kinds=KINDS,
        kind_labels=KIND_LABELS,
        older_url=older,
        newest_url=newest,
        page_size=RUN_PAGE,
        total=queries.count_discrepancies(current_user.merchant_id, run_id=run.id, livemode=portal_livemode()),
    )


# GET shows the confirmation too (a reload of it, or a browser without JavaScript following a link to it): nothing
# is resolved until a POST says confirmed=yes.
@bp.route("/reconciliation/discrepancies/<discrepancy_id>/resolve", methods=["GET", "POST"])
@permission_required("books.manage")
def reconciliation_resolve(discrepancy_id: str):
    if request.method == "POST" and not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; try again.")
    try:
        found = queries.get_discrepancy(current_user.merchant_id, discrepancy_id)
    except KassaError:
        abort(404)
    if request.method == "GET":
        if found.status != "open":
            flash("That discrepancy is already resolved.", "error")
            return redirect(url_for("portal.reconciliation", status="resolved"))
        return _resolve_page(found)
    resolution, note = request.form.get("resolution"), request.form.get("note")
    try:
        if request.form.get("confirmed") != "yes":
            # Step 1: what was chosen, checked, and asked again; nothing changes until it is confirmed.
            check_resolution(current_user.merchant_id, discrepancy_id, resolution, note)
            return _resolve_page(found)
        with audit("discrepancy.resolve", Discrepancy, discrepancy_id):
            resolve_by_hand(
                current_user.merchant_id, discrepancy_id, resolution, note, actor=f"portal:{current_user.email}"
            )
            db.session.commit()
    except KassaError as error:
        db.session.rollback()
        message = error.message[:1].upper() + error.message[1:]
        if error.param in ("resolution", "note") and request.form.get("confirmed") == "yes":
            return _resolve_page(found, {error.param: message}, 422)
        # A bad note is shown at its form; anything else (resolved meanwhile) above the queue.
        return _page({discrepancy_id if error.param in ("resolution", "note") else "queue": message}, 422)
    flash("Resolved. It stays in the day's history with your note.")
    return redirect(url_for("portal.reconciliation"))


def _resolve_page(found: Discrepancy, errors: dict | None = None, status: int = 200):
    return render_template(
        "portal/discrepancy_resolve.html",
        d=found,
        kind_labels=KIND_LABELS,
        resolutions=RESOLUTIONS,
        values=request.form,
        errors=errors or {},
        form=ConfirmForm(),
    ), status


@bp.post("/reconciliation/discrepancies/<discrepancy_id>/fetch")
@permission_required("books.manage")
def reconciliation_fetch(discrepancy_id: str):
    """Fetch the dispute a line names from the provider (its callback was lost, or the run could not reach the
    provider) and apply it; resolved when Kassa then agrees with the line."""
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; try again.")
    try:
        found = queries.get_discrepancy(current_user.merchant_id, discrepancy_id)
    except KassaError:
        abort(404)
    if not fetchable(found):
        return _page(
            {
                "queue": "Only an open dispute line Kassa lacks or has not closed can be fetched from the "
                "provider; resolve this one with a note."
            },
            422,
        )
    actor = f"portal:{current_user.email}"
    note = fetch_dispute(found)
    if note is None:
        return _page(
            {
                discrepancy_id: "The provider could not be asked, or what it says still differs from the "
                "line: try again later, or resolve it with a note."
            },
            422,
        )
    with audit("discrepancy.resolve", Discrepancy, discrepancy_id):
        resolved = mark_resolved(discrepancy_id, "corrected", note, actor=actor)
        db.session.commit()
    flash("Fetched from the provider: Kassa now has the dispute." if resolved else "It was resolved meanwhile.")
    return redirect(url_for("portal.reconciliation"))
