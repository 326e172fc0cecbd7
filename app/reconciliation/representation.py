"""A reconciliation run and a discrepancy as the API returns them and the ``reconciliation.discrepancy`` event
carries them."""

from __future__ import annotations

from app.platform.values.times import iso_time
from app.reconciliation.models import KINDS, Discrepancy, ReconciliationRun


def run_json(run: ReconciliationRun) -> dict:
    """A run with its counts of each kind of discrepancy; times in ISO 8601 UTC."""
    return {
        "id": run.id,
        "object": "reconciliation_run",
        "channel": run.channel,
        "date": run.day.isoformat(),
        "status": run.status,
        "lines": run.lines,
        "matched": run.matched,
        "discrepancies": {kind: getattr(run, kind) for kind in KINDS},
        "auto_resolved": run.auto_resolved,
        "failure_reason": run.failure_reason,
        "created_at": iso_time(run.created_at),
        "finished_at": iso_time(run.finished_at),
    }


def discrepancy_json(found: Discrepancy) -> dict:
    """A discrepancy: what Kassa and the provider each say of the line, and how it was resolved."""
    return {
        "id": found.id,
        "object": "discrepancy",
        "run": found.run_id,
        "channel": found.channel,
        "date": found.day.isoformat(),
        "kind": found.kind,
        "line_type": found.line_type,
        "reference": found.reference,
        "kassa_object": found.kassa_object,
        "provider_id": found.provider_id,
        "currency": found.currency,
        "kassa": {
            "amount": found.kassa_amount,
            "currency": found.kassa_currency,
            "status": found.kassa_status,
            "fee": found.kassa_fee,
        },
        "provider": {
            "amount": found.provider_amount,
            "currency": found.provider_currency,
            "status": found.provider_status,
            "fee": found.provider_fee,
        },
        "status": found.status,
        "resolution": found.resolution,
        "resolution_note": found.resolution_note,
        "resolved_by": found.resolved_by,
        "resolved_at": iso_time(found.resolved_at),
        "created_at": iso_time(found.created_at),
    }
