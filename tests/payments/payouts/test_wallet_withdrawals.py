"""Wallet withdrawals through the API (issue 11): the amount is frozen until the sandbox provider's payout settles —
paid, it leaves the wallet; failed for good (after the payout machinery's retries), it is available again — an
uncovered amount is refused, the risk service can stop a drain, and the books stay balanced throughout."""

from __future__ import annotations

from sqlalchemy import update

from tests.conftest import Api, wait_for
from tests.support.books import decide_payout
from tests.support.wallet import books_are_clean, fund, held, withdraw, withdrawal_status

ADA = "cus_ada"


def _in_transit(app) -> int:
    from sqlalchemy import func, select

    from app.extensions import db
    from app.ledger.models import Posting

    with app.app_context():
        return int(
            db.session.scalar(
                select(func.coalesce(func.sum(Posting.amount), 0)).where(Posting.account == "payouts:in_transit")
            )
        )


def test_a_withdrawal_is_frozen_until_its_payout_is_paid(app, api, merchant, sandbox, worker):
    fund(app, merchant.id, ADA, 5000)
    created = withdraw(api, ADA, 1200, **{"Idempotency-Key": "wd-1"})
    assert created.status_code == 201, created.json
    withdrawal = created.json["withdrawal"]
    assert (withdrawal["status"], withdrawal["amount"], withdrawal["currency"], withdrawal["destination"]) == (
        "pending",
        1200,
        "usd",
        "acct_ada_0001",
    )
    assert withdrawal["payout"]["status"] == "pending" and withdrawal["payout"]["amount"] == 1200
    assert held(api, ADA) == (3800, 1200)
    replay = withdraw(api, ADA, 1200, **{"Idempotency-Key": "wd-1"})
    assert replay.headers.get("Idempotent-Replayed") == "true" and replay.json == created.json
    assert held(api, ADA) == (3800, 1200)  # a retried request withdraws nothing more

    worker()  # the payout goes to the provider
    sent = api.get(f"/withdrawals/{withdrawal['id']}").json
    assert sent["status"] == "pending" and sent["payout"]["provider_reference"]
    assert held(api, ADA) == (3800, 1200)
    books_are_clean(app)

    decide_payout(sandbox, withdrawal["payout"]["id"], "paid")
    paid = withdrawal_status(api, withdrawal["id"], "paid")
    assert paid["payout"]["status"] == "paid"
    assert held(api, ADA) == (3800, 0)  # the frozen money left the wallet
    assert _in_transit(app) == 0  # …through payouts in transit, on to the provider's clearing
    listed = api.get(f"/customers/{ADA}/withdrawals").json
    assert [w["id"] for w in listed["data"]] == [withdrawal["id"]] and listed["has_more"] is False
    assert {"withdrawal.created", "withdrawal.paid"} <= {e["type"] for e in api.get("/events").json["data"]}
    books_are_clean(app)


def test_a_withdrawal_whose_payout_fails_for_good_is_unfrozen(app, api, merchant, sandbox, worker):
    from datetime import timedelta

    from app.extensions import db
    from app.ledger.books_models import Payout
    from app.payments.payouts.services import resolve_payouts
    from app.platform.db.types import utcnow

    fund(app, merchant.id, ADA, 3000)
    withdrawal = withdraw(api, ADA, 3000, destination="acct_closed_0001").json["withdrawal"]
    payout_id = withdrawal["payout"]["id"]
    with app.app_context():
        db.session.execute(update(Payout).where(Payout.id == payout_id).values(max_tries=2))
        db.session.commit()
    worker()
    assert held(api, ADA) == (0, 3000)
    assert withdraw(api, ADA, 1).status_code == 422  # everything is frozen

    decide_payout(sandbox, payout_id, "failed")  # try 1 refused: tried again under <id>.2 after a back-off
    wait_for(lambda: api.get(f"/withdrawals/{withdrawal['id']}").json["payout"]["tries"] == 2)
    with app.app_context():
        assert resolve_payouts(now=utcnow() + timedelta(minutes=10)) == 1
    assert held(api, ADA) == (0, 3000)  # still frozen while it is being retried
    decide_payout(sandbox, payout_id, "failed", reference=f"{payout_id}.2")

    failed = withdrawal_status(api, withdrawal["id"], "failed")
    assert failed["payout"]["status"] == "failed"
    assert held(api, ADA) == (3000, 0)  # back where it came from
    assert {"withdrawal.failed", "payout.failed"} <= {e["type"] for e in api.get("/events").json["data"]}
    books_are_clean(app)


def test_an_uncovered_or_bad_withdrawal_moves_nothing(app, api, merchant, client, other_merchant):
    fund(app, merchant.id, ADA, 500)
    refused = withdraw(api, ADA, 501)
    assert refused.status_code == 422 and refused.json["error"]["code"] == "insufficient_balance"
    assert "$5.00" in refused.json["error"]["message"]
    for body, param in [
        ({"amount": 0, "currency": "usd", "destination": "acct_ada_0001"}, "amount"),
        ({"amount": 10.5, "currency": "usd", "destination": "acct_ada_0001"}, "amount"),
        ({"amount": 10, "currency": "xyz", "destination": "acct_ada_0001"}, "currency"),
        ({"amount": 10, "currency": "usd", "destination": "x"}, "destination"),
        ({"amount": 10, "currency": "usd"}, "destination"),
    ]:
        response = api.post(f"/customers/{ADA}/withdrawals", json=body)
        assert (response.status_code, response.json["error"]["param"]) == (400, param), body
    assert held(api, ADA) == (500, 0)
    assert api.get(f"/customers/{ADA}/withdrawals").json["data"] == []

    # Another merchant's key, or the other mode's, sees no such wallet and no such withdrawal.
    mine = withdraw(api, ADA, 200).json["withdrawal"]
    rival = Api(client, other_merchant.secret_key)
    assert withdraw(rival, ADA, 100).status_code == 422
    assert rival.get(f"/withdrawals/{mine['id']}").status_code == 404
    assert rival.get(f"/customers/{ADA}/withdrawals").json["data"] == []
    books_are_clean(app)


def test_a_withdrawal_velocity_limit_stops_a_drain_and_review_holds_the_payout(
    app, api, merchant, catalog, sandbox, worker
):
    fund(app, merchant.id, ADA, 10_000)
    rule = api.post(
        "/risk/rules",
        json={
            "kind": "velocity",
            "action": "block",
            "params": {"by": "customer", "window_seconds": 3600, "max_count": 2, "applies_to": "withdrawals"},
        },
    )
    assert rule.status_code == 201, rule.json
    assert rule.json["params"]["applies_to"] == "withdrawals"
    assert [withdraw(api, ADA, 1000).status_code for _ in range(3)] == [201, 201, 402]
    assert held(api, ADA) == (8000, 2000)  # the third took nothing
    blocked = [e for e in api.get("/events?type=risk.blocked").json["data"]]
    assert "more than 2 withdrawals per customer" in blocked[0]["data"]["object"]["reasons"][0]
    # The rule counts withdrawals only: the same customer still buys.
    order = api.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": ADA}, "agreement_accepted": True},
    )
    assert order.status_code == 201 and order.json["risk"]["decision"] == "allow"
    bad = api.post(
        "/risk/rules",
        json={
            "kind": "velocity",
            "action": "block",
            "params": {"by": "ip", "window_seconds": 60, "max_count": 1, "applies_to": "withdrawals"},
        },
    )
    assert (bad.status_code, bad.json["error"]["param"]) == (400, "params.by")

    # A review list entry holds the next withdrawal: frozen, its payout not sent until the merchant decides.
    api.delete(f"/risk/rules/{rule.json['id']}")
    api.post("/risk/list_entries", json={"kind": "customer", "value": ADA, "action": "review"})
    first, second = (withdraw(api, ADA, 500).json["withdrawal"] for _ in range(2))
    assert first["status"] == "review" and first["risk"]["decision"] == "review"
    worker()
    assert api.get(f"/withdrawals/{first['id']}").json["payout"]["provider_reference"] is None
    assert held(api, ADA) == (7000, 3000)

    approved = api.post(f"/withdrawals/{first['id']}/review", json={"decision": "approve"})
    assert approved.status_code == 200 and approved.json["status"] == "pending"
    worker()
    assert api.get(f"/withdrawals/{first['id']}").json["payout"]["provider_reference"]
    rejected = api.post(f"/withdrawals/{second['id']}/review", json={"decision": "reject"})
    assert rejected.json["status"] == "canceled" and held(api, ADA) == (7500, 2500)
    told = api.get("/events?type=withdrawal.failed").json["data"][0]["data"]["object"]
    assert (told["id"], told["status"], told["reviewed_by"]) == (second["id"], "canceled", "api")
    again = api.post(f"/withdrawals/{second['id']}/review", json={"decision": "approve"})
    assert (again.status_code, again.json["error"]["code"]) == (409, "review_not_open")
    books_are_clean(app)
