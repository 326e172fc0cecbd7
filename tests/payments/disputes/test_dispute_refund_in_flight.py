"""A dispute that arrives while a refund of the same order has an unknown outcome: Kassa first asks the provider what
became of the refund, so the dispute is booked on known figures and the refundable amount is right either way."""

from __future__ import annotations

import time

import requests

from tests.conftest import free_port, wait_for
from tests.payments.disputes.test_disputes import disputes_of, ledger_is_whole, open_dispute, signed_post
from tests.reconciliation.test_reconciliation import found, reconcile
from tests.support.lifecycle import paid_order


def refund_without_an_answer(app, api, order: dict, amount: int, monkeypatch) -> dict:
    """A refund sent while the provider cannot be reached: pending, its outcome unknown."""
    with monkeypatch.context() as down:
        down.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")
        answer = api.post(f"/orders/{order['id']}/refunds", json={"amount": amount})
    refund = answer.json["refund"]
    assert refund["status"] == "pending" and "outcome unknown" in refund["failure_reason"], refund
    return refund


def refund_of(api, order: dict, refund_id: str) -> dict:
    [refund] = [r for r in api.get(f"/orders/{order['id']}").json["refunds"] if r["id"] == refund_id]
    return refund


def test_a_refund_that_never_reached_the_provider_fails_and_the_dispute_takes_it_all(
    app, api, catalog, sandbox, worker, monkeypatch
):
    """The provider never got the $3.00 refund, so the bank could dispute all $9.99: Kassa's refund fails (its money
    set aside comes back) and the dispute is booked on the whole order, which has nothing left to refund."""
    order = paid_order(api, sandbox, catalog["sku"])
    refund = refund_without_an_answer(app, api, order, 300, monkeypatch)

    opened = open_dispute(sandbox, order)  # all 9.99: the provider has no refund of it
    wait_for(lambda: disputes_of(app, order["id"]))
    assert disputes_of(app, order["id"])[0][:3] == (opened["id"], 999, "needs_response")
    failed = refund_of(api, order, refund["id"])
    assert failed["status"] == "failed" and "never got it" in failed["failure_reason"], failed
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("paid", 0)
    retried = api.post(f"/refunds/{refund['id']}/retry")
    assert retried.status_code == 422 and retried.json["error"]["code"] == "amount_too_large", retried.json
    assert ledger_is_whole(app) == []
    assert found(reconcile(api, worker)) == {}


def test_a_refund_the_provider_made_is_settled_first_and_the_dispute_counts_it(
    app, api, catalog, sandbox, worker, monkeypatch
):
    """The provider made the $3.00 refund but its answer was lost; the bank then disputed $5.00 of the $6.99 left.
    Booked before the refund was known, the dispute got back round(59 × 500 / 999) = 30 cents of the fee where the
    provider, counting the refund first, gave back round(59 × 800 / 999) − 18 = 29: a mismatch on the statement."""
    order = paid_order(api, sandbox, catalog["sku"])
    refund = refund_without_an_answer(app, api, order, 300, monkeypatch)
    made = requests.post(
        f"{sandbox.url}/sandbox/api/payments/{order['payments'][0]['provider_reference']}/refunds",
        json={"amount": 300, "reference": refund["id"]},
        timeout=10,
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    )
    assert made.status_code == 201, made.text  # the refund reached the provider after all

    opened = open_dispute(sandbox, order, amount=500)
    wait_for(lambda: disputes_of(app, order["id"]))
    assert disputes_of(app, order["id"])[0][:4] == (opened["id"], 500, "needs_response", 29)
    assert refund_of(api, order, refund["id"])["status"] == "succeeded"
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("paid", 300)
    too_much = api.post(f"/orders/{order['id']}/refunds", json={"amount": 200})
    assert too_much.status_code == 422 and too_much.json["error"]["code"] == "amount_too_large"
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 199}).json["refund"]["status"] == "succeeded"
    assert ledger_is_whole(app) == []
    run = reconcile(api, worker)
    assert found(run) == {} and run["matched"] == 4  # the capture, two refunds and the dispute


def test_a_dispute_waits_while_the_provider_cannot_say_what_became_of_the_refund(
    app, api, client, catalog, sandbox, monkeypatch
):
    """Nothing is booked on a guess: the notice is answered 503 (the provider sends it again) and changes nothing."""
    order = paid_order(api, sandbox, catalog["sku"])
    refund = refund_without_an_answer(app, api, order, 300, monkeypatch)
    opened = open_dispute(sandbox, order, amount=500, callback="drop")
    notice = {"id": "evt_waits", "type": "dispute.created", "created": int(time.time()), "data": opened}
    with monkeypatch.context() as down:
        down.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")
        answer = signed_post(client, app, notice)
    assert answer.status_code == 503, answer.json
    assert "unknown outcome" in answer.json["error"]["message"]
    assert disputes_of(app, order["id"]) == []
    assert refund_of(api, order, refund["id"])["status"] == "pending"


def test_a_dispute_waits_while_the_providers_answer_about_the_refund_cannot_be_read(
    app, api, client, catalog, sandbox, monkeypatch
):
    """Asked what became of the refund, the provider answered JSON of something else (another service at its
    address): read unguarded, that was a 500 with a traceback on every notice. Now the notice is answered 503 saying
    the answer cannot be read, the provider sends it again, and nothing is booked on a guess."""
    from tests.support.faulty_provider import FaultyProvider

    order = paid_order(api, sandbox, catalog["sku"])
    refund = refund_without_an_answer(app, api, order, 300, monkeypatch)
    opened = open_dispute(sandbox, order, amount=500, callback="drop")
    notice = {"id": "evt_unreadable", "type": "dispute.created", "created": int(time.time()), "data": opened}
    with FaultyProvider(sandbox.url, "misshapen") as provider, monkeypatch.context() as garbled:
        garbled.setitem(app.config, "SANDBOX_URL", provider.url)
        answer = signed_post(client, app, notice)
    assert answer.status_code == 503, answer.json
    assert "cannot read as a list of refunds" in answer.json["error"]["message"]
    assert disputes_of(app, order["id"]) == []
    assert refund_of(api, order, refund["id"])["status"] == "pending"
    assert signed_post(client, app, notice).status_code == 200  # sent again once the provider answers properly
    assert refund_of(api, order, refund["id"])["status"] == "failed"  # the provider never got it
    assert disputes_of(app, order["id"])[0][:2] == (opened["id"], 500)
