"""The subscription journey in a real browser: a shopper pays a subscription's first order on the hosted page
and authorises the recurring charge at the provider; the merchant advances a test clock in the portal and sees
the renewal; the shopper cancels from the self-service link the merchant's server obtained."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import serious_violations, sign_in
from tests.support.signing import make_recurring

pytestmark = pytest.mark.e2e


def test_subscribe_renew_on_a_test_clock_and_cancel_from_the_self_service_link(
    page: Page, app, api, merchant, catalog, sandbox, worker
):
    make_recurring(app, catalog["sku"], "month")
    start = int(datetime(2027, 1, 31, 12, tzinfo=timezone.utc).timestamp())
    clock = api.post("/test_clocks", json={"frozen_time": start}).json["id"]
    created = api.post(
        "/subscriptions",
        json={
            "sku": catalog["sku"],
            "customer": {"id": "cus_journey"},
            "agreement_accepted": True,
            "test_clock": clock,
        },
    ).json
    order, sub_id = created["order"], created["subscription"]["id"]

    # The shopper pays the first order and authorises the renewals at the provider.
    page.goto(f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}")
    expect(page.get_by_test_id("recurring-terms")).to_contain_text("$9.99 every month, cancel anytime")
    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("button", name="Pay $9.99").click()
    expect(page.get_by_text("Authorise future payments")).to_be_visible()
    expect(page.get_by_text("$9.99 every month, cancel anytime")).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()
    worker()
    assert api.get(f"/subscriptions/{sub_id}").json["status"] == "active"

    # The merchant advances the clock a month in the portal and sees the renewal.
    sign_in(page, merchant.email, merchant.password)
    page.get_by_role("navigation", name="Portal").get_by_text("Sales").click()
    page.get_by_role("navigation", name="Portal").get_by_role("link", name="Subscriptions").click()
    page.get_by_role("link", name=sub_id).click()
    expect(page.get_by_role("heading", name=re.compile(f"Subscription {sub_id}"))).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("link", name=clock).click()
    page.get_by_label("Advance to (UTC)").fill("2027-03-01T12:00")
    page.get_by_role("button", name="Advance clock").click()
    expect(page.get_by_role("heading", name=re.compile("advancing"))).to_be_visible()
    worker()
    expect(page.get_by_role("heading", name=re.compile("2027-03-01 12:00 UTC — ready"))).to_be_visible(timeout=10_000)
    page.get_by_role("link", name=sub_id).click()
    renewals = page.get_by_role("table", name="Each renewal period with its order and deduction tries")
    expect(renewals.get_by_text("paid")).to_be_visible()
    expect(renewals.get_by_text("sandbox_card: succeeded")).to_be_visible()

    # The shopper cancels from the link the merchant's server obtained.
    link = api.post("/customers/cus_journey/billing_links").json["url"]
    page.goto(link)
    expect(page.get_by_role("heading", name="Your subscriptions")).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("link", name="Cancel subscription").click()
    expect(page.get_by_text("You keep what you paid for until March 31, 2027")).to_be_visible()
    page.get_by_role("button", name="Yes, cancel it").click()
    expect(page.get_by_role("status")).to_have_text("Your subscription was canceled.")
    assert api.get(f"/subscriptions/{sub_id}").json["cancel_at_period_end"] is True
