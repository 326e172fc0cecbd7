"""A free trial is had once, in a real browser: a shopper starts a product's trial on the hosted page and cancels
it; back on the page for another, it says the first period is charged today, and Pay charges it."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.signing.test_trials import trial_sku  # noqa: F401

pytestmark = pytest.mark.e2e


def test_a_shopper_back_for_a_second_trial_is_told_the_first_period_is_charged_today(page: Page, api, catalog,
                                                                                    sandbox, worker, trial_sku):
    page.goto(f"/checkout/{catalog['product']}?sku={trial_sku}")
    expect(page.get_by_test_id("recurring-terms")).to_contain_text("14-day free trial, then $9.99 every month")
    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_label("agree").check()
    page.get_by_role("button", name="Start free trial").click()
    expect(page.get_by_text("Nothing to pay now")).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Free trial started")).to_be_visible()
    worker()
    (sub,) = api.get("/subscriptions").json["data"]
    assert sub["status"] == "trialing"
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": False}).status_code == 200

    page.goto(f"/checkout/{catalog['product']}?sku={trial_sku}")
    expect(page.get_by_test_id("trial-had")).to_have_text(
        "You have already had this product's free trial, so the first period is charged today.")
    expect(page.get_by_test_id("recurring-terms")).to_contain_text("First charge today: $9.99")
    expect(page.get_by_role("button", name="Start free trial")).to_have_count(0)
    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_label("agree").check()
    page.get_by_role("button", name="Pay $9.99").click()
    expect(page.get_by_text("$9.99").first).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()
    worker()
    again = api.get("/subscriptions").json["data"][0]
    assert again["id"] != sub["id"] and again["status"] == "active" and again["trial_days"] == 0
    assert api.get(f"/orders/{again['latest_order']}").json["amount"]["total"] == 999
