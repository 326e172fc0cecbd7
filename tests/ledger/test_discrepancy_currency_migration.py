"""Migration 0113: a discrepancy keeps Kassa's currency beside the line's. Rows found before it take the currency of
the record they are about, not the line's; a line Kassa has no record of has none."""
from __future__ import annotations

import pytest
import requests

from tests.migration_steps import run_migration_step
from tests.reconciliation.test_reconciliation import discrepancies, paid_order, reconcile, tamper

# The migration runs down and up in place, in the suite's own database: PostgreSQL does that in one transaction.
# SQLite drops a column only by rebuilding the table, which the worker's other tests would then find half done.
pytestmark = pytest.mark.postgres_only

MIGRATION = "0113_discrepancy_kassa_currency.py"


def test_discrepancies_found_before_the_upgrade_take_kassas_currency_from_their_record(app, api, sandbox, worker,
                                                                                       catalog):
    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], currency="eur")
    order = api.post("/orders", json={"items": [{"sku": catalog["sku"], "quantity": 1}],
                                      "customer": {"id": "cus_rec"}, "agreement_accepted": True}).json
    requests.post(f"{sandbox.url}/sandbox/api/orphans", timeout=10, json={
        "amount": 1234, "currency": "usd", "reference": order["id"]},
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"}).raise_for_status()
    run = reconcile(api, worker)

    run_migration_step(app, MIGRATION, "downgrade")
    run_migration_step(app, MIGRATION, "upgrade")

    sides = {d["kind"]: (d["kassa"]["currency"], d["provider"]["currency"]) for d in discrepancies(api, run)}
    assert sides == {"amount_mismatch": ("usd", "eur"), "missing_in_kassa": (None, "usd")}
