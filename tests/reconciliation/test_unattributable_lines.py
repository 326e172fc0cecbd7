"""Nothing on a statement is dropped: a line Kassa cannot attribute to any order (a charge made outside Kassa on
the merchant's Stripe account, a capture the sandbox provider booked under a reference Kassa never made) is a
missing_in_kassa discrepancy with no Kassa object, in the queue of the merchant whose account the statement is."""

from __future__ import annotations

import requests

from tests.reconciliation.test_reconciliation import discrepancies, reconcile


def test_a_sandbox_capture_under_a_reference_kassa_never_made_is_reported(app, api, sandbox, worker):
    # A QR capture, reconciled on sandbox_qr: the sandbox is one account for the whole test session, and its card
    # statement is what the other reconciliation tests read.
    orphan = requests.post(
        f"{sandbox.url}/sandbox/api/orphans",
        timeout=10,
        json={"amount": 4321, "currency": "usd", "method": "qr"},
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    )
    assert orphan.status_code == 201, orphan.text
    reference = orphan.json()["reference"]

    run = reconcile(api, worker, channel="sandbox_qr")
    missing = [d for d in discrepancies(api, run) if d["reference"] == reference]
    assert [(d["kind"], d["line_type"], d["kassa_object"], d["provider"]["amount"]) for d in missing] == [
        ("missing_in_kassa", "capture", None, 4321)
    ]
    assert run["discrepancies"]["missing_in_kassa"] >= 1
