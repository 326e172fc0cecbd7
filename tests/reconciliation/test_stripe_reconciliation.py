"""Reconciliation on Stripe, the way a merchant meets it: orders paid by card through Kassa at Stripe (localstripe,
real HTTP through Stripe's library), the day's balance transactions read back from Stripe, a run through the API on
a real RQ worker, and what the run and its discrepancy queue say.

localstripe's balance transactions carry no fee and cannot be filtered by day, and it has no disputes: Kassa's
STRIPE_API_BASE points at tests/support/stripe_balance_server.py, a loopback server in front of localstripe that
answers ``GET /v1/balance_transactions`` as Stripe's API reference shows it (with Stripe's published fees, the
disputes' withdrawals, fees and reversals) and forwards every other call to localstripe.
"""

from __future__ import annotations

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order
from tests.payments.channels.stripe.test_stripe_channel import _pay, _poll, _status
from tests.reconciliation.test_reconciliation import discrepancies, found, reconcile
from tests.support.stripe_balance_server import DISPUTE_FEE, StripeBalance

PRICE, FEE = 999, 59  # $9.99, and Stripe's 2.9 % + $0.30 of it, as Kassa books it


@pytest.fixture
def stripe_account(app, localstripe, stripe_merchant):
    """The merchant's Stripe account (balance history and disputes), with Kassa's STRIPE_API_BASE pointed at it."""
    server = StripeBalance(localstripe.url)
    saved = app.config["STRIPE_API_BASE"]
    app.config["STRIPE_API_BASE"] = server.url
    yield server
    app.config["STRIPE_API_BASE"] = saved
    server.close()


def paid_by_card(app, api, localstripe, worker, sku: str, quantity: int = 1) -> dict:
    """An order the shopper paid by card at Stripe; Kassa learned it by polling. Its payment, as the API shows it."""
    order = create_order(api, sku, quantity)
    payment = _pay(api, order["id"])
    localstripe.pay_with_card(payment["provider_reference"])
    _poll(app, worker)
    assert _status(api, order["id"]) in ("paid", "fulfilled")
    [paid] = api.get(f"/orders/{order['id']}").json["payments"]
    return {**paid, "order": order["id"]}


def test_a_clean_stripe_day_matches_every_balance_transaction_across_pages(
    app, api, catalog, localstripe, stripe_account, worker
):
    first = paid_by_card(app, api, localstripe, worker, catalog["sku"])
    paid_by_card(app, api, localstripe, worker, catalog["sku"], quantity=2)
    refunded = api.post(f"/orders/{first['order']}/refunds", json={"amount": 100})
    assert refunded.status_code == 201, refunded.json
    worker()
    wait_for(lambda: [r["status"] for r in api.get(f"/orders/{first['order']}").json["refunds"]] == ["succeeded"])
    stripe_account.page_size = 2  # Stripe answers two a page: the third line is on the second page

    run = reconcile(api, worker, channel="stripe")
    assert found(run) == {}
    assert run["lines"] == run["matched"] == 3  # two charges and the refund
    assert discrepancies(api, run) == []


def test_a_fee_stripe_kept_other_than_kassa_booked_is_an_amount_mismatch(
    app, api, catalog, localstripe, stripe_account, worker
):
    payment = paid_by_card(app, api, localstripe, worker, catalog["sku"])
    stripe_account.tamper_fee(payment["provider_reference"], 89)

    run = reconcile(api, worker, channel="stripe")
    assert found(run) == {"amount_mismatch": 1} and run["matched"] == 0
    [mismatch] = discrepancies(api, run)
    assert (mismatch["kassa_object"], mismatch["line_type"]) == (payment["id"], "capture")
    assert mismatch["kassa"] == {"amount": PRICE, "currency": "usd", "status": "succeeded", "fee": FEE}
    assert mismatch["provider"] == {"amount": PRICE, "currency": "usd", "status": "succeeded", "fee": 89}


def test_a_refund_made_in_stripes_dashboard_is_missing_in_kassa(app, api, catalog, localstripe, stripe_account, worker):
    payment = paid_by_card(app, api, localstripe, worker, catalog["sku"])
    # The merchant refunds $3.00 in Stripe's dashboard: no Kassa refund, no kassa_refund_id.
    made = localstripe.client.v1.refunds.create(params={"payment_intent": payment["provider_reference"], "amount": 300})

    run = reconcile(api, worker, channel="stripe")
    assert found(run) == {"missing_in_kassa": 1} and run["matched"] == 1  # the charge agrees
    [missing] = discrepancies(api, run)
    assert (missing["line_type"], missing["reference"], missing["kassa_object"]) == ("refund", made.id, payment["id"])
    assert missing["provider"]["amount"] == 300 and missing["provider"]["currency"] == "usd"
    assert missing["kassa"] == {"amount": None, "currency": None, "status": None, "fee": None}
    assert api.get(f"/orders/{payment['order']}").json["refunded_amount"] == 0  # nothing is booked on a guess


def test_a_stripe_dispute_kassa_never_heard_of_is_reported_and_fetched(
    app, api, catalog, localstripe, stripe_account, worker
):
    payment = paid_by_card(app, api, localstripe, worker, catalog["sku"])
    opened = stripe_account.open(payment["provider_reference"], amount=600)  # its webhook never came
    assert api.get("/disputes").json["data"] == []

    run = reconcile(api, worker, channel="stripe")
    # The withdrawal and Stripe's dispute fee are listed; Kassa had neither, then fetched the dispute from Stripe.
    assert found(run) == {"missing_in_kassa": 2} and run["auto_resolved"] == 2
    listed = sorted(
        (d["line_type"], d["reference"], d["kassa_object"], d["provider"]["amount"], d["status"])
        for d in discrepancies(api, run)
    )
    assert listed == [
        ("dispute", opened["id"], payment["id"], 600, "resolved"),
        ("dispute_fee", opened["id"], payment["id"], DISPUTE_FEE, "resolved"),
    ]
    [dispute] = api.get("/disputes").json["data"]
    assert (dispute["order"], dispute["amount"], dispute["fee"]) == (payment["order"], 600, DISPUTE_FEE)

    again = reconcile(api, worker, channel="stripe")  # the day now agrees
    assert found(again) == {} and again["lines"] == again["matched"] == 3


def test_a_stripe_dispute_won_without_its_webhook_is_reported_and_fetched(
    app, api, catalog, localstripe, stripe_account, worker
):
    payment = paid_by_card(app, api, localstripe, worker, catalog["sku"])
    opened = stripe_account.open(payment["provider_reference"], amount=600)
    assert found(reconcile(api, worker, channel="stripe")) == {"missing_in_kassa": 2}  # fetched: Kassa has it open
    stripe_account.move(opened["id"], "won")  # Stripe gives the $6.00 back; its webhook never came

    run = reconcile(api, worker, channel="stripe")
    assert found(run) == {"status_mismatch": 1} and run["auto_resolved"] == 1
    [reversal] = [d for d in discrepancies(api, run) if d["line_type"] == "dispute_reversal"]
    assert (reversal["reference"], reversal["provider"]["amount"], reversal["status"]) == (
        opened["id"],
        600,
        "resolved",
    )
    [dispute] = api.get("/disputes").json["data"]
    assert dispute["status"] == "won"
