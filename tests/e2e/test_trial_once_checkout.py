"""A free trial is had once, in a real browser: a shopper starts a product's trial on the hosted page and cancels
it; back on the page for another, it says the first period is charged today, and Pay charges it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.signing.test_trials import trial_sku  # noqa: F401

pytestmark = pytest.mark.e2e


def test_a_shopper_back_for_a_second_trial_is_told_the_first_period_is_charged_today(
    page: Page, api, catalog, sandbox, worker, trial_sku
):
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
        "You have already had this product's free trial, so the first period is charged today."
    )
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


def on_top_and_on_screen(page: Page, locator) -> bool:
    """Whether the shopper sees the element where it is: inside the screen, and not under the pinned Pay bar."""
    return locator.evaluate("""el => { const r = el.getBoundingClientRect();
        if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
        return [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2].every(y => {
            const hit = document.elementFromPoint((r.left + r.right) / 2, y); return hit && el.contains(hit); }); }""")


def test_on_a_phone_the_second_trial_notice_shows_beside_pay(
    browser, live_server, api, catalog, sandbox, worker, trial_sku
):
    """On a phone the agreement and Pay are pinned to the screen's bottom; the notice that this shopper's first
    period is charged today sat in the summary, under that bar, so they pressed "Pay $9.99" expecting a free trial."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, base_url=live_server
    )
    phone = context.new_page()
    phone.goto(f"/checkout/{catalog['product']}?sku={trial_sku}")
    phone.get_by_role("radio", name="Card (sandbox)").check()
    phone.get_by_label("agree").check()
    phone.get_by_role("button", name="Start free trial").click()
    phone.get_by_role("button", name="Approve").click()
    expect(phone.get_by_text("Free trial started")).to_be_visible()
    worker()
    (sub,) = api.get("/subscriptions").json["data"]
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": False}).status_code == 200

    phone.goto(f"/checkout/{catalog['product']}?sku={trial_sku}")
    phone.get_by_role("radio", name="Card (sandbox)").check()
    pay = phone.get_by_role("button", name="Pay $9.99")
    expect(pay).to_be_visible()
    notice = phone.get_by_text("You have already had this product's free trial, so the first period is charged today.")
    expect(notice).to_have_count(1)
    assert on_top_and_on_screen(phone, pay)
    assert on_top_and_on_screen(phone, notice)
    phone.get_by_role("radio", name="Founder edition").check()  # not a subscription: no trial to speak of
    expect(notice).to_be_hidden()
    phone.get_by_role("radio", name="30 days").check()
    expect(notice).to_be_visible()
    context.close()


@pytest.mark.parametrize(
    "locale, heading, success, button, agree, card",
    [
        (
            "en-US",
            "Free trial started",
            "Thank you, you are signed up. Nothing was charged today: your 14-day free trial has started",
            "Start free trial",
            "agree",
            "Card (sandbox)",
        ),
        (
            "de-DE",
            "Kostenloser Testzeitraum gestartet",
            "Vielen Dank, Sie sind angemeldet. Heute wurde nichts abgebucht: "
            "Ihr 14-tägiger kostenloser Testzeitraum hat begonnen",
            "Kostenlos testen",
            "Kaufbedingungen",
            "Karte (Sandbox)",
        ),
    ],
)
def test_a_started_trial_thanks_the_shopper_as_a_paid_order_does(
    browser, live_server, catalog, sandbox, trial_sku, locale, heading, success, button, agree, card
):
    """The paid and free orders' pages say "Thank you" and that the order is done; the trial's page only said that
    nothing was charged, so a shopper could wonder whether the signup had gone through."""
    context = browser.new_context(locale=locale, base_url=live_server)
    page = context.new_page()
    page.goto(f"/checkout/{catalog['product']}?sku={trial_sku}")
    page.get_by_role("radio", name=card).check()
    page.get_by_role("checkbox", name=re.compile(agree)).check()
    page.get_by_role("button", name=button).click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_text(success)).to_be_visible()
    context.close()
