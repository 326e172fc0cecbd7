"""Reconciliation runs and their discrepancies (secret key only; API.md "Balance, clearing, settlements,
reconciliation")."""

from __future__ import annotations

from flask import jsonify, request

from app.extensions import db
from app.reconciliation import queries, runs
from app.reconciliation.models import ReconciliationRun
from app.reconciliation.representation import discrepancy_json, run_json
from app.web.api import bp
from app.web.api.audit import api_actor, api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import cursor_param, json_body, limit_param


@bp.post("/reconciliation_runs")
@requires_key(secret=True)
@idempotent
@api_audited("reconciliation_run.create", ReconciliationRun)
def reconciliation_runs_create():
    """Reconcile a channel's statement of one day; the run works on a worker and reports ``done`` when finished."""
    body, who = json_body(), caller()
    run = runs.start_run(
        who.merchant_id,
        body.get("channel"),
        body.get("date"),
        actor=f"api:{api_actor().user_id}",
        livemode=who.livemode,
    )
    db.session.commit()
    return jsonify(run_json(run)), 201


@bp.get("/reconciliation_runs")
@requires_key(secret=True)
def reconciliation_runs_index():
    who = caller()
    found, has_more = queries.list_runs(
        who.merchant_id,
        channel=request.args.get("channel"),
        limit=limit_param(),
        starting_after=cursor_param("rcn"),
        livemode=who.livemode,
    )
    return jsonify({"object": "list", "data": [run_json(r) for r in found], "has_more": has_more})


@bp.get("/reconciliation_runs/<run_id>")
@requires_key(secret=True)
def reconciliation_runs_show(run_id: str):
    who = caller()
    return jsonify(run_json(queries.get_run(who.merchant_id, run_id, livemode=who.livemode)))


@bp.get("/reconciliation_runs/<run_id>/discrepancies")
@requires_key(secret=True)
def reconciliation_runs_discrepancies(run_id: str):
    who = caller()
    found, has_more = queries.list_discrepancies(
        who.merchant_id,
        run_id=run_id,
        status=request.args.get("status"),
        kind=request.args.get("kind"),
        limit=limit_param(maximum=1000),
        starting_after=cursor_param("dsc"),
        livemode=who.livemode,
    )
    return jsonify({"object": "list", "data": [discrepancy_json(d) for d in found], "has_more": has_more})
