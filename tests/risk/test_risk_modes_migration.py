"""Migration 0128: risk lists and rules split into a live and a test set. What merchants had is what live orders
were assessed by, so it stays live under the same ids; test mode starts with a copy, so a merchant's test runs keep
exercising the same lists and rules. From then on each mode's are changed in that mode only."""
from __future__ import annotations

from tests.migration_steps import run_migration_step
from tests.risk.test_risk_api import order_body
from tests.web.api.test_livemode import live_key

MIGRATION = "0128_risk_per_mode.py"


def _split_again(app) -> None:
    """Back to one shared set (the live one, as before the split), then the split as a deploy runs it."""
    from app.merchants.config_cache import forget_all

    run_migration_step(app, MIGRATION, "downgrade")
    run_migration_step(app, MIGRATION, "upgrade")
    forget_all()  # the tables were rewritten underneath this process's cached lists


def _shown(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in ("id", "livemode")}


def test_lists_and_rules_stay_live_and_test_mode_starts_with_a_copy(app, client, merchant, api, catalog):
    live = live_key(app, client, merchant, "secret")
    fraudster = live.post("/risk/list_entries", json={"kind": "customer", "value": "cus_fraudster", "action": "block",
                                                      "note": "chargebacks", "expires_at": 4_000_000_000}).json
    listed_range = live.post("/risk/list_entries", json={"kind": "ip", "value": "198.51.100.0/24",
                                                         "action": "review"}).json
    limit = live.post("/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 500},
                                           "action": "review"}).json
    paused = live.post("/risk/rules", json={"kind": "velocity", "action": "block", "params": {
        "by": "customer", "window_seconds": 60, "max_count": 1}}).json
    assert live.patch(f"/risk/rules/{paused['id']}", json={"enabled": False}).status_code == 200
    gone = api.post("/risk/list_entries", json={"kind": "email", "value": "qa@shop.example", "action": "block"}).json

    _split_again(app)

    live_entries, test_entries = (key.get("/risk/list_entries").json["data"] for key in (live, api))
    live_rules, test_rules = (key.get("/risk/rules").json["data"] for key in (live, api))
    # Live keeps every entry and rule as it was, under its id (audit entries and velocity counters name it).
    assert live_entries == [listed_range, fraudster]
    assert [r["id"] for r in live_rules] == [limit["id"], paused["id"]]
    assert [r["enabled"] for r in live_rules] == [True, False]
    # Test mode has a copy of each, new ids in the same order, same age, paused as it was.
    assert [_shown(e) for e in test_entries] == [_shown(e) for e in live_entries]
    assert {e["livemode"] for e in test_entries} == {False}
    assert not {e["id"] for e in test_entries} & {e["id"] for e in live_entries}
    assert [_shown(r) for r in test_rules] == [_shown(r) for r in live_rules]
    assert not {r["id"] for r in test_rules} & {r["id"] for r in live_rules}
    assert gone["id"] not in {e["id"] for e in test_entries}  # the downgrade kept the live set only

    # Both modes are assessed by them; changing the test copy leaves live alone.
    fraud = order_body(catalog["sku"], customer="cus_fraudster")
    assert api.post("/orders", json=fraud).status_code == 402 and live.post("/orders", json=fraud).status_code == 402
    copy = next(e["id"] for e in test_entries if e["value"] == "cus_fraudster")
    assert api.delete(f"/risk/list_entries/{copy}").status_code == 200
    assert api.delete(f"/risk/list_entries/{fraudster['id']}").status_code == 404
    assert api.post("/orders", json=fraud).status_code == 201 and live.post("/orders", json=fraud).status_code == 402
    # The unique value is per mode now: the test lists can list again what the live ones hold.
    again = api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_fraudster", "action": "review"})
    assert again.status_code == 201, again.json
