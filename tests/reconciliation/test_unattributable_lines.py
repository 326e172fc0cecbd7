"""Nothing on a statement is dropped: a line Kassa cannot attribute to any order (a charge made outside Kassa on
the merchant's Stripe account, a capture the sandbox provider booked under a reference Kassa never made) is a
missing_in_kassa discrepancy with no Kassa object, in the queue of the merchant whose account the statement is."""

from __future__ import annotations

import requests

from tests.reconciliation.test_reconciliation import discrepancies, found, reconcile
from tests.reconciliation.test_stripe_reconciliation import paid_by_card, stripe_account  # noqa: F401  (fixture)


def test_a_charge_made_outside_kassa_on_the_merchants_stripe_account_is_reported(
    app,
    api,
    catalog,
    localstripe,
    stripe_account,
    worker,
    portal,  # noqa: F811
):
    paid_by_card(app, api, localstripe, worker, catalog["sku"])
    # Another till of the merchant's charges $12.34 on the same Stripe account: no kassa_attempt_id.
    intent = localstripe.client.v1.payment_intents.create(
        params={"amount": 1234, "currency": "usd", "payment_method_types": ["card"]}
    )
    charge = localstripe.pay_with_card(intent.id).latest_charge
    charge_id = charge if isinstance(charge, str) else charge.id

    run = reconcile(api, worker, channel="stripe")
    assert found(run) == {"missing_in_kassa": 1} and run["matched"] == 1 and run["lines"] == 2
    [missing] = discrepancies(api, run)
    assert (missing["line_type"], missing["reference"], missing["kassa_object"]) == ("capture", charge_id, None)
    assert (missing["provider"]["amount"], missing["provider"]["currency"]) == (1234, "usd")
    assert (missing["status"], run["auto_resolved"]) == ("open", 0)  # nothing in Kassa to settle it with
    assert "Kassa has no order for it" in portal.text("/portal/reconciliation")


def test_a_fee_stripe_took_off_the_balance_is_reported_as_an_adjustment(
    app,
    api,
    catalog,
    localstripe,
    stripe_account,
    worker,  # noqa: F811
):
    taken = stripe_account.charge_account_fee(200, "Radar for Fraud Teams")

    run = reconcile(api, worker, channel="stripe")
    assert found(run) == {"missing_in_kassa": 1}
    [missing] = discrepancies(api, run)
    assert (missing["line_type"], missing["reference"], missing["kassa_object"]) == ("adjustment", taken["id"], None)
    assert missing["provider"]["amount"] == -200  # money off the balance


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
