"""Migration 0120: a partner's payout account and reserve split into a live and a test one. The account partners
had is where live settlements paid real money, so it stays the live one; the test one starts as a copy, so a test
integration that settles and checks where the sandbox was asked to pay keeps working."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.migration_steps import run_migration_step
from tests.web.api.test_livemode import live_key

# The migration runs down and up in place, in the suite's own database: PostgreSQL does that in one transaction.
pytestmark = pytest.mark.postgres_only


def test_a_partners_account_and_reserve_stay_live_and_test_mode_starts_with_a_copy(app, client, merchant, api):
    from app.extensions import db

    live = live_key(app, client, merchant, "secret")
    studio = api.post("/partners", json={"name": "Northwind Studio", "payout_account": "acct_unused_0001"}).json["id"]
    run_migration_step(app, "0120_partner_test_payouts.py", "downgrade")
    try:
        with app.app_context():  # as the one shared row was before the split
            db.session.execute(text("UPDATE partners SET payout_account = 'acct_northwind_01', reserve_bps = 500, "
                                    "reserve_days = 30 WHERE id = :id"), {"id": studio})
            db.session.commit()
    finally:
        run_migration_step(app, "0120_partner_test_payouts.py", "upgrade")
    for key in (live, api):
        shown = key.get(f"/partners/{studio}").json
        assert (shown["payout_account"], shown["reserve_bps"], shown["reserve_days"]) == ("acct_northwind_01", 500, 30)
    assert api.patch(f"/partners/{studio}", json={"payout_account": "acct_ci_0001"}).status_code == 200
    assert live.get(f"/partners/{studio}").json["payout_account"] == "acct_northwind_01"
