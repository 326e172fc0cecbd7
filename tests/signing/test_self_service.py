"""Shopper self-service: the merchant's server gets a link for one customer; behind it the customer sees only
their own subscriptions, cancels with a confirmation step, and fixes a failed renewal by paying it with a new
card, which signs a new mandate."""

from __future__ import annotations

import re
import time
from datetime import datetime
from urllib.parse import urlsplit

import requests

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, decline_next, monthly, unix  # noqa: F401  (fixtures)
from tests.support.signing import CUSTOMER, pay_first_order, subscribe


def billing_link(api, customer: str = CUSTOMER) -> str:
    response = api.post(f"/customers/{customer}/billing_links")
    assert response.status_code == 201, response.json
    expires_at = datetime.fromisoformat(response.json["expires_at"])  # ISO 8601 UTC, as every time in an answer
    assert expires_at.tzinfo is not None and expires_at.timestamp() > time.time() + 3000  # an hour
    return urlsplit(response.json["url"]).path


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_the_link_shows_the_customers_own_subscriptions_only(api, client, sandbox, worker, monthly):
    mine = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    pay_first_order(api, sandbox, worker, subscribe(api, monthly, customer="cus_someone_else"))
    page = client.get(billing_link(api))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "$9.99 every month, cancel anytime" in html and "Renews on" in html
    assert html.count('class="subscription"') == 1 and mine["id"] in html


def test_without_a_valid_link_nothing_is_shown(api, client, sandbox, worker, monthly):
    pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    path = billing_link(api)
    forged = path[:-4] + ("AAAA" if not path.endswith("AAAA") else "BBBB")
    answer = client.get(forged)
    assert answer.status_code == 404 and "not valid" in answer.get_data(as_text=True)
    assert client.get("/checkout/billing/").status_code == 404
    assert api.post("/customers/%20/billing_links").status_code == 400


def test_cancelling_asks_first_and_keeps_the_paid_period(api, client, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    path = billing_link(api)
    confirm = client.get(f"{path}/subscriptions/{sub['id']}/cancel").get_data(as_text=True)
    assert "You keep what you paid for until" in confirm
    assert api.get(f"/subscriptions/{sub['id']}").json["cancel_at_period_end"] is False  # nothing yet
    done = client.post(f"{path}/subscriptions/{sub['id']}/cancel", data={"csrf_token": csrf(confirm)})
    assert done.status_code == 303
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["cancel_at_period_end"] is True
    assert after["timeline"][-1]["reason"] == "cancels at the end of the current period"
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Your subscription was canceled" in page and "You will not be charged again" in page


def test_an_ended_subscription_says_its_card_authorisation_ended_too(api, client, sandbox, worker, monthly):
    """Canceled, the contract's mandate is canceled with it: the customer's page says the card may no longer be
    charged for it, in their language (before: "Paid with" the card alone, as if the authorisation still stood)."""
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    assert api.post(f"/subscriptions/{sub['id']}/cancel").status_code == 200
    path = billing_link(api)
    page = client.get(path).get_data(as_text=True)
    assert "Paid with: Card (sandbox) (authorisation ended with the subscription)" in page
    german = client.get(path, headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert "(Ermächtigung mit dem Abonnement beendet)" in german


def test_another_customers_subscription_cannot_be_cancelled_through_a_link(api, client, sandbox, worker, monthly):
    theirs = pay_first_order(api, sandbox, worker, subscribe(api, monthly, customer="cus_victim"))
    mine = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    path = billing_link(api)
    confirm = client.get(f"{path}/subscriptions/{mine['id']}/cancel").get_data(as_text=True)
    assert client.get(f"{path}/subscriptions/{theirs['id']}/cancel").status_code == 404
    answer = client.post(f"{path}/subscriptions/{theirs['id']}/cancel", data={"csrf_token": csrf(confirm)})
    assert answer.status_code == 404
    assert api.get(f"/subscriptions/{theirs['id']}").json["cancel_at_period_end"] is False


def pay_renewal_with_a_new_card(api, client, sandbox, worker, sub: dict, path: str | None = None) -> dict:
    """The past-due shopper opens their billing page (by ``path``, else a link the merchant's server asks for),
    pays the contract's failed renewal with a new card (which signs the recurring terms) and the provider approves
    it; the contract once it has renewed."""
    page = client.get(path or billing_link(api)).get_data(as_text=True)
    # The billing page lists every contract; an email's link opens this one's payment method page.
    found = re.search(rf'aria-labelledby="sub-{sub["id"]}">(.*?)</article>', page, re.S)
    card = found.group(1) if found else page
    assert "Your last payment did not go through" in card
    order_url = re.search(r'href="(/checkout/orders/[^"]+)"', card).group(1).replace("&amp;", "&")
    order_page = client.get(order_url).get_data(as_text=True)
    paid = client.post(
        order_url.split("?")[0] + "/pay",
        data={
            "csrf_token": csrf(order_page),
            "channel": "sandbox_card",
            "client_secret": re.search(r"client_secret=([^&\"]+)", order_url).group(1),
        },
    )
    assert paid.status_code in (302, 303)
    provider_page = requests.get(paid.headers["Location"], timeout=5).text
    assert "Authorise future payments" in provider_page  # the new card signs the recurring terms
    sandbox.simulate(re.search(r"(sbp_[a-z0-9]+)", paid.headers["Location"]).group(1), "succeeded")

    def renewed():
        worker()
        return (s := api.get(f"/subscriptions/{sub['id']}").json)["status"] == "active" and s

    return wait_for(renewed)


def test_a_past_due_shopper_pays_with_a_new_card_which_becomes_the_mandate(
    api, client, sandbox, worker, monthly, clock
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)  # the old card keeps failing
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "past_due"

    after = pay_renewal_with_a_new_card(api, client, sandbox, worker, sub)
    assert after["renewals"][0]["status"] == "paid" and after["period"] == 2
    assert after["mandate"]["reference"] != sub["mandate"]["reference"]  # later periods use the new card
    advance(api, worker, clock, unix(2027, 3, 31, 13))
    again = api.get(f"/subscriptions/{sub['id']}").json
    assert [r["status"] for r in again["renewals"]] == ["paid", "paid"] and again["status"] == "active"
