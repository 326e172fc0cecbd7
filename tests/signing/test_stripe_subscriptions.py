"""Subscriptions on Stripe, against localstripe through a loopback stand-in for the card saving it lacks
(tests/support/stripe_billing_server.py): the first payment saves the card on the customer's Stripe Customer,
renewals charge it off session on a test clock, a bank that wants the shopper sends the contract to dunning, a new
card is saved by a SetupIntent, and ending the contract detaches the card at Stripe."""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import re
import time
from urllib.parse import urlsplit

import pytest
import stripe

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import advance, clock, iso, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_self_service import billing_link, csrf
from tests.signing.test_trials import trial_sku  # noqa: F401  (fixture)
from tests.support.books import ledger_sums
from tests.support.localstripe import SECRET_KEY, WEBHOOK_SECRET
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


def test_a_free_trial_saves_the_card_with_a_setup_intent_and_its_end_charges_it(
    app, api, worker, stripe_account, trial_sku, clock
):
    from app.platform.queueing import PAYMENTS, enqueue

    created = subscribe(api, trial_sku, test_clock=clock)
    assert created["order"]["amount"]["total"] == 0
    paid = api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "stripe"})
    assert paid.status_code == 200, paid.json
    setup = paid.json["payment"]["provider_reference"]
    assert setup.startswith("seti_")  # nothing to charge: a SetupIntent saves the card
    assert paid.json["payment"]["next_action"]["url"].startswith(f"{app.config['PUBLIC_URL']}/checkout/card/")
    confirmed = stripe_account.client.v1.setup_intents.confirm(setup, params={"payment_method": card(stripe_account)})
    assert confirmed.status == "succeeded"

    with app.app_context():
        # localstripe sends no setup_intent event: the poll asks
        enqueue("app.jobs.poll_pending_payments", lane=PAYMENTS)
    worker()
    wait_for(lambda: status_of(api, created["order"]["id"]) in ("paid", "fulfilled"), timeout=15)
    worker()
    sub = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert sub["status"] == "trialing" and sub["mandate"]["channel"] == "stripe"
    assert stripe_account.client.v1.payment_methods.retrieve(sub["mandate"]["reference"]).customer
    assert stripe_account.off_session_creates == []  # nothing charged for the trial

    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and [r["status"] for r in after["renewals"]] == ["paid"]
    [charge] = stripe_account.off_session_creates
    assert (charge["payment_method"], charge["amount"]) == (sub["mandate"]["reference"], "999")
    assert ledger_sums(app) == {"usd": 0}


def save_card_on_billing_page(api, client, billing: StripeBilling, sub: dict, number: str) -> str:
    """The subscriber's card update over HTTP: the billing page starts a SetupIntent and sends them to the card
    page, Stripe.js confirms it with the card (here the library, as localstripe's element would), and they come
    back; the contract's card then."""
    path = billing_link(api)
    form = client.get(f"{path}/subscriptions/{sub['id']}/payment_method").get_data(as_text=True)
    started = client.post(
        f"{path}/subscriptions/{sub['id']}/payment_method", data={"csrf_token": csrf(form), "channel": "stripe"}
    )
    assert started.status_code == 303 and "/checkout/card/" in started.headers["Location"]
    page = client.get(urlsplit(started.headers["Location"]).path).get_data(as_text=True)
    assert "Save a card for your subscription" in page and "Nothing is charged now" in page
    secret = re.search(r'data-setup-secret="([^"]+)"', page).group(1)
    setup = secret.split("_secret_")[0]
    confirmed = billing.client.v1.setup_intents.confirm(setup, params={"payment_method": card(billing, number)})
    assert confirmed.status == "succeeded"
    back = html.unescape(re.search(r'data-next-url="([^"]+)"', page).group(1))
    outcome = client.get(f"{urlsplit(back).path}?{urlsplit(back).query}", follow_redirects=True)
    assert "Your new payment method is saved" in outcome.get_data(as_text=True)
    return api.get(f"/subscriptions/{sub['id']}").json["mandate"]["reference"]


def test_a_declined_renewal_follows_the_dunning_schedule_until_a_new_card_pays_it(
    app, api, client, worker, stripe_account, monthly, clock
):
    sub = stripe_subscription(api, worker, stripe_account, monthly, clock)
    declining = save_card_on_billing_page(api, client, stripe_account, sub, "4000000000000341")  # declined on charge
    worker()  # the outbox detaches the card it replaced
    assert stripe_account.client.v1.payment_methods.retrieve(sub["mandate"]["reference"]).customer is None

    advance(api, worker, clock, unix(2027, 2, 28, 13))
    past_due = api.get(f"/subscriptions/{sub['id']}").json
    assert past_due["status"] == "past_due"
    renewal = past_due["renewals"][0]
    assert renewal["status"] == "pending" and renewal["attempts"] == 1
    assert renewal["next_attempt_at"] == iso(2027, 3, 1) and renewal["last_error"]

    advance(api, worker, clock, unix(2027, 3, 1, 13))  # the schedule's next try: declined again
    assert api.get(f"/subscriptions/{sub['id']}").json["renewals"][0]["attempts"] == 2

    # The subscriber pays the open renewal by hand with another card (the billing page sends a past-due
    # subscriber to its order), which saves that card for the renewals after it.
    order = renewal["order"]
    paid = api.post(f"/orders/{order}/pay", json={"channel": "stripe"})
    assert paid.status_code == 200, paid.json
    pay_by_card(stripe_account, paid.json["payment"]["provider_reference"])
    wait_for(lambda: status_of(api, order) in ("paid", "fulfilled"), timeout=15)
    worker()
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert renewed["status"] == "active" and renewed["renewals"][0]["status"] == "paid"
    assert [p["status"] for p in api.get(f"/orders/{order}").json["payments"]] == ["failed", "failed", "succeeded"]
    good = renewed["mandate"]["reference"]
    assert good != declining and stripe_account.client.v1.payment_methods.retrieve(declining).customer is None

    advance(api, worker, clock, unix(2027, 3, 31, 13))  # the next period renews on the new card
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert [r["status"] for r in after["renewals"]] == ["paid", "paid"]
    assert [c["payment_method"] for c in stripe_account.off_session_creates] == [declining, declining, good]
    assert ledger_sums(app) == {"usd": 0}


def signed_event(event_type: str, obj: dict, secret: str = WEBHOOK_SECRET) -> tuple[bytes, dict]:
    """An event as Stripe sends it: the object as it stands, signed with the endpoint's secret (Stripe's scheme)."""
    stamp = int(time.time())
    payload = json.dumps({"id": f"evt_{stamp}", "object": "event", "type": event_type, "data": {"object": obj}})
    signature = hmac.new(secret.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return payload.encode(), {"Content-Type": "application/json", "Stripe-Signature": f"t={stamp},v1={signature}"}


def test_a_setup_intent_webhook_is_verified_and_applied_once(
    app, api, client, worker, stripe_account, stripe_merchant, monthly, clock
):
    sub = stripe_subscription(api, worker, stripe_account, monthly, clock)
    path = billing_link(api)
    form = client.get(f"{path}/subscriptions/{sub['id']}/payment_method").get_data(as_text=True)
    client.post(
        f"{path}/subscriptions/{sub['id']}/payment_method", data={"csrf_token": csrf(form), "channel": "stripe"}
    )
    setup = stripe_account.client.v1.setup_intents.list(params={"limit": 1}).data[0]
    confirmed = stripe_account.client.v1.setup_intents.confirm(
        setup.id, params={"payment_method": card(stripe_account)}
    )
    hook = f"/hooks/channels/stripe/{stripe_merchant.id}"

    body, headers = signed_event("setup_intent.succeeded", confirmed.to_dict(), secret="whsec_someone_else")
    assert client.post(hook, data=body, headers=headers).status_code == 400  # not Stripe's: nothing read
    assert api.get(f"/subscriptions/{sub['id']}").json["mandate"]["reference"] == sub["mandate"]["reference"]

    body, headers = signed_event("setup_intent.succeeded", confirmed.to_dict())
    for _ in range(2):  # Stripe sends an event again when it is unsure it arrived
        answer = client.post(hook, data=body, headers=headers)
        assert answer.status_code == 200 and answer.json["mandate_setup"].startswith("mset_"), answer.json
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["mandate"]["reference"] == confirmed.payment_method
    updates = [t for t in after["timeline"] if t["reason"].startswith("payment method updated")]
    assert len(updates) == 1


def test_a_card_detached_in_stripes_dashboard_is_learned_by_the_contract_check(
    app, api, worker, stripe_account, monthly, clock
):
    from app.jobs import reconcile_contracts

    sub = stripe_subscription(api, worker, stripe_account, monthly, clock)
    stripe_account.client.v1.payment_methods.detach(sub["mandate"]["reference"])  # the merchant, at Stripe

    with app.app_context():
        assert reconcile_contracts()["found"] == {"mandate_revoked_at_provider": 1}
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["mandate"]["status"] == "revoked" and after["cancel_at_period_end"] is True
    advance(api, worker, clock, unix(2027, 3, 5))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "canceled"
    assert stripe_account.off_session_creates == []  # never charged again


def test_the_janitor_finds_a_trials_setup_intent_whose_create_answer_was_lost(
    app, api, worker, stripe_account, trial_sku, clock
):
    from app.extensions import db
    from app.payments.attempts.janitor import resolve_unknown_attempt
    from app.payments.attempts.unknown_outcomes import mark_outcome_unknown
    from app.payments.models import PaymentAttempt

    created = subscribe(api, trial_sku, test_clock=clock)
    payment = api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "stripe"}).json["payment"]
    with app.app_context():
        # As if the create call had timed out: Kassa never learnt the SetupIntent's id.
        db.session.execute(
            PaymentAttempt.__table__.update().where(PaymentAttempt.id == payment["id"]).values(provider_reference=None)
        )
        db.session.commit()
        mark_outcome_unknown(payment["id"], "Stripe did not answer")
        attempt = resolve_unknown_attempt(payment["id"])
        assert (attempt.status, attempt.provider_reference) == ("pending", payment["provider_reference"])
        assert "/checkout/card/" in attempt.next_action["url"]  # the shopper can still save the card
