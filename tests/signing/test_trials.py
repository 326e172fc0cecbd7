"""Free trials, as a merchant and a shopper meet them: the merchant gives a subscription SKU a trial over the API,
the shopper signs the mandate at the provider and is charged nothing, the contract is ``trialing`` until the trial
ends, and the renewal sweep charges the first period then (on a test clock advanced over the API)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import requests

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay
from tests.signing.renewals.test_renewals import (  # noqa: F401  (fixtures)
    START,
    advance,
    clock,
    decline_next,
    events,
    iso,
    membership_until,
    unix,
)
from tests.support.signing import CUSTOMER, make_recurring, pay_first_order, subscribe

SANDBOX_KEY = {"Authorization": "Bearer sbx_test_demo_key"}
TRIAL_END = START + timedelta(days=14)


@pytest.fixture
def trial_sku(app, api, catalog) -> str:
    """The 30-day SKU sold monthly with a 14-day free trial, set as the merchant sets it: over the API."""
    from app.catalog.models import Sku
    from app.extensions import db

    make_recurring(app, catalog["sku"], "month")
    with app.app_context():
        db.session.get(Sku, catalog["sku"]).fulfilment = {"membership_days": 30}
        db.session.commit()
    changed = api.client.patch(
        f"/api/v1/skus/{catalog['sku']}",
        headers={"Authorization": f"Bearer {api.key}"},
        json={"subscription": {"interval": "month", "interval_count": 1, "trial_days": 14}},
    )
    assert changed.status_code == 200, changed.json
    assert changed.json["subscription"] == {"interval": "month", "interval_count": 1, "trial_days": 14}
    return catalog["sku"]


def journal_entries(app) -> int:
    from sqlalchemy import func, select

    from app.extensions import db
    from app.ledger.models import JournalEntry

    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(JournalEntry))


def provider_payment(sandbox, reference: str) -> dict:
    return requests.get(f"{sandbox.url}/sandbox/api/payments/{reference}", headers=SANDBOX_KEY, timeout=5).json()


def checkout_form(client, product: str, sku: str, **extra: str) -> dict:
    """The hosted checkout's form for one unit of ``sku``, as the shopper's browser posts it."""
    html = client.get(f"/checkout/{product}?sku={sku}").get_data(as_text=True)
    return {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1),
        "sku": sku,
        "quantity": "1",
        **extra,
    }


def trialing(app, api, sandbox, worker, sku: str, clock: str) -> dict:
    """A contract on the trial SKU, its first order paid at the sandbox: nothing charged, nothing booked."""
    created = subscribe(api, sku, test_clock=clock)
    assert created["order"]["amount"]["total"] == 0
    assert created["subscription"]["price"] == {"amount": 999, "currency": "usd"}
    booked = journal_entries(app)
    sub = pay_first_order(api, sandbox, worker, created)
    assert journal_entries(app) == booked  # a signing of nothing books nothing
    (payment,) = api.get(f"/orders/{created['order']['id']}").json["payments"]
    assert payment["status"] == "succeeded" and payment["amount"] == 0
    at_provider = provider_payment(sandbox, payment["provider_reference"])
    assert at_provider["amount"] == 0 and at_provider["mandate"]["status"] == "active"
    assert sub["status"] == "trialing" and sub["period"] == 0 and sub["trial_days"] == 14
    assert sub["current_period_start"] == START.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert sub["current_period_end"] == sub["next_renewal_at"] == TRIAL_END.strftime("%Y-%m-%dT%H:%M:%SZ")
    return sub


def test_a_trial_signs_for_nothing_and_its_end_charges_the_first_period_once(
    app, api, sandbox, worker, trial_sku, clock
):
    sub = trialing(app, api, sandbox, worker, trial_sku, clock)
    assert membership_until(api) == TRIAL_END  # the trial's membership covers the trial
    booked = journal_entries(app)
    confirmed = api.post(f"/orders/{sub['latest_order']}/confirm")  # completed, so cleared: of nothing
    assert confirmed.status_code == 200 and confirmed.json["status"] == "completed", confirmed.json
    worker()
    assert journal_entries(app) == booked
    (activated,) = events(api, "subscription.activated")
    assert activated["status"] == "trialing"

    advance(api, worker, clock, unix(2027, 2, 13))  # a day before the trial ends: nothing charged yet
    assert api.get(f"/subscriptions/{sub['id']}").json["renewals"] == []

    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 1
    assert after["current_period_start"] == TRIAL_END.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert after["current_period_end"] == iso(2027, 3, 14)
    (renewal,) = after["renewals"]
    assert renewal["status"] == "paid" and renewal["period"] == 1
    order = api.get(f"/orders/{renewal['order']}").json
    assert order["amount"]["total"] == 999 and [p["status"] for p in order["payments"]] == ["succeeded"]
    assert membership_until(api).timestamp() == unix(2027, 3, 14)
    assert len(events(api, "subscription.renewed")) == 1
    with app.app_context():
        from app.payments.integrity import run_check

        assert run_check().ok  # every entry balances and each order's postings match what was captured


@pytest.mark.parametrize("at_period_end", [True, False])
def test_a_trial_canceled_before_its_end_is_never_charged(app, api, sandbox, worker, trial_sku, clock, at_period_end):
    sub = trialing(app, api, sandbox, worker, trial_sku, clock)
    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": at_period_end})
    assert canceled.status_code == 200, canceled.json
    advance(api, worker, clock, unix(2027, 4, 30))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["renewals"] == [] and after["period"] == 0
    assert after["mandate"]["status"] == "canceled"
    orders = api.get(f"/orders?customer={CUSTOMER}").json["data"]
    assert [o["amount"]["total"] for o in orders] == [0]  # the signing, and no charge ever


def test_a_declined_charge_at_the_trials_end_goes_to_dunning(app, api, sandbox, worker, trial_sku, clock):
    sub = trialing(app, api, sandbox, worker, trial_sku, clock)
    decline_next(sandbox, sub, 1)
    advance(api, worker, clock, unix(2027, 2, 14, 13))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "past_due" and [r["status"] for r in after["renewals"]] == ["pending"]
    advance(api, worker, clock, unix(2027, 2, 20))  # the next dunning try is approved
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 1 and after["renewals"][0]["status"] == "paid"


def test_a_wallet_trial_signs_the_wallet_and_takes_nothing_until_the_trial_ends(
    app, api, sandbox, worker, trial_sku, clock
):
    from tests.ledger.wallet.test_wallet import balance, top_up

    top_up(api, sandbox, worker, 1500, customer=CUSTOMER)
    created = subscribe(api, trial_sku, test_clock=clock)
    assert api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "wallet"}).status_code == 200
    worker()
    sub = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert sub["status"] == "trialing" and sub["mandate"]["channel"] == "wallet"
    assert balance(api, CUSTOMER)["available"] == [{"amount": 1500, "currency": "usd"}]
    advance(api, worker, clock, unix(2027, 2, 14, 13))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"
    assert balance(api, CUSTOMER)["available"] == [{"amount": 501, "currency": "usd"}]


def test_a_trial_is_offered_only_through_channels_that_sign_a_mandate(api, sandbox, trial_sku):
    created = subscribe(api, trial_sku)
    offered = [c["code"] for c in created["order"]["available_channels"]]
    assert "sandbox_card" in offered and "sandbox_qr" not in offered
    refused = api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "sandbox_qr"})
    assert refused.status_code == 400 and refused.json["error"]["param"] == "channel"
    assert "free trial" in refused.json["error"]["message"]


def test_the_provider_page_asks_to_authorise_with_nothing_to_pay_now(api, sandbox, trial_sku):
    payment = pay(api, subscribe(api, trial_sku)["order"]["id"])
    page = requests.get(payment["next_action"]["url"], timeout=5).text
    assert "Nothing to pay now" in page and "$9.99 every month" in page


def test_a_coupon_on_a_trial_signup_says_it_has_nothing_to_take_off(app, client, merchant, trial_sku, catalog):
    from app.catalog.coupons import create_coupon

    with app.app_context():
        create_coupon(merchant.id, {"code": "HALF", "kind": "percent_off", "percent_bps": 5000})
    form = checkout_form(client, catalog["product"], trial_sku, coupon="half")
    quoted = client.post(f"/checkout/{catalog['product']}/quote", data=form).get_data(as_text=True)
    assert "A coupon cannot be used with a free trial" in quoted and "Due today: $0.00" in quoted


def test_the_hosted_checkout_says_the_trial_and_nothing_due_today(api, client, sandbox, worker, trial_sku, catalog):
    form = checkout_form(client, catalog["product"], trial_sku)
    quoted = client.post(f"/checkout/{catalog['product']}/quote", data=form).get_data(as_text=True)
    assert "14-day free trial, then $9.99 every month" in quoted
    assert "Due today: $0.00" in quoted and "Pay $0.00" not in quoted and "Start free trial" in quoted
    assert "First charge today" not in quoted
    paid = client.post(f"/checkout/{catalog['product']}/pay", data={**form, "channel": "sandbox_card", "agree": "on"})
    assert paid.status_code in (302, 303) or paid.headers.get("HX-Redirect")
    (sub,) = api.get("/subscriptions").json["data"]
    order = api.get(f"/orders/{sub['latest_order']}").json
    assert order["amount"]["total"] == 0
    sandbox.simulate(order["payments"][0]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] in ("paid", "fulfilled", "completed"))
    worker()
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "trialing"
    done = client.get(f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}").get_data(as_text=True)
    assert "Free trial started" in done and "Nothing was charged today" in done and "Payment successful" not in done


def test_the_hosted_checkout_speaks_the_trial_in_german(api, client, trial_sku, catalog):
    html = client.get(f"/checkout/{catalog['product']}?sku={trial_sku}", headers={"Accept-Language": "de-DE"}).get_data(
        as_text=True
    )
    assert "14 Tage kostenlos testen" in html and "Heute fällig" in html


def test_a_trial_lends_access_but_its_credits_come_with_the_first_charge(app, api, sandbox, worker, trial_sku, clock):
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():
        db.session.get(Sku, trial_sku).fulfilment = {"credits": 100}
        db.session.commit()
    sub = trialing(app, api, sandbox, worker, trial_sku, clock)
    assert api.get(f"/customers/{CUSTOMER}/entitlements").json["credits"] == 0
    advance(api, worker, clock, unix(2027, 2, 14, 13))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"
    assert api.get(f"/customers/{CUSTOMER}/entitlements").json["credits"] == 100


def test_a_trial_paused_and_resumed_within_it_is_trialing_again(api, sandbox, worker, trial_sku, clock):
    sub = trialing(api.client.application, api, sandbox, worker, trial_sku, clock)
    assert api.post(f"/subscriptions/{sub['id']}/pause").status_code == 200
    resumed = api.post(f"/subscriptions/{sub['id']}/resume")
    assert resumed.status_code == 200 and resumed.json["status"] == "trialing"
    assert resumed.json["next_renewal_at"] == TRIAL_END.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_customers_billing_page_shows_the_trial_and_cancels_it_without_a_charge(
    app, api, client, sandbox, worker, trial_sku, clock
):
    from tests.signing.test_self_service import billing_link, csrf

    sub = trialing(app, api, sandbox, worker, trial_sku, clock)
    path = billing_link(api)
    html = client.get(path).get_data(as_text=True)
    assert "Status: <strong>Trial</strong>" in html
    assert "Your free trial ends on February 14, 2027; the first charge of $9.99 is then" in html
    confirm = client.get(f"{path}/subscriptions/{sub['id']}/cancel").get_data(as_text=True)
    assert "Your free trial continues until February 14, 2027, and nothing will be charged." in confirm
    assert (
        client.post(f"{path}/subscriptions/{sub['id']}/cancel", data={"csrf_token": csrf(confirm)}).status_code == 303
    )
    assert "and so does the subscription. You will not be charged." in client.get(path).get_data(as_text=True)
    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["renewals"] == []


def test_a_trials_signing_reconciles_as_a_clean_day(app, api, sandbox, worker, trial_sku, clock):
    from tests.reconciliation.test_reconciliation import found, reconcile

    trialing(app, api, sandbox, worker, trial_sku, clock)
    run = reconcile(api, worker)  # the provider's statement lists the signing, of nothing, beside Kassa's record
    assert found(run) == {} and run["lines"] == run["matched"] == 1, run
