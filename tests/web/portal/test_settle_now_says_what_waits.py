"""Test mode's "Settle everything cleared until now" says what happens to the money. Before, it said "Cut 1
settlement; their payouts are on their way." for a merchant whose own payout account was still empty, as every new
merchant's is, and the settlement's page listed the amount under "Paid out" while nothing had left: the merchant
waited for a payout that waited for them."""

from __future__ import annotations

from html import unescape

from tests.conftest import wait_for
from tests.support.books import completed_order, decide_payout, pay, status_of


def test_a_payout_without_an_account_is_said_to_wait_for_one(api, portal, catalog, sandbox, worker):
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])

    assert portal.post("/portal/settlements/run").status_code == 302
    listed = unescape(portal.text("/portal/settlements"))
    assert "Cut 1 settlement; its payout waits for a payout account: add one on the partner's page" in listed
    assert "on their way" not in listed

    settlement = api.get("/settlements").json["data"][0]
    page = portal.text(f"/portal/settlements/{settlement['id']}")
    assert "<dt>To pay out</dt><dd>$9.40</dd>" in page and "Paid out" not in page


def test_a_payout_with_an_account_is_on_its_way_and_paid_out_once_paid(api, portal, catalog, sandbox, worker):
    api.patch("/partners/self", json={"payout_account": "acct_acme_0001"})
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])

    assert portal.post("/portal/settlements/run").status_code == 302
    assert "Cut 1 settlement; their payouts are on their way." in portal.text("/portal/settlements")
    worker()
    settlement = api.get("/settlements").json["data"][0]
    decide_payout(sandbox, settlement["payout"]["id"], "paid")
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "paid")
    assert "<dt>Paid out</dt><dd>$9.40</dd>" in portal.text(f"/portal/settlements/{settlement['id']}")


def test_nothing_due_says_why_and_what_is_pending(api, portal, catalog, sandbox, worker):
    """Before, "Nothing was due" beside $9.99 pending on the balance: the merchant could not tell that money settles
    only once its orders complete, nor when that is."""
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_b"},
            "agreement_accepted": True,
        },
    ).json
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")

    assert portal.post("/portal/settlements/run").status_code == 302
    listed = unescape(portal.text("/portal/settlements"))
    assert "Nothing was due: money is settled once its orders complete" in listed
    assert "Pending now: $9.99" in listed

    balance = " ".join(unescape(portal.text("/portal/balance")).split())
    assert "Captured, waiting for its orders to complete" in balance  # the account in words, its name beside it
    assert "Nothing yet: see" in balance  # nothing available, and a link to why
    assert "or 7 days after it is fulfilled (your auto-confirm, under Settings)" in balance
