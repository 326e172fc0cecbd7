"""Disputes (chargebacks) in the portal: the filtered list, and the dispute page where the merchant sends its
evidence (checked, confirmed, then forwarded to the provider). The rules live in app/payments/disputes/services.py."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import KassaError
from app.payments.disputes.services import check_evidence, get_dispute, list_disputes, submit_evidence
from app.payments.models import DISPUTE_STATUSES, Dispute
from app.platform.db.snapshot import read_one_snapshot
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.mode_views import portal_livemode
from app.web.portal.payment_forms import DisputeEvidenceForm

PAGE_SIZE = 25


@bp.get("/disputes")
@permission_required("orders.refund")
def disputes():
    status = request.args.get("status") or None
    if status not in (None, *DISPUTE_STATUSES):
        status = None
    found, has_more = list_disputes(
        current_user.merchant_id,
        livemode=portal_livemode(),
        status=status,
        limit=PAGE_SIZE,
        starting_after=request.args.get("starting_after") or None,
    )
    args = {"status": status} if status else {}
    older = url_for("portal.disputes", starting_after=found[-1].id, **args) if has_more else None
    return render_template(
        "portal/disputes.html",
        disputes=found,
        statuses=DISPUTE_STATUSES,
        status=status,
        filtered=bool(args),
        older_url=older,
    )


def _dispute_page(dispute_id: str, form: DisputeEvidenceForm | None = None, status: int = 200):
    dispute = get_dispute(current_user.merchant_id, dispute_id, livemode=portal_livemode())
    return render_template(
        "portal/dispute.html", dispute=dispute, form=form or DisputeEvidenceForm(formdata=None)
    ), status


@bp.get("/disputes/<dispute_id>")
@permission_required("orders.refund")
def disputes_detail(dispute_id: str):
    read_one_snapshot()
    return _dispute_page(dispute_id)


@bp.post("/disputes/<dispute_id>/evidence")
@permission_required("orders.refund")
def disputes_evidence(dispute_id: str):
    dispute = get_dispute(current_user.merchant_id, dispute_id, livemode=portal_livemode())
    form = DisputeEvidenceForm()
    if not form.validate_on_submit():
        return _dispute_page(dispute_id, form, 422)
    try:
        text = check_evidence(dispute, form.text.data)
        if form.confirmed.data != "yes":
            # Step 1: checked; the merchant reads it once more before it goes (the provider takes one answer).
            return render_template("portal/dispute_confirm.html", dispute=dispute, form=form, text=text)
        with audit("dispute.evidence", Dispute, dispute_id):
            submit_evidence(
                current_user.merchant_id,
                dispute_id,
                text,
                livemode=portal_livemode(),
                actor=f"portal:{current_user.email}"[:60],
            )
    except KassaError as error:
        show_error(form, error)
        return _dispute_page(dispute_id, form, error.status)
    flash("The evidence was sent: the dispute is under review by the shopper's bank.")
    return redirect(url_for("portal.disputes_detail", dispute_id=dispute_id))
