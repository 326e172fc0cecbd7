"""Migration 0127: webhook endpoints, one set for both modes before, become test or live. A merchant upgrading must
find their live integration exactly as it was (same endpoint, url and secret, every live event), and a server that
heard test events keeps hearing them, through a test twin with the same url and secret."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.migration_steps import run_migration_step
from tests.support.lifecycle import paid_order
from tests.web.api.test_livemode import live_key
from tests.webhooks.test_webhook_modes import live_paid_order, paid_events, receiver, register  # noqa: F401

# The migration runs down and up in place, in the suite's own database: PostgreSQL does that in one transaction.
pytestmark = pytest.mark.postgres_only

MIGRATION = "0127_webhook_endpoint_modes.py"


def _sql(app, statement: str, **params) -> list:
    from app.extensions import db

    with app.app_context():
        rows = db.session.execute(text(statement), params).all()
        db.session.commit()
        return rows


def _execute(app, statement: str, **params) -> None:
    from app.extensions import db

    with app.app_context():
        db.session.execute(text(statement), params)
        db.session.commit()


def test_existing_endpoints_stay_live_and_one_that_heard_test_events_gets_a_test_twin(
        app, client, merchant, api, catalog, sandbox, receiver, worker):
    live = live_key(app, client, merchant, "secret")
    shared, shared_endpoint = register(api, receiver, "/mig-shared", ["order.paid"])  # heard test orders
    only_live, live_endpoint = register(live, receiver, "/mig-live", ["order.paid"])  # heard live orders only
    _, gone = register(api, receiver, "/mig-gone", ["order.paid"])  # heard test orders, then was deleted
    old_test_order = paid_order(api, sandbox, catalog["sku"])
    worker()
    assert api.delete(f"/webhook_endpoints/{gone['id']}").status_code == 200
    sample = live.post(f"/webhook_endpoints/{live_endpoint['id']}/test", json={}).json["event"]["id"]

    run_migration_step(app, MIGRATION, "downgrade")
    try:  # as the rows were before endpoints had a mode: the shared one in use, samples sent as test events
        _execute(app, "UPDATE webhook_endpoints SET deleted_at = NULL, enabled = true WHERE id = :id",
                 id=shared_endpoint["id"])
        _execute(app, "UPDATE events SET livemode = false WHERE id = :id", id=sample)
    finally:
        run_migration_step(app, MIGRATION, "upgrade")

    # The live integration is as it was: the same endpoints, ids, urls and secrets, now live.
    listed = {e["id"]: e for e in live.get("/webhook_endpoints").json["data"]}
    assert set(listed) == {shared_endpoint["id"], live_endpoint["id"]}
    assert {e["livemode"] for e in listed.values()} == {True}
    assert listed[shared_endpoint["id"]]["url"] == f"{receiver.url}/mig-shared"
    # The one that heard test events has a test twin; the one that heard only live events (and a sample) has none.
    [twin] = api.get("/webhook_endpoints").json["data"]
    assert twin["id"] not in (shared_endpoint["id"], live_endpoint["id"], gone["id"])
    assert (twin["url"], twin["events"], twin["enabled"], twin["livemode"]) == (
        f"{receiver.url}/mig-shared", ["order.paid"], True, False)
    # Each endpoint's history is of its own mode: the test order's delivery moved to the twin, the sample stayed.
    moved = _sql(app, "SELECT d.endpoint_id FROM webhook_deliveries d JOIN events e ON e.id = d.event_id "
                      "WHERE e.order_id = :order AND d.endpoint_id IN (:shared, :twin)",
                 order=old_test_order["id"], shared=shared_endpoint["id"], twin=twin["id"])
    assert moved == [(twin["id"],)]
    assert _sql(app, "SELECT endpoint_id FROM webhook_deliveries WHERE event_id = :id", id=sample) == [
        (live_endpoint["id"],)]

    # After the upgrade the same server hears each mode's events once, checked with the secret it always had.
    shared.accepted.clear()
    only_live.accepted.clear()
    test_order = paid_order(api, sandbox, catalog["sku"])
    live_order = live_paid_order(app, merchant, live, catalog["sku"])
    worker()
    assert paid_events(shared) == {test_order["id"]: False, live_order["id"]: True}
    assert [e["type"] for e in shared.accepted].count("order.paid") == 2
    assert paid_events(only_live) == {live_order["id"]: True}
    assert shared.rejected == [] and only_live.rejected == []

    # A test key rolling or re-pointing the twin leaves the live endpoint's secret and url alone.
    assert api.post(f"/webhook_endpoints/{twin['id']}/roll_secret", json={"overlap_hours": 0}).status_code == 200
    assert api.post(f"/webhook_endpoints/{twin['id']}", json={"url": "https://ci.example.test/hooks"}).status_code == 200
    shared.accepted.clear()
    another = live_paid_order(app, merchant, live, catalog["sku"])
    worker()
    assert paid_events(shared) == {another["id"]: True} and shared.rejected == []
