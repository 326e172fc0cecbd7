"""The books' continuous check (issue 11): every entry balances, the ledger sums to zero, no entry mixes test
and live money, and each order's postings hold what it captured less what it refunded; /healthz shows the last
run. A clean ledger has no findings; each kind of damage is found."""

from __future__ import annotations

from sqlalchemy import text

from tests.support.books import completed_order


def _check(app):
    from app.payments.integrity import run_check

    with app.app_context():
        check = run_check()
        return check.ok, {f["kind"] for f in check.findings}


def test_a_busy_day_leaves_balanced_books(app, api, client, catalog, sandbox, worker):
    assert client.get("/healthz").json["ledger"] == {"status": "not_checked_yet"}
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 2)])
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 700}).status_code == 201
    api.post("/settlements/run", json={})
    worker()
    assert _check(app) == (True, set())
    health = client.get("/healthz").json["ledger"]
    assert health["status"] == "balanced" and health["orders_checked"] == 1 and health["findings"] == 0


def test_damage_to_the_books_is_found(app, api, client, merchant, catalog, sandbox, worker):
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    from app.extensions import db

    with app.app_context():
        entry = db.session.execute(text("SELECT id FROM journal_entries WHERE kind = 'clearing'")).scalar_one()
        # A posting slipped into a finished entry (the database allows new rows; only rewrites are refused).
        db.session.execute(
            text(
                "INSERT INTO postings (entry_id, merchant_id, account, amount, currency, order_id) "
                "VALUES (:e, :m, :a, 5, 'usd', :o)"
            ),
            {"e": entry, "m": merchant.id, "a": "partner:self:payable", "o": order["id"]},
        )
        db.session.commit()
    ok, kinds = _check(app)
    assert not ok and kinds == {"entry_unbalanced", "ledger_not_zero", "order_postings_mismatch"}
    assert client.get("/healthz").json["ledger"]["status"] == "findings"
    assert client.get("/healthz").status_code == 200  # the books are wrong, the service is up
