"""A free trial is had once: a customer who has had a product (trialing or paid, on any of its SKUs) signs up
without the trial and is charged the first period at once, and the API and the hosted checkout say so before the
shopper pays. Concurrent signups by one customer start one trial."""

from __future__ import annotations

import threading

import pytest
import requests

from app.signing import trials
from tests.conftest import wait_for
from tests.payments.attempts.test_concurrency import in_parallel
from tests.signing.renewals.test_renewals import another_plan, clock  # noqa: F401
from tests.signing.test_trials import checkout_form, trial_sku, trialing  # noqa: F401
from tests.support.signing import CUSTOMER, pay_first_order, subscribe


def canceled_trial(app, api, sandbox, worker, sku: str, clock: str) -> dict:
    sub = trialing(app, api, sandbox, worker, sku, clock)
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": False}).status_code == 200
    return sub


def test_a_customer_who_canceled_a_trial_signs_up_again_charged_at_once(
    app, api, client, sandbox, worker, trial_sku, clock
):
    canceled_trial(app, api, sandbox, worker, trial_sku, clock)
    again = subscribe(api, trial_sku, test_clock=clock)
    assert again["order"]["amount"]["total"] == 999  # the first period, due now: said before the shopper pays
    assert again["subscription"]["trial_days"] == 0
    assert again["subscription"]["price"] == {"amount": 999, "currency": "usd"}
    order = again["order"]
    page = client.get(f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}").get_data(as_text=True)
    assert "free trial" not in page and "$9.99" in page
    sub = pay_first_order(api, sandbox, worker, again)
    assert sub["status"] == "active" and sub["period"] == 1
    (payment,) = api.get(f"/orders/{order['id']}").json["payments"]
    assert payment["status"] == "succeeded" and payment["amount"] == 999


def test_a_paid_subscription_to_another_sku_of_the_product_counts(app, api, sandbox, worker, trial_sku, catalog, clock):
    another_plan(app, catalog, "sku_test_year", "Yearly", 9900, "year")
    yearly = subscribe(api, "sku_test_year", test_clock=clock)
    assert pay_first_order(api, sandbox, worker, yearly)["status"] == "active"
    monthly = subscribe(api, trial_sku, test_clock=clock)
    assert monthly["order"]["amount"]["total"] == 999 and monthly["subscription"]["trial_days"] == 0


def test_another_customer_and_a_signup_that_never_started_leave_the_trial(app, api, sandbox, worker, trial_sku, clock):
    canceled_trial(app, api, sandbox, worker, trial_sku, clock)
    assert subscribe(api, trial_sku, customer="cus_other")["order"]["amount"]["total"] == 0
    # A new customer's signup left unpaid: while its order is open it holds the trial, closed it leaves it.
    first = subscribe(api, trial_sku, customer="cus_new")
    assert first["order"]["amount"]["total"] == 0
    assert subscribe(api, trial_sku, customer="cus_new")["order"]["amount"]["total"] == 999
    assert api.post(f"/orders/{first['order']['id']}/cancel").status_code == 200
    worker()
    assert subscribe(api, trial_sku, customer="cus_new")["order"]["amount"]["total"] == 0


def test_a_signup_in_a_customers_name_by_a_publishable_key_keeps_no_trial_from_them(api, pk_api, trial_sku):
    # Any page holding the publishable key may sign up under any customer id. Such a signup, left unpaid, held the
    # customer's trial while its order was open, so a stranger repeating it every few minutes had the real customer
    # (named by the merchant's server) charged the first period at once instead of the trial.
    def claim() -> dict:
        made = pk_api.post(
            "/subscriptions", json={"sku": trial_sku, "customer": {"id": CUSTOMER}, "agreement_accepted": True}
        )
        assert made.status_code == 201, made.json
        return made.json

    assert claim()["order"]["amount"]["total"] == 0  # the claimant is offered the trial (the id has not had it)
    real = subscribe(api, trial_sku)
    assert real["order"]["amount"]["total"] == 0 and real["subscription"]["trial_days"] == 14
    assert claim()["order"]["amount"]["total"] == 999  # the customer's own signup holds it now


def test_the_hosted_checkout_says_a_returning_shopper_pays_today(app, api, client, sandbox, worker, trial_sku, catalog):
    form = checkout_form(client, catalog["product"], trial_sku)
    assert "Start free trial" in client.post(f"/checkout/{catalog['product']}/quote", data=form).get_data(as_text=True)
    paid = client.post(f"/checkout/{catalog['product']}/pay", data={**form, "channel": "sandbox_card", "agree": "on"})
    assert paid.status_code in (302, 303) or paid.headers.get("HX-Redirect")
    (sub,) = api.get("/subscriptions").json["data"]
    order = api.get(f"/orders/{sub['latest_order']}").json
    sandbox.simulate(order["payments"][0]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] in ("paid", "fulfilled", "completed"))
    worker()
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": False}).status_code == 200

    # The same browser (its guest) comes back for another trial.
    form = checkout_form(client, catalog["product"], trial_sku)
    quoted = client.post(f"/checkout/{catalog['product']}/quote", data=form).get_data(as_text=True)
    assert "Start free trial" not in quoted and "free trial, then" not in quoted
    assert "You have already had this product's free trial, so the first period is charged today." in quoted
    assert "First charge today: $9.99" in quoted and "Pay $9.99" in quoted
    paid = client.post(f"/checkout/{catalog['product']}/pay", data={**form, "channel": "sandbox_card", "agree": "on"})
    assert paid.status_code in (302, 303) or paid.headers.get("HX-Redirect")
    again = api.get("/subscriptions").json["data"][0]
    assert again["id"] != sub["id"] and again["trial_days"] == 0
    assert api.get(f"/orders/{again['latest_order']}").json["amount"]["total"] == 999


def test_a_signup_that_lost_the_trial_it_showed_is_refused_not_charged(api, client, trial_sku, catalog):
    form = checkout_form(client, catalog["product"], trial_sku)
    shown = client.post(f"/checkout/{catalog['product']}/quote", data=form).get_data(as_text=True)
    assert 'name="trial" value="1"' in shown  # the summary says what Pay starts
    press = {**form, "trial": "1", "channel": "sandbox_card", "agree": "on"}
    first = client.post(f"/checkout/{catalog['product']}/pay", data=press)
    assert first.status_code in (302, 303) or first.headers.get("HX-Redirect")
    # Pressed again on the page that still says "Start free trial" (another tab, the back button): the first
    # signup, still waiting for its payment, holds the trial.
    second = client.post(f"/checkout/{catalog['product']}/pay", data=press)
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "You have already had this product&#39;s free trial. Nothing was charged" in html
    assert "Pay $9.99" in html and "Start free trial" not in html
    assert len(api.get("/subscriptions").json["data"]) == 1


def signed_up_total(live_server: str, merchant, sku: str) -> int:
    """CUSTOMER signs up over real HTTP (the merchant's server, secret key): the first order's total."""
    r = requests.post(
        f"{live_server}/api/v1/subscriptions",
        timeout=30,
        headers={"Authorization": f"Bearer {merchant.secret_key}"},
        json={"sku": sku, "customer": {"id": CUSTOMER}, "agreement_accepted": True},
    )
    assert r.status_code == 201, r.text
    return r.json()["order"]["amount"]["total"]


@pytest.mark.postgres_only
def test_concurrent_trial_signups_by_one_customer_start_one_trial(api, merchant, trial_sku, live_server):
    totals = in_parallel(8, lambda _i: signed_up_total(live_server, merchant, trial_sku))
    assert sorted(totals) == [0] + [999] * 7
    subs = api.get(f"/subscriptions?customer={CUSTOMER}").json["data"]
    assert sorted(s["trial_days"] for s in subs) == [0] * 7 + [14]


@pytest.mark.postgres_only
def test_a_signup_overtaken_between_its_two_looks_at_the_claim_does_not_take_the_trial(
    api, merchant, trial_sku, live_server, monkeypatch
):
    """Of two signups, the second looked for the customer's claim before the first had committed it (none), and
    found it when it looked again to take it: it must not take over a claim its contract still holds."""

    def sign_up() -> int:
        return signed_up_total(live_server, merchant, trial_sku)

    looked = trials.trial_days_for
    first: list[int] = []

    def overtaken_after_looking(*args, **kwargs) -> int:
        days = looked(*args, **kwargs)
        if not first:
            first.append(-1)
            overtaking = threading.Thread(target=lambda: first.__setitem__(0, sign_up()))
            overtaking.start()  # another signup of the customer opens its contract and commits meanwhile
            overtaking.join(30)
        return days

    monkeypatch.setattr(trials, "trial_days_for", overtaken_after_looking)
    second = sign_up()

    assert (first, second) == ([0], 999)  # the one that committed first has the trial; the other pays now
    subs = api.get(f"/subscriptions?customer={CUSTOMER}").json["data"]
    assert sorted(s["trial_days"] for s in subs) == [0, 14]
