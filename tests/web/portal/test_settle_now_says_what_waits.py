"""Test mode's "Settle everything cleared until now" says what happens to the money. Before, it said "Cut 1
settlement; their payouts are on their way." for a merchant whose own payout account was still empty, as every new
merchant's is, and the settlement's page listed the amount under "Paid out" while nothing had left: the merchant
waited for a payout that waited for them."""

from __future__ import annotations

from html import unescape

from tests.conftest import wait_for
from tests.support.books import completed_order, decide_payout


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
