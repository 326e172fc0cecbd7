"""Refunding a top-up takes its credit back out of the wallet in the same transaction (issue 8 item 2):
only what the customer has not spent can go back (409 otherwise, saying how much can), a refused refund
gives the credit back, and the journal balances throughout."""

from __future__ import annotations

import requests

from tests.conftest import wait_for
from tests.ledger.test_journal_of_payments import ledger_totals
from tests.ledger.wallet.test_wallet import CUSTOMER, balance, top_up
from tests.payments.attempts.test_payment_flow import create_order


def topup_order(api) -> dict:
    return next(o for o in api.get("/orders").json["data"] if o["kind"] == "topup")


def test_only_the_unspent_part_of_a_top_up_can_be_refunded_and_the_wallet_pays_it(app, api, catalog, sandbox, worker):
    top_up(api, sandbox, worker, 2500)
    order = create_order(api, catalog["sku"], 2)  # spends $19.98 of the $25.00
    assert api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).status_code == 200
    worker()
    assert balance(api)["available"] == [{"amount": 502, "currency": "usd"}]
    topup = topup_order(api)

    too_much = api.post(f"/orders/{topup['id']}/refunds", json={})
    assert too_much.status_code == 409
    assert too_much.json["error"]["code"] == "topup_spent"
    assert "at most $5.02" in too_much.json["error"]["message"]
    assert balance(api)["available"] == [{"amount": 502, "currency": "usd"}]  # nothing moved

    done = api.post(f"/orders/{topup['id']}/refunds", json={"amount": 502})
    assert done.status_code == 201 and done.json["refund"]["status"] == "succeeded"
    assert balance(api)["available"] == [{"amount": 0, "currency": "usd"}]
    assert api.get(f"/orders/{topup['id']}").json["refunded_amount"] == 502
    # The spent credit paid for an order: the wallet cannot pay for it twice.
    spend = create_order(api, catalog["sku"], 1)
    assert api.post(f"/orders/{spend['id']}/pay", json={"channel": "wallet"}).status_code in (400, 422)
    assert ledger_totals(app) == {"usd": 0}


def test_a_refused_top_up_refund_gives_the_credit_back(app, api, sandbox, worker):
    top_up(api, sandbox, worker, 1500)
    topup = topup_order(api)
    provider_payment = topup["payments"][0]["provider_reference"]
    assert (
        requests.post(
            f"{sandbox.url}/sandbox/api/payments/{provider_payment}/simulate_refund",
            json={"outcome": "failed"},
            timeout=5,
        ).status_code
        == 200
    )

    refused = api.post(f"/orders/{topup['id']}/refunds", json={"amount": 1000}).json["refund"]
    assert refused["status"] == "failed"
    wait_for(lambda: balance(api)["available"] == [{"amount": 1500, "currency": "usd"}])
    retried = api.post(f"/refunds/{refused['id']}/retry").json["refund"]
    assert retried["status"] == "succeeded"
    assert balance(api, CUSTOMER)["available"] == [{"amount": 500, "currency": "usd"}]
    assert ledger_totals(app) == {"usd": 0}


def test_rejecting_a_top_up_held_for_review_refunds_it_without_taking_the_customers_other_money(
    app, api, sandbox, worker
):
    top_up(api, sandbox, worker, 1500)  # money the customer already had
    api.post("/risk/list_entries", json={"kind": "customer", "value": CUSTOMER, "action": "review"})
    created = api.post(
        f"/customers/{CUSTOMER}/topups", json={"amount": 1000, "currency": "usd", "channel": "sandbox_card"}
    )
    held = created.json["topup"]["id"]
    sandbox.simulate(created.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{held}").json["status"] == "paid")
    worker()
    assert balance(api)["available"] == [{"amount": 1500, "currency": "usd"}]  # its credit waits for review

    assert api.post(f"/orders/{held}/review", json={"decision": "reject"}).status_code == 200
    after = api.get(f"/orders/{held}").json
    assert (after["status"], after["refunded_amount"]) == ("refunded", 1000)
    worker()
    assert balance(api)["available"] == [{"amount": 1500, "currency": "usd"}]
    assert ledger_totals(app) == {"usd": 0}


def test_a_top_up_refunded_before_its_credit_ran_is_never_credited(app, api, sandbox, worker):
    created = api.post(
        f"/customers/{CUSTOMER}/topups", json={"amount": 1000, "currency": "usd", "channel": "sandbox_card"}
    )
    order_id = created.json["topup"]["id"]
    sandbox.simulate(created.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order_id}").json["status"] == "paid")  # credit still queued
    provider_payment = created.json["payment"]["provider_reference"]
    assert (
        requests.post(
            f"{sandbox.url}/sandbox/api/payments/{provider_payment}/simulate_refund",
            json={"outcome": "failed"},
            timeout=5,
        ).status_code
        == 200
    )
    refused = api.post(f"/orders/{order_id}/refunds", json={"amount": 400})
    assert refused.status_code == 201 and refused.json["refund"]["status"] == "failed"  # it took nothing to give back

    partial = api.post(f"/orders/{order_id}/refunds", json={"amount": 400})
    assert partial.status_code == 201 and partial.json["refund"]["status"] == "succeeded"
    worker()  # the queued credit runs now: only what the refund left
    assert balance(api)["available"] == [{"amount": 600, "currency": "usd"}]
    assert api.get(f"/orders/{order_id}").json["status"] == "completed"
    assert ledger_totals(app) == {"usd": 0}


def test_a_top_up_refund_reconciles_with_the_fee_the_provider_gave_back(app, api, sandbox, worker):
    """The provider gives back the part of a top-up's capture fee that a refund returns, as for a purchase: Kassa
    records the same on the refund, so the day's statement matches and finance's queue holds no false mismatch."""
    from tests.reconciliation.test_reconciliation import discrepancies, reconcile

    top_up(api, sandbox, worker, 2500)  # the provider keeps 30 + 73 = 103 cents
    topup = topup_order(api)
    refund = api.post(f"/orders/{topup['id']}/refunds", json={"amount": 1000})
    assert refund.status_code == 201 and refund.json["refund"]["status"] == "succeeded"

    run = reconcile(api, worker)
    assert discrepancies(api, run) == [] and run["matched"] == run["lines"] == 2
