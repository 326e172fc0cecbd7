"""Subscriptions on Stripe, against localstripe through a loopback stand-in for the card saving it lacks
(tests/support/stripe_billing_server.py): the first payment saves the card on the customer's Stripe Customer,
renewals charge it off session on a test clock, a bank that wants the shopper sends the contract to dunning, a new
card is saved by a SetupIntent, and ending the contract detaches the card at Stripe."""

from __future__ import annotations

import pytest
import stripe

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import advance, clock, iso, monthly, unix  # noqa: F401  (fixtures)
from tests.support.books import ledger_sums
from tests.support.localstripe import SECRET_KEY
from tests.support.signing import CUSTOMER, subscribe
from tests.support.stripe_billing_server import StripeBilling

AUTHENTICATES = "4000002760003184"  # its bank asks the cardholder for every payment


@pytest.fixture
def stripe_account(app, localstripe, stripe_merchant, live_server):
    """The merchant's Stripe account as Kassa and the browser see it: localstripe behind the card-saving stand-in,
    its webhooks sent to the merchant's hook."""
    billing = StripeBilling(localstripe.url)
    saved = app.config["STRIPE_API_BASE"], app.config["STRIPE_JS_URL"]
    app.config["STRIPE_API_BASE"] = billing.url
    app.config["STRIPE_JS_URL"] = f"{billing.url}/js.stripe.com/v3/"
    localstripe.send_webhooks_to(f"{live_server}/hooks/channels/stripe/{stripe_merchant.id}")
    billing.client = stripe.StripeClient(SECRET_KEY, base_addresses={"api": billing.url}, max_network_retries=0)
    yield billing
    app.config["STRIPE_API_BASE"], app.config["STRIPE_JS_URL"] = saved
    billing.close()


def card(billing: StripeBilling, number: str = "4242424242424242") -> str:
    return billing.client.v1.payment_methods.create(
        params={"type": "card", "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"}}
    ).id


def pay_by_card(billing: StripeBilling, payment_intent: str, number: str = "4242424242424242") -> None:
    """What the card page does with the card Stripe.js made: attach it to the PaymentIntent and confirm; a card
    whose bank asks is then authenticated, as Stripe.js does when the shopper completes the check."""
    billing.client.v1.payment_intents.update(payment_intent, params={"payment_method": card(billing, number)})
    intent = billing.client.v1.payment_intents.confirm(payment_intent)
    if intent.status == "requires_action":
        billing.client.raw_request(
            "post",
            f"/v1/payment_intents/{payment_intent}/_authenticate",
            client_secret=intent.client_secret,
            success="true",
        )


def status_of(api, order_id: str) -> str:
    return api.get(f"/orders/{order_id}").json["status"]


def stripe_subscription(api, worker, billing, sku: str, test_clock: str, number: str = "4242424242424242") -> dict:
    """A contract opened over the API and its first order paid by card at Stripe; the contract then."""
    created = subscribe(api, sku, test_clock=test_clock)
    paid = api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "stripe"})
    assert paid.status_code == 200, paid.json
    pay_by_card(billing, paid.json["payment"]["provider_reference"], number)
    wait_for(lambda: status_of(api, created["order"]["id"]) in ("paid", "fulfilled"), timeout=15)
    worker()
    return api.get(f"/subscriptions/{created['subscription']['id']}").json


def test_a_stripe_card_subscription_renews_three_periods_with_one_off_session_charge_each(
    app, api, worker, stripe_account, monthly, clock
):
    sub = stripe_subscription(api, worker, stripe_account, monthly, clock)
    assert sub["status"] == "active"
    assert sub["mandate"]["channel"] == "stripe" and sub["mandate"]["status"] == "active"
    method = stripe_account.client.v1.payment_methods.retrieve(sub["mandate"]["reference"])
    assert method.customer and method.customer.startswith("cus_")  # saved on the customer's Stripe Customer

    advance(api, worker, clock, unix(2027, 4, 30, 13))

    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 4
    assert [r["status"] for r in after["renewals"]] == ["paid"] * 3
    creates = stripe_account.off_session_creates
    assert len(creates) == 3  # one charge per period, each on the saved card of that Customer
    assert {(c["customer"], c["payment_method"], c["amount"]) for c in creates} == {(method.customer, method.id, "999")}
    attempts = [api.get(f"/orders/{r['order']}").json["payments"] for r in after["renewals"]]
    assert [[p["status"] for p in payments] for payments in attempts] == [["succeeded"]] * 3
    # Stripe's idempotency key of each charge is the renewal attempt's id, and so is its metadata.
    assert sorted(c["metadata[kassa_attempt_id]"] for c in creates) == sorted(p[0]["id"] for p in attempts)
    for payments in attempts:
        intent = stripe_account.client.v1.payment_intents.retrieve(payments[0]["provider_reference"])
        assert (intent.status, intent.amount, intent.customer) == ("succeeded", 999, method.customer)
    assert ledger_sums(app) == {"usd": 0}


def test_a_second_subscription_of_the_customer_uses_the_same_stripe_customer(
    app, api, worker, stripe_account, monthly, clock
):
    first = stripe_subscription(api, worker, stripe_account, monthly, clock)
    assert api.post(f"/subscriptions/{first['id']}/cancel", json={}).status_code == 200
    second = stripe_subscription(api, worker, stripe_account, monthly, clock)
    with app.app_context():
        from app.extensions import db
        from app.payments.channels.adapters.stripe_customers import StripeCustomer

        rows = [(r.customer_id, r.livemode, r.stripe_customer_id) for r in db.session.query(StripeCustomer)]
    assert len(rows) == 1 and rows[0][:2] == (CUSTOMER, False)
    assert stripe_account.client.v1.payment_methods.retrieve(second["mandate"]["reference"]).customer == rows[0][2]


def test_a_renewal_whose_bank_asks_for_the_shopper_goes_past_due_and_is_not_charged(
    app, api, worker, stripe_account, monthly, clock
):
    sub = stripe_subscription(api, worker, stripe_account, monthly, clock, number=AUTHENTICATES)
    assert sub["status"] == "active"

    advance(api, worker, clock, unix(2027, 2, 28, 13))

    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "past_due"
    renewal = after["renewals"][-1]
    payments = api.get(f"/orders/{renewal['order']}").json["payments"]
    assert [p["status"] for p in payments] == ["failed"]
    intent = stripe_account.client.v1.payment_intents.retrieve(payments[0]["provider_reference"])
    assert intent.status == "canceled"  # nobody can authenticate it off session: it can never be captured later
    assert ledger_sums(app).get("usd", 0) == 0


def test_canceling_the_subscription_detaches_the_card_at_stripe(app, api, worker, stripe_account, monthly, clock):
    sub = stripe_subscription(api, worker, stripe_account, monthly, clock)
    method = sub["mandate"]["reference"]
    assert stripe_account.client.v1.payment_methods.retrieve(method).customer

    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={})
    assert canceled.status_code == 200, canceled.json
    worker()  # the outbox cancels the mandate at the provider

    assert stripe_account.client.v1.payment_methods.retrieve(method).customer is None
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["mandate"]["status"] == "canceled"
