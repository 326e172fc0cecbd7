"""Disputes (chargebacks) of the merchant's captured payments: list, read, answer with evidence. Secret key only."""

from __future__ import annotations

from flask import jsonify, request

from app.payments.disputes.services import dispute_object, get_dispute, list_disputes, submit_evidence
from app.payments.models import Dispute
from app.platform.db.snapshot import reads_one_snapshot
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import cursor_param, json_body, limit_param


@bp.get("/disputes")
@reads_one_snapshot
@requires_key(secret=True)
def disputes_index():
    who = caller()
    found, has_more = list_disputes(
        who.merchant_id,
        livemode=who.livemode,
        status=request.args.get("status") or None,
        order_id=request.args.get("order") or None,
        limit=limit_param(),
        starting_after=cursor_param("dp"),
    )
    return jsonify({"object": "list", "data": [dispute_object(d) for d in found], "has_more": has_more})


@bp.get("/disputes/<dispute_id>")
@requires_key(secret=True)
def disputes_show(dispute_id: str):
    who = caller()
    return jsonify(dispute_object(get_dispute(who.merchant_id, dispute_id, livemode=who.livemode)))


@bp.post("/disputes/<dispute_id>/evidence")
@requires_key(secret=True)
@idempotent
@api_audited("dispute.evidence", Dispute, "dispute_id")
def disputes_evidence(dispute_id: str):
    who = caller()
    dispute = submit_evidence(who.merchant_id, dispute_id, json_body().get("text"), livemode=who.livemode)
    return jsonify(dispute_object(dispute))
