"""A shopper who takes a payment back through their bank does not keep what it bought either.

An order refunded in full takes back the credits and membership days it granted; a lost dispute's money went back to
the shopper as a refund's does. So once lost disputes (with or without refunds) gave the whole total back, the grants
go too: else buying credits and charging the payment back at the bank left the shopper both the money and the goods.
The shopper's bank is the sandbox provider's, driven over HTTP as a test harness would.
"""

from __future__ import annotations

from tests.conftest import wait_for
from tests.payments.disputes.test_disputes import close_dispute, completed_order, disputes_of, open_dispute
from tests.support.lifecycle import set_fulfilment


def entitlements(api) -> dict:
    return api.get("/customers/cus_flow/entitlements").json


def charged_back(app, sandbox, order: dict, amount: int, outcome: str) -> None:
    """The shopper's bank disputes ``amount`` of the order's payment and decides ``outcome``."""
    opened = open_dispute(sandbox, order, amount=amount, reason="fraudulent")
    wait_for(lambda: disputes_of(app, order["id"]))
    close_dispute(sandbox, opened["id"], outcome)
    wait_for(lambda: disputes_of(app, order["id"])[-1][2] == outcome)


def test_a_payment_charged_back_in_full_takes_back_the_credits_it_bought(app, api, catalog, sandbox, worker):
    set_fulfilment(app, catalog["sku"], {"credits": 1000})
    order = completed_order(api, sandbox, worker, catalog["sku"])  # $9.99 for 1,000 coins
    assert entitlements(api)["credits"] == 1000

    charged_back(app, sandbox, order, 999, "lost")
    worker()
    held = entitlements(api)
    assert held["credits"] == 0
    assert held["grants"][0]["taken_back"]["credits"] == 1000
    # The order keeps its status (a chargeback is not a refund); its dispute shows where the money went.
    shown = api.get(f"/orders/{order['id']}").json
    assert (shown["status"], shown["refunded_amount"], shown["disputes"][0]["status"]) == ("completed", 0, "lost")


def test_a_partial_chargeback_or_one_the_merchant_wins_takes_nothing_back(app, api, catalog, sandbox, worker):
    set_fulfilment(app, catalog["sku"], {"credits": 1000})
    part = completed_order(api, sandbox, worker, catalog["sku"])
    won = completed_order(api, sandbox, worker, catalog["sku"])
    assert entitlements(api)["credits"] == 2000

    charged_back(app, sandbox, part, 600, "lost")  # as a partial refund does, it leaves the goods
    charged_back(app, sandbox, won, 999, "won")
    worker()
    held = entitlements(api)
    assert held["credits"] == 2000
    assert [g["taken_back"] for g in held["grants"]] == [None, None]
