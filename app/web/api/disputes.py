"""Disputes (chargebacks) of the merchant's captured payments: list, read, answer with evidence. Secret key only."""

from __future__ import annotations

from flask import jsonify

from app.payments.disputes.services import dispute_object, get_dispute, list_disputes, submit_evidence
from app.payments.models import Dispute
from app.platform.db.snapshot import reads_one_snapshot
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.disputes import Dispute as DisputeAnswer
from app.web.api.models.disputes import DisputeEvidenceInput, DisputeList, DisputeListQuery
from app.web.api.operation import operation

_DISPUTE = {"id": "the dispute's id (dp_…)"}


@bp.get("/disputes")
@reads_one_snapshot
@requires_key(secret=True)
@operation("List disputes (chargebacks), newest first (secret key)", query=DisputeListQuery, answers={200: DisputeList})
def disputes_index(query: DisputeListQuery):
    who = caller()
    found, has_more = list_disputes(
        who.merchant_id,
        livemode=who.livemode,
        status=query.status,
        order_id=query.order or None,
        limit=query.limit,
        starting_after=query.starting_after,
    )
    return jsonify({"object": "list", "data": [dispute_object(d) for d in found], "has_more": has_more})


@bp.get("/disputes/<dispute_id>")
@requires_key(secret=True)
@operation(
    "Read a dispute (secret key)",
    answers={200: DisputeAnswer},
    errors={404: "resource_missing: no such dispute (of this key's mode)"},
    path=_DISPUTE,
)
def disputes_show(dispute_id: str):
    who = caller()
    return jsonify(dispute_object(get_dispute(who.merchant_id, dispute_id, livemode=who.livemode)))


@bp.post("/disputes/<dispute_id>/evidence")
@requires_key(secret=True)
@idempotent
@api_audited("dispute.evidence", Dispute, "dispute_id")
@operation(
    "Send the provider the merchant's evidence; the dispute goes under review (secret key)",
    body=DisputeEvidenceInput,
    answers={200: DisputeAnswer},
    errors={
        404: "resource_missing: no such dispute (of this key's mode)",
        409: "dispute_state_invalid: evidence only while it needs a response (or the channel takes none); "
        "evidence_too_late: past evidence_due_by; evidence_refused by the provider",
        502: "evidence_outcome_unknown: the provider's answer could not be read (it may have taken the evidence; its "
        "next notice of the dispute says)",
        503: "service_unavailable: the provider could not be reached (send the evidence again), Kassa cannot reach "
        "Redis, or its database dropped the connection; order_locked: another process is updating the order. "
        "Retry after Retry-After seconds",
    },
    path=_DISPUTE,
)
def disputes_evidence(dispute_id: str, body: DisputeEvidenceInput):
    who = caller()
    dispute = submit_evidence(who.merchant_id, dispute_id, body.text, livemode=who.livemode)
    return jsonify(dispute_object(dispute))
