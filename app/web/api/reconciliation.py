"""Reconciliation runs and their discrepancies (secret key only; API.md "Balance, clearing, settlements,
reconciliation")."""

from __future__ import annotations

from flask import jsonify

from app.extensions import db
from app.reconciliation import queries, runs
from app.reconciliation.models import ReconciliationRun
from app.reconciliation.representation import discrepancy_json, run_json
from app.web.api import bp
from app.web.api.audit import api_actor, api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.reconciliation import (
    DiscrepancyList,
    DiscrepancyListQuery,
    ReconciliationRunInput,
    ReconciliationRunList,
    ReconciliationRunListQuery,
)
from app.web.api.models.reconciliation import (
    ReconciliationRun as ReconciliationRunAnswer,
)
from app.web.api.operation import operation

_RUN = {"id": "the run's id (rcn_…)"}
_NO_RUN = "resource_missing: no such run (for a test key: nor one of a statement of live money)"


@bp.post("/reconciliation_runs")
@requires_key(secret=True)
@idempotent
@api_audited("reconciliation_run.create", ReconciliationRun)
@operation(
    "Reconcile a channel's statement of one day; the run works on a worker (poll until done)",
    body=ReconciliationRunInput,
    answers={201: ReconciliationRunAnswer},
    errors={
        400: "channel_unavailable: channel publishes no statements (the message lists those that do); "
        "parameter_invalid: date is malformed or in the future",
        403: "secret_key_required: a publishable key on a secret-only route; live_key_required: a test key and a "
        "statement of live money (a channel that is not test-only, or Stripe with a live key)",
    },
)
def reconciliation_runs_create(body: ReconciliationRunInput):
    """Reconcile a channel's statement of one day; the run works on a worker and reports ``done`` when finished."""
    who = caller()
    run = runs.start_run(
        who.merchant_id,
        body.channel,
        body.date,
        actor=f"api:{api_actor().user_id}",
        livemode=who.livemode,
    )
    db.session.commit()
    return jsonify(run_json(run)), 201


@bp.get("/reconciliation_runs")
@requires_key(secret=True)
@operation(
    "List reconciliation runs, newest first (a test key: those of statements of test money)",
    query=ReconciliationRunListQuery,
    answers={200: ReconciliationRunList},
    errors={404: "resource_missing: starting_after names no run the key may read"},
)
def reconciliation_runs_index(query: ReconciliationRunListQuery):
    who = caller()
    found, has_more = queries.list_runs(
        who.merchant_id,
        channel=query.channel,
        limit=query.limit,
        starting_after=query.starting_after,
        livemode=who.livemode,
    )
    return jsonify({"object": "list", "data": [run_json(r) for r in found], "has_more": has_more})


@bp.get("/reconciliation_runs/<run_id>")
@requires_key(secret=True)
@operation("Retrieve a reconciliation run", answers={200: ReconciliationRunAnswer}, errors={404: _NO_RUN}, path=_RUN)
def reconciliation_runs_show(run_id: str):
    who = caller()
    return jsonify(run_json(queries.get_run(who.merchant_id, run_id, livemode=who.livemode)))


@bp.get("/reconciliation_runs/<run_id>/discrepancies")
@requires_key(secret=True)
@operation(
    "The discrepancies of the run's channel and day (also those an earlier run of the day recorded)",
    query=DiscrepancyListQuery,
    answers={200: DiscrepancyList},
    errors={404: _NO_RUN},
    path=_RUN,
)
def reconciliation_runs_discrepancies(run_id: str, query: DiscrepancyListQuery):
    who = caller()
    found, has_more = queries.list_discrepancies(
        who.merchant_id,
        run_id=run_id,
        status=query.status,
        kind=query.kind,
        limit=query.limit,
        starting_after=query.starting_after,
        livemode=who.livemode,
    )
    return jsonify({"object": "list", "data": [discrepancy_json(d) for d in found], "has_more": has_more})
